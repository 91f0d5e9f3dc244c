//! Closing or drawing down a presence is a retreat (`[withdrawing]` of
//! `frames.toml`; CAMEO 087x, PLOVER RETREAT): "closed its embassy",
//! "evacuate diplomatic personnel", "the departure of diplomats", "the
//! reduction of the U.S. diplomatic presence". The sense is keyed on what
//! is closed or drawn down, as `[senses]` keys "held 30 protesters" on
//! its object: "closed the road" and "reduced prices" keep the sense the
//! triggers or the CAMEO dictionary give them.

use super::frames::{Frames, Withdrawing};
use super::predicates::{eventive, verb_in};
use super::retold::Acts;
use super::sentence::Sent;
use crate::model::Kind;
use crate::text::Upos;

/// Makes a retreat of every verb or noun of `[withdrawing]` in the
/// sentence that takes a presence, whatever kind it had; `found` holds
/// the word, its kind and whether CAMEO's verbs gave it.
pub(super) fn presences(
    s: &Sent<'_, '_, '_>,
    frames: &Frames,
    found: &mut Vec<(usize, Kind, bool)>,
) {
    let table = &frames.withdrawing;
    let mut changed = false;
    for w in (0..s.len()).filter(|&w| eventive(s, w)) {
        let taken = match s.upos(w) {
            Upos::Verb if verb_in(s, w, &table.lemmas) => s
                .children(w)
                .filter(|&c| matches!(s.deprel(c), "obj" | "nsubj:pass"))
                .collect::<Vec<_>>(),
            // An object of a noun is a verb the tagger misread ("Germany
            // shut down its embassy").
            Upos::Noun if nominal(s, w, table) => s
                .children(w)
                .filter(|&c| {
                    of_phrase(s, c) || matches!(s.deprel(c), "compound" | "nmod:poss" | "obj")
                })
                .collect(),
            _ => continue,
        };
        if !taken.into_iter().any(|o| presence(s, o, table)) {
            continue;
        }
        found.retain(|f| f.0 != w);
        found.push((w, Kind::Retreat, false));
        changed = true;
    }
    if changed {
        found.sort_by_key(|f| f.0);
    }
}

/// Whether noun `w` names an act of `[withdrawing]`: its lemma is one, or
/// its verb by the suffix rules of `acts.toml` ("closure": close).
fn nominal(s: &Sent<'_, '_, '_>, w: usize, table: &Withdrawing) -> bool {
    let lemma = s.lower_lemma(w);
    table.lemmas.contains(&*lemma)
        || table
            .lemmas
            .contains(Acts::shipped().of(&lemma, true).verb())
}

/// Whether `c` is an `of` phrase ("the closure of the embassy").
fn of_phrase(s: &Sent<'_, '_, '_>, c: usize) -> bool {
    s.rel(c) == "nmod"
        && s.children_by(c, &["case"])
            .into_iter()
            .any(|k| s.toks[k].lower == "of")
}

/// Whether `o` names a presence, or is qualified by a noun that does
/// ("embassy staff", "the embassy compound"). The lemma, or the word
/// without a plural `s` when the lemmatiser kept it ("troops").
fn presence(s: &Sent<'_, '_, '_>, o: usize, table: &Withdrawing) -> bool {
    let is = |k: usize| {
        let word = s.toks[k].lower.as_str();
        table.presences.contains(&*s.lower_lemma(k))
            || table
                .presences
                .contains(word.strip_suffix('s').unwrap_or(word))
    };
    is(o) || s.children_by(o, &["compound"]).into_iter().any(is)
}
