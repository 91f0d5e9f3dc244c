//! Words that refer to the present, past or future by themselves ("now",
//! "recently", "year-end"), and seasons and months named alone.

use chrono::{Datelike, NaiveDate};

use super::*;
use crate::time::calendar::Modifier;
use crate::time::calendar::Point;
use crate::time::lexicon::{Bound, Form};
use crate::time::scan::Shape;
use crate::time::story;
use crate::time::tense::Tense;

/// Words that refer to the present, past or future by themselves, and
/// seasons and months alone.
pub(super) fn references(cx: &Context<'_>, i: usize) -> Option<Found> {
    let t = cx.tokens.get(i)?;
    // "these days", "as soon as possible", "the near future": a phrase
    // of the lexicon that refers by itself.
    if let Some((len, r)) = phrase_at(cx, i) {
        return Some(Found::date(i, i + len, Point::Reference(r, None)));
    }
    // "year end", "year's end": the end of the report's year; "year-end"
    // its last day. After a past tense ("since year-end"), last year's.
    if cx.is(i, &["year"]) {
        let hyphen = cx.is(i + 1, &["-"]);
        let j = if hyphen {
            i + 2
        } else if cx.is(i + 1, &["'", "’"]) && cx.is(i + 2, &["s"]) {
            i + 3
        } else {
            i + 1
        };
        if modifier_word(cx, j).is_some_and(|m| m.form == Form::Noun && m.part == Modifier::End) {
            let y = cx.dct.year() - i32::from(cx.tense(i) == Some(Tense::Past));
            if hyphen {
                let d = NaiveDate::from_ymd_opt(y, 12, 31)?;
                return Some(Found::date(i, j + 1, Point::Day(d)));
            }
            let mut f = Found::date(i, j + 1, Point::Year(y));
            f.modifier = Some(Modifier::End);
            return Some(f);
        }
    }
    let lex = t.lex?;
    if let Some(r) = lex.reference {
        // "past" and "future" only as nouns: "the past", "in the future".
        if words().article_nouns.contains(&t.lower) && !cx.is(i.wrapping_sub(1), &["the"]) {
            return None;
        }
        if t.lower == "current" && cx.word(i + 1).is_empty() {
            return None;
        }
        // "So at Current, he ...", "the Now Show": a word that refers by
        // itself is written small inside a sentence; capitalised there
        // after a word, it is a name.
        let after_word = cx
            .tokens
            .get(i.wrapping_sub(1))
            .is_some_and(|p| p.sentence == t.sentence && p.shape == Shape::Word && !p.capital);
        if t.capital && after_word {
            return None;
        }
        // "as soon as" compares; "soon after the war", "soon afterwards"
        // measure the gap between two happenings; in a clause that tells
        // the past ("the Germans soon intervened", "was soon released")
        // "soon" counts from the happening told, not from now.
        // The tense is read (a parse) only for "soon" itself.
        let prev = if i > 0 { cx.word(i - 1) } else { "" };
        let relative = || {
            prev == "as"
                || words().sequels.contains(cx.word(i + 1))
                || cx.tense(i) == Some(Tense::Past)
        };
        if t.lower == "soon" && relative() {
            return None;
        }
        return Some(Found::date(i, i + 1, Point::Reference(r, None)));
    }
    if let Some(s) = lex.season {
        // "the Spring of Life demonstrations", "Summer of Love": a name.
        let title = t.capital
            && i > 0
            && cx.tokens[i - 1].sentence == t.sentence
            && cx.is(i + 1, &["of"])
            && cx.tokens.get(i + 2).is_some_and(|n| n.capital);
        // "the Arab Spring", "the Prague Spring": a name, unless it
        // writes its year ("the Iraq Spring Fighting of 2004").
        let dated = (i + 1..i + 4).any(|k| year_at(cx, k).is_some());
        if title || (in_a_title(cx, i) && !dated) {
            return None;
        }
        // "the fall of the city" is an event; "the fall of 1863" a season.
        let event = cx.is(i + 1, &["of"]) && year_words(cx, i + 2).is_none();
        let before = i.wrapping_sub(1);
        let introduced = cx.is(before, &["the", "in"])
            || placer(cx, before).is_some()
            || adjective_modifier(cx, before);
        if t.lower == "fall" && !t.capital && (event || !introduced) {
            return None;
        }
        // "spring 2020", "the winter of nineteen ninety-six"
        let k = if cx.is(i + 1, &["of"]) { i + 2 } else { i + 1 };
        if let Some((y, end)) = year_words(cx, k) {
            return Some(Found::date(i, end, Point::Season(y, s)));
        }
        let y = match cx.told() {
            Some(_) if cx.perfect(i) => cx.undated_month(s.start_month(), i),
            Some(at) => story::year_of(at, s.start_month(), 1),
            None => cx.base().year(),
        };
        // "the spring and early summer of 1943": the year of the second.
        let y = match coordinated(cx, i) {
            Some(Point::Season(y2, s2)) => y2 - i32::from(s.start_month() > s2.start_month()),
            Some(Point::Month(y2, m2)) => y2 - i32::from(s.start_month() > m2),
            _ => y,
        };
        return Some(Found::date(i, i + 1, Point::Season(y, s)));
    }
    if let Some(m) = month_at(cx, i) {
        let prev = cx.word(i.wrapping_sub(1));
        let ambiguous = words().ambiguous_months.contains(&t.lower);
        // "the March accession", "the May elections": a month naming what
        // happens in it; "the March on Washington", "the may" are not.
        let attributive = prev == "the"
            && t.capital
            && cx.tokens.get(i + 1).is_some_and(|n| {
                n.shape == Shape::Word && !n.capital && !words().after_a_noun.contains(&n.lower)
            });
        // "from October to March": the end of a range of months.
        let range_end = cx.joins(i.wrapping_sub(1)) && month_at(cx, i.wrapping_sub(2)).is_some();
        // "(May-August 1950)", "March to May": the first month of a range
        // or a list, the next month named after the joiner.
        let range_start = cx.joins(i + 1) && month_at(cx, i + 2).is_some();
        let joined = range_end || range_start;
        if ambiguous && !attributive && !joined && !words().month_introducers.contains(prev) {
            return None;
        }
        // "from October to March": the first month of a range comes
        // before the last, whose year the story or the tense decides.
        let to = words().range_openers.contains(cx.word(i.wrapping_sub(1)))
            && (cx.joins(i + 1) || cx.bound(i + 1) == Some(Bound::Until));
        let y = match month_at(cx, i + 2).filter(|_| to) {
            Some(last) => cx.undated_month(last, i + 2) - i32::from(m > last),
            None => cx.undated_month(m, i),
        };
        // "April and June 1955": the year of the second.
        let y = match coordinated(cx, i) {
            Some(Point::Month(y2, m2)) => y2 - i32::from(m > m2),
            Some(Point::Season(y2, s2)) => y2 - i32::from(m > s2.start_month()),
            _ => y,
        };
        return Some(Found::date(i, i + 1, Point::Month(y, m)));
    }
    None
}

/// What a month or season at token `i` is joined to, when that names its
/// year: "April and June 1955", "the spring and early summer of 1943".
fn coordinated(cx: &Context<'_>, i: usize) -> Option<Point> {
    if !cx.joins(i + 1) {
        return None;
    }
    let mut j = i + 2;
    if adjective_modifier(cx, j) {
        j += 1;
        if cx.is(j, &["-"]) {
            j += 1;
        }
    }
    if let Some(Point::Month(y, m)) = explicit(cx, j).and_then(|f| f.point) {
        return Some(Point::Month(y, m));
    }
    let s = cx.tokens.get(j)?.lex?.season?;
    let k = if cx.is(j + 1, &["of"]) { j + 2 } else { j + 1 };
    let (y, _) = year_words(cx, k)?;
    Some(Point::Season(y, s))
}
