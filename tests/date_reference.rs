//! The engine's own date type cross-checked against the `time` crate (a dev-dependency only: the
//! bundle keeps its ~120-line `Date`, measured 0.4 KB brotli smaller than `time`, docs/performance.md).
//! Every day from 0001-01-01 to 9999-12-31 is compared once; parsing on random text by proptest.

use ansvarskollen::engine::Date;
use proptest::prelude::*;
use time::{format_description::well_known::Iso8601, Month};

fn reference(d: Date) -> time::Date {
    time::Date::from_calendar_date(d.year() as i32, Month::try_from(d.month()).unwrap(), d.day()).unwrap()
}

/// Days since 1970-01-01 by `time`.
fn reference_days(d: time::Date) -> i64 {
    (d.to_julian_day() - time::macros::date!(1970 - 01 - 01).to_julian_day()) as i64
}

#[test]
fn every_day_of_the_calendar_agrees_with_the_time_crate() {
    let mut ours = Date::MIN;
    let mut theirs = time::Date::from_calendar_date(1, Month::January, 1).unwrap();
    let mut days = 0u32;
    loop {
        assert_eq!((ours.year() as i32, ours.month(), ours.day()), (theirs.year(), theirs.month() as u8, theirs.day()));
        assert_eq!(ours.to_days(), reference_days(theirs), "{ours}");
        assert_eq!(Date::from_days(ours.to_days()), ours);
        assert_eq!(ours.to_string(), format!("{:04}-{:02}-{:02}", theirs.year(), theirs.month() as u8, theirs.day()));
        days += 1;
        if ours == Date::MAX {
            break;
        }
        ours = ours.succ();
        theirs = theirs.next_day().unwrap();
        assert_eq!(ours.pred().succ(), ours);
    }
    assert_eq!(days, 3_652_059, "the days from 0001-01-01 to 9999-12-31");
    assert_eq!(Date::MAX.succ(), Date::MAX);
    assert_eq!(Date::MIN.pred(), Date::MIN);
}

proptest! {
    /// `Date::new` accepts exactly the days `time` accepts (years 1–9999).
    #[test]
    fn new_agrees(year in 1u16..=9999, month in 0u8..=13, day in 0u8..=32) {
        let ours = Date::new(year, month, day);
        let theirs = Month::try_from(month).ok().and_then(|m| time::Date::from_calendar_date(year as i32, m, day).ok());
        prop_assert_eq!(ours.is_some(), theirs.is_some(), "{}-{}-{}", year, month, day);
        if let Some(d) = ours {
            prop_assert_eq!(reference(d), theirs.unwrap());
        }
    }

    /// `Date::parse` accepts a `YYYY-MM-DD` text exactly when `time`'s ISO 8601 parser reads a
    /// calendar date from it (ours takes only that one form, so texts are made in it, valid or not).
    #[test]
    fn parse_agrees(y in 0u32..=9999, m in 0u32..=19, d in 0u32..=39) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        let ours = Date::parse(&text).ok();
        let theirs = time::Date::parse(&text, &Iso8601::DEFAULT).ok().filter(|t| t.year() >= 1);
        prop_assert_eq!(ours.map(reference), theirs, "{}", text);
    }

    /// Texts that are not exactly `YYYY-MM-DD` are refused, whatever `time` makes of them.
    #[test]
    fn parse_refuses_other_shapes(text in "[0-9+-]{0,12}|[0-9]{4}-[0-9]{2}-[0-9]{2}[ T0-9:Z]{1,6}") {
        let shaped = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-'
            && text.bytes().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            prop_assert!(Date::parse(&text).is_err(), "{}", text);
        }
    }
}
