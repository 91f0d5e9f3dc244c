//! The typed pieces the rules are built from: numbers, units, years, days and
//! months at a token, and the calendar arithmetic on them.

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::time::calendar::{add_days, add_months, monday, Point};
use crate::time::lexicon::{
    Counter, DayPart, Form, ModifierWord, Origin, Placer, Reference, Toward, Unit, Zone,
};
use crate::time::scan::Shape;

/// A number written in digits or words ("24", "twenty four", "a"); returns
/// the value and the token after it. `None` for vague amounts.
pub(super) fn number(cx: &Context<'_>, i: usize) -> Option<(Option<u32>, usize)> {
    // "five trading days", "two straight weeks": the adjective belongs to
    // the amount.
    let (n, j) = bare_number(cx, i)?;
    if words().counting_adjectives.contains(cx.word(j)) && unit(cx, j + 1).is_some() {
        return Some((n, j + 1));
    }
    Some((n, j))
}

pub(super) fn bare_number(cx: &Context<'_>, i: usize) -> Option<(Option<u32>, usize)> {
    let t = cx.tokens.get(i)?;
    if t.shape == Shape::Number && t.lower.bytes().all(|b| b.is_ascii_digit()) && t.lower.len() <= 4
    {
        return Some((t.lower.parse().ok(), i + 1));
    }
    let lex = t.lex?;
    if lex.vague {
        // "a few", "a couple of" are vague too.
        let mut j = i + 1;
        if cx.is(j, &["of"]) {
            j += 1;
        }
        return Some((None, j));
    }
    let mut n = lex.number?;
    let mut j = i + 1;
    // "a couple of years": "a" and a number that is a noun is that number
    // (the lexicon's "couple" is two).
    if n == 1 && cx.is(j, &["couple"]) {
        j += 1;
    }
    if cx.is(j - 1, &["couple"]) {
        return Some((Some(2), if cx.is(j, &["of"]) { j + 1 } else { j }));
    }
    if n == 1
        && cx
            .tokens
            .get(j)
            .and_then(|t| t.lex)
            .is_some_and(|l| l.vague)
    {
        // "a few", "a couple (of)".
        j += 1;
        if cx.is(j, &["of"]) {
            j += 1;
        }
        return Some((None, j));
    }
    // twenty four, twenty-four
    if n >= 20 && n % 10 == 0 {
        let k = if cx.is(j, &["-"]) { j + 1 } else { j };
        if let Some(u) = cx
            .tokens
            .get(k)
            .and_then(|t| t.lex)
            .and_then(|l| l.number)
            .filter(|u| (1..10).contains(u))
        {
            n += u;
            j = k + 1;
        }
    }
    Some((Some(n), and_a_half(cx, j).unwrap_or(j)))
}

/// The token after "and a half" at token `i`, written apart or joined by
/// hyphens ("two and a half", "two-and-a-half"), if it stands there.
fn and_a_half(cx: &Context<'_>, i: usize) -> Option<usize> {
    let mut k = i;
    for word in ["and", "a", "half"] {
        if cx.is(k, &["-"]) {
            k += 1;
        }
        if !cx.is(k, &[word]) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

pub(super) fn unit(cx: &Context<'_>, i: usize) -> Option<Unit> {
    cx.tokens.get(i)?.lex?.unit
}

pub(super) fn plural(cx: &Context<'_>, i: usize) -> bool {
    cx.word(i).ends_with('s')
}

/// A duration value: P2W, PT3H, PXY.
pub(super) fn duration(n: Option<u32>, unit: Unit) -> String {
    let n = n.map_or_else(|| "X".to_string(), |n| n.to_string());
    match unit {
        Unit::S => format!("PT{n}S"),
        Unit::MIN => format!("PT{n}M"),
        Unit::H => format!("PT{n}H"),
        Unit::WE => format!("P{n}WE"),
        Unit::FN => format!(
            "P{}W",
            if n == "X" {
                "X".into()
            } else {
                (n.parse::<u32>().unwrap_or(1) * 2).to_string()
            }
        ),
        // Decades and centuries are written in years, as the corpora do
        // ("decades-long" is PXY there).
        Unit::DE => n
            .parse::<u32>()
            .map_or_else(|_| "PXY".to_string(), |n| format!("P{}Y", n * 10)),
        Unit::CE => n
            .parse::<u32>()
            .map_or_else(|_| "PXCE".to_string(), |n| format!("P{}Y", n * 100)),
        u => format!("P{n}{}", u.code()),
    }
}

/// A four-digit year, or a year of one to four digits before the era
/// ("493 BC"), counted as history counts it (-493).
pub(super) fn year_at(cx: &Context<'_>, i: usize) -> Option<i32> {
    year_bc(cx, i).map(|(y, _)| y).or_else(|| year_ad(cx, i))
}

/// True when token `i` names the era before year 1.
pub(super) fn is_bc(cx: &Context<'_>, i: usize) -> bool {
    words().before_era.contains(cx.word(i))
}

/// A year before the era, "493 BC", "ca. 466 BC", with the token after it.
pub(super) fn year_bc(cx: &Context<'_>, i: usize) -> Option<(i32, usize)> {
    let t = cx.tokens.get(i)?;
    let plain = t.shape == Shape::Number && t.lower.len() <= 4;
    if !plain || !t.lower.bytes().all(|b| b.is_ascii_digit()) || !is_bc(cx, i + 1) {
        return None;
    }
    let y: i32 = t.lower.parse().ok().filter(|y| *y > 0)?;
    Some((-y, i + 2))
}

/// A four-digit year of the common era.
pub(super) fn year_ad(cx: &Context<'_>, i: usize) -> Option<i32> {
    let t = cx.tokens.get(i)?;
    if t.shape != Shape::Number
        || t.lower.len() != 4
        || !t.lower.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    t.lower.parse().ok().filter(|y| (1000..=2199).contains(y))
}

/// A year written in digits or spoken ("1994", "nineteen ninety-four",
/// "two thousand", "two thousand and one"), with the token after it.
pub(super) fn year_words(cx: &Context<'_>, i: usize) -> Option<(i32, usize)> {
    if let Some(found) = year_bc(cx, i) {
        return Some(found);
    }
    if let Some(y) = year_at(cx, i) {
        return Some((y, i + 1));
    }
    if let Some(century) = spoken_century(cx, i) {
        let (n, j) = number(cx, i + 1)?;
        let n = n.filter(|n| (10..=99).contains(n))?;
        return Some((century + n as i32, j));
    }
    if cx.is(i, &["two"]) && cx.is(i + 1, &["thousand"]) {
        let k = if cx.is(i + 2, &["and"]) { i + 3 } else { i + 2 };
        if let Some((Some(n), j)) = number(cx, k).filter(|(n, _)| n.is_some_and(|n| n < 100)) {
            return Some((2000 + n as i32, j));
        }
        return Some((2000, i + 2));
    }
    None
}

/// "last year", "this year", "next year", as the year they name, with the
/// token after them: what "June last year" is in. After "of" ("October of
/// next year") the year is told apart, and the expression ends before it.
pub(super) fn relative_year(cx: &Context<'_>, i: usize) -> Option<(i32, usize)> {
    // "July 25 of that year", "November of the same year": the year the
    // story is in.
    let told = |k: usize| that_unit(cx, k).filter(|&u| cx.is(u, &["year"]));
    if let Some(u) = told(i) {
        return Some((cx.told()?.year(), u + 1));
    }
    if cx.is(i, &["of"]) && told(i + 1).is_none() {
        return relative_year(cx, i + 1).map(|(y, _)| (y, i));
    }
    if cx.is(i, &["of"]) {
        return relative_year(cx, i + 1);
    }
    if !cx.is(i + 1, &["year"]) {
        return None;
    }
    let offset = placer(cx, i)
        .filter(|p| p.from == Origin::Now)?
        .toward
        .sign();
    Some((cx.base().year() + offset, i + 2))
}

pub(super) fn day_at(cx: &Context<'_>, i: usize) -> Option<u32> {
    let t = cx.tokens.get(i)?;
    let digits = t.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix_ok = matches!(&t.lower[digits.len()..], "" | "st" | "nd" | "rd" | "th");
    if t.shape != Shape::Number || digits.is_empty() || digits.len() > 2 || !suffix_ok {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

pub(super) fn month_at(cx: &Context<'_>, i: usize) -> Option<u32> {
    let t = cx.tokens.get(i)?;
    let m = t.lex?.month?;
    // Lowercase "may", "march", "sat"... are verbs and words, not months.
    (t.capital || t.lower.ends_with('.')).then_some(m)
}

/// The quarter most recently completed at `d`.
pub(super) fn last_quarter(d: NaiveDate) -> (i32, u32) {
    let q = d.month0() / 3 + 1;
    if q == 1 {
        (d.year() - 1, 4)
    } else {
        (d.year(), q - 1)
    }
}

/// "first" to "fourth" at token `i`: the number of a quarter or a half.
pub(super) fn quarter_ordinal(cx: &Context<'_>, i: usize) -> Option<u32> {
    let o = cx.tokens.get(i)?.lex?.ordinal?;
    u32::try_from(o).ok().filter(|o| (1..=4).contains(o))
}

/// The calendar unit around `base` moved by `offset` units.
pub(super) fn unit_point(unit: Unit, base: NaiveDate, offset: i32) -> Option<Point> {
    let weeks = || add_days(monday(base), i64::from(offset) * 7);
    Some(match unit {
        Unit::D => Point::Day(add_days(base, i64::from(offset))?),
        Unit::W => Point::Week(weeks()?),
        Unit::WE => Point::Weekend(weeks()?),
        Unit::M => {
            let d = add_months(base, offset)?;
            Point::Month(d.year(), d.month())
        }
        Unit::Q => {
            let d = add_months(base, offset.checked_mul(3)?)?;
            Point::Quarter(d.year(), d.month0() / 3 + 1)
        }
        Unit::Y => Point::Year(base.year().checked_add(offset)?),
        Unit::DE => Point::Decade((base.year() / 10).checked_add(offset)?),
        Unit::CE => Point::Century((base.year() / 100).checked_add(offset)?),
        _ => return None,
    })
}

/// The day `n` units away from `base` (back when `n` is negative); hours
/// reach the day they fall in, minutes and seconds stay on `base`.
pub(super) fn shift_by(base: NaiveDate, n: i32, unit: Unit) -> Option<NaiveDate> {
    let days = |k: i32| add_days(base, i64::from(n.checked_mul(k)?));
    let months = |k: i32| add_months(base, n.checked_mul(k)?);
    match unit {
        Unit::S | Unit::MIN => Some(base),
        Unit::H => add_days(base, i64::from(n.signum() * ((n.abs() + 23) / 24))),
        Unit::D => days(1),
        Unit::W | Unit::WE => days(7),
        Unit::FN => days(14),
        Unit::M => months(1),
        Unit::Q => months(3),
        Unit::Y => months(12),
        Unit::DE => months(120),
        Unit::CE => months(1200),
    }
}

/// "the past five days", "the last two weeks", "the next two months": the
/// days of a length that ends on `base` (or, looking ahead, begins there).
pub(super) fn span_of(base: NaiveDate, n: u32, unit: Unit, toward: Toward) -> Option<Point> {
    let n = i32::try_from(n).ok()?.checked_mul(toward.sign())?;
    let other = shift_by(base, n, unit)?;
    Some(Point::Span(other.min(base), other.max(base)))
}

/// The day of a happening the text has dated, named from token `k` on ("the
/// shooting", "his death", "the Oct. 23 roadside shooting"), with the token
/// after its name.
pub(super) fn happening_at(cx: &Context<'_>, k: usize) -> Option<(NaiveDate, usize)> {
    let k = if words().determiners.contains(cx.word(k)) {
        k + 1
    } else {
        k
    };
    // A few words may qualify it: "the deadly market bombings".
    (k..k + 4)
        .take_while(|&n| cx.tokens.get(n).is_some_and(|t| t.shape != Shape::Punct))
        .find_map(|n| {
            let kind = cx.tokens[n].lex?.happening?;
            cx.happened.get(kind).map(|(d, _)| (*d, n + 1))
        })
}

/// A duration of `n` and a half units, in the next smaller unit (P2Y6M,
/// PT5H30M) or, for weeks and months, as a fraction of the unit (P2.5W).
/// `None` for the other units.
pub(super) fn half_more(n: u32, unit: Unit) -> Option<String> {
    Some(match unit {
        // "a half hour" is thirty minutes: no whole unit is written.
        Unit::Y if n == 0 => "P6M".to_string(),
        Unit::D if n == 0 => "PT12H".to_string(),
        Unit::H if n == 0 => "PT30M".to_string(),
        Unit::MIN if n == 0 => "PT30S".to_string(),
        Unit::Y => format!("P{n}Y6M"),
        Unit::D => format!("P{n}DT12H"),
        Unit::H => format!("PT{n}H30M"),
        Unit::MIN => format!("PT{n}M30S"),
        // Half a week or a month is no whole number of a smaller unit
        // ISO 8601 may write beside it: a decimal fraction of the unit.
        Unit::W | Unit::M => format!("P{n}.5{}", unit.code()),
        _ => return None,
    })
}

/// Which occurrence of a weekday a phrase means, seen from a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    /// The one strictly before: "last Monday".
    Before,
    /// The latest on or before: a bare weekday told in the past.
    OnOrBefore,
    /// The one in the same ISO week: "this Monday".
    SameWeek,
    /// The one strictly after: "next Monday", a weekday after the story's
    /// day.
    After,
    /// The first on or after: a bare weekday ahead.
    OnOrAfter,
    /// The one nearest, three days either way at most: a clock time with
    /// its weekday that no clause places (a report's time stamp, a
    /// schedule) is told near the time it names.
    Nearest,
}

/// The longest phrase of the lexicon's `[phrases]` that starts at token
/// `i` ("as soon as possible"), with its length in tokens and what it
/// refers to.
pub(super) fn phrase_at(cx: &Context<'_>, i: usize) -> Option<(usize, Reference)> {
    let starting = crate::time::lexicon::phrases().get(cx.word(i))?;
    starting
        .iter()
        .find(|(words, _)| words.iter().enumerate().all(|(k, w)| cx.word(i + k) == w))
        .map(|(words, r)| (words.len(), *r))
}

/// The placing word at token `i` ("last", "this", "next", "previous").
pub(super) fn placer(cx: &Context<'_>, i: usize) -> Option<Placer> {
    cx.tokens.get(i)?.lex?.placer
}

/// The counting word at token `i` ("ago", "later", "before").
pub(super) fn counter(cx: &Context<'_>, i: usize) -> Option<Counter> {
    cx.tokens.get(i)?.lex?.counter
}

/// The modifying word at token `i` ("early", "mid", "end").
pub(super) fn modifier_word(cx: &Context<'_>, i: usize) -> Option<ModifierWord> {
    cx.tokens.get(i)?.lex?.modifier
}

/// The part of a day the word at token `i` names ("morning", "night").
pub(super) fn day_part_at(cx: &Context<'_>, i: usize) -> Option<DayPart> {
    cx.tokens.get(i)?.lex?.day_part
}

/// True when token `i` is a modifier that stands right before its period
/// ("early", "mid", "late").
pub(super) fn adjective_modifier(cx: &Context<'_>, i: usize) -> bool {
    modifier_word(cx, i).is_some_and(|m| m.form == Form::Adjective)
}

/// The century a number word at token `i` opens a year said aloud with
/// ("nineteen ninety").
pub(super) fn spoken_century(cx: &Context<'_>, i: usize) -> Option<i32> {
    cx.tokens.get(i)?.lex?.spoken_century
}

/// The time zone written at token `i`.
pub(super) fn zone_at(cx: &Context<'_>, i: usize) -> Option<Zone> {
    cx.tokens.get(i)?.lex?.zone
}
