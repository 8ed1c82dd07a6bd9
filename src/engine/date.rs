//! A calendar date (proleptic Gregorian, no time, no zone) — the engine's only notion of time.
//!
//! Not a general date library: just what rules need (parse `YYYY-MM-DD`, compare, step by days).
//! A hand-written type keeps the engine free of dependencies in the browser bundle.

use std::fmt;

/// A valid calendar date between year 1 and 9999.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order makes the derived ordering chronological.
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        _ => 28,
    }
}

impl Date {
    /// The earliest and latest dates the engine represents.
    pub const MIN: Date = Date { year: 1, month: 1, day: 1 };
    /// The latest date.
    pub const MAX: Date = Date { year: 9999, month: 12, day: 31 };

    /// A date from its parts, or `None` if there is no such day.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }
    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bad = || DateError(format!("`{text}` is not a date: write it as YYYY-MM-DD, e.g. 2024-05-02"));
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            text.get(r).filter(|s| s.bytes().all(|c| c.is_ascii_digit()))?.parse().ok()
        };
        let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
            return Err(bad());
        };
        Date::new(y, m as u8, d as u8)
            .ok_or_else(|| DateError(format!("`{text}` is not a day in the calendar")))
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i64 {
        let (m, d) = (self.month as i64, self.day as i64);
        let y = self.year as i64 - if m <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, clamped to [`Date::MIN`, `Date::MAX`].
    pub fn from_days(days: i64) -> Date {
        if days <= Date::MIN.to_days() {
            return Date::MIN;
        }
        if days >= Date::MAX.to_days() {
            return Date::MAX;
        }
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as u16;
        Date { year: y, month: m, day: d }
    }

    /// The next day (saturates at [`Date::MAX`]).
    pub fn succ(self) -> Date {
        Date::from_days(self.to_days() + 1)
    }

    /// The previous day (saturates at [`Date::MIN`]).
    pub fn pred(self) -> Date {
        Date::from_days(self.to_days() - 1)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d = Date::parse("2012-09-01").unwrap();
        assert_eq!(d.to_string(), "2012-09-01");
        assert_eq!((d.year(), d.month(), d.day()), (2012, 9, 1));
    }

    #[test]
    fn rejects_non_dates() {
        for bad in ["2012-9-1", "2012-02-30", "2023-02-29", "20120901", "2012-13-01", "abcd-ef-gh", "", "2012-09-01x"] {
            assert!(Date::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn day_arithmetic_round_trips() {
        assert_eq!(Date::parse("1970-01-01").unwrap().to_days(), 0);
        let mut d = Date::parse("1991-12-25").unwrap();
        for _ in 0..20_000 {
            let n = d.succ();
            assert_eq!(n.pred(), d);
            assert_eq!(Date::from_days(d.to_days()), d);
            assert!(n > d);
            d = n;
        }
        assert_eq!(Date::parse("2016-02-28").unwrap().succ().to_string(), "2016-02-29");
        assert_eq!(Date::parse("2016-12-31").unwrap().succ().to_string(), "2017-01-01");
        assert_eq!(Date::MAX.succ(), Date::MAX);
    }
}
