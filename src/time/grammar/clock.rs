//! Clock times: "8 PM", "8:30 a.m.", "20:30 local time", "16:08 UTC", "noon
//! Tuesday".

use super::*;
use crate::time::calendar::Point;
use crate::time::scan::Shape;
use crate::time::TimexType;

/// Clock times: "8 PM", "8:30 a.m.", "20:30 local time", "16:08 UTC".
pub(super) fn clock(cx: &Context<'_>, i: usize) -> Option<Found> {
    if cx.is(i, &["noon", "midnight", "midday"]) {
        let h = if cx.is(i, &["midnight"]) { 0 } else { 12 };
        let day = days(cx, i + 1).and_then(|f| f.day());
        let (d, end) = day.unwrap_or((cx.base(), i + 1));
        let mut f = Found::date(i, end, Point::Clock(d, h, 0, ""));
        f.kind = TimexType::Time;
        f.dayless = day.is_none();
        return Some(f);
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
    let military = digits.len() == 4 && glued.is_empty() && cx.is(i + 1, &["utc", "gmt"]);
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
        glued.to_string()
    } else {
        cx.word(j).to_string()
    };
    let mut marked = false;
    match meridiem.as_str() {
        "pm" | "p.m." => {
            marked = true;
            if h < 12 {
                h24 = h + 12;
            }
        }
        "am" | "a.m." => {
            marked = true;
            if h == 12 {
                h24 = 0;
            }
        }
        _ => {}
    }
    if marked && glued.is_empty() {
        j += 1;
    }
    // "4 in the morning", "8 in the evening", "11 at night".
    if !marked && glued.is_empty() && !digits.contains(':') && h <= 12 {
        let part = if cx.is(j, &["in"]) && cx.is(j + 1, &["the"]) {
            Some((cx.word(j + 2), j + 3))
        } else if cx.is(j, &["at"]) && cx.is(j + 1, &["night"]) {
            Some(("night", j + 2))
        } else {
            None
        };
        let afternoon = match part {
            Some(("morning", _)) => Some(false),
            Some(("afternoon" | "evening", _)) => Some(true),
            Some(("night", _)) => Some((6..12).contains(&h)),
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
    if cx.is(j, &["utc", "gmt"]) {
        zone = "Z";
        j += 1;
    } else if cx.is(j, &["local"]) && cx.is(j + 1, &["time"]) {
        j += 2;
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
    if words().time_zones.contains(cx.word(k)) {
        k += 1;
    }
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
    let mut f = Found::date(
        i,
        j,
        Point::Clock(day.map_or(cx.base(), |(d, _)| d), h24, m, zone),
    );
    f.kind = TimexType::Time;
    f.dayless = day.is_none();
    Some(f)
}
