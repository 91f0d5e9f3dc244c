//! Lengths of time: "two weeks", "several years", "a decades-long", "for
//! years", "in five years" (ahead), and rates that begin with an amount
//! ("twice a week").

use chrono::Datelike;

use super::*;
use crate::time::calendar::Point;
use crate::time::lexicon::{Reference, Unit};
use crate::time::scan::Shape;
use crate::time::TimexType;

/// Durations: "two weeks", "a decade", "several years", "five-year",
/// "the first nine months", "24 hours".
pub(super) fn durations(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "the region will one day be...": some day ahead, not a day long.
    if words().some_day.contains(cx.word(i)) && cx.is(i + 1, &["day"]) {
        let modal = |k: usize| words().modals.contains(cx.word(k));
        if modal(i.wrapping_sub(1)) || modal(i.wrapping_sub(2)) {
            return Some(Found::date(
                i,
                i + 2,
                Point::Reference(Reference::FUTURE_REF, None),
            ));
        }
    }
    // "'60 Minutes": a number glued to an apostrophe names a title or a
    // year, not an amount.
    let glued = i > 0 && cx.is(i - 1, &["'", "’"]) && cx.tokens[i - 1].end == cx.tokens[i].start;
    if glued {
        return None;
    }
    if around_the_clock(cx, i) {
        return None;
    }
    let (n, mut j) = number(cx, i)?;
    // "2 1/2 years", "two and a half years"
    let mut half = (i..j).any(|k| cx.is(k, &["half"])) && n.is_some();
    if cx.is(j, &["1/2"]) && n.is_some() {
        half = true;
        j += 1;
    }
    // "two to three weeks", "between 60 and 90 days", "ten or fifteen
    // years": each bound of a range of amounts is a length of its own, as
    // TIMEX3 marks them; the first takes the unit written after the
    // second, which the next match finds by itself.
    // "four or five hours ago" counts back by its far bound alone, a
    // date the next match finds.
    if cx.joins(j) && n.is_some() && !half {
        if let Some((Some(_), after)) = number(cx, j + 1) {
            if cx.is(after + 1, &["ago"]) {
                return None;
            }
            if let Some(u) = unit(cx, after) {
                return Some(Found::other(i, j, TimexType::Duration, duration(n, u)));
            }
        }
    }
    let mut k = j;
    if cx.is(k, &["-"]) {
        k += 1;
    }
    let u = unit(cx, k)?;
    // "a decades-long dispute", "a day-long meeting": the article belongs
    // to the dispute.
    let long = cx.is(k + 1, &["-"]) && cx.is(k + 2, &["long"]);
    if cx.is(i, &["a", "an"]) && j == i + 1 && (plural(cx, k) || long) {
        return None;
    }
    // "1988 quarter" is a year, "a second" is "another", "three-quarters"
    // and "a quarter of" are fractions.
    if n.is_some_and(|n| n > 999) || (u == Unit::S && cx.is(i, &["a"])) {
        return None;
    }
    let counted = words().in_a_row.contains(cx.word(j.wrapping_sub(1)));
    // "three quarters of the vote" is a fraction, "several quarters of
    // losses" a duration.
    let fraction = cx.is(k + 1, &["of"]) && !counted && n.is_some();
    if u == Unit::Q && (n.is_some_and(|n| n < 2) || fraction || k > j) {
        return None;
    }
    // "a year-earlier figure" is a date, not "a year".
    if cx.is(k + 1, &["-"]) && cx.is(k + 2, &["earlier", "ago"]) {
        return None;
    }
    // "a 6-year-old": an age, not a duration.
    if cx.is(k + 1, &["-", "old"]) && (cx.is(k + 2, &["old"]) || cx.is(k + 1, &["old"])) {
        return None;
    }
    // "a minute and a half"
    let mut end = k + 1;
    if !half && cx.is(end, &["and"]) && cx.is(end + 1, &["a"]) && cx.is(end + 2, &["half"]) {
        half = true;
        end += 3;
    }
    let value = match (half, n) {
        (true, Some(n)) => half_more(n, u).unwrap_or_else(|| duration(Some(n), u)),
        _ => duration(n, u),
    };
    // "a day of rage", "a week of talks": a stretch filled with
    // something, never a rate.
    if let Some(first) = rate_start(cx, i, j).filter(|_| !cx.is(end, &["of"])) {
        return Some(Found::other(first, end, TimexType::Set, value));
    }
    if let Some(f) = ahead(cx, i, end, n, u) {
        return Some(f);
    }
    Some(Found::other(i, end, TimexType::Duration, value))
}

/// "will mature in five years", "may, in a year or two, reopen": in a
/// forward-looking clause, "in" and a length name the time that far
/// ahead, which TIMEX3 writes as a date ("within five years" stays a
/// length). `n` units at tokens `i..end`.
pub(super) fn ahead(
    cx: &Context<'_>,
    i: usize,
    end: usize,
    n: Option<u32>,
    u: Unit,
) -> Option<Found> {
    if !cx.is(i.wrapping_sub(1), &["in"]) || !cx.future(i) {
        return None;
    }
    // "in a year or two": some time ahead, about that far.
    if cx.is(end, &["or"]) && words().approximate_tails.contains(cx.word(end + 1)) {
        return Some(Found::date(
            i,
            end + 2,
            Point::Reference(Reference::FUTURE_REF, Some(u)),
        ));
    }
    let n = i32::try_from(n?).ok()?;
    if !matches!(u, Unit::D | Unit::W | Unit::M | Unit::Y) {
        return None;
    }
    let mut f = Found::date(i, end, unit_point(u, cx.base(), n)?);
    f.approx = true;
    Some(f)
}

/// Where a rate begins, if "a week" at token `i` (its number ending at `j`)
/// is "per week": "twice a week", "three times a year", "$500 million a
/// year", "four flights a week". A rate is a TIMEX3 set; the frequency
/// word belongs to it, the amount does not.
pub(super) fn rate_start(cx: &Context<'_>, i: usize, j: usize) -> Option<usize> {
    if !(cx.is(i, &["a", "per"]) && j == i + 1) || i == 0 {
        return None;
    }
    let prev = &cx.tokens[i - 1];
    if words().multiples.contains(cx.word(i - 1)) {
        return Some(i - 1);
    }
    if cx.is(i - 1, &["times"]) && i >= 2 && number(cx, i - 2).is_some() {
        return Some(i - 2);
    }
    let amount = prev.shape == Shape::Number || words().amounts.contains(cx.word(i - 1));
    // "half a teaspoon a day", "an apple a day", "one pill a day": a
    // thing counted by its article or number ("a" is one), then the
    // period; but "what a difference a day makes" says how much the day
    // did.
    let one = |k: usize| {
        let exclaimed = words().exclamatives.contains(cx.word(k.wrapping_sub(1)));
        !exclaimed && bare_number(cx, k).is_some_and(|(n, _)| n.is_some())
    };
    let counted_one = prev.shape == Shape::Word
        && !prev.capital
        && unit(cx, i - 1).is_none()
        && i >= 2
        && one(i - 2);
    let counted = prev.shape == Shape::Word
        && !prev.capital
        && prev.lower.len() > 3
        && prev.lower.ends_with('s')
        && !words().not_plural.contains(cx.word(i - 1));
    (amount || counted || counted_one).then_some(i)
}

/// True inside "24 hours a day", "seven days a week", "365 days a
/// year": a length that fills the period it is counted per says "without
/// pause", and is neither a length of time nor a rate.
pub(super) fn around_the_clock(cx: &Context<'_>, i: usize) -> bool {
    // The token of "a" in such a phrase starting at `k`.
    let fills = |k: usize| {
        let (Some(n), j) = number(cx, k)? else {
            return None;
        };
        let small = unit(cx, j)?;
        let per = cx.is(j + 1, &["a", "per"]);
        let big = unit(cx, j + 2).filter(|_| per)?;
        (small.per(big) == Some(n)).then_some(j + 1)
    };
    fills(i).is_some() || (i >= 2 && fills(i - 2) == Some(i))
}

/// Bare plural units after a preposition: "for years", "over decades".
pub(super) fn vague_durations(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "for a while": a stretch of no stated length or unit.
    if cx.is(i, &["a"])
        && cx.is(i + 1, &["while"])
        && words()
            .while_introducers
            .contains(cx.word(i.wrapping_sub(1)))
    {
        return Some(Found::other(i, i + 2, TimexType::Duration, "PXX".into()));
    }
    // "a decades-long battle", "a day-long meeting".
    if cx.is(i + 1, &["-"]) && cx.is(i + 2, &["long"]) {
        let u = unit(cx, i)?;
        let n = if plural(cx, i) { None } else { Some(1) };
        return Some(Found::other(i, i + 3, TimexType::Duration, duration(n, u)));
    }
    // "over the years", "in the years that followed", "in the early
    // years": a stretch of unsaid length; "the days before the vote" is
    // one the text anchors on an event, which is not resolved here.
    if cx.is(i, &["the"]) {
        // "the following days", "the intervening years", "the final
        // years": a stretch of unsaid length placed by the story.
        let placed = words().placing_adjectives.contains(cx.word(i + 1));
        if placed && plural(cx, i + 2) {
            let u = unit(cx, i + 2)?;
            return Some(Found::other(
                i,
                i + 3,
                TimexType::Duration,
                duration(None, u),
            ));
        }
        let k = if cx.is(i + 1, &["early"]) {
            i + 2
        } else {
            i + 1
        };
        // "in the first hours of the offensive": a stretch at its start
        // ("the first days after the vote" hangs on a happening instead).
        let related = |k: usize| counter(cx, k).is_some_and(|c| c.object);
        if cx.is(i + 1, &["first"]) && plural(cx, i + 2) && !related(i + 3) {
            let u = unit(cx, i + 2)?;
            return Some(Found::other(
                i,
                i + 3,
                TimexType::Duration,
                duration(None, u),
            ));
        }
        let u = unit(cx, k)?;
        // "in the weeks before the shooting": about the month of a
        // happening the text dated.
        if plural(cx, k) && matches!(u, Unit::D | Unit::W) && related(k + 1) {
            let (d, end) = happening_at(cx, k + 2)?;
            let mut f = Found::date(i, end, Point::Month(d.year(), d.month()));
            f.approx = true;
            return Some(f);
        }
        // "in the weeks ahead": a stretch to come.
        if plural(cx, k) && cx.is(k + 1, &["ahead"]) {
            return Some(Found::other(
                i,
                k + 2,
                TimexType::Duration,
                duration(None, u),
            ));
        }
        let led = words()
            .span_introducers
            .contains(cx.word(i.wrapping_sub(1)));
        let anchored = words().tied_by.contains(cx.word(k + 1));
        if !plural(cx, k) || !led || anchored || !matches!(u, Unit::Y | Unit::DE | Unit::CE) {
            return None;
        }
        return Some(Found::other(
            i,
            k + 1,
            TimexType::Duration,
            duration(None, u),
        ));
    }
    let u = unit(cx, i)?;
    if !plural(cx, i) || i == 0 || !words().length_introducers.contains(cx.word(i - 1)) {
        return None;
    }
    Some(Found::other(
        i,
        i + 1,
        TimexType::Duration,
        duration(None, u),
    ))
}
