//! Any text and reference date through the temporal tagger: no panic,
//! expressions sorted and apart, their offsets on character boundaries
//! and naming exactly their text, their dates ordered intervals.
#![no_main]

use annals::time::{self, DocType};
use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let Ok(text) = std::str::from_utf8(&data[3..]) else {
        return;
    };
    // The reference day: anywhere in years 1 to 9999, the ends included.
    let offset = u64::from(u16::from_le_bytes([data[0], data[1]])) * 56;
    let base = NaiveDate::from_ymd_opt(1, 1, 1).unwrap();
    let dct = base.checked_add_days(Days::new(offset)).unwrap();
    let doc_type = if data[2] % 2 == 0 {
        DocType::News
    } else {
        DocType::Narrative
    };
    let found = time::tag(text, dct, doc_type);
    let mut last_end = 0;
    for t in &found {
        assert!(t.byte_begin <= t.byte_end && t.byte_end <= text.len());
        assert!(text.is_char_boundary(t.byte_begin) && text.is_char_boundary(t.byte_end));
        assert_eq!(&text[t.byte_begin..t.byte_end], t.text);
        assert_eq!(text[..t.byte_begin].chars().count(), t.begin);
        assert_eq!(t.end - t.begin, t.text.chars().count());
        assert!(t.byte_begin >= last_end, "overlapping expressions");
        last_end = t.byte_end;
        if let Some(d) = &t.date {
            assert!(d.earliest() <= d.latest());
        }
    }
});
