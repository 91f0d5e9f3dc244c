//! Sets: "every week", "each Monday", "daily", "per month".

use super::*;
use crate::time::lexicon::{lexicon, DayPart, Frequency, Unit};
use crate::time::scan::Shape;
use crate::time::TimexType;

/// Sets: "every week", "each Monday", "daily", "twice a year".
pub(super) fn sets(cx: &Context<'_>, i: usize) -> Option<Found> {
    let w = cx.word(i);
    // "daily", "nightly": once a unit, or that part of every day.
    let single = cx
        .tokens
        .get(i)
        .and_then(|t| t.lex)
        .and_then(|l| l.frequency);
    if let Some(every) = single {
        if in_a_name(cx, i) {
            return None;
        }
        let v = match every {
            Frequency::Unit(u) => duration(Some(1), u),
            Frequency::Part(p) => format!("XXXX-XX-XXT{}", p.name()),
        };
        return Some(Found::other(i, i + 1, TimexType::Set, v));
    }
    // "per day", "per month": a rate, whatever is counted ("per hour",
    // "per second" measure speeds and flows instead).
    if w == "per" {
        let calendar = |u: &Unit| matches!(*u, Unit::D | Unit::W | Unit::M | Unit::Q | Unit::Y);
        let u = unit(cx, i + 1)
            .filter(|_| !plural(cx, i + 1))
            .filter(calendar)?;
        return Some(Found::other(i, i + 2, TimexType::Set, duration(Some(1), u)));
    }
    if !words().distributives.contains(w) {
        return None;
    }
    let mut j = i + 1;
    let mut n = Some(1);
    if let Some((m, k)) = number(cx, j).filter(|(_, k)| unit(cx, *k).is_some()) {
        n = m;
        j = k;
    }
    let t = cx.tokens.get(j)?;
    if let Some(wd) = t.lex.and_then(|l| l.weekday) {
        return Some(Found::other(
            i,
            j + 1,
            TimexType::Set,
            format!("XXXX-WXX-{wd}"),
        ));
    }
    if let Some(s) = t.lex.and_then(|l| l.season) {
        let v = format!("XXXX-{}", s.code());
        return Some(Found::other(i, j + 1, TimexType::Set, v));
    }
    // "each July": that month of every year.
    if let Some(m) = month_at(cx, j) {
        return Some(Found::other(
            i,
            j + 1,
            TimexType::Set,
            format!("XXXX-{m:02}"),
        ));
    }
    if cx.is(j, &["season"]) {
        return Some(Found::other(i, j + 1, TimexType::Set, "P1S".to_string()));
    }
    let u = unit(cx, j)?;
    Some(Found::other(i, j + 1, TimexType::Set, duration(n, u)))
}

/// True when the word at token `i` is capitalised inside a sentence and
/// the next word is too: part of a name ("the Daily Telegraph", "The
/// Daily Show", "NBC Nightly News"), not a frequency. At the head of a
/// sentence a capital says nothing ("Daily life has stopped").
fn in_a_name(cx: &Context<'_>, i: usize) -> bool {
    let Some(t) = cx.tokens.get(i) else {
        return false;
    };
    let inside = i > 0 && cx.tokens[i - 1].sentence == t.sentence;
    let named_next = cx
        .tokens
        .get(i + 1)
        .is_some_and(|n| n.capital && n.shape == Shape::Word && n.sentence == t.sentence);
    t.capital && inside && named_next
}

/// "Mondays", "Saturday mornings", "Monday and Tuesday nights": a weekday,
/// or a part of one, in the plural happens every week, as "every Monday"
/// does; the first weekday of a list takes the part written after the
/// last.
pub(super) fn habitual(cx: &Context<'_>, i: usize) -> Option<Found> {
    let t = cx.tokens.get(i).filter(|t| t.capital)?;
    // The plural of a full weekday name: "Sundays", never "Suns".
    let plural_day = t
        .lower
        .strip_suffix('s')
        .filter(|stem| stem.len() >= 6)
        .and_then(|stem| lexicon().get(stem))
        .and_then(|l| l.weekday);
    if let Some(wd) = plural_day {
        return Some(Found::other(
            i,
            i + 1,
            TimexType::Set,
            format!("XXXX-WXX-{wd}"),
        ));
    }
    let wd = t.lex?.weekday?;
    let parts = |k: usize| {
        let w = cx.word(k).strip_suffix('s')?;
        lexicon().get(w)?.day_part
    };
    let every = |part: DayPart| format!("XXXX-WXX-{wd}T{}", part.name());
    if let Some(part) = parts(i + 1) {
        return Some(Found::other(i, i + 2, TimexType::Set, every(part)));
    }
    let listed = cx.joins(i + 1) && cx.tokens.get(i + 2).and_then(|t| t.lex?.weekday).is_some();
    let part = parts(i + 3).filter(|_| listed)?;
    Some(Found::other(i, i + 1, TimexType::Set, every(part)))
}
