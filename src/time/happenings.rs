//! Happenings a text dates, and counts from: once a story says the doctor
//! "was shot dead last Oct. 23", "ten days before the shooting" and
//! "the day after her death" have a day to count from.
//!
//! A happening is known by its kind (`[happenings]` in the lexicon: a
//! shooting and the killing it was are one kind), not by coreference, so a
//! text about two bombings counts from the first one it dated.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::scan::Token;

/// The day each kind of happening was dated on, and whether that day was
/// written with its number ("Oct. 23") rather than read from a weekday.
pub type Happened = HashMap<&'static str, (NaiveDate, bool)>;

/// How near a happening must be named to the day that dates it ("shot to
/// death last Oct. 23", "the Oct. 23 roadside shooting").
const REACH: usize = 6;

/// Records the day `d`, found at tokens `first..end`, as the day of each
/// happening named near it in its sentence. The first dating holds — a
/// story dates what it is about, then mentions it again ("on Tuesday
/// officials discussed the bombing") — except that a day written with its
/// number ("the Oct. 23 killing") outranks one read from a weekday ("on
/// Thursday charged him with the killing").
pub fn record(
    tokens: &[Token],
    (first, end): (usize, usize),
    (d, explicit): (NaiveDate, bool),
    happened: &mut Happened,
) {
    for kind in near(tokens, first, end) {
        let known = happened.entry(kind).or_insert((d, explicit));
        if explicit && !known.1 {
            *known = (d, explicit);
        }
    }
}

/// The day of a dated happening named near tokens `first..end` in their
/// sentence: what a clock time with no day of its own took place on ("was
/// shot to death at 10 p.m.").
pub fn near_day(
    tokens: &[Token],
    (first, end): (usize, usize),
    happened: &Happened,
) -> Option<NaiveDate> {
    near(tokens, first, end).find_map(|kind| happened.get(kind).map(|(d, _)| *d))
}

/// The kinds of happening named within [`REACH`] of tokens `first..end`,
/// in their sentence.
fn near(tokens: &[Token], first: usize, end: usize) -> impl Iterator<Item = &'static str> + '_ {
    let sentence = tokens.get(first).map(|t| t.sentence);
    let from = first.saturating_sub(REACH);
    let to = (end + REACH).min(tokens.len());
    tokens[from.min(to)..to]
        .iter()
        .filter(move |t| Some(t.sentence) == sentence)
        .filter_map(|t| t.lex.and_then(|l| l.happening))
}
