//! Periods counted from the reference or the story: "last month", "the
//! following year", "two weeks ago", "twelve days later", "the same period
//! last year", "later in the week", "that year".

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::time::calendar::{add_days, add_months, monday, Point};
use crate::time::lexicon::{Counter, Form, Origin, Reference, Toward, Unit};
use crate::time::scan::Shape;
use crate::time::tense::Tense;
use crate::time::{DocType, TimexType};

/// "this week", "last month", "next year", "last September", "this
/// summer", "the past week" (a duration), "recent weeks", "coming months".
pub(super) fn relative_units(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "this past spring" is the last one: a stretch reaching to now after
    // "this" places as that stretch does.
    let stretch = |k: usize| placer(cx, k).filter(|p| p.stretch);
    let (p, i, first) = match (placer(cx, i), stretch(i + 1)) {
        (Some(this), Some(past)) if this.toward == Toward::Same => (past, i + 1, i),
        (p, _) => (p?, i, i),
    };
    // "This Week", "Next Year" in title case mid-sentence name a show or
    // a book, not a time.
    let titled = |k: usize| cx.tokens.get(k).is_some_and(|t| t.capital);
    let mid_sentence = first > 0 && cx.tokens[first - 1].sentence == cx.tokens[first].sentence;
    if mid_sentence && titled(first) && titled(i + 1) {
        return None;
    }
    let offset = p.toward.sign();
    // "this fiscal year", "last financial year": the year.
    let kind = cx.is(i + 2, &["year"]) && words().year_kinds.contains(cx.word(i + 1));
    let j = if kind { i + 2 } else { i + 1 };
    let t = cx.tokens.get(j)?;
    // "the following month" counts from the period the text just named:
    // "In March, ... The following month, ..." is April.
    let base = match (p.from, &cx.period, t.lower.as_str()) {
        (Origin::Told, Some(Point::Month(y, m)), "month") => {
            NaiveDate::from_ymd_opt(*y, *m, 1).unwrap_or(cx.base())
        }
        (Origin::Told, _, _) => cx.anchor.unwrap_or(cx.base()),
        _ => cx.base(),
    };
    // "last Oct. 23": that day in the past (or, after "next", ahead).
    if let (Some(m), Some(d)) = (month_at(cx, j), day_at(cx, j + 1)) {
        let tense = if offset < 0 {
            Tense::Past
        } else {
            Tense::Future
        };
        let day = day_year(base, m, d, Some(tense))?;
        return Some(Found::date(first, j + 2, Point::Day(day)));
    }
    // last/next September
    if let Some(m) = month_at(cx, j) {
        let y = match offset {
            0 => base.year(),
            // last April: the most recent April before this month
            -1 => {
                if m < base.month() {
                    base.year()
                } else {
                    base.year() - 1
                }
            }
            _ => {
                if m > base.month() {
                    base.year()
                } else {
                    base.year() + 1
                }
            }
        };
        return Some(Found::date(first, j + 1, Point::Month(y, m)));
    }
    if let Some(s) = t.lex.and_then(|l| l.season) {
        // last spring: the most recent one that has begun; next spring:
        // the first one still to begin.
        let begins = s.start_month();
        // "this past spring" is the most recent; "last spring", as the
        // corpora read it, the one of last year.
        let y = match offset {
            0 => base.year(),
            -1 if first < i && begins < base.month() => base.year(),
            -1 => base.year() - 1,
            _ if begins > base.month() => base.year(),
            _ => base.year() + 1,
        };
        return Some(Found::date(first, j + 1, Point::Season(y, s)));
    }
    // recent weeks, past few years, coming months, last two weeks
    let (n, k) = match number(cx, j) {
        Some((n, k)) if unit(cx, k).is_some() && p.toward != Toward::Same => (Some(n), k),
        _ => (None, j),
    };
    let u = unit(cx, k)?;
    // "for the past few weeks" measures; "in the past few weeks" places.
    let measured = cx.is(first.wrapping_sub(1), &["for"])
        || (cx.is(first.wrapping_sub(1), &["the"]) && cx.is(first.wrapping_sub(2), &["for"]));
    // The article belongs to "the last few months".
    let from = if cx.is(first.wrapping_sub(1), &["the"]) {
        first - 1
    } else {
        first
    };
    if plural(cx, k) || n.is_some() {
        // "recent weeks", "past years", "the last few months": the past;
        // "coming months": ahead. "The next few days" is a length.
        let from_now = p.from == Origin::Now;
        let r = match p.toward {
            Toward::Back => Reference::PAST_REF,
            _ => Reference::FUTURE_REF,
        };
        let reference = Found::date(from, k + 1, Point::Reference(r, Some(u)));
        return Some(match (p.toward, n) {
            (Toward::Back | Toward::Ahead, None) if from_now => reference,
            (Toward::Back, Some(None)) if from_now && !measured => reference,
            (_, Some(n)) => {
                // "the past two-and-a-half weeks"
                let half = (j..k).any(|h| cx.is(h, &["half"]));
                let value = n.filter(|_| half).and_then(|n| half_more(n, u));
                let value = value.unwrap_or_else(|| duration(n, u));
                let mut f = Found::other(first, k + 1, TimexType::Duration, value);
                // "the past five days", "the next two weeks": a length
                // that ends (or begins) at the reference, and so dates
                // what happened in it; "the past few days" the days a
                // reference to the recent past reaches.
                f.point = match n {
                    _ if !from_now => None,
                    Some(n) => span_of(cx.base(), n + u32::from(half), u, p.toward),
                    None if cx.doc_type != DocType::Narrative => Some(Point::Reference(r, Some(u))),
                    None => None,
                };
                f
            }
            _ => return None,
        });
    }
    if p.stretch {
        return Some(Found::other(
            first,
            k + 1,
            TimexType::Duration,
            duration(Some(1), u),
        ));
    }
    let point = unit_point(u, base, offset)?;
    if u == Unit::D {
        return None;
    }
    // "the following year", "the next month": the article belongs to a
    // period counted from another.
    let counted = (p.from == Origin::Told || p.toward == Toward::Ahead) && cx.is(from, &["the"]);
    Some(Found::date(
        if counted { from } else { first },
        k + 1,
        point,
    ))
}

/// "two weeks ago", "a year earlier", "three days later", "a week from now".
pub(super) fn shifted(cx: &Context<'_>, i: usize) -> Option<Found> {
    let (n, j) = number(cx, i)?;
    let u = unit(cx, j)?;
    // "two and a half years ago", "a year and a half ago": the half is
    // written before the unit or after it; the counting word follows.
    let half_after = cx.is(j + 1, &["and"]) && cx.is(j + 2, &["a"]) && cx.is(j + 3, &["half"]);
    let half = half_after || (i..j).any(|k| cx.is(k, &["half"]));
    let j = if half_after { j + 3 } else { j };
    // "a week or so ago": the same, and approximate.
    let loose = cx.is(j + 1, &["or"]) && words().approximate_tails.contains(cx.word(j + 2));
    let j = if loose { j + 2 } else { j };
    // "ago", "later", "from now": which way, and from where.
    let from_now = cx.is(j + 1, &["from"]) && words().now_words.contains(cx.word(j + 2));
    let c = match counter(cx, j + 1) {
        Some(c) => c,
        None if from_now => Counter {
            toward: Toward::Ahead,
            from: Origin::Now,
            object: false,
        },
        None => return None,
    };
    let dir = c.toward.sign();
    // "ten days before the shooting" counts from the day the text gave
    // the shooting; a happening it has not dated leaves nothing to count
    // from.
    let related = c.object
        && cx
            .tokens
            .get(j + 2)
            .is_some_and(|t| t.shape != Shape::Punct);
    let happening = if related {
        Some(happening_at(cx, j + 2)?)
    } else {
        None
    };
    let end = match happening {
        Some((_, e)) => e,
        None if from_now => j + 3,
        None => j + 2,
    };
    let base = match happening {
        Some((d, _)) => d,
        None if c.from == Origin::Now => cx.base(),
        None => cx.anchor.unwrap_or(cx.base()),
    };
    // "three days later", "an hour earlier", "ten days before the
    // shooting" name the day they reach from the story's last date or the
    // happening: dates, as the TIMEX3 guidelines read "twelve days later"
    // (the length alone, "for twelve days", is a duration).
    // "an hour later" reaches no other day than the story's: the gap is
    // all it says.
    let gap = c.from == Origin::Told && !c.object;
    if gap && matches!(u, Unit::H | Unit::MIN | Unit::S) {
        let mut f = Found::date(i, end, Point::Day(base));
        f.kind = TimexType::Duration;
        f.value = Some(match n.filter(|_| half) {
            Some(n) => half_more(n, u).unwrap_or_else(|| duration(Some(n), u)),
            None => duration(n, u),
        });
        f.approx = true;
        return Some(f);
    }
    let Some(n) = n else {
        let r = if dir < 0 {
            Reference::PAST_REF
        } else {
            Reference::FUTURE_REF
        };
        return Some(Found::date(i, end, Point::Reference(r, Some(u))));
    };
    let n = i32::try_from(n).ok()?.checked_mul(dir)?;
    // "a year and a half ago" is eighteen months back: a month. A half of
    // a smaller unit stays within the day, week or month it reaches.
    if half && u == Unit::Y {
        let d = add_months(base, n.checked_mul(12)?.checked_add(6 * dir)?)?;
        let mut f = Found::date(i, end, Point::Month(d.year(), d.month()));
        f.approx = loose;
        return Some(f);
    }
    let (point, approx) = match u {
        Unit::D => (Point::Day(add_days(base, i64::from(n))?), false),
        // "two weeks ago" still names about a day; "six weeks ago" a week.
        Unit::W if n.abs() >= 3 => (
            Point::Week(monday(add_days(base, i64::from(n) * 7)?)),
            false,
        ),
        Unit::W => (Point::Day(add_days(base, i64::from(n) * 7)?), true),
        Unit::M => {
            let d = add_months(base, n)?;
            (Point::Month(d.year(), d.month()), false)
        }
        Unit::Y if cx.quarterly(i) && cx.doc_type == DocType::News => {
            let (y, q) = last_quarter(cx.dct);
            (Point::Quarter(y.checked_add(n)?, q), false)
        }
        Unit::Y => (Point::Year(base.year().checked_add(n)?), false),
        Unit::DE => (
            Point::Year(base.year().checked_add(n.checked_mul(10)?)?),
            true,
        ),
        Unit::H | Unit::MIN | Unit::S => (Point::Day(base), true),
        _ => return None,
    };
    let mut f = Found::date(i, end, point);
    f.approx = approx || loose;
    Some(f)
}

/// "the same period last year", "the same month a year ago", "the
/// corresponding quarter of the previous year", "the quarter a year ago":
/// the month or quarter the text last named (or, for a quarter, the last
/// one completed), a year before.
pub(super) fn same_period(cx: &Context<'_>, i: usize) -> Option<Found> {
    if !cx.is(i, &["the"]) {
        return None;
    }
    // "the same quarter", or "the quarter" itself before "a year ago".
    let same = words().counterparts.contains(cx.word(i + 1));
    let u = if same { i + 2 } else { i + 1 };
    let unit = cx.word(u);
    if !matches!(unit, "month" | "period" | "quarter") {
        return None;
    }
    let mut j = u + 1;
    if cx.is(j, &["of", "in"]) {
        j += 1;
    }
    if cx.is(j, &["the"]) {
        j += 1;
    }
    let back = |k: usize| counter(cx, k).is_some_and(|c| c.toward == Toward::Back);
    let placed_back = placer(cx, j).is_some_and(|p| p.toward == Toward::Back);
    let end = if placed_back && cx.is(j + 1, &["year"]) {
        j + 2
    } else if cx.is(j, &["a", "one"]) && cx.is(j + 1, &["year"]) && back(j + 2) {
        j + 3
    } else if cx.is(j, &["year"]) && back(j + 1) {
        j + 2
    } else {
        return None;
    };
    let point = match (&cx.period, unit) {
        (Some(Point::Month(y, m)), "month" | "period") => Point::Month(y - 1, *m),
        (Some(Point::Quarter(y, q)), "quarter" | "period") => Point::Quarter(y - 1, *q),
        (_, "quarter") => {
            let (y, q) = last_quarter(cx.dct);
            Point::Quarter(y - 1, q)
        }
        _ => Point::Year(cx.base().year() - 1),
    };
    Some(Found::date(i, end, point))
}

/// "earlier in the year", "late in the day", "later in the week": a part
/// of the reference period; "that year", "the same month", "that same
/// quarter": the one the text last named.
pub(super) fn in_the_unit(cx: &Context<'_>, i: usize) -> Option<Found> {
    if let Some(u) = that_unit(cx, i) {
        let p = match (cx.word(u), &cx.period, cx.anchor) {
            ("day", ..) => Point::Day(cx.story_day?),
            ("quarter", Some(p @ Point::Quarter(..)), _) => p.clone(),
            ("month", Some(p @ Point::Month(..)), _) => p.clone(),
            ("year", Some(Point::Month(y, _) | Point::Quarter(y, _)), _) => Point::Year(*y),
            ("year", _, Some(a)) => Point::Year(a.year()),
            _ => return None,
        };
        return Some(Found::date(i, u + 1, p));
    }
    // "early", "later", not "the end": a modifier that stands before "in".
    let m = modifier_word(cx, i).filter(|m| m.form != Form::Noun)?;
    let modifier = m.part;
    if !(cx.is(i + 1, &["in"]) && cx.is(i + 2, &["the"])) {
        return None;
    }
    let base = cx.base();
    let p = match cx.word(i + 3) {
        // "later in the day": the day the story is about.
        "day" => Point::Day(cx.story()?),
        "week" => unit_point(Unit::W, base, 0)?,
        "month" => unit_point(Unit::M, base, 0)?,
        "year" => Point::Year(base.year()),
        _ => return None,
    };
    let mut f = Found::date(i, i + 4, p);
    f.modifier = Some(modifier);
    Some(f)
}

/// The unit of "that year", "the same month", "that same day": what the
/// text last named at that unit, with the unit's token.
pub(super) fn that_unit(cx: &Context<'_>, i: usize) -> Option<usize> {
    let same = cx.is(i + 1, &["same"]);
    match cx.word(i) {
        "that" if same => Some(i + 2),
        "that" => Some(i + 1),
        "the" if same => Some(i + 2),
        _ => None,
    }
}
