//! Cause and effect inside a sentence, from the parse and the cue lists of
//! `frames.toml`: causal verbs ("the killing sparked protests"),
//! subordinators ("because the plant closed"), prepositions ("arrested
//! for rioting", "in response to the strike"), result and motive
//! participles ("…, killing five", "…, demanding reforms") and purpose
//! clauses ("rallied to demand reforms"). "After" alone only orders two
//! events (`precedes`): the trained pair scorer reads a cause in the two
//! events it orders only when it is much surer than a link needs
//! ([`ORDER_MARGIN`]: "injured after he was assaulted").

use super::frames::Frames;
use super::pairs::{CausalModel, NEW_END_MARGIN};
use super::sentence::Sent;
use crate::model::{Kind, Relation};
use crate::text::Upos;

/// How much more than a link needs the pair scorer must score to read a
/// cause in two events that a construction only orders in time ("fired
/// 17,200 workers after they refused to go back"): "after" alone says
/// nothing of why, the two events' words may (`yielding` words such as
/// "following" need no more than a link). Measured on the Causal News
/// Corpus cross-fitted and on the Egypt topic (`train_causal_pairs`).
pub const ORDER_MARGIN: f32 = 2.0;

/// A link found between two words of a sentence: the cause's word, the
/// effect's word and the relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// The word of the earlier event, or the cause.
    pub from: usize,
    /// The word of the later event, or the effect.
    pub to: usize,
    /// How they are linked.
    pub relation: Relation,
}

/// The links a sentence states: those of the constructions, then those
/// the trained pair scorer finds between words the constructions do not
/// link, a pair needing [`NEW_END_MARGIN`] more for each end that is no
/// event yet. `kind_at` gives the kind of the event a word names, if it names
/// one.
pub fn cues(
    s: &Sent<'_, '_, '_>,
    frames: &Frames,
    model: &CausalModel,
    kind_at: &dyn Fn(usize) -> Option<Kind>,
) -> Vec<Cue> {
    let mut out = construction_cues(s, frames, kind_at);
    // A link that would make an event of a word of no known kind needs a
    // surer score, for each such end.
    let margin = |a: usize, b: usize| {
        NEW_END_MARGIN * [a, b].iter().filter(|&&w| kind_at(w).is_none()).count() as f32
    };
    for (from, to, over) in model.links(s, frames, &margin) {
        if setting(s, frames, from) != setting(s, frames, to) {
            continue;
        }
        // "Withdrawn following protests": an order a yielding word states
        // becomes the cause the scorer reads from its first event, and any
        // order does when the scorer is much surer.
        let reverse = out.iter().any(|c| (c.from, c.to) == (to, from));
        let sure = over >= ORDER_MARGIN;
        if let Some(c) = out.iter_mut().find(|c| {
            !reverse
                && c.from == from
                && c.relation == Relation::Precedes
                && (sure || yielding(s, frames, c))
        }) {
            *c = Cue {
                from,
                to,
                relation: Relation::Causes,
            };
            continue;
        }
        // A pair the constructions link keeps their relation, and a word
        // they only order in time ("after the attack") is no cause.
        let decided = out.iter().any(|c| {
            let ends = [c.from, c.to];
            ends.contains(&from) && ends.contains(&to)
                || c.relation == Relation::Precedes && (ends.contains(&from) || ends.contains(&to))
        });
        if !decided {
            out.push(Cue {
                from,
                to,
                relation: Relation::Causes,
            });
        }
    }
    out
}

/// The relative clause describing a place that word `w` is in, if any
/// (`[causal] settings`: "the country, where troops are stationed"): in
/// the simple present, it tells how the place is; "the hospital where
/// the monks are being treated" tells of what happens there.
fn setting(s: &Sent<'_, '_, '_>, frames: &Frames, w: usize) -> Option<usize> {
    let mut k = w;
    for _ in 0..s.len() {
        if s.deprel(k) == "acl:relcl"
            && super::noise::simple_present(s, k)
            && s.children(k)
                .any(|c| frames.settings.contains(&s.toks[c].lower))
        {
            return Some(k);
        }
        k = s.head(k)?;
    }
    None
}

/// Whether a construction only orders two events in time with one of
/// the `yielding` words of `frames.toml` ("following the protests").
fn yielding(s: &Sent<'_, '_, '_>, frames: &Frames, c: &Cue) -> bool {
    let lo = s.span(c.from).0;
    frames.yielding.iter().any(|phrase| {
        phrase
            .split_whitespace()
            .enumerate()
            .all(|(k, w)| s.toks.get(lo + k).is_some_and(|t| t.lower == w))
    })
}

/// The links the constructions of `frames.toml` state.
fn construction_cues(
    s: &Sent<'_, '_, '_>,
    frames: &Frames,
    kind_at: &dyn Fn(usize) -> Option<Kind>,
) -> Vec<Cue> {
    let mut out = Vec::new();
    for w in 0..s.len() {
        if let Some(&relation) = frames.causal_verbs.get(s.lemma(w)) {
            if s.upos(w) == Upos::Verb {
                verb_cue(s, w, relation, &mut out);
            }
        }
        let Some(h) = s.head(w) else { continue };
        match s.rel(w) {
            "advcl" => clause_cue(s, w, h, frames, &mut out),
            // "staged a demonstration protesting the scam": a participle
            // that describes an event gives its motive.
            "acl" if s.xpos(w) == "VBG" && w > h && kind_at(h).is_some() => {
                clause_cue(s, w, h, frames, &mut out)
            }
            // "withdrew after rebels signed": a clause the parse hangs as a
            // complement but that opens with a subordinator.
            "ccomp" => {
                let first = s.toks[s.span(w).0].lower.as_str();
                if let Some(&relation) = frames.marks.get(first) {
                    out.push(Cue {
                        from: w,
                        to: h,
                        relation,
                    });
                }
            }
            "obl" if harm_cause(s, w, h, frames, kind_at) => out.push(Cue {
                from: w,
                to: h,
                relation: Relation::Causes,
            }),
            "obl" | "nmod" => {
                if let Some((relation, cause)) = case_cue(s, w, h, frames, kind_at) {
                    out.push(Cue {
                        from: cause,
                        to: h,
                        relation,
                    });
                }
            }
            _ => {}
        }
    }
    out.retain(|c| c.from != c.to);
    out.dedup();
    out
}

/// "The killing sparked protests", "forced thousands to flee", "led to
/// clashes": the subject's event causes the object's.
fn verb_cue(s: &Sent<'_, '_, '_>, v: usize, relation: Relation, out: &mut Vec<Cue>) {
    if let Some(cue) = passive_verb_cue(s, v, relation) {
        out.push(cue);
        return;
    }
    let subject = s.children_by(v, &["nsubj", "csubj"]).into_iter().next();
    let effect = s
        .children_by(v, &["xcomp"])
        .into_iter()
        .next()
        .or_else(|| s.children_by(v, &["obj"]).into_iter().next())
        .or_else(|| {
            s.children_by(v, &["obl"]).into_iter().find(|&o| {
                case_words(s, o)
                    .first()
                    .is_some_and(|c| c == "to" || c == "in")
            })
        });
    let subject = subject.or_else(|| {
        // "…, which sparked protests": the clause's antecedent.
        (s.deprel(v) == "acl:relcl").then(|| s.head(v)).flatten()
    });
    if let (Some(c), Some(e)) = (subject, effect) {
        out.push(Cue {
            from: c,
            to: e,
            relation,
        });
    }
}

/// "Riots, which were triggered by a dispute", "protests sparked by the
/// killing": a causal verb in the passive has its cause in the `by`
/// agent and its effect in the subject, or in the noun a relative or
/// reduced relative clause describes.
fn passive_verb_cue(s: &Sent<'_, '_, '_>, v: usize, relation: Relation) -> Option<Cue> {
    let agent = s.children_by(v, &["obl"]).into_iter().find(|&o| {
        s.deprel(o) == "obl:agent" || case_words(s, o).first().is_some_and(|c| c == "by")
    })?;
    let subject = s.children(v).find(|&c| s.deprel(c) == "nsubj:pass");
    let described = matches!(s.deprel(v), "acl" | "acl:relcl")
        .then(|| s.head(v))
        .flatten();
    let effect = match subject {
        Some(w) if s.upos(w) == Upos::Pron => described?,
        Some(w) => w,
        None if s.xpos(v) == "VBN" => described?,
        None => return None,
    };
    Some(Cue {
        from: agent,
        to: effect,
        relation,
    })
}

/// Adverbial clauses: subordinators, purpose infinitives and participles.
fn clause_cue(s: &Sent<'_, '_, '_>, w: usize, h: usize, frames: &Frames, out: &mut Vec<Cue>) {
    let marks: Vec<usize> = s.children_by(w, &["mark"]);
    let mark = marks.first().map(|&m| s.toks[m].lower.as_str());
    // "When" opens its clause as a mark or, in the treebank, an adverb.
    let first = s.toks[s.span(w).0].lower.as_str();
    if frames.harm.contains(&*s.lower_lemma(h)) && mark.unwrap_or(first) == "when" {
        // "Five were hurt when police charged".
        out.push(Cue {
            from: w,
            to: h,
            relation: Relation::Causes,
        });
        return;
    }
    match mark {
        Some("to") => {
            if let Some(relation) = frames.purpose {
                out.push(Cue {
                    from: w,
                    to: h,
                    relation,
                });
            }
        }
        Some(m) => {
            if let Some(&relation) = frames.marks.get(m) {
                out.push(Cue {
                    from: w,
                    to: h,
                    relation,
                });
            }
        }
        // "The diplomat answered, “hitting”": a participle in quotation
        // marks is what someone said, not a result or a motive.
        None if s.xpos(w) == "VBG" && w > h && !quoted(s, w) => {
            if frames.results.contains(&*s.lower_lemma(w)) {
                out.push(Cue {
                    from: h,
                    to: w,
                    relation: Relation::Causes,
                });
            } else {
                out.push(Cue {
                    from: w,
                    to: h,
                    relation: Relation::Causes,
                });
            }
        }
        None => {}
    }
}

/// Whether a quotation mark opens the phrase of word `w` before it.
fn quoted(s: &Sent<'_, '_, '_>, w: usize) -> bool {
    let first = s.span(w).0;
    (first.saturating_sub(1)..w)
        .any(|k| matches!(s.toks[k].text.as_str(), "\"" | "“" | "‘" | "«" | "'"))
}

/// "Killed in a blast", "injured during clashes", "died of burns": an
/// oblique of a verb of harm that names a happening gives its cause.
fn harm_cause(
    s: &Sent<'_, '_, '_>,
    w: usize,
    h: usize,
    frames: &Frames,
    kind_at: &dyn Fn(usize) -> Option<Kind>,
) -> bool {
    frames.harm.contains(&*s.lower_lemma(h))
        && s.upos(w) == Upos::Noun
        && case_words(s, w)
            .iter()
            .any(|c| frames.harm_cases.contains(c))
        && (kind_at(w).is_some() || frames.happenings.contains(&*s.lower_lemma(w)))
}

/// Prepositions that introduce a cause: the relation and the cause's word.
fn case_cue(
    s: &Sent<'_, '_, '_>,
    w: usize,
    h: usize,
    frames: &Frames,
    kind_at: &dyn Fn(usize) -> Option<Kind>,
) -> Option<(Relation, usize)> {
    let (lo, hi) = s.span(w);
    let words: Vec<&str> = (lo..=hi).map(|k| s.toks[k].lower.as_str()).collect();
    for (phrase, relation) in &frames.cases {
        if words.len() <= phrase.len() || !words.iter().zip(phrase).all(|(a, b)| a == b) {
            continue;
        }
        let limited = phrase.len() == 1 && frames.limited_cases.contains(&phrase[0]);
        let effect_kind = kind_at(h);
        if limited && !effect_kind.is_some_and(|k| frames.case_kinds.contains(&k)) {
            return None;
        }
        // The cause is the highest word after the preposition.
        let start = lo + phrase.len();
        let cause = (start..=hi).min_by_key(|&k| (s.depth(k), k))?;
        // "Military action against pro-Iranian forces": whom it is aimed at.
        let aimed = limited
            && frames.aimed_cases.contains(&phrase[0])
            && effect_kind.is_some_and(|k| frames.aimed_kinds.contains(&k));
        if aimed && kind_at(cause).is_none() {
            return None;
        }
        return Some((*relation, cause));
    }
    None
}

/// The lower-case prepositions of an oblique.
fn case_words(s: &Sent<'_, '_, '_>, w: usize) -> Vec<String> {
    s.children_by(w, &["case"])
        .into_iter()
        .map(|c| s.toks[c].lower.clone())
        .collect()
}
