//! Dates in article text: absolute dates, and weekdays and "yesterday" resolved against
//! the publication date.

use super::names::{MONTHS, WEEKDAYS};

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

impl Day {
    pub fn parse(s: &str) -> Option<Day> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.get(..2)?.parse().ok()?;
        valid(y, m, d).then_some(Day { y, m, d })
    }

    pub fn format(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// Days since 1970-01-01.
    fn days(self) -> i64 {
        let (y, m) = if self.m <= 2 {
            (self.y as i64 - 1, self.m as i64 + 9)
        } else {
            (self.y as i64, self.m as i64 - 3)
        };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * m + 2) / 5 + self.d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    fn from_days(z: i64) -> Day {
        let z = z + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Day { y, m, d }
    }

    /// 0 = Monday.
    fn weekday(self) -> i64 {
        (self.days() + 3).rem_euclid(7)
    }

    fn plus(self, n: i64) -> Day {
        Day::from_days(self.days() + n)
    }
}

fn leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    let len = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap(y) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=len).contains(&d) && (1..=9999).contains(&y)
}

/// A date found in a sentence: the text as written and the format date it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub text: String,
    pub date: String,
    /// 3 = a day with its year, 2 = a day resolved against the publication date,
    /// 1 = a month, 0 = a year.
    pub rank: u8,
}

fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept"))
        })
        .map(|i| i as u32 + 1)
}

fn number(w: &str) -> Option<u32> {
    let w = w
        .trim_end_matches(',')
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

fn year(w: &str) -> Option<i32> {
    let w = w.trim_end_matches([',', '.', ';', ')']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

/// The dates a text mentions, best first. `publication` resolves a day without a year,
/// a weekday ("on Friday": the last one on or before the publication date), "yesterday"
/// and "today".
pub fn find(text: &str, publication: Option<Day>) -> Vec<Found> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .filter(|w| !w.is_empty())
        .collect();
    let clean = |w: &str| {
        w.trim_end_matches([',', '.', ';', ':', ')', '”', '"'])
            .to_string()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = clean(words[i]);
        // ISO 2025-11-14
        if let Some(d) = Day::parse(&w).filter(|_| w.len() == 10) {
            out.push(Found {
                text: w.clone(),
                date: d.format(),
                rank: 3,
            });
            i += 1;
            continue;
        }
        if let Some(m) =
            month_of(&w).filter(|_| words[i].chars().next().is_some_and(char::is_uppercase))
        {
            // November 14, 2025 / November 14 / November 2025
            if let Some(d) = words
                .get(i + 1)
                .and_then(|x| number(&clean(x)))
                .filter(|d| *d <= 31)
            {
                if let Some(y) = words.get(i + 2).and_then(|x| year(x)) {
                    if valid(y, m, d) {
                        out.push(Found {
                            text: format!("{} {} {}", words[i], words[i + 1], clean(words[i + 2])),
                            date: Day { y, m, d }.format(),
                            rank: 3,
                        });
                        i += 3;
                        continue;
                    }
                }
                if let Some(p) = publication {
                    let mut y = p.y;
                    if m > p.m + 1 {
                        y -= 1;
                    }
                    if valid(y, m, d) {
                        out.push(Found {
                            text: format!("{} {}", words[i], clean(words[i + 1])),
                            date: Day { y, m, d }.format(),
                            rank: 2,
                        });
                    }
                }
                i += 2;
                continue;
            }
            if let Some(y) = words.get(i + 1).and_then(|x| year(x)) {
                out.push(Found {
                    text: format!("{} {}", words[i], clean(words[i + 1])),
                    date: format!("{y:04}-{m:02}"),
                    rank: 1,
                });
                i += 2;
                continue;
            }
        }
        // 14 November 2025 / 14 November
        if let (Some(d), Some(m)) = (
            number(&w).filter(|d| (1..=31).contains(d)),
            words.get(i + 1).and_then(|x| month_of(&clean(x))),
        ) {
            if words[i + 1].chars().next().is_some_and(char::is_uppercase) {
                if let Some(y) = words.get(i + 2).and_then(|x| year(x)) {
                    if valid(y, m, d) {
                        out.push(Found {
                            text: format!("{} {} {}", w, words[i + 1], clean(words[i + 2])),
                            date: Day { y, m, d }.format(),
                            rank: 3,
                        });
                        i += 3;
                        continue;
                    }
                }
            }
        }
        let lower = w.to_lowercase();
        if let Some(p) = publication {
            if let Some(wd) = WEEKDAYS.iter().position(|d| *d == lower) {
                if words[i].chars().next().is_some_and(char::is_uppercase) {
                    let back = (p.weekday() - wd as i64).rem_euclid(7);
                    out.push(Found {
                        text: w.clone(),
                        date: p.plus(-back).format(),
                        rank: 2,
                    });
                }
            } else if lower == "yesterday" {
                out.push(Found {
                    text: w.clone(),
                    date: p.plus(-1).format(),
                    rank: 2,
                });
            }
        }
        if let Some(y) = year(words[i]) {
            let prev = i.checked_sub(1).map(|j| words[j].to_lowercase());
            // "in 1940", "a 1940 candidate", "since 2001"; not a number of things.
            let after = words.get(i + 1).map(|x| x.to_lowercase());
            if !after.is_some_and(|a| a.starts_with("people") || a.starts_with("percent"))
                && prev.is_none_or(|p| !p.starts_with('$'))
            {
                out.push(Found {
                    text: clean(words[i]),
                    date: format!("{y:04}"),
                    rank: 0,
                });
            }
        }
        i += 1;
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.rank));
    out
}

/// A publication date at the top of an article: the first date with a day and a year
/// in its first paragraphs.
pub fn dateline<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> Option<String> {
    paragraphs
        .into_iter()
        .take(4)
        .flat_map(|p| find(p, None))
        .find(|f| f.rank == 3)
        .map(|f| f.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_and_relative_dates() {
        let pubd = Day::parse("2025-11-16"); // a Sunday
        let f = find(
            "as reported by the Financial Times on November 14, in 1940",
            pubd,
        );
        let got: Vec<(&str, &str)> = f
            .iter()
            .map(|f| (f.text.as_str(), f.date.as_str()))
            .collect();
        assert_eq!(got, [("November 14", "2025-11-14"), ("1940", "1940")]);
        assert_eq!(find("on Friday the ministry", pubd)[0].date, "2025-11-14");
        assert_eq!(find("on Sunday", pubd)[0].date, "2025-11-16");
        assert_eq!(find("on 3 March 2024.", None)[0].date, "2024-03-03");
        assert_eq!(find("Nov. 14, 2025", None)[0].date, "2025-11-14");
        assert!(find("on February 30, 2025", None)
            .iter()
            .all(|f| f.rank < 3));
        assert!(find("on Friday", None).is_empty());
        assert_eq!(
            dateline(["By A. Writer", "November 16, 2025", "Text"]),
            Some("2025-11-16".into())
        );
    }
}
