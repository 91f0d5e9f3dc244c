//! Holidays by name from the lexicon: "Thanksgiving", "Christmas Eve", "last
//! Easter", "Labor Day weekend", "Christmas 2007".

use chrono::{Datelike, Duration};

use super::*;
use crate::time::calendar::{monday, Point};
use crate::time::lexicon::Toward;

/// Holidays by name ("Thanksgiving", "Christmas Eve", "last Easter"): the
/// nearest occurrence, or the one before or after with last/next.
pub(super) fn holidays(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "this Christmas" is the next one.
    let (direction, first) = match placer(cx, i) {
        Some(p) if p.toward == Toward::Back => (-1, i + 1),
        Some(_) => (1, i + 1),
        None => (0, i),
    };
    let t = cx.tokens.get(first)?;
    if !t.capital || !crate::time::lexicon::holiday_starts().contains(&t.lower) {
        return None;
    }
    let table = crate::time::lexicon::holidays();
    let mut key = String::new();
    let mut best = None;
    for k in first..(first + 5).min(cx.tokens.len()) {
        let w = cx.word(k);
        let glued = matches!(w, "'" | "’")
            || (w == "s" && k > first && matches!(cx.word(k - 1), "'" | "’"));
        if !key.is_empty() && !glued {
            key.push(' ');
        }
        key.push_str(if w == "’" { "'" } else { w });
        if let Some(rule) = table.get(&key) {
            best = Some((k + 1, rule));
        }
    }
    let (end, rule) = best?;
    // "Christmas 2007", "Easter 1916": the holiday of the year written
    // after it, as "December 2007" is that year's December.
    if direction == 0 {
        if let Some(day) = year_at(cx, end).and_then(|y| crate::time::calendar::holiday(rule, y)) {
            return Some(Found::date(i, end + 1, Point::Day(day)));
        }
    }
    let base = cx.base();
    let candidates = [base.year() - 1, base.year(), base.year() + 1]
        .map(|y| crate::time::calendar::holiday(rule, y));
    let day = candidates
        .into_iter()
        .flatten()
        .filter(|d| match direction {
            -1 => *d < base,
            1 => *d >= base,
            _ => true,
        });
    let day = if direction == 1 {
        day.min()
    } else if direction == -1 {
        day.max()
    } else {
        day.min_by_key(|d| (*d - base).num_days().abs())
    }?;
    // "Easter week", "Thanksgiving weekend": the week or weekend of it.
    if cx.is(end, &["week"]) {
        return Some(Found::date(i, end + 1, Point::Week(monday(day))));
    }
    // A Monday holiday's weekend is the one before it (Labor Day weekend).
    if cx.is(end, &["weekend"]) {
        let on_monday = day.weekday().number_from_monday() == 1;
        let week = monday(day) - Duration::weeks(i64::from(on_monday));
        return Some(Found::date(i, end + 1, Point::Weekend(week)));
    }
    Some(Found::date(i, end, Point::Day(day)))
}
