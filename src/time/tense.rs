//! Which way a sentence looks from the reference date, as far as a bare
//! weekday or month needs to know: "Friday" is last Friday in "the talks
//! ended Friday" and next Friday in "the talks will resume Friday".
//!
//! There is no parser here: the cue nearest to the expression in its
//! clause decides. Nearest matters because news sentences nest clauses
//! with different tenses ("officials said the talks will resume Monday":
//! `will` is nearer to Monday than `said`), and the verb of reporting that
//! opens most news sentences says when it was said, not when the reported
//! thing happens, so it counts only when nothing nearer speaks.

use super::lexicon::sets;
use super::scan::{Shape, Token};

/// The direction a sentence points in, relative to the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Reports what happened: a bare day or month is the last one.
    Past,
    /// Announces, plans or predicts: the next one.
    Future,
}

/// A word's own tense cue, from the lexicon (`[tense_cues]`, written in
/// lower case: "future", "past", "report", "neither").
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cue {
    /// "will", "scheduled", "expected", "next"...
    Future,
    /// "was", "met", "ago"...
    Past,
    /// A verb of reporting in the past ("said", "announced"): a weak past.
    Report,
    /// Ends in -ed but is no past tense ("succeed", "hundred", "indeed").
    Neither,
}

/// How far, in tokens, a cue may stand before the expression...
const BEFORE: usize = 12;
/// ...and after it, within its clause.
const AFTER: usize = 8;
/// How far an infinitive's reach extends: "to admit them in March" looks
/// ahead, but "trying to sell itself, under a June agreement" does not.
const INFINITIVE_REACH: usize = 4;
/// How much farther a weak cue counts than it stands.
const WEAK: usize = 4;

/// The tense of the sentence around the expression that spans tokens
/// `first..end`, or `None` when nothing near says.
pub fn tense(tokens: &[Token], first: usize, end: usize) -> Option<Tense> {
    tense_within(tokens, first, end, BEFORE, AFTER)
}

/// [`tense`], with the cue looked for anywhere in the sentence: for when
/// nothing near speaks.
pub fn sentence_tense(tokens: &[Token], first: usize, end: usize) -> Option<Tense> {
    tense_within(tokens, first, end, usize::MAX / 4, usize::MAX / 4)
}

fn tense_within(
    tokens: &[Token],
    first: usize,
    end: usize,
    before: usize,
    after: usize,
) -> Option<Tense> {
    let sentence = tokens.get(first)?.sentence;
    let mut best: Option<(usize, Tense)> = None;
    let mut consider = |distance: usize, found: Option<(usize, Tense)>| {
        if let Some((penalty, t)) = found {
            let d = distance + penalty;
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, t));
            }
        }
    };
    for k in (first.saturating_sub(before)..first).rev() {
        let t = &tokens[k];
        if t.sentence != sentence || matches!(t.lower.as_str(), ";" | ":") {
            break;
        }
        consider(first - k, cue(tokens, k, first));
    }
    // "On Friday, the council will vote": an expression that opens its
    // sentence belongs to the clause after its comma.
    let fronted = tokens[..first]
        .iter()
        .rev()
        .take_while(|t| t.sentence == sentence)
        .all(|t| sets().fronting.contains(t.lower.as_str()));
    for k in end..end.saturating_add(after).min(tokens.len()) {
        let t = &tokens[k];
        let opening_comma = fronted && k == end && t.lower == ",";
        // "the Farmers and Growers Union": "and" in a name.
        let named = t.lower == "and"
            && tokens[k - 1].capital
            && tokens.get(k + 1).is_some_and(|n| n.capital);
        let ends = sets().clause_ends.contains(t.lower.as_str()) && !opening_comma && !named;
        if t.sentence != sentence || ends {
            break;
        }
        // A cue behind weighs a little less than one in front.
        consider(k + 2 - end, cue(tokens, k, first));
    }
    best.map(|(_, t)| t)
}

/// The cue token `k` gives, for an expression starting at `first`, with
/// the distance it is penalised by.
fn cue(tokens: &[Token], k: usize, first: usize) -> Option<(usize, Tense)> {
    let t = &tokens[k];
    let word = t.lower.as_str();
    let before = |n: usize| k.checked_sub(n).map_or("", |p| tokens[p].lower.as_str());
    let prev = before(1);
    // Next to the expression, or separated only by its own modifiers
    // ("until mid-November", "by the end of").
    let deadline = matches!(
        word,
        "until"
            | "till"
            | "through"
            | "by"
            | "effective"
            | "starting"
            | "beginning"
            | "as"
            | "since"
    );
    let adjacent = deadline
        && k < first
        && tokens[k + 1..first].iter().all(|t| {
            matches!(
                t.lower.as_str(),
                "mid"
                    | "-"
                    | "early"
                    | "late"
                    | "the"
                    | "end"
                    | "beginning"
                    | "start"
                    | "middle"
                    | "of"
                    | "about"
                    | "around"
            )
        });
    // A deadline looks ahead ("closed until Friday", "as soon as
    // Tuesday"), unless it bounds a state in the past perfect ("until
    // Thursday, they had not...") or "it was not until Tuesday that...".
    if adjacent && matches!(word, "until" | "till") {
        let perfect = tokens[k.saturating_sub(BEFORE)..(k + BEFORE).min(tokens.len())]
            .iter()
            .any(|w| w.sentence == t.sentence && w.lower == "had");
        return if matches!(prev, "not" | "up") || perfect {
            Some((0, Tense::Past))
        } else {
            Some((0, Tense::Future))
        };
    }
    // "by February", "effective Feb. 1", "starting Monday": usually ahead.
    // "sales this year through August" closes a span to date instead.
    let to_date = word == "through" && matches!(prev, "year" | "date" | "far");
    if adjacent
        && !to_date
        && matches!(
            word,
            "by" | "through" | "effective" | "starting" | "beginning"
        )
    {
        return Some((WEAK, Tense::Future));
    }
    if adjacent && word == "as" && matches!(prev, "soon" | "early") {
        return Some((0, Tense::Future));
    }
    if adjacent && word == "since" {
        return Some((0, Tense::Past));
    }
    // "is to resume", "are to meet": an arrangement.
    if word == "to" && matches!(prev, "is" | "are" | "am") && k < first {
        return Some((0, Tense::Future));
    }
    // An infinitive looks ahead of the verb it hangs on: "decided to
    // admit them in March", "agreed to pay by February".
    // After a verb of commitment the infinitive reaches across its whole
    // object: "has decided to admit Poland, Hungary and the Czech Republic
    // in early March".
    let committed = sets().committing.contains(prev);
    if word == "to" && k < first && (first - k <= INFINITIVE_REACH || committed) {
        let next = &tokens[k + 1];
        let verb = !next.capital
            && next.shape == Shape::Word
            && !matches!(
                next.lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "this" | "that" | "be"
            );
        if verb {
            return Some(planned(before, 2));
        }
    }
    // A present perfect reports what has happened: "prices have come
    // down from mid-October", "has been closed since".
    if matches!(word, "has" | "have" | "'ve") && k < first {
        if let Some(next) = tokens.get(k + 1) {
            // Anything but an object or "to" ("has to", "have a say").
            let participle = next.shape == Shape::Word
                && !next.capital
                && !matches!(
                    next.lower.as_str(),
                    "to" | "a" | "an" | "the" | "no" | "any" | "some" | "many" | "more" | "much"
                );
            // "has decided to admit them in March" dates the deciding,
            // not the admitting.
            let committing = sets().committing.contains(next.lower.as_str()) && first > k + 2;
            if participle && !committing {
                return Some((0, Tense::Past));
            }
        }
    }
    // "the union plans to hold a rally Tuesday" looks ahead; "announced
    // plans to", "has no plans to" are nouns.
    if word == "plans" && tokens.get(k + 1).is_some_and(|n| n.lower == "to") {
        let noun = prev.ends_with("ed") || sets().plans_as_noun_after.contains(prev);
        return (!noun).then_some((0, Tense::Future));
    }
    // "decided to admit them in March": the deciding is told in the past,
    // the admitting is what the expression dates.
    if sets().committing.contains(word)
        && k + 2 < first
        && tokens.get(k + 1).is_some_and(|n| n.lower == "to")
    {
        return None;
    }
    // "next to the embassy" is a place.
    if word == "next" && tokens.get(k + 1).is_some_and(|n| n.lower == "to") {
        return None;
    }
    // "May" the month is not "may" the modal.
    let lex = t.lex.filter(|l| !(t.capital && l.month.is_some()));
    let passive = sets().not_past_before.contains(prev);
    match lex.and_then(|l| l.tense) {
        // "the government planned to pay": a plan told in the past tense,
        // which says nothing of when; "is expected to", "was scheduled to"
        // and "the planned talks" still look ahead.
        Some(Cue::Future)
            if word.ends_with("ed")
                && tokens.get(k + 1).is_some_and(|n| n.lower == "to")
                && !passive
                && !matches!(prev, "was" | "were" | "been" | "had") =>
        {
            None
        }
        Some(Cue::Future) => Some(planned(before, 0)),
        Some(Cue::Past) if passive => None,
        Some(Cue::Past) => Some((0, Tense::Past)),
        Some(Cue::Report) => Some((WEAK, Tense::Past)),
        Some(Cue::Neither) => None,
        // A regular past tense, unless an auxiliary or article in front
        // makes it a passive or an adjective, or it starts a name.
        None if word.len() > 4 && word.ends_with("ed") && !t.capital && !passive => {
            Some((0, Tense::Past))
        }
        None => None,
    }
}

/// A forward-looking cue with its penalty, unless a past perfect just in
/// front turns it into a plan that has run out ("had been due to expire").
fn planned<'a>(before: impl Fn(usize) -> &'a str, penalty: usize) -> (usize, Tense) {
    if (1..=3).any(|n| before(n) == "had") {
        (0, Tense::Past)
    } else {
        (penalty, Tense::Future)
    }
}
