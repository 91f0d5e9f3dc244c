//! Clock times: "8 PM", "8:30 a.m.", "20:30 local time", "16:08 UTC", "noon
//! Tuesday".

use super::*;
use crate::time::calendar::Point;
use crate::time::lexicon::{lexicon, DayPart, Meridiem, Zone};
use crate::time::scan::Shape;
use crate::time::TimexType;

/// True when the capitalised word at token `i` follows a capitalised word
/// of no time inside its sentence: it is part of a name or title ("the
/// film High Noon", "the Arab Spring"), not the time it names. "Monday
/// Noon" is a time.
pub(super) fn in_a_title(cx: &Context<'_>, i: usize) -> bool {
    let (Some(t), Some(prev)) = (cx.tokens.get(i), i.checked_sub(1)) else {
        return false;
    };
    let p = &cx.tokens[prev];
    let opens = prev == 0 || cx.tokens[prev - 1].sentence != p.sentence;
    t.capital && p.capital && p.shape == Shape::Word && p.lex.is_none() && !opens
}

/// True when the clock time at token `i` is a page's time stamp: a stamp
/// word (`[word_sets] stamps`) stands before it with nothing but parts of
/// the stamp between ("(Updated 5:31 p.m.)", "(Update 1:50 a.m. Cairo,
/// 6:50 p.m. ET)"): numbers, names, words of the lexicon, commas.
pub(super) fn stamped(cx: &Context<'_>, i: usize) -> bool {
    let Some(sentence) = cx.tokens.get(i).map(|t| t.sentence) else {
        return false;
    };
    for t in cx.tokens[..i].iter().rev().take(6) {
        if words().stamps.contains(&t.lower) {
            return true;
        }
        let part = t.shape == Shape::Number || t.capital || t.lex.is_some() || t.lower == ",";
        if t.sentence != sentence || !part {
            return false;
        }
    }
    false
}

/// A clock time found at tokens `first..end` on day `d`; `day_told` when
/// the text named its day, not the reference or the sentence.
fn clock_time(cx: &Context<'_>, first: usize, end: usize, at: Point, day_told: bool) -> Found {
    let mut f = Found::date(first, end, at);
    f.kind = TimexType::Time;
    f.stamp = stamped(cx, first);
    // A stamp is the page's time: it takes no day from the entry it heads.
    f.dayless = !day_told && !f.stamp;
    f
}

/// Clock times: "8 PM", "8:30 a.m.", "20:30 local time", "16:08 UTC".
pub(super) fn clock(cx: &Context<'_>, i: usize) -> Option<Found> {
    if let Some(h) = cx
        .tokens
        .get(i)
        .and_then(|t| t.lex)
        .and_then(|l| l.clock_hour)
        .filter(|_| !in_a_title(cx, i))
    {
        let day = days(cx, i + 1).and_then(|f| f.day());
        let (d, end) = day.unwrap_or((cx.base(), i + 1));
        let at = Point::Clock(d, h, 0, "");
        return Some(clock_time(cx, i, end, at, day.is_some()));
    }
    let t = cx.tokens.get(i)?;
    if t.shape != Shape::Number {
        return None;
    }
    let (digits, glued) = t.lower.split_at(
        t.lower
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(t.lower.len()),
    );
    // "0800 UTC", "1930 GMT": four digits with a zone.
    let utc = |k: usize| zone_at(cx, k) == Some(Zone::Utc);
    let military = digits.len() == 4 && glued.is_empty() && utc(i + 1);
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None if military => (
            digits[..2].parse::<u32>().ok()?,
            digits[2..].parse::<u32>().ok()?,
        ),
        None if !digits.is_empty() && digits.len() <= 2 => (digits.parse::<u32>().ok()?, 0),
        _ => return None,
    };
    let mut j = i + 1;
    let mut h24 = h;
    let meridiem = if !glued.is_empty() {
        lexicon().get(glued).and_then(|l| l.meridiem)
    } else {
        cx.tokens
            .get(j)
            .and_then(|t| t.lex)
            .and_then(|l| l.meridiem)
    };
    let mut marked = meridiem.is_some();
    match meridiem {
        Some(Meridiem::Pm) if h < 12 => h24 = h + 12,
        Some(Meridiem::Am) if h == 12 => h24 = 0,
        _ => {}
    }
    if marked && glued.is_empty() {
        j += 1;
    }
    // "4 in the morning", "8 in the evening", "11 at night".
    if !marked && glued.is_empty() && !digits.contains(':') && h <= 12 {
        let part = if cx.is(j, &["in"]) && cx.is(j + 1, &["the"]) {
            day_part_at(cx, j + 2).map(|p| (p, j + 3))
        } else if cx.is(j, &["at"]) && day_part_at(cx, j + 1) == Some(DayPart::NI) {
            Some((DayPart::NI, j + 2))
        } else {
            None
        };
        let afternoon = match part {
            Some((DayPart::MO, _)) => Some(false),
            Some((DayPart::AF | DayPart::EV, _)) => Some(true),
            Some((DayPart::NI, _)) => Some((6..12).contains(&h)),
            _ => None,
        };
        if let (Some(pm), Some((_, end))) = (afternoon, part) {
            h24 = match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            marked = true;
            j = end;
        }
    }
    let mut zone = "";
    if utc(j) {
        zone = "Z";
        j += 1;
    } else if cx.is(j, &["local"]) && cx.is(j + 1, &["time"]) {
        j += 2;
    } else if zone_at(cx, j) == Some(Zone::Named) {
        // "10:37 a.m. ET": the zone is part of the time.
        j += 1;
    }
    if h24 > 23 || m > 59 || (!marked && !digits.contains(':') && !military) {
        return None;
    }
    if !marked
        && zone.is_empty()
        && !words()
            .clock_introducers
            .contains(cx.word(i.wrapping_sub(1)))
        && j == i + 1
    {
        return None;
    }
    // "10 p.m. Wednesday", "5 p.m. EST Nov. 12": the day that follows...
    let mut k = j;
    if cx.is(k, &["on", ","]) {
        k += 1;
    }
    // ... or "6 a.m. ten days before the shooting", "8 p.m. two days ago".
    let day = explicit(cx, k)
        .or_else(|| days_told(cx, k, i))
        .or_else(|| shifted(cx, k))
        .and_then(|f| f.day());
    if let Some((_, end)) = day {
        j = end;
    }
    let at = Point::Clock(day.map_or(cx.base(), |(d, _)| d), h24, m, zone);
    Some(clock_time(cx, i, j, at, day.is_some()))
}
