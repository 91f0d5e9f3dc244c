//! Dates as a reader would say them: `~22 Sep 2020`, `late Sep 2020`,
//! `2020-W39`, `24–27 Sep 2020`, `since 29 Sep 2020`.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::model::date::decimal;
use crate::model::{Certainty, EventDate, Granularity, Part, Unit};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_LONG: [&str; 12] = [
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

/// A day as `3 Jan 2020`.
pub fn day(d: NaiveDate) -> String {
    let mut s = String::with_capacity(11);
    // Writing to a `String` cannot fail.
    let _ = write_day(d, &mut s);
    s
}

/// [`day`] written to `out`.
pub(crate) fn write_day(d: NaiveDate, out: &mut impl fmt::Write) -> fmt::Result {
    out.write_str(digits(d.day().into(), &mut [0; 20]))?;
    out.write_char(' ')?;
    write_month_year(d, out)
}

/// `Jan 2020`.
fn write_month_year(d: NaiveDate, out: &mut impl fmt::Write) -> fmt::Result {
    out.write_str(MONTHS[d.month0() as usize])?;
    out.write_char(' ')?;
    out.write_str(digits(d.year().into(), &mut [0; 20]))
}

/// `n` in decimal as `{}` writes it, in `buf`: a timeline writes a few
/// numbers for every event ([`decimal`]).
pub(crate) fn digits(n: i64, buf: &mut [u8; 20]) -> &str {
    let mut from = decimal(n.unsigned_abs(), 0, buf);
    if n < 0 {
        // 19 digits at most: room for the sign.
        from -= 1;
        buf[from] = b'-';
    }
    // Digits and a sign are ASCII.
    std::str::from_utf8(&buf[from..]).unwrap_or_default()
}

/// A month as `September 2020`, for section headings.
pub(crate) fn month_heading(d: NaiveDate) -> String {
    format!("{} {}", MONTHS_LONG[d.month0() as usize], d.year())
}

/// The date as a briefing prints it.
pub fn date(d: &EventDate) -> String {
    let mut s = String::new();
    // Writing to a `String` cannot fail.
    let _ = write_date(d, &mut s);
    s
}

/// [`date`] written to `out`, without a string for it or its parts (a
/// timeline writes one or more for every event).
pub(crate) fn write_date(d: &EventDate, out: &mut impl fmt::Write) -> fmt::Result {
    if d.granularity() == Granularity::Range {
        return out.write_str(&range(d));
    }
    if d.certainty() == Certainty::Approximate || d.certainty() == Certainty::UncertainApproximate {
        out.write_char('~')?;
    }
    if let Some(p) = d.part() {
        out.write_str(match p {
            Part::Early => "early ",
            Part::Mid => "mid ",
            Part::Late => "late ",
        })?;
    }
    write_unit(d, out)?;
    if matches!(
        d.certainty(),
        Certainty::Uncertain | Certainty::UncertainApproximate
    ) {
        out.write_char('?')?;
    }
    Ok(())
}

/// The unit the date names, without its part or qualifiers (`~` and
/// `early` move the interval's ends), written to `out`.
fn write_unit<W: fmt::Write>(d: &EventDate, out: &mut W) -> fmt::Result {
    // The unit's first day, not a date built of it: that would write out
    // its text (with chrono's formatter) for every event of a timeline.
    let Some((u, a)) = d.unit().and_then(|u| Some((u, u.first_day()?))) else {
        return out.write_str(d.as_str());
    };
    let year = |out: &mut W| out.write_str(digits(a.year().into(), &mut [0; 20]));
    match u.granularity() {
        Granularity::Day => write_day(a, out),
        Granularity::Week | Granularity::Range => write!(out, "{u}"),
        Granularity::Month => write_month_year(a, out),
        Granularity::Quarter | Granularity::Half => {
            let (letter, months) = match u.granularity() {
                Granularity::Quarter => ('Q', 3),
                _ => ('H', 6),
            };
            out.write_char(letter)?;
            out.write_str(digits((a.month0() / months + 1).into(), &mut [0; 20]))?;
            out.write_char(' ')?;
            year(out)
        }
        Granularity::Season => {
            out.write_str(match a.month() {
                3 => "spring ",
                6 => "summer ",
                9 => "autumn ",
                _ => "winter ",
            })?;
            year(out)
        }
        Granularity::Year => year(out),
        Granularity::Decade | Granularity::Century => {
            year(out)?;
            out.write_char('s')
        }
    }
}

fn range(d: &EventDate) -> String {
    let Some((a, b)) = d.ends() else {
        return d.as_str().to_string();
    };
    match (a.as_ref().map(date), b.as_ref().map(date)) {
        (None, Some(b)) => format!("until {b}"),
        (Some(a), None) => format!("since {a}"),
        (Some(x), Some(y)) => {
            let (s, e) = (d.earliest(), d.latest());
            let plain_day = |end: &Option<EventDate>| {
                end.as_ref().is_some_and(|e| {
                    matches!(e.unit(), Some(Unit::Day(_)))
                        && e.part().is_none()
                        && e.certainty() == Certainty::Exact
                })
            };
            if plain_day(&a) && plain_day(&b) && s.year() == e.year() && s.month() == e.month() {
                format!(
                    "{}–{} {} {}",
                    s.day(),
                    e.day(),
                    MONTHS[s.month0() as usize],
                    s.year()
                )
            } else {
                format!("{x} – {y}")
            }
        }
        (None, None) => d.as_str().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(s: &str) -> String {
        date(&s.parse().unwrap())
    }

    #[test]
    fn reader_forms() {
        assert_eq!(h("2020-09-22~"), "~22 Sep 2020");
        assert_eq!(h("late 2020-09"), "late Sep 2020");
        assert_eq!(h("2020-W39"), "2020-W39");
        assert_eq!(h("late 2020-W39"), "late 2020-W39");
        assert_eq!(h("2020-09-24/2020-09-27"), "24–27 Sep 2020");
        assert_eq!(h("2020-09-29/.."), "since 29 Sep 2020");
        assert_eq!(h("../2020-09"), "until Sep 2020");
        assert_eq!(h("2020-09?"), "Sep 2020?");
        assert_eq!(h("2020-Q3"), "Q3 2020");
        assert_eq!(h("199X"), "1990s");
        assert_eq!(h("2020-01-03/2020-09-29"), "3 Jan 2020 – 29 Sep 2020");
    }
}
