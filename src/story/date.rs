//! Dates as the story format writes them: a year, a month or a day, optionally
//! approximate (`~`), uncertain (`?`) or both (`%`); from format 2 a day with a time
//! of day and an optional UTC offset; and the timeline display order.

use std::cmp::Ordering;
use std::fmt;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    /// A day with a time of day (format 2).
    Time,
}

/// A time of day (format 2): `13:00`, `13:00:05`, optionally with a UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
    /// `None` when the seconds are not written.
    pub second: Option<u8>,
    /// Minutes east of UTC (`Z` is 0); `None` when the zone is unknown.
    pub offset: Option<i16>,
}

impl TimeOfDay {
    /// Seconds from the written day's midnight UTC to this time's instant (the local
    /// time read as UTC when the zone is unknown); may fall outside 0..86400.
    pub fn instant(&self) -> i32 {
        let local = i32::from(self.hour) * 3600
            + i32::from(self.minute) * 60
            + i32::from(self.second.unwrap_or(0));
        local - i32::from(self.offset.unwrap_or(0)) * 60
    }
}

impl fmt::Display for TimeOfDay {
    /// `13:00`, `13:00:05`, `22:33 UTC+8`, `09:00 UTC`, `UTC+5:30`, `UTC-5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)?;
        if let Some(s) = self.second {
            write!(f, ":{s:02}")?;
        }
        match self.offset {
            None => Ok(()),
            Some(0) => f.write_str(" UTC"),
            Some(o) => {
                let sign = if o < 0 { '-' } else { '+' };
                let (h, m) = (o.unsigned_abs() / 60, o.unsigned_abs() % 60);
                if m == 0 {
                    write!(f, " UTC{sign}{h}")
                } else {
                    write!(f, " UTC{sign}{h}:{m:02}")
                }
            }
        }
    }
}

/// A date as written in a story file: `2025-11-14`, `2025-11`, `2001`, each
/// optionally followed by `~`, `?` or `%`; from format 2 a day with a time
/// ([`PartialDate::time`], read from `raw`: 24 bytes, not 32, for every quote's,
/// event's, stance's and source's date, 50 MB at 100,000 stories; issue 19).
/// Stored (the cache, the reviewed versions) with its time as before.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(from = "Stored", into = "Stored")]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub approximate: bool,
    pub uncertain: bool,
    /// Exactly as written in the file (`"1940"` for an unquoted `1940`).
    pub raw: crate::story::Str,
}

const _: () = assert!(std::mem::size_of::<Option<PartialDate>>() == 24);

/// A [`PartialDate`] as it is stored: with its time of day, as it was stored
/// before the time was read from the text.
#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
    approximate: bool,
    uncertain: bool,
    time: Option<TimeOfDay>,
    raw: crate::story::Str,
}

impl From<Stored> for PartialDate {
    fn from(s: Stored) -> PartialDate {
        PartialDate {
            year: s.year,
            month: s.month,
            day: s.day,
            approximate: s.approximate,
            uncertain: s.uncertain,
            raw: s.raw,
        }
    }
}

impl From<PartialDate> for Stored {
    fn from(d: PartialDate) -> Stored {
        Stored {
            time: d.time(),
            year: d.year,
            month: d.month,
            day: d.day,
            approximate: d.approximate,
            uncertain: d.uncertain,
            raw: d.raw,
        }
    }
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
        let day_ok = match (self.month, self.day) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some(m), day) => {
                (1..=12).contains(&m)
                    && day.is_none_or(|d| d >= 1 && d <= days_in_month(self.year, m))
            }
        };
        // A time only on a day, within the clock, with an offset of at most 14
        // hours: a time written that does not parse is none of these.
        let time_ok = match time_start(&self.raw) {
            None => true,
            Some(_) => self.time().is_some_and(|t| {
                self.day.is_some()
                    && t.hour < 24
                    && t.minute < 60
                    && t.second.is_none_or(|s| s < 60)
                    && t.offset.is_none_or(|o| o.unsigned_abs() <= 14 * 60)
            }),
        };
        day_ok && time_ok
    }
}

const FORMS: &str = "write YYYY-MM-DD, YYYY-MM or YYYY, optionally followed by ~, ? or %";
const TIME_FORMS: &str =
    "write a day and a time as YYYY-MM-DDThh:mm or YYYY-MM-DDThh:mm:ss, optionally followed by Z or an offset like +08:00 or -05:00";

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

impl PartialDate {
    /// Parses a date; the error says what is wrong and what would be right.
    pub fn parse(raw: &str) -> Result<PartialDate, String> {
        if let Some(at) = time_start(raw) {
            return parse_with_time(raw, at).map(|(day, _)| day);
        }
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

    /// The time of day, for a day with a time (format 2): read from the date as
    /// written (`None` when it holds none, or one that does not parse).
    pub fn time(&self) -> Option<TimeOfDay> {
        let at = time_start(&self.raw)?;
        parse_with_time(&self.raw, at).ok().map(|(_, time)| time)
    }

    pub fn precision(&self) -> Precision {
        self.precision_with(self.time().is_some())
    }

    /// [`PartialDate::precision`], given whether the date holds a time of day.
    fn precision_with(&self, has_time: bool) -> Precision {
        match (self.month, self.day) {
            _ if has_time => Precision::Time,
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The sort key: first day (as written: the story's calendar), then precision
    /// (coarser first), then for a time its instant. `~ ? %` do not count. The
    /// time is read from the date as written once per call.
    pub fn sort_key(&self) -> (u16, u8, u8, Precision, i32) {
        let time = self.time();
        (
            self.year,
            self.month.unwrap_or(1),
            self.day.unwrap_or(1),
            self.precision_with(time.is_some()),
            time.map_or(0, |t| t.instant()),
        )
    }
}

/// Where the time part of a written date starts: after a full day, at the
/// separator (`T`, or the wrong `t` or space, reported by [`parse_with_time`]), or
/// at a `T` after a month or a year (a time needs a day, also reported).
fn time_start(raw: &str) -> Option<usize> {
    let b = raw.as_bytes();
    let day_like = b.len() > 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if day_like && (b[10] == b'T' || (matches!(b[10], b't' | b' ') && b[11..].contains(&b':'))) {
        return Some(10);
    }
    // `2025-11T13:00`, `2025T13:00`: a `T` followed by a time.
    if !has_t(b) {
        return None;
    }
    // A plain byte search (both are ASCII: the index is a character's): a date
    // is a few bytes long, where a search by characters, or a vectorised one,
    // costs several times more to set up, for every date a cache hit checks
    // (issue 19).
    let t = b.iter().position(|&c| c == b'T' || c == b't')?;
    let before = &raw[..t];
    let after = &raw[t + 1..];
    let datey = !before.is_empty() && before.bytes().all(|c| c.is_ascii_digit() || c == b'-');
    (datey && after.as_bytes().first().is_some_and(u8::is_ascii_digit) && after.contains(':'))
        .then_some(t)
}

/// Whether `b` holds a `T` or a `t`. Most dates hold neither, and a cache hit
/// asks this of each of its dates: a date's usual lengths (4 to 16 bytes) are
/// looked at as two overlapping words, a few instructions where a loop over
/// the bytes costs several times more (issue 19); other lengths byte by byte.
fn has_t(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // A byte of `x` is zero exactly where `v`'s is `T` or `t` (the only bytes
    // that are `t` with bit 5 set); the test for a zero byte is exact.
    let word_has_t = |v: u64| {
        let x = (v | (0x20 * ONES)) ^ (0x74 * ONES);
        x.wrapping_sub(ONES) & !x & (0x80 * ONES) != 0
    };
    if let (Some(lo), Some(hi)) = (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        if b.len() <= 16 {
            return word_has_t(u64::from_le_bytes(*lo)) || word_has_t(u64::from_le_bytes(*hi));
        }
    } else if let (Some(lo), Some(hi)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        return word_has_t(u64::from(u32::from_le_bytes(*lo)))
            || word_has_t(u64::from(u32::from_le_bytes(*hi)));
    }
    b.iter().any(|&c| c == b'T' || c == b't')
}

/// The offset in `+hh:mm`, `-hh:mm` or `Z` at the end of a time; what it would be
/// right as when written wrong (`+0800`, `+8`).
fn split_offset(time: &str) -> (&str, Option<&str>) {
    if let Some(body) = time.strip_suffix(['Z', 'z']) {
        return (body, Some(&time[body.len()..]));
    }
    match time.rfind(['+', '-']) {
        Some(i) => (&time[..i], Some(&time[i..])),
        None => (time, None),
    }
}

/// Parses `2025-11-17T13:00[:05][Z|±hh:mm]`; `at` is where the separator is.
/// Gives the date and its time.
fn parse_with_time(raw: &str, at: usize) -> Result<(PartialDate, TimeOfDay), String> {
    let day_part = &raw[..at];
    let sep = raw[at..].chars().next().unwrap_or('T');
    let time_part = &raw[at + sep.len_utf8()..];
    let mut day = PartialDate::parse(day_part)
        .map_err(|e| e.replacen(&format!("`{day_part}`"), &format!("`{raw}`"), 1))?;
    if day.precision() != Precision::Day {
        let month = day.month.map_or("MM".to_string(), |m| format!("{m:02}"));
        return Err(format!(
            "`{raw}` is not a date: a time needs a day; write `{:04}-{month}-DDT{time_part}` with the day, or leave the time out",
            day.year
        ));
    }
    // `~`, `?` and `%` never follow a time.
    if let Some(stripped) = time_part.strip_suffix(['~', '?', '%']) {
        return Err(format!(
            "`{raw}` is not a date: `~`, `?` and `%` cannot follow a time; write `{day_part}T{stripped}` or the day alone with the mark, `{day_part}{}`",
            &time_part[stripped.len()..]
        ));
    }
    let (clock, offset_text) = split_offset(time_part);
    let bad = || format!("`{raw}` is not a date: {TIME_FORMS}");
    // Fractions of a second: the right form drops them.
    let (clock, fraction) = match clock.split_once(['.', ',']) {
        Some((c, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (c, true),
        Some(_) => return Err(bad()),
        None => (clock, false),
    };
    let mut parts = clock.split(':');
    let number = |s: Option<&str>| -> Option<(u8, bool)> {
        let s = s?;
        let n = (1..=2)
            .contains(&s.len())
            .then(|| s.parse::<u8>().ok())
            .flatten()?;
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then_some((n, s.len() == 2))
    };
    let (hour, h2) = number(parts.next()).ok_or_else(bad)?;
    let (minute, m2) = number(parts.next()).ok_or_else(bad)?;
    let second = match parts.next() {
        None => None,
        Some(s) => Some(number(Some(s)).ok_or_else(bad)?),
    };
    if parts.next().is_some() {
        return Err(bad());
    }
    if hour > 23 {
        return Err(format!(
            "`{raw}` is not a date: hour {hour} does not exist (hours run from 00 to 23)"
        ));
    }
    if minute > 59 {
        return Err(format!(
            "`{raw}` is not a date: minute {minute} does not exist (minutes run from 00 to 59)"
        ));
    }
    if let Some((s, _)) = second {
        if s > 59 {
            return Err(format!(
                "`{raw}` is not a date: second {s} does not exist (seconds run from 00 to 59)"
            ));
        }
    }
    let offset = match offset_text {
        None => None,
        Some("Z") => Some(0),
        Some(o) => Some(parse_offset(raw, o)?),
    };
    let time = TimeOfDay {
        hour,
        minute,
        second: second.map(|(s, _)| s),
        offset,
    };
    // The right form of what was written, for the errors of form below.
    let right = || {
        let mut t = format!("{day_part}T{hour:02}:{minute:02}");
        if let Some(s) = time.second {
            t.push_str(&format!(":{s:02}"));
        }
        match offset {
            None => {}
            Some(0) => t.push('Z'),
            Some(o) => {
                let sign = if o < 0 { '-' } else { '+' };
                t.push_str(&format!(
                    "{sign}{:02}:{:02}",
                    o.unsigned_abs() / 60,
                    o.unsigned_abs() % 60
                ));
            }
        }
        t
    };
    if sep != 'T' {
        let what = if sep == ' ' {
            "a space".to_string()
        } else {
            format!("`{sep}`")
        };
        return Err(format!(
            "`{raw}` is not a date: the time follows the day after an upper-case `T`, not {what}; write `{}`",
            right()
        ));
    }
    if fraction {
        return Err(format!(
            "`{raw}` is not a date: fractions of a second are not written; write `{}`",
            right()
        ));
    }
    if !h2 || !m2 || second.is_some_and(|(_, two)| !two) || offset_text == Some("z") {
        return Err(format!(
            "`{raw}` is not a date: write hours, minutes and seconds with two digits each (and `Z` upper-case): `{}`",
            right()
        ));
    }
    if offset_text.is_some_and(|o| o.len() != 1 && o.len() != 6) {
        return Err(format!(
            "`{raw}` is not a date: an offset is written with a colon, `±hh:mm`: `{}`",
            right()
        ));
    }
    day.raw = raw.into();
    Ok((day, time))
}

/// An offset after a time, in minutes east of UTC: `+08:00`, `-05:00`, `+05:30`
/// (`+0800`, `+8` and `z` parse, so that the error can show the right form).
fn parse_offset(raw: &str, o: &str) -> Result<i16, String> {
    let bad_offset = || {
        format!(
            "`{raw}` is not a date: `{o}` is not a UTC offset; write Z or one like +08:00, +05:30 or -05:00"
        )
    };
    if o == "z" {
        return Ok(0);
    }
    let sign: i16 = if o.starts_with('-') { -1 } else { 1 };
    let digits_part = &o[1..];
    let (h, m) = match digits_part.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits_part.len() == 4 => (&digits_part[..2], &digits_part[2..]),
        None => (digits_part, "00"),
    };
    let ok = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !ok(h) || !ok(m) {
        return Err(bad_offset());
    }
    let (h, m): (i16, i16) = (h.parse().unwrap_or(99), m.parse().unwrap_or(99));
    if m > 59 || h * 60 + m > 14 * 60 {
        return Err(format!(
            "`{raw}` is not a date: `{o}` is not a UTC offset; offsets run from -14:00 to +14:00"
        ));
    }
    if sign < 0 && h == 0 && m == 0 {
        let day_time = &raw[..raw.len() - o.len()];
        return Err(format!(
            "`{raw}` is not a date: `-00:00` is not an offset; leave the offset out when the zone is unknown (`{day_time}`), or write Z for UTC"
        ));
    }
    Ok(sign * (h * 60 + m))
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
        if let Some(t) = &self.time() {
            write!(f, " {t}")?;
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
    fn times_parse_and_display_as_the_format_says() {
        assert_eq!(d("2025-11-17T13:00").to_string(), "17 Nov 2025 13:00");
        assert_eq!(d("2025-11-17T13:00:05").to_string(), "17 Nov 2025 13:00:05");
        assert_eq!(
            d("2025-11-17T22:33+08:00").to_string(),
            "17 Nov 2025 22:33 UTC+8"
        );
        assert_eq!(d("2025-11-17T09:00Z").to_string(), "17 Nov 2025 09:00 UTC");
        assert_eq!(
            d("2025-11-17T09:00+00:00").to_string(),
            "17 Nov 2025 09:00 UTC"
        );
        assert_eq!(
            d("2025-11-17T09:00+05:30").to_string(),
            "17 Nov 2025 09:00 UTC+5:30"
        );
        assert_eq!(
            d("2025-11-17T13:00-05:00").to_string(),
            "17 Nov 2025 13:00 UTC-5"
        );
        assert_eq!(
            d("2025-11-17T13:00-09:30").to_string(),
            "17 Nov 2025 13:00 UTC-9:30"
        );
        assert_eq!(
            d("2025-11-17T23:59:59+14:00").time().unwrap().offset,
            Some(840)
        );
        assert_eq!(
            d("2025-11-17T00:00-14:00").time().unwrap().offset,
            Some(-840)
        );
        assert_eq!(d("2025-11-17T13:00").precision(), Precision::Time);
        assert_eq!(d("2025-11-17T13:00").raw, "2025-11-17T13:00");
        assert!(d("2025-11-17").time().is_none());
    }

    fn err(s: &str) -> String {
        PartialDate::parse(s).unwrap_err()
    }

    #[test]
    fn time_errors_show_the_right_form() {
        assert!(
            err("2025-11-17T22:33+0800").ends_with("`2025-11-17T22:33+08:00`"),
            "{}",
            err("2025-11-17T22:33+0800")
        );
        assert!(err("2025-11-17T22:33+8").ends_with("`2025-11-17T22:33+08:00`"));
        let e = err("2025-11-17T13:00-00:00");
        assert!(
            e.contains("leave the offset out") && e.contains("`2025-11-17T13:00`"),
            "{e}"
        );
        let e = err("2025-11-17 13:00");
        assert!(
            e.contains("not a space") && e.ends_with("write `2025-11-17T13:00`"),
            "{e}"
        );
        let e = err("2025-11-17t13:00:05Z");
        assert!(
            e.contains("not `t`") && e.ends_with("write `2025-11-17T13:00:05Z`"),
            "{e}"
        );
        let e = err("2025-11-17T13:00:05.250Z");
        assert!(
            e.contains("fractions") && e.ends_with("`2025-11-17T13:00:05Z`"),
            "{e}"
        );
        let e = err("2025-11-17T13:00~");
        assert!(
            e.contains("cannot follow a time") && e.contains("`2025-11-17~`"),
            "{e}"
        );
        let e = err("2025-11T13:00");
        assert!(
            e.contains("a time needs a day") && e.contains("`2025-11-DDT13:00`"),
            "{e}"
        );
        assert!(err("2025T13:00").contains("a time needs a day"));
        assert!(err("2025-11-17T24:00").contains("hour 24 does not exist"));
        assert!(err("2025-11-17T23:60").contains("minute 60 does not exist"));
        assert!(err("2025-11-17T23:59:60").contains("second 60 does not exist"));
        assert!(err("2025-11-17T9:00").ends_with("`2025-11-17T09:00`"));
        assert!(err("2025-11-17T09:00+14:30").contains("from -14:00 to +14:00"));
        assert!(err("2025-11-17T09:00+05:60").contains("from -14:00 to +14:00"));
        assert!(err("2025-02-30T09:00")
            .starts_with("`2025-02-30T09:00` is not a date: February 2025 has 28 days"));
        for bad in [
            "2025-11-17T",
            "2025-11-17T13",
            "2025-11-17T1300",
            "2025-11-17T13:00:00:00",
            "2025-11-17T13:00+",
            "2025-11-17T13:00+ab:00",
            "2025-11-17T:00",
            "2025-11-17T13:00 +08:00",
        ] {
            assert!(
                PartialDate::parse(bad).is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn a_time_sorts_after_its_day_and_by_instant_within_it() {
        let mut v = [
            d("2025-11-18"),
            d("2025-11-17T22:33+08:00"), // 14:33 UTC
            d("2025-11-17T13:00-05:00"), // 18:00 UTC
            d("2025-11-17T09:00"),       // read as 09:00 UTC
            d("2025-11-17"),
            d("2025-11"),
        ];
        v.sort();
        let raws: Vec<_> = v.iter().map(|x| x.raw.as_str()).collect();
        assert_eq!(
            raws,
            [
                "2025-11",
                "2025-11-17",
                "2025-11-17T09:00",
                "2025-11-17T22:33+08:00",
                "2025-11-17T13:00-05:00",
                "2025-11-18"
            ]
        );
        // The written day is the calendar: 00:30 on the 18th in Tokyo is 15:30 UTC on
        // the 17th, yet it sorts after 20:00 on the 17th in New York (01:00 UTC on the 18th).
        assert!(d("2025-11-18T00:30+09:00") > d("2025-11-17T20:00-05:00"));
        // Equal instants have equal keys (file order decides).
        assert_eq!(
            d("2025-11-17T14:00+01:00").sort_key(),
            d("2025-11-17T13:00Z").sort_key()
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
    fn a_date_takes_24_bytes_and_is_stored_with_its_time_as_before() {
        assert_eq!(std::mem::size_of::<Option<PartialDate>>(), 24);
        for raw in [
            "2025-11-17T13:00:05+05:30",
            "2025-11-17T13:00",
            "2025-11~",
            "2001",
        ] {
            let d = PartialDate::parse(raw).unwrap();
            // The bytes stored before the time was read from the text: each field
            // in order, the time among them.
            let before = (
                d.year,
                d.month,
                d.day,
                d.approximate,
                d.uncertain,
                d.time(),
                d.raw.as_str(),
            );
            let stored = postcard::to_allocvec(&d).unwrap();
            assert_eq!(stored, postcard::to_allocvec(&before).unwrap(), "{raw}");
            let back: PartialDate = postcard::from_bytes(&stored).unwrap();
            assert_eq!(back, d, "{raw}");
            assert_eq!(back.time(), d.time(), "{raw}");
            assert_eq!(back.to_string(), d.to_string(), "{raw}");
        }
        assert_eq!(
            PartialDate::parse("2025-11-17T13:00:05+05:30")
                .unwrap()
                .time()
                .map(|t| t.to_string()),
            Some("13:00:05 UTC+5:30".to_string())
        );
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
        // Times (read from the date as written): only on a day, within the clock,
        // offsets within 14 hours.
        let day = PartialDate::parse("2024-02-29T23:59:59+14:00").unwrap();
        assert!(day.is_valid());
        for (on_day, raw) in [
            (false, "2024-02-29T23:59:59+14:00"),
            (true, "2024-02-29T24:00"),
            (true, "2024-02-29T23:60"),
            (true, "2024-02-29T23:59:60"),
            (true, "2024-02-29T23:59+15:00"),
            (true, "2024-02-29T"),
        ] {
            let d = PartialDate {
                day: on_day.then_some(29),
                month: Some(2),
                raw: raw.into(),
                ..day.clone()
            };
            assert!(!d.is_valid(), "{d:?}");
            let _ = d.to_string();
            let _ = d.sort_key();
        }
        assert!(PartialDate::parse("2024-02-29").unwrap().is_valid());
    }

    /// Each byte of a date of 1 to 40 bytes, made a `T` or a `t` in turn, is
    /// found; and none where the date holds neither (nor a byte one bit away,
    /// `V`, `v`, `D`, `d`, `P`).
    #[test]
    fn a_t_is_seen_at_any_place_of_a_date_of_any_length() {
        for len in 0..=40 {
            for fill in [b'1', b'-', b'V', b'v', b'D', b'd', b'P', 0xf4, 0xd4] {
                let plain = vec![fill; len];
                assert!(!has_t(&plain), "{len} bytes of {fill:#x}");
                for at in 0..len {
                    for t in [b'T', b't'] {
                        let mut with = plain.clone();
                        with[at] = t;
                        assert!(has_t(&with), "{len} bytes, {t} at {at}");
                    }
                }
            }
        }
    }

    /// Dates at the edges of the calendar: what the parser takes is valid, and
    /// the same date with a day too many is refused by the parser, and not valid
    /// when made elsewhere (a damaged cache entry).
    #[test]
    fn edge_dates_are_valid_and_a_day_past_them_is_not() {
        for raw in [
            "2024-02-29",
            "2000-02-29",
            "1900-02-28",
            "2023-02-28",
            "2024-04-30",
            "2024-06-30",
            "2024-09-30",
            "2024-11-30",
            "2024-01-31",
            "2024-12-31",
            "0000-01-01",
            "9999-12-31",
            "2024",
            "2024-02",
            "2024~",
            "2024-02?",
            "2024-02-29%",
            "2024-02-29T00:00",
            "2024-02-29T23:59:59Z",
            "2024-02-29T12:30-05:00",
            "2024-02-29T12:30:00+08:00",
        ] {
            let d = PartialDate::parse(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert!(d.is_valid(), "{raw}");
        }
        for raw in [
            "2023-02-29",
            "1900-02-29",
            "2024-02-30",
            "2024-04-31",
            "2024-06-31",
            "2024-09-31",
            "2024-11-31",
            "2024-12-32",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
        ] {
            assert!(PartialDate::parse(raw).is_err(), "{raw}");
            let (y, m, day) = (&raw[..4], &raw[5..7], &raw[8..10]);
            let d = PartialDate {
                year: y.parse().unwrap(),
                month: Some(m.parse().unwrap()),
                day: Some(day.parse().unwrap()),
                approximate: false,
                uncertain: false,
                raw: raw.into(),
            };
            assert!(!d.is_valid(), "{raw}");
        }
        // A month with no year's day count, a time on a month or a year alone.
        for raw in ["2024-02T13:00", "2024T13:00"] {
            let d = PartialDate {
                year: 2024,
                month: raw.contains("-02").then_some(2),
                day: None,
                approximate: false,
                uncertain: false,
                raw: raw.into(),
            };
            assert!(!d.is_valid(), "{raw}");
        }
    }
}
