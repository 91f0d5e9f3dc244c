//! Any text as a store date or a day option: no panic; what is accepted
//! is an interval in years 1 to 9999 (or open) whose written form reads
//! back as the same date.
#![no_main]

use annals::model::date::parse_day;
use annals::model::EventDate;
use chrono::{Datelike, NaiveDate};
use libfuzzer_sys::fuzz_target;

/// True when `d` lies in years 1 to 9999, the years a written date may name.
fn in_years(d: NaiveDate) -> bool {
    (1..=9999).contains(&d.year())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = text.parse::<EventDate>() {
        assert!(d.earliest() <= d.latest(), "{text:?}: reversed interval");
        assert!(d.open_start() || in_years(d.earliest()), "{text:?}");
        assert!(d.open_end() || in_years(d.latest()), "{text:?}");
        let again: EventDate = d
            .as_str()
            .parse()
            .unwrap_or_else(|e| panic!("{text:?} written as {:?}: {e}", d.as_str()));
        assert_eq!(again, d, "{text:?}");
        let _ = annals::export::human::date(&d);
    }
    if let Ok(day) = parse_day(text) {
        assert!(in_years(day), "{text:?}");
    }
});
