//! Dates as the story format writes them: a year, a month or a day, optionally
//! approximate (`~`), uncertain (`?`) or both (`%`), and the timeline display order.

use std::cmp::Ordering;
use std::fmt;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date as written in a story file: `2025-11-14`, `2025-11`, `2001`, each
/// optionally followed by `~`, `?` or `%`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub approximate: bool,
    pub uncertain: bool,
    /// Exactly as written in the file (`"1940"` for an unquoted `1940`).
    pub raw: crate::story::Str,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in a month (1-based month).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A month's short name; total: a month that does not exist (a date from
/// elsewhere than the parser, such as a damaged cache entry) shows as `?`.
fn month_abbr(m: u8) -> &'static str {
    usize::from(m)
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("?")
}

impl PartialDate {
    /// Whether this date is one the parser could have made: a month from 1 to 12,
    /// a day that month has, a day only with a month.
    pub fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some(m), day) => {
                (1..=12).contains(&m)
                    && day.is_none_or(|d| d >= 1 && d <= days_in_month(self.year, m))
            }
        }
    }
}

const FORMS: &str = "write YYYY-MM-DD, YYYY-MM or YYYY, optionally followed by ~, ? or %";

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

impl PartialDate {
    /// Parses a date; the error says what is wrong and what would be right.
    pub fn parse(raw: &str) -> Result<PartialDate, String> {
        let shown = raw;
        let (body, approximate, uncertain) = match raw.as_bytes().last() {
            Some(b'~') => (&raw[..raw.len() - 1], true, false),
            Some(b'?') => (&raw[..raw.len() - 1], false, true),
            Some(b'%') => (&raw[..raw.len() - 1], true, true),
            _ => (raw, false, false),
        };
        let bad = || format!("`{shown}` is not a date: {FORMS}");
        let mut parts = body.split('-');
        let year = parts.next().and_then(|y| digits(y, 4)).ok_or_else(bad)? as u16;
        let month = match parts.next() {
            None => None,
            Some(m) => Some(digits(m, 2).ok_or_else(bad)? as u8),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => Some(digits(d, 2).ok_or_else(bad)? as u8),
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!(
                    "`{shown}` is not a date: month {m} does not exist (months run from 01 to 12)"
                ));
            }
            if let Some(d) = day {
                let max = days_in_month(year, m);
                if d == 0 || d > max {
                    return Err(format!(
                        "`{shown}` is not a date: {} {year} has {max} days",
                        MONTH_NAMES.get(usize::from(m) - 1).unwrap_or(&"?")
                    ));
                }
            }
        }
        Ok(PartialDate {
            year,
            month,
            day,
            approximate,
            uncertain,
            raw: raw.into(),
        })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The sort key: first day, then precision (coarser first). `~ ? %` do not count.
    pub fn sort_key(&self) -> (u16, u8, u8, Precision) {
        (
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1),
            self.precision(),
        )
    }
}

impl fmt::Display for PartialDate {
    /// As the format shows dates: `14 Nov 2025`, `Nov 2025`, `2001`, `c. 2001?`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("c. ")?;
        }
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{d} {} {:04}", month_abbr(m), self.year)?,
            (Some(m), None) => write!(f, "{} {:04}", month_abbr(m), self.year)?,
            _ => write!(f, "{:04}", self.year)?,
        }
        if self.uncertain {
            f.write_str("?")?;
        }
        Ok(())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| self.raw.cmp(&other.raw))
    }
}

/// The display order of a timeline, as indexes into `dates` (one entry per event,
/// in file order): chronological by [`PartialDate::sort_key`], ties in file order,
/// and an undated event right after the event written before it (first if it is first).
pub fn timeline_order(dates: &[Option<&PartialDate>]) -> Vec<usize> {
    // Group each run of undated events with the dated event before it.
    let mut groups: Vec<(Option<&PartialDate>, Vec<usize>)> = Vec::new();
    for (i, date) in dates.iter().enumerate() {
        match date {
            Some(d) => groups.push((Some(*d), vec![i])),
            None => match groups.last_mut() {
                Some(group) => group.1.push(i),
                None => groups.push((None, vec![i])),
            },
        }
    }
    // A leading undated group has no date and stays first; stable sort keeps ties in file order.
    groups.sort_by(|a, b| match (a.0, b.0) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Less,
        (Some(_), None) => Ordering::Greater,
        (Some(x), Some(y)) => x.sort_key().cmp(&y.sort_key()),
    });
    groups.into_iter().flat_map(|g| g.1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn parses_every_form() {
        assert_eq!(d("2025-11-14").to_string(), "14 Nov 2025");
        assert_eq!(d("2025-11").to_string(), "Nov 2025");
        assert_eq!(d("2001").to_string(), "2001");
        assert_eq!(d("2001~").to_string(), "c. 2001");
        assert_eq!(d("2001?").to_string(), "2001?");
        assert_eq!(d("2001%").to_string(), "c. 2001?");
        assert_eq!(d("2025-11-14~").to_string(), "c. 14 Nov 2025");
        assert_eq!(d("2025-11?").to_string(), "Nov 2025?");
        assert_eq!(d("2024-02-29").day, Some(29));
        assert_eq!(d("2000-02-29").day, Some(29));
    }

    #[test]
    fn rejects_impossible_dates_with_reasons() {
        assert_eq!(
            PartialDate::parse("2025-02-30").unwrap_err(),
            "`2025-02-30` is not a date: February 2025 has 28 days"
        );
        assert_eq!(
            PartialDate::parse("1900-02-29").unwrap_err(),
            "`1900-02-29` is not a date: February 1900 has 28 days"
        );
        assert!(PartialDate::parse("2025-13-01")
            .unwrap_err()
            .contains("month 13 does not exist"));
        for bad in [
            "Nov 14",
            "",
            "~",
            "25",
            "2025-1-01",
            "2025-11-14-01",
            "2025/11/14",
            "2025-11-00",
            "2025~~",
            "２０２５",
            "2025-11-14 ",
            " 2025",
        ] {
            assert!(
                PartialDate::parse(bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn coarser_sorts_before_finer_inside_it() {
        let mut v = [
            d("2025-11-14"),
            d("2025-11-01"),
            d("2025-11"),
            d("2025-10-31"),
            d("2025"),
        ];
        v.sort();
        let raws: Vec<_> = v.iter().map(|x| x.raw.as_str()).collect();
        assert_eq!(
            raws,
            ["2025", "2025-10-31", "2025-11", "2025-11-01", "2025-11-14"]
        );
    }

    #[test]
    fn qualifiers_do_not_change_order() {
        assert_eq!(d("2001~").sort_key(), d("2001").sort_key());
        assert_eq!(d("2001%").sort_key(), d("2001?").sort_key());
    }

    #[test]
    fn timeline_order_keeps_ties_and_undated_events_in_place() {
        let dates = [d("2025-11-14"), d("1940"), d("2025-11-14"), d("2001-12-11")];
        let with_gaps: Vec<Option<&PartialDate>> = vec![
            None,            // 0: undated first event stays first
            Some(&dates[0]), // 1
            None,            // 2: follows 1
            Some(&dates[1]), // 3
            Some(&dates[2]), // 4: ties with 1, after it (file order)
            Some(&dates[3]), // 5
            None,            // 6: follows 5
        ];
        assert_eq!(timeline_order(&with_gaps), vec![0, 3, 5, 6, 1, 2, 4]);
        assert_eq!(timeline_order(&[]), Vec::<usize>::new());
        assert_eq!(timeline_order(&[None, None]), vec![0, 1]);
    }

    #[test]
    fn dates_from_elsewhere_never_panic() {
        for (month, day) in [
            (Some(13), Some(1)),
            (Some(0), None),
            (Some(255), Some(255)),
            (None, Some(3)),
        ] {
            let d = PartialDate {
                year: 2024,
                month,
                day,
                approximate: false,
                uncertain: false,
                raw: "x".into(),
            };
            assert!(!d.is_valid());
            let _ = d.to_string();
            let _ = d.sort_key();
        }
        assert!(PartialDate::parse("2024-02-29").unwrap().is_valid());
    }
}
