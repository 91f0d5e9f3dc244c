//! A unit standing for the reference period itself: "the year", "the
//! weekend", "the day", "the end of year".

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::time::calendar::Point;
use crate::time::lexicon::{Origin, Toward, Unit};
use crate::time::TimexType;

/// "the year", "the week", "the day", "the weekend": in news, the
/// reference period itself.
pub(super) fn the_unit(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "the day before", "the year following": counted from another.
    let counted = counter(cx, i + 2).is_some_and(|c| c.object)
        || placer(cx, i + 2).is_some_and(|p| p.from == Origin::Told);
    if !cx.is(i, &["the"]) || counted || cx.is(i + 2, &["of", "leading"]) {
        return None;
    }
    // "the year ended March 31" in a report is the twelve months to that
    // day; "the year", "the full year", "the entire year", "the current
    // fiscal year" the report's year (or the story's), as "the day" is
    // its day; "the year-ago quarter" is a quarter.
    let mut j = i + 1;
    let current = |k: usize| placer(cx, k).is_some_and(|p| p.toward == Toward::Same);
    let whole = |k: usize| words().wholes.contains(cx.word(k));
    let mut now = false;
    while whole(j) || words().year_kinds.contains(cx.word(j)) || current(j) {
        now |= current(j);
        j += 1;
    }
    if cx.is(j, &["year"]) {
        if cx.is(j + 1, &["to"]) || words().period_ends.contains(cx.word(j + 1)) {
            return Some(Found::other(i, j + 1, TimexType::Duration, "P1Y".into()));
        }
        if !cx.is(j + 1, &["-"]) {
            let y = if now {
                cx.this_year()
            } else {
                cx.reported_year(i)
            };
            return Some(Found::date(i, j + 1, Point::Year(y)));
        }
    }
    if words().latest.contains(cx.word(i + 1)) && cx.is(i + 2, &["period"]) {
        let (y, q) = last_quarter(cx.dct);
        return Some(Found::date(i, i + 3, Point::Quarter(y, q)));
    }
    // "the end of the year", "the middle of the month": the report's own.
    if i > 0 && cx.is(i - 1, &["of"]) {
        let p = match cx.word(i + 1) {
            "year" => Point::Year(cx.this_year()),
            "month" => unit_point(Unit::M, cx.told().unwrap_or(cx.dct), 0)?,
            // "the week's busiest session": the week of the story; but a
            // clause that looks ahead ("a decision is expected by the end
            // of the week") does not look into a week the story left.
            "week" => {
                let ahead = |d: &NaiveDate| *d < cx.dct && cx.future(i);
                let day = cx.story_day.filter(|d| !ahead(d)).unwrap_or(cx.dct);
                unit_point(Unit::W, day, 0)?
            }
            _ => return the_period(cx, i),
        };
        return Some(Found::date(i, i + 2, p));
    }
    the_period(cx, i)
}

/// [`the_unit`] for the day and the weekend.
pub(super) fn the_period(cx: &Context<'_>, i: usize) -> Option<Found> {
    let u = unit(cx, i + 1)?;
    // "the day-to-day affairs", "the day-long meeting": the unit is part
    // of a compound that says how things go, not a day.
    if plural(cx, i + 1) || cx.is(i + 2, &["-"]) {
        return None;
    }
    let p = match u {
        Unit::WE => {
            // The weekend just past in a report, the coming one in a forecast.
            let base = cx.base();
            let weekday = base.weekday().number_from_monday();
            let offset = if cx.future(i) || weekday >= 6 { 0 } else { -1 };
            unit_point(u, base, offset)?
        }
        // "during the day Friday": the daytime of the day named next.
        Unit::D if days(cx, i + 2).is_some() => return None,
        // "ending the day at 5,120": the day the story is about, which is
        // the day it last named.
        Unit::D => Point::Day(cx.story()?),
        _ => return None,
    };
    Some(Found::date(i, i + 2, p))
}

/// "the end of year", "by the middle of month": a unit without its
/// article after a modifier is the report's (or the story's) own.
pub(super) fn bare_period(cx: &Context<'_>, i: usize) -> Option<Found> {
    let p = match cx.word(i) {
        "year" => Point::Year(cx.this_year()),
        "month" => unit_point(Unit::M, cx.told().unwrap_or(cx.dct), 0)?,
        _ => return None,
    };
    Some(Found::date(i, i + 1, p))
}
