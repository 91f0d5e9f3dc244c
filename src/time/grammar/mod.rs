//! The rules: which token sequences are temporal expressions, and what
//! they resolve to. Each rule is a function that looks at the tokens from
//! one position and returns the longest expression it recognises there.

use chrono::NaiveDate;

use super::scan::Shape;
use super::TimexType;
use crate::time::calendar::{Modifier, Point};
use crate::time::lexicon::{opens_nothing, sets as words, Form};

mod clock;
mod context;
mod dates;
mod days;
mod durations;
mod holidays;
mod periods;
mod pieces;
mod quarters;
mod references;
mod relative;
mod sets;

use self::clock::{clock, in_a_title, stamped};
pub use self::context::Context;
use self::context::*;
use self::dates::*;
use self::days::*;
use self::durations::*;
use self::holidays::holidays;
use self::periods::*;
use self::pieces::*;
use self::quarters::quarters;
use self::references::references;
use self::relative::*;
use self::sets::{habitual, sets};

/// An expression found by a rule, before it is written out.
#[derive(Debug, Clone)]
pub struct Found {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// What it resolves to (DATE, TIME).
    pub point: Option<Point>,
    /// The value when it is not a point (DURATION, SET).
    pub value: Option<String>,
    /// TIMEX3 mod.
    pub modifier: Option<Modifier>,
    /// Approximate ("a week ago", "about").
    pub approx: bool,
    /// A clock time that named no day: it takes the day another
    /// expression of its sentence names ("Tuesday ... at 18:00 UTC").
    pub dayless: bool,
    /// A page's time stamp ("(Updated 5:31 p.m.)"): the time of writing,
    /// which gives no day to the story.
    pub stamp: bool,
}

impl Found {
    /// The day this expression names and the token after it, if it names
    /// a single day: what "noon Tuesday", "the week of March 6" and "the
    /// day before yesterday" build on.
    fn day(&self) -> Option<(NaiveDate, usize)> {
        match self.point {
            Some(Point::Day(d)) => Some((d, self.end)),
            _ => None,
        }
    }

    fn date(first: usize, end: usize, point: Point) -> Found {
        Found {
            first,
            end,
            kind: TimexType::Date,
            point: Some(point),
            value: None,
            modifier: None,
            approx: false,
            dayless: false,
            stamp: false,
        }
    }

    fn other(first: usize, end: usize, kind: TimexType, value: String) -> Found {
        Found {
            first,
            end,
            kind,
            point: None,
            value: Some(value),
            modifier: None,
            approx: false,
            dayless: false,
            stamp: false,
        }
    }
}

/// The rules in the order they are tried; the longest match wins, the
/// first among equals.
const RULES: [fn(&Context<'_>, usize) -> Option<Found>; 24] = [
    holidays,
    running_count,
    that_time,
    same_day,
    next_day,
    day_beside,
    day_part,
    day_after_and,
    week_of,
    in_the_unit,
    same_period,
    vague_durations,
    explicit,
    quarters,
    shifted,
    relative_units,
    habitual,
    days,
    years,
    clock,
    sets,
    durations,
    references,
    the_unit,
];

/// The longest expression starting at token `i`, with any modifier in
/// front ("late last week", "early 2020", "mid-2020", "about two weeks",
/// "the end of this year").
pub fn match_at(cx: &Context<'_>, i: usize) -> Option<Found> {
    let mut modifier = None;
    let mut approx = false;
    let mut j = i;
    let the = cx.is(i, &["the"]);
    let word = modifier_word(cx, if the { i + 1 } else { i });
    match word {
        // "the end of 2020": only a noun takes the article.
        Some(m) if the && m.form == Form::Noun => {
            modifier = Some(m.part);
            j += 1;
        }
        // "earlier this year", "later that month".
        Some(m) if m.form == Form::Comparative => {
            let followed = words().comparative_frames.contains(cx.word(i + 1));
            modifier = Some(m.part).filter(|_| !the && followed);
        }
        // "end-2013", "by end of next week"; but "will end next week",
        // "start next month": a noun without its article is a modifier only
        // joined to its period, else a verb ("end", "start") or a noun.
        Some(m) if !the && m.form == Form::Noun => {
            modifier = Some(m.part).filter(|_| words().noun_links.contains(cx.word(i + 1)));
        }
        Some(m) if !the => modifier = Some(m.part),
        _ if words().approximators.contains(cx.word(i)) => approx = true,
        _ => {}
    }
    if modifier.is_some() || approx {
        j += 1;
        if words().modifier_links.contains(cx.word(j)) {
            j += 1;
        }
        if let Some(mut f) = best(cx, j).or_else(|| bare_period(cx, j)) {
            let point_like = f.point.is_some();
            if (modifier.is_some() && point_like) || (approx && f.kind != TimexType::Set) {
                f.first = i;
                if approx {
                    f.modifier = Some(Modifier::Approx);
                    f.approx = point_like || f.approx;
                } else {
                    f.modifier = modifier;
                }
                return Some(f);
            }
        }
    }
    let mut f = best(cx, i)?;
    // "the" belongs to "the third quarter", "the past two months".
    if i > 0 && cx.is(i - 1, &["the"]) && matches!(f.kind, TimexType::Duration) {
        f.first = i - 1;
    }
    Some(f)
}

fn best(cx: &Context<'_>, i: usize) -> Option<Found> {
    let t = cx.tokens.get(i)?;
    if t.lex.is_none() && t.shape == Shape::Punct && t.lower != "'" && t.lower != "’" {
        return None;
    }
    if opens_nothing(t) {
        return None;
    }
    let mut best: Option<Found> = None;
    for rule in RULES {
        if let Some(f) = rule(cx, i) {
            if best.as_ref().is_none_or(|b| f.end > b.end) {
                best = Some(f);
            }
        }
    }
    let mut f = best?;
    // "the third quarter", "the first half": include the article.
    if f.first == i
        && i > 0
        && cx.is(i - 1, &["the"])
        && matches!(
            f.point,
            Some(Point::Quarter(..) | Point::Half(..) | Point::Decade(_) | Point::Century(_))
        )
    {
        f.first = i - 1;
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{scan, tense, DocType};

    /// Sentences with expressions of every kind the rules find, among
    /// plain words.
    const SENTENCES: &str = "The talks began last week and resumed on Friday, the same \
        day the envoy left. Police said the curfew runs from 6 p.m. Friday until Saturday \
        morning. In the third quarter of 2020 sales rose for a while; the board meets every \
        Monday, pays out per day and votes twice a week. The fiscal 2019 results came at \
        year-end. He will one day return, some day soon. They met in the weeks before the \
        vote, after a decades-long dispute, over the following days, and then at that time \
        left. The year-ago quarter was Q3. These days, as soon as possible, it is the \
        then-current plan: the day before, the next morning, the week of March 6, 2020.";

    /// No rule finds an expression at a word that opens nothing
    /// ([`opens_nothing`]), which the rules therefore skip.
    #[test]
    fn no_rule_starts_at_a_word_that_opens_nothing() {
        let dct = NaiveDate::from_ymd_opt(2020, 9, 29).expect("a day");
        let article = include_str!("../../../examples/2020-09-29-us-iraq-embassy-evacuation.txt");
        for text in [SENTENCES, article] {
            let layer = crate::text::tokenize(text);
            let tokens = scan::scan(text, &layer);
            let syntax = tense::Syntax::lazy(text, &layer.tokens, &layer.sentences);
            let cx = Context::new(&tokens, syntax, dct, DocType::News);
            let mut skipped = 0;
            for (i, t) in tokens.iter().enumerate() {
                if !opens_nothing(t) {
                    continue;
                }
                skipped += 1;
                for (r, rule) in RULES.iter().enumerate() {
                    assert!(rule(&cx, i).is_none(), "rule {r} at `{}` ({i})", t.lower);
                }
            }
            assert!(skipped > 20, "{skipped}");
        }
    }
}
