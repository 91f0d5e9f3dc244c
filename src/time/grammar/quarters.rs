//! Quarters and halves of a year: "the third quarter", "Q3", "the first half
//! of 2020", "the year-earlier quarter".

use chrono::{Datelike, Duration};

use super::*;
use crate::time::calendar::Point;
use crate::time::lexicon::{Origin, Toward};
use crate::time::scan::Shape;

/// Quarters and halves: "third quarter", "third-quarter", "the first half
/// of 2020", "Q3", "the quarter", "the latest quarter".
pub(super) fn quarters(cx: &Context<'_>, i: usize) -> Option<Found> {
    let t = cx.tokens.get(i)?;
    if t.shape == Shape::Word && t.lower.len() == 2 && t.lower.starts_with('q') {
        let q: u32 = t.lower[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
        if let Some(y) = year_at(cx, i + 1) {
            return Some(Found::date(i, i + 2, Point::Quarter(y, q)));
        }
        return Some(Found::date(i, i + 1, Point::Quarter(cx.dct.year(), q)));
    }
    // "the current quarter" is the one under way, "the latest quarter" the
    // last one reported.
    let current = |k: usize| placer(cx, k).is_some_and(|p| p.toward == Toward::Same);
    let latest = |k: usize| words().latest.contains(cx.word(k)) || current(k);
    if cx.is(i, &["the"]) && (latest(i + 1) || cx.is(i + 1, &["quarter", "period"])) {
        let mut j = i + 1;
        if latest(j) {
            j += 1;
        }
        if current(i + 1) && cx.is(j, &["quarter"]) {
            let q = Point::Quarter(cx.dct.year(), cx.dct.month0() / 3 + 1);
            return Some(Found::date(i, j + 1, q));
        }
        if cx.is(j, &["quarter"]) || (cx.is(j, &["period"]) && cx.quarterly(i)) {
            let (y, q) = last_quarter(cx.dct);
            // "the quarter ended July 31": the three months to that day,
            // named by the calendar quarter most of them fall in.
            if words().period_ends.contains(cx.word(j + 1)) {
                if let Some((end, _)) = explicit(cx, j + 2).and_then(|f| f.day()) {
                    let middle = end - Duration::days(45);
                    let q = Point::Quarter(middle.year(), middle.month0() / 3 + 1);
                    return Some(Found::date(i, j + 1, q));
                }
            }
            return Some(Found::date(i, j + 1, Point::Quarter(y, q)));
        }
    }
    // "year-earlier", "the year-ago quarter"
    let back = counter(cx, i + 2).is_some_and(|c| c.toward == Toward::Back && !c.object);
    if cx.is(i, &["year"]) && cx.is(i + 1, &["-"]) && back {
        let (y, mut q) = last_quarter(cx.dct);
        let mut end = i + 3;
        let quarter = cx.quarterly(i);
        // "the year-earlier third quarter"
        if let Some(o) = quarter_ordinal(cx, end).filter(|_| cx.is(end + 1, &["quarter"])) {
            q = o;
            end += 1;
        }
        if cx.is(end, &["quarter", "period"]) {
            end += 1;
        }
        let p = if quarter {
            Point::Quarter(y - 1, q)
        } else {
            Point::Year(cx.dct.year() - 1)
        };
        return Some(Found::date(i, end, p));
    }
    // "the 1996 second quarter", "this year's third quarter"
    let (lead_year, i) = if let Some(y) = year_at(cx, i) {
        (Some(y), i + 1)
    } else if let Some(off) =
        year_from_now(cx, i).filter(|_| cx.is(i + 2, &["'", "’"]) && cx.is(i + 3, &["s"]))
    {
        (Some(cx.dct.year() + off), i + 4)
    } else {
        (None, i)
    };
    let first = match lead_year {
        Some(_) if cx.is(i - 1, &["s"]) => i - 4,
        Some(_) => i - 1,
        None => i,
    };
    if let (Some(y), true) = (lead_year, cx.is(i, &["quarter"])) {
        let (_, q) = last_quarter(cx.dct);
        return Some(Found::date(first, i + 1, Point::Quarter(y, q)));
    }
    // "last"/"final" is the fourth quarter or the second half; "the first
    // two quarters" the first half.
    let last = cx.tokens.get(i).and_then(|t| t.lex).and_then(|l| l.ordinal) == Some(-1);
    let mut ord = if last { 0 } else { quarter_ordinal(cx, i)? };
    let mut j = i + 1;
    if cx.is(j, &["-"]) {
        j += 1;
    }
    let pair = cx.is(j, &["two"]) && cx.is(j + 1, &["quarters"]) && (ord == 1 || last);
    if pair {
        j += 1;
    }
    let is_half = cx.is(j, &["half"]) || pair;
    if !(cx.is(j, &["quarter"]) || is_half) {
        return None;
    }
    if last {
        ord = if is_half { 2 } else { 4 };
    }
    if is_half && ord > 2 {
        return None;
    }
    j += 1;
    let mut year = None;
    if cx.is(j, &["of"]) {
        if let Some(y) = year_at(cx, j + 1) {
            year = Some(y);
            j += 2;
        } else if let Some(off) = year_from_now(cx, j + 1) {
            year = Some(cx.dct.year() + off);
            j += 3;
        } else if is_half {
            // "the last half of the '70s", "the first half of the match":
            // not a half of a year.
            return None;
        }
    } else if let Some(y) = year_at(cx, j) {
        year = Some(y);
        j += 1;
    }
    // "the last quarter" alone is the one most recently completed.
    if last && !is_half && year.is_none() && lead_year.is_none() {
        let (y, q) = last_quarter(cx.dct);
        return Some(Found::date(first, j, Point::Quarter(y, q)));
    }
    let year = year.or(lead_year).unwrap_or_else(|| {
        // A quarter still to come this year is last year's in a past-tense report.
        let start_month = if is_half {
            (ord - 1) * 6 + 1
        } else {
            (ord - 1) * 3 + 1
        };
        if start_month > cx.dct.month() && !cx.future(i) {
            cx.dct.year() - 1
        } else {
            cx.dct.year()
        }
    });
    let p = if is_half {
        Point::Half(year, ord)
    } else {
        Point::Quarter(year, ord)
    };
    Some(Found::date(first, j, p))
}

/// "last year", "this year", "next year" at token `i`: how many years
/// from the report's.
fn year_from_now(cx: &Context<'_>, i: usize) -> Option<i32> {
    let p = placer(cx, i).filter(|p| p.from == Origin::Now && !p.stretch)?;
    cx.is(i + 1, &["year"]).then_some(p.toward.sign())
}
