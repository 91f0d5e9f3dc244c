//! Days named relative to the reference or the story: weekdays, "yesterday",
//! parts of a day, "the day before", "the next day", "the same day", running
//! counts.

use chrono::{Datelike, Duration, NaiveDate};

use super::*;
use crate::time::calendar::{monday, Point};
use crate::time::lexicon::{DayPart, Origin, Reference, Toward, Unit};
use crate::time::scan::Shape;
use crate::time::{DocType, TimexType};

/// The weekday token `i` names (ISO, Monday = 1): a weekday of the
/// lexicon, written with a capital, or with its dot, or longer than four
/// letters ("sat", "wed" are words).
pub(super) fn weekday_at(cx: &Context<'_>, i: usize) -> Option<u32> {
    let t = cx.tokens.get(i)?;
    let w = t.lex?.weekday?;
    (t.capital || t.lower.ends_with('.') || t.lower.len() > 4).then_some(w)
}

/// Weekdays, bare or with a part of the day: "Friday", "Sunday night".
pub(super) fn weekday(
    cx: &Context<'_>,
    i: usize,
    base: NaiveDate,
    direction: Direction,
) -> Option<(NaiveDate, usize, Option<DayPart>)> {
    let w = weekday_at(cx, i)?;
    let today = base.weekday().number_from_monday() as i64;
    let w = w as i64;
    let day = match direction {
        // last Monday: the Monday before the reference day
        Direction::Before => {
            base - Duration::days(
                ((today - w + 7) % 7).max(1) + if (today - w + 7) % 7 == 0 { 6 } else { 0 },
            )
        }
        // next Monday, or a weekday after the last day a narrative told:
        // the one after
        Direction::After => {
            base + Duration::days(if (w - today + 7) % 7 == 0 {
                7
            } else {
                (w - today + 7) % 7
            })
        }
        // this Monday: in the reference week
        Direction::SameWeek => monday(base) + Duration::days(w - 1),
        // a bare weekday ahead: today's name is today, as it is behind
        Direction::OnOrAfter => base + Duration::days((w - today + 7) % 7),
        Direction::OnOrBefore => base - Duration::days((today - w + 7) % 7),
        Direction::Nearest => {
            let ahead = (w - today + 7) % 7;
            base + Duration::days(if ahead <= 3 { ahead } else { ahead - 7 })
        }
    };
    let mut j = i + 1;
    let part = day_part_at(cx, j);
    if part.is_some() {
        j += 1;
    }
    Some((day, j, part))
}

/// Days named relative to the reference: today, yesterday, tomorrow,
/// tonight, last night, this morning, and bare or qualified weekdays.
pub(super) fn days(cx: &Context<'_>, i: usize) -> Option<Found> {
    days_told(cx, i, i)
}

/// [`days`], with the tense of a bare weekday read around token `told`:
/// the start of "9 a.m. Tuesday" rather than its weekday.
pub(super) fn days_told(cx: &Context<'_>, i: usize, told: usize) -> Option<Found> {
    let base = cx.base();
    let shift = cx
        .tokens
        .get(i)
        .and_then(|t| t.lex)
        .and_then(|l| l.day_offset);
    // "today's youth", "today's world": the present age, not the day.
    let today = shift == Some(0);
    let generic = today
        && cx.is(i + 1, &["'", "’"])
        && cx.is(i + 2, &["s"])
        && words().generic_now.contains(cx.word(i + 3));
    // In a history, "today" is the time of writing, not a day of the story.
    if generic || (today && cx.doc_type == DocType::Narrative) {
        return Some(Found::date(
            i,
            i + 1,
            Point::Reference(Reference::PRESENT_REF, None),
        ));
    }
    if let Some(s) = shift {
        let day = base + Duration::days(s);
        if let Some(p) = day_part_at(cx, i + 1) {
            let mut f = Found::date(i, i + 2, Point::DayPart(day, p));
            f.kind = TimexType::Time;
            return Some(f);
        }
        return Some(Found::date(i, i + 1, Point::Day(day)));
    }
    // "this morning", "last night": a part of today or of yesterday.
    let now = placer(cx, i).filter(|p| p.from == Origin::Now && p.toward != Toward::Ahead);
    if let (Some(p), Some(part)) = (now, day_part_at(cx, i + 1)) {
        let day = base + Duration::days(i64::from(p.toward.sign()));
        let mut f = Found::date(i, i + 2, Point::DayPart(day, part));
        f.kind = TimexType::Time;
        return Some(f);
    }
    let placed = placer(cx, i);
    // A placer's weekday follows it ("last Friday"), else it is the word
    // itself. Only a weekday goes on: the tense below is not cheap to read
    // (it may parse the sentence).
    let first = if placed.is_some() { i + 1 } else { i };
    let named = weekday_at(cx, first)?;
    // "from 6 p.m. Friday until Saturday morning": the first Saturday
    // after the range's start, when that start lies within a week of the
    // reference, as a bare weekday does ("bought from Sept. 14 to
    // Thursday" ends on the Thursday the reference reads).
    let near = |d: &NaiveDate| (*d - base).num_days().abs() <= 7;
    let start = placed
        .is_none()
        .then(|| cx.range_start(told))
        .flatten()
        .filter(near);
    let direction = match placed.map(|p| p.toward) {
        Some(Toward::Back) => Direction::Before,
        Some(Toward::Ahead) => Direction::After,
        Some(Toward::Same) => Direction::SameWeek,
        // "Wednesday's ruling" names something that has happened.
        _ if cx.is(i + 1, &["'", "’"]) && cx.is(i + 2, &["s"]) => Direction::OnOrBefore,
        _ if start.is_some() => Direction::After,
        _ if cx.doc_type == DocType::Narrative => Direction::After,
        // "(Update 6:20 a.m. Friday in Cairo, ...)": a page's time stamp
        // is near the page's date, whatever the entry after it tells.
        _ if told != i && stamped(cx, told) => Direction::Nearest,
        _ if cx.future(told) => Direction::OnOrAfter,
        // "(Update 3:15 a.m. Thursday in Cairo)", "Polls open at 7 a.m.
        // Tuesday" (the parse takes "open" for an adjective): a clock time
        // that no clause places is a stamp or a schedule, told near it.
        _ if told != i && cx.tense(told).is_none() => Direction::Nearest,
        _ => Direction::OnOrBefore,
    };
    // "the previous Friday" is the one before the day the text last
    // spoke of, not before today: "turnout 3% below the previous Friday".
    let from = match (start, placed.map(|p| p.from), cx.anchor) {
        (Some(s), ..) => s,
        (None, Some(Origin::Told), Some(a)) => a,
        _ => base,
    };
    let (day, end, part) = weekday(cx, first, from, direction)?;
    if cx.doc_type == DocType::Narrative && cx.anchor.is_none() {
        // No day to count from: say which weekday, not which date.
        return Some(Found::date(
            i,
            end,
            Point::Unresolved(format!("XXXX-WXX-{named}")),
        ));
    }
    let point = match part {
        Some(p) => Point::DayPart(day, p),
        None => Point::Day(day),
    };
    Some(Found::date(i, end, point))
}

/// A part of a day with a modifier or a day after it: "mid-afternoon
/// yesterday", "by mid afternoon", "late evening"; "at night" alone.
pub(super) fn day_part(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "noon" and "midday" are clock times.
    if day_part_at(cx, i) == Some(DayPart::MI) {
        return None;
    }
    if let Some(f) = part_of_day(cx, i) {
        return Some(f);
    }
    let part = cx.tokens.get(i)?.lex?.day_part?;
    let modified = adjective_modifier(cx, i.wrapping_sub(1)) || cx.is(i.wrapping_sub(1), &["-"]);
    let day = days(cx, i + 1).and_then(|f| f.day());
    // "travelled at night": the night of no day in particular, as English
    // says it with "at" and no article.
    if day.is_none() && !modified && part == DayPart::NI && cx.is(i.wrapping_sub(1), &["at"]) {
        let value = format!("XXXX-XX-XXT{}", part.name());
        return Some(Found::other(i, i + 1, TimexType::Time, value));
    }
    if !modified && day.is_none() {
        return None;
    }
    let (d, end) = day.unwrap_or((cx.base(), i + 1));
    let mut f = Found::date(i, end, Point::DayPart(d, part));
    f.kind = TimexType::Time;
    Some(f)
}

/// "the night of May 13", "the early morning hours of 30 April", "that
/// afternoon": a part of a day the text names, or of the story's day.
pub(super) fn part_of_day(cx: &Context<'_>, i: usize) -> Option<Found> {
    if !cx.is(i, &["the", "that"]) {
        return None;
    }
    let mut k = i + 1;
    if adjective_modifier(cx, k) {
        k += 1;
    }
    let part = cx.tokens.get(k)?.lex?.day_part?;
    let mut j = k + 1;
    if cx.is(j, &["hours"]) {
        j += 1;
    }
    let (d, end) = if cx.is(i, &["that"]) && j == k + 1 {
        (cx.story_day?, j)
    } else if cx.is(j, &["of"]) {
        explicit(cx, j + 1)?.day()?
    } else {
        return None;
    };
    let mut f = Found::date(i, end, Point::DayPart(d, part));
    f.kind = TimexType::Time;
    Some(f)
}

/// "the day before yesterday", "the day after Christmas", "the day before
/// last Tuesday": a day next to another.
pub(super) fn day_beside(cx: &Context<'_>, i: usize) -> Option<Found> {
    let k = if cx.is(i, &["the"]) { i + 1 } else { i };
    let day = unit(cx, k) == Some(Unit::D) && !plural(cx, k);
    let c = counter(cx, k + 1).filter(|c| c.object && day)?;
    let shift = i64::from(c.toward.sign());
    // "The day before, ...": the day before the story's.
    let told = cx.tokens.get(k + 2).is_none_or(|t| t.shape == Shape::Punct);
    if told {
        let d = cx.story()?;
        return Some(Found::date(i, k + 2, Point::Day(d + Duration::days(shift))));
    }
    let (d, end) = [explicit, days, holidays]
        .iter()
        .find_map(|rule| rule(cx, k + 2))
        .and_then(|f| f.day())
        .or_else(|| happening_at(cx, k + 2))?;
    Some(Found::date(i, end, Point::Day(d + Duration::days(shift))))
}

/// "the eighth day of the siege", "a second consecutive day", "the fourth
/// week in a row": a count that has reached the story's own day or week.
pub(super) fn running_count(cx: &Context<'_>, i: usize) -> Option<Found> {
    let k = if cx.is(i, &["the", "a"]) { i + 1 } else { i };
    // "the first day of the talks" may lie anywhere behind.
    cx.tokens.get(k)?.lex?.ordinal.filter(|o| *o >= 2)?;
    let mut u = k + 1;
    if words().counting_adjectives.contains(cx.word(u)) {
        u += 1;
    }
    // "their second day-long meeting" counts meetings.
    if cx.is(u + 1, &["-"]) {
        return None;
    }
    // "blocked for the second day on Wednesday": the day named right
    // after the count is the one it has reached.
    let mut k = u + 1;
    if cx.is(k, &["on"]) {
        k += 1;
    }
    let named = [explicit, days]
        .iter()
        .find_map(|rule| rule(cx, k))
        .and_then(|f| f.day());
    let day = named.map(|(d, _)| d).or_else(|| cx.story())?;
    let point = match unit(cx, u).filter(|_| !plural(cx, u)) {
        Some(Unit::D) => Point::Day(day),
        Some(Unit::W) => Point::Week(monday(day)),
        _ => return None,
    };
    Some(Found::date(i, u + 1, point))
}

/// "the next day", "the following morning": the day after the one the
/// story last named. With no day named yet there is nothing to count from.
pub(super) fn next_day(cx: &Context<'_>, i: usize) -> Option<Found> {
    let ahead = placer(cx, i + 1).is_some_and(|p| p.toward == Toward::Ahead);
    if !(cx.is(i, &["the"]) && ahead) {
        return None;
    }
    let after = cx.story_day? + Duration::days(1);
    if cx.is(i + 2, &["day"]) {
        return Some(Found::date(i, i + 3, Point::Day(after)));
    }
    let part = cx.tokens.get(i + 2)?.lex?.day_part?;
    let mut f = Found::date(i, i + 3, Point::DayPart(after, part));
    f.kind = TimexType::Time;
    Some(f)
}

/// "until then,", "by that time,", "at the time.": after a bound or "at",
/// the day the story last named, when the last time it told was that
/// day. Followed by more words ("at the time he was captured", "by then
/// Senate chair") it is no reference of its own.
pub(super) fn that_time(cx: &Context<'_>, i: usize) -> Option<Found> {
    let bounded = cx.bound(i.wrapping_sub(1)).is_some();
    let at = cx.is(i.wrapping_sub(1), &["at"]);
    let end = if cx.is(i, &["then"]) && bounded {
        i + 1
    } else if cx.is(i, &["that", "the"]) && cx.is(i + 1, &["time"]) && (bounded || at) {
        i + 2
    } else {
        return None;
    };
    cx.tokens.get(end).filter(|t| t.shape == Shape::Punct)?;
    let day = cx.story_day.filter(|d| cx.anchor == Some(*d))?;
    Some(Found::date(i, end, Point::Day(day)))
}

/// "the same day", "that same day": the day the story last named; after a
/// month told since ("killed last October ... crossed out that same
/// day"), a day of that month the text leaves open (`1998-10-XX`).
pub(super) fn same_day(cx: &Context<'_>, i: usize) -> Option<Found> {
    let named = cx.is(i, &["the", "that"]) && cx.is(i + 1, &["same"]) && cx.is(i + 2, &["day"]);
    if !named {
        return None;
    }
    let point = match cx.month_told {
        Some((y, m)) => Point::Unresolved(format!("{}-{m:02}-XX", Point::Year(y).value())),
        None => Point::Day(cx.story_day?),
    };
    Some(Found::date(i, i + 3, point))
}
