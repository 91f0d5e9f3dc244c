//! What a temporal expression resolves to, as a calendar reference: how to
//! write it as a TIMEX3 value and as a store date.

use chrono::{Datelike, Duration, NaiveDate};

use super::lexicon::{DayPart, Reference, Unit as TimeUnit};
use crate::model::{EventDate, Part, Season, Unit};

/// A resolved calendar reference.
#[derive(Debug, Clone, PartialEq)]
pub enum Point {
    /// A day.
    Day(NaiveDate),
    /// A part of a day (`TNI`, `TMO`...).
    DayPart(NaiveDate, DayPart),
    /// A clock time on a day, with its zone suffix (`Z` or empty).
    Clock(NaiveDate, u32, u32, &'static str),
    /// The ISO week starting on this Monday.
    Week(NaiveDate),
    /// The weekend of the ISO week starting on this Monday.
    Weekend(NaiveDate),
    /// A month.
    Month(i32, u32),
    /// A quarter, 1 to 4.
    Quarter(i32, u32),
    /// A half year, 1 or 2.
    Half(i32, u32),
    /// A season of a year.
    Season(i32, Season),
    /// A year.
    Year(i32),
    /// A decade by its first three digits (199 for the 1990s).
    Decade(i32),
    /// A century by its first two digits (19 for the 1900s).
    Century(i32),
    /// PRESENT_REF, PAST_REF, FUTURE_REF, with the unit the text named
    /// ("recent weeks"), which sets how far back the store date reaches.
    Reference(Reference, Option<TimeUnit>),
    /// A value the text leaves open (`XXXX-09-29`): no interval.
    Unresolved(String),
    /// The days from the first to the last, both included: where a length
    /// lies that ends or begins on a known day ("the past five days").
    /// Its TIMEX3 value is the length's; written alone, it is the ISO 8601
    /// interval.
    Span(NaiveDate, NaiveDate),
}

/// A TIMEX3 mod: which part of a period, or that it is approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Modifier {
    /// Its start: "early 2020", "the beginning of May".
    Start,
    /// Its middle: "mid-2020".
    Mid,
    /// Its end: "late last week", "year end".
    End,
    /// About: "about two weeks".
    Approx,
}

impl Modifier {
    /// The mod as TIMEX3 writes it.
    pub fn code(self) -> &'static str {
        match self {
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::Approx => "APPROX",
        }
    }
}

impl Point {
    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match self {
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::DayPart(d, p) => format!("{}T{}", d.format("%Y-%m-%d"), p.name()),
            Point::Clock(d, h, m, z) => format!("{}T{h:02}:{m:02}{z}", d.format("%Y-%m-%d")),
            Point::Week(d) => format!("{}-W{:02}", d.iso_week().year(), d.iso_week().week()),
            Point::Weekend(d) => format!("{}-W{:02}-WE", d.iso_week().year(), d.iso_week().week()),
            Point::Month(y, m) => format!("{}-{m:02}", year(*y)),
            Point::Quarter(y, q) => format!("{}-Q{q}", year(*y)),
            Point::Half(y, h) => format!("{}-H{h}", year(*y)),
            Point::Season(y, s) => format!("{}-{}", year(*y), s.code()),
            Point::Year(y) => year(*y),
            Point::Decade(d) if *d < 0 => format!("BC{:03}", -d),
            Point::Decade(d) => format!("{d:03}"),
            Point::Century(c) if *c < 0 => format!("BC{:02}", -c),
            Point::Century(c) => format!("{c:02}"),
            Point::Reference(r, _) => r.name().to_string(),
            Point::Unresolved(v) => v.clone(),
            Point::Span(a, b) => format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
        }
    }

    /// The store date: the same interval as an [`EventDate`], with
    /// `modifier` (START, MID, END, APPROX) applied. `dct` places the
    /// vague references: "recently" reaches back from it.
    pub fn event_date(
        &self,
        modifier: Option<Modifier>,
        approx: bool,
        dct: NaiveDate,
    ) -> Option<EventDate> {
        let day = |d: NaiveDate| EventDate::of(Unit::Day(d)).ok();
        let unit = match self {
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, ..) => Unit::Day(*d),
            Point::Week(d) => Unit::Week(d.iso_week().year(), d.iso_week().week()),
            Point::Weekend(d) => {
                let sat = *d + Duration::days(5);
                return EventDate::range(&day(sat)?, &day(sat + Duration::days(1))?).ok();
            }
            Point::Month(y, m) => Unit::Month(*y, *m),
            Point::Quarter(y, q) => Unit::Quarter(*y, *q),
            Point::Half(y, h) => Unit::Half(*y, *h),
            Point::Season(y, s) => Unit::Season(*y, *s),
            Point::Year(y) => Unit::Year(*y),
            Point::Decade(d) => Unit::Decade(*d),
            Point::Century(c) => Unit::Century(*c),
            Point::Reference(r, unit) => {
                let back = match unit {
                    Some(TimeUnit::S | TimeUnit::MIN | TimeUnit::H) => 1,
                    Some(TimeUnit::D) => 7,
                    Some(TimeUnit::W) => 42,
                    Some(TimeUnit::M) => 183,
                    Some(TimeUnit::Y) => 5 * 365,
                    Some(TimeUnit::DE) => 30 * 365,
                    _ => 30,
                };
                return match r {
                    Reference::PRESENT_REF => Some(EventDate::day(dct)),
                    Reference::PAST_REF => {
                        EventDate::range(&day(dct - Duration::days(back))?, &day(dct)?).ok()
                    }
                    _ => EventDate::since(&day(dct)?).ok(),
                };
            }
            Point::Unresolved(_) => return None,
            Point::Span(a, b) => return EventDate::range(&day(*a)?, &day(*b)?).ok(),
        };
        let date = match modifier {
            Some(Modifier::Start) => EventDate::part_of(Part::Early, unit),
            Some(Modifier::Mid) => EventDate::part_of(Part::Mid, unit),
            Some(Modifier::End) => EventDate::part_of(Part::Late, unit),
            _ => EventDate::of(unit),
        };
        if approx || modifier == Some(Modifier::Approx) {
            date.and_then(|d| d.approximate(None)).ok()
        } else {
            date.ok()
        }
    }
}

/// A year as TIMEX3 writes it: `1940`, and 499 BC (kept as -499) `BC0499`.
fn year(y: i32) -> String {
    if y < 0 {
        format!("BC{:04}", -y)
    } else {
        format!("{y:04}")
    }
}

/// The ISO week's Monday of a day.
pub fn monday(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Moves a day by whole months, keeping the day where the month allows;
/// `None` past the calendar's ends.
pub fn add_months(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = i64::from(d.year()) * 12 + i64::from(d.month0()) + i64::from(months);
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    let m = total.rem_euclid(12) as u32 + 1;
    (1..=d.day())
        .rev()
        .find_map(|day| NaiveDate::from_ymd_opt(y, m, day))
}

/// Moves a day by `days`; `None` past the calendar's ends.
pub fn add_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(days)?)
}

/// Western Easter Sunday of a year (the Gregorian computus).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn weekday_number(name: &str) -> Option<u32> {
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .position(|w| *w == name)
        .map(|p| p as u32 + 1)
}

/// The `n`th (1-based) weekday `wd` of a month, or the last when `n` is 0.
fn nth_weekday(year: i32, month: u32, wd: u32, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let offset = (wd + 7 - first.weekday().number_from_monday()) % 7;
    let first_wd = first + Duration::days(i64::from(offset));
    if n == 0 {
        let next_month = add_months(first, 1)?;
        let mut d = first_wd;
        while d + Duration::days(7) < next_month {
            d += Duration::days(7);
        }
        return Some(d);
    }
    let d = first_wd + Duration::days(7 * i64::from(n - 1));
    (d.month() == month).then_some(d)
}

/// The day a holiday rule of `lexicon.toml` gives in `year`: "12-25",
/// "11-thu-4", "05-mon-last", "11-tue-after-mon-1", "easter", "easter-2".
pub fn holiday(rule: &str, year: i32) -> Option<NaiveDate> {
    if let Some(rest) = rule.strip_prefix("easter") {
        let shift: i64 = if rest.is_empty() {
            0
        } else {
            -rest.trim_start_matches('-').parse::<i64>().ok()?
        };
        return Some(easter(year)? + Duration::days(shift));
    }
    let parts: Vec<&str> = rule.split('-').collect();
    let month: u32 = parts.first()?.parse().ok()?;
    match parts.as_slice() {
        [_, day] => NaiveDate::from_ymd_opt(year, month, day.parse().ok()?),
        [_, wd, "last"] => nth_weekday(year, month, weekday_number(wd)?, 0),
        [_, wd, n] => nth_weekday(year, month, weekday_number(wd)?, n.parse().ok()?),
        [_, wd, "after", base, n] => {
            let b = nth_weekday(year, month, weekday_number(base)?, n.parse().ok()?)?;
            let target = weekday_number(wd)?;
            (1..=7)
                .map(|k| b + Duration::days(k))
                .find(|d| d.weekday().number_from_monday() == target)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_fall_on_their_days() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(holiday("11-thu-4", 1999), Some(d("1999-11-25")));
        assert_eq!(holiday("11-tue-after-mon-1", 1998), Some(d("1998-11-03")));
        assert_eq!(holiday("05-mon-last", 2020), Some(d("2020-05-25")));
        assert_eq!(holiday("easter", 2000), Some(d("2000-04-23")));
        assert_eq!(holiday("easter-2", 2024), Some(d("2024-03-29")));
        assert_eq!(holiday("12-25", 2020), Some(d("2020-12-25")));
    }
}
