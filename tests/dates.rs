//! Property tests of the date model: printing and parsing agree, and the
//! order is the order of the intervals.

use annals::model::EventDate;
use chrono::NaiveDate;
use proptest::prelude::*;

fn day() -> impl Strategy<Value = NaiveDate> {
    (1800i32..2200, 1u32..=12, 1u32..=31).prop_filter_map("a calendar day", |(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d)
    })
}

/// Any written date: a unit, possibly qualified, possibly part of a range.
fn written() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        day().prop_map(|d| d.format("%Y-%m-%d").to_string()),
        day().prop_map(|d| d.format("%Y-%m").to_string()),
        day().prop_map(|d| d.format("%Y").to_string()),
        (1800i32..2200, 1u32..=52).prop_map(|(y, w)| format!("{y}-W{w:02}")),
        (1800i32..2200, 1u32..=4).prop_map(|(y, q)| format!("{y}-Q{q}")),
        (
            1800i32..2200,
            prop::sample::select(vec!["SP", "SU", "FA", "WI", "H1", "H2"])
        )
            .prop_map(|(y, s)| format!("{y}-{s}")),
        (180i32..220).prop_map(|d| format!("{d}X")),
    ];
    let qualified = (
        unit,
        prop::sample::select(vec!["", "~", "?", "%", "~3d"]),
        prop::sample::select(vec!["", "early ", "mid ", "late "]),
    )
        .prop_map(|(u, q, p)| format!("{p}{u}{q}"));
    prop_oneof![
        3 => qualified,
        1 => (day(), day()).prop_map(|(a, b)| {
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            format!("{a}/{b}")
        }),
        1 => day().prop_map(|d| format!("../{d}")),
        1 => day().prop_map(|d| format!("{d}/..")),
    ]
}

proptest! {
    #[test]
    fn printed_dates_parse_back_to_the_same_interval(text in written()) {
        let date: EventDate = text.parse().unwrap();
        let again: EventDate = date.to_string().parse().unwrap();
        prop_assert_eq!(date.earliest(), again.earliest());
        prop_assert_eq!(date.latest(), again.latest());
        prop_assert_eq!(date.granularity(), again.granularity());
        prop_assert_eq!(&date, &again);
        prop_assert!(date.earliest() <= date.latest());
    }

    #[test]
    fn order_follows_the_intervals(a in written(), b in written()) {
        let (x, y): (EventDate, EventDate) = (a.parse().unwrap(), b.parse().unwrap());
        let by_interval = (x.earliest(), x.latest()).cmp(&(y.earliest(), y.latest()));
        prop_assert_eq!(x.chrono_cmp(&y), by_interval);
        prop_assert_eq!(y.chrono_cmp(&x), by_interval.reverse());
    }

    #[test]
    fn no_input_panics_the_parser(text in "\\PC{0,40}") {
        let _ = text.parse::<EventDate>();
    }

    #[test]
    fn impossible_days_are_errors(y in 1800i32..2200, m in 1u32..=12, d in 29u32..=40) {
        let text = format!("{y}-{m:02}-{d:02}");
        prop_assert_eq!(text.parse::<EventDate>().is_ok(), NaiveDate::from_ymd_opt(y, m, d).is_some());
    }
}
