//! States and developments told as verbs or nouns: how a mood or a
//! condition develops ("anger is deepening", "protests have been gathering
//! momentum"), a condition of no known kind ("the crisis"), an attitude or
//! a lasting condition ("as they savored the scene", "people are
//! struggling"), a standing fact ("has long backed Mubarak", "has been
//! widely discredited") and a role described by a participle beside a
//! copula ("has been a key ally for years, working to bring …"), facing a
//! condition ("faces a dilemma"), knowing ("recognizes that things must
//! change"), regarding ("were considered formalities") and holding a role
//! ("who has led the nation for three decades"). None is
//! a happening: such an event is kept only as an end of a causal link.
//! The words are `[states]` of `frames.toml`.

use rustc_hash::FxHashSet as HashSet;

use super::events::present_perfect;
use super::frames::{Frames, States};
use super::noise;
use super::predicates::Predicate;
use super::roles;
use super::sentence::Sent;
use crate::model::Kind;
use crate::text::Upos;

/// Whether the event of `p` is a state or a development, not a happening;
/// `condition` is whether it is a noun of a condition ([`condition`]).
pub fn state(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames, condition: bool) -> bool {
    let table = &frames.states;
    condition
        || development(s, p, table)
        || stative(s, p, table)
        || standing(s, p, table)
        || role(s, p)
        || facing(s, p, table)
        || knowing(s, p, table)
        || regarding(s, p, table)
        || held(s, p, frames)
        || naming(s, p, table)
}

/// Whether word `w` is a noun of `nouns`: its lemma, or the word without
/// a plural `s` when the lemmatiser kept it ("tensions").
fn names(s: &Sent<'_, '_, '_>, w: usize, nouns: &HashSet<String>) -> bool {
    let word = s.toks[w].lower.as_str();
    s.upos(w) == Upos::Noun
        && (nouns.contains(&*s.lower_lemma(w))
            || nouns.contains(word.strip_suffix('s').unwrap_or(word)))
}

/// "Anger is deepening", "tensions rise", "amid mounting criticism", "the
/// rise of unemployment", "have been gathering momentum": a verb of
/// gradual change whose subject, or the noun it describes, is a condition
/// (with neither, its object: the parse may read "mounting criticism" as a
/// participle and its object), or whose object is a noun of progress; or
/// such a noun whose `of` phrase is a condition. A simple past is told as of a moment and stays
/// ("anger grew after the speech"); so does a change someone makes to a
/// condition ("the police have escalated the situation").
fn development(s: &Sent<'_, '_, '_>, p: &Predicate, table: &States) -> bool {
    let w = p.word;
    if !table.change.contains(&*s.lower_lemma(w)) {
        return false;
    }
    let changed: Vec<usize> = match s.upos(w) {
        Upos::Verb if s.xpos(w) == "VBD" => return false,
        Upos::Verb => {
            let objects = s.children_by(p.anchor, &["obj"]);
            if objects.iter().any(|&o| names(s, o, &table.progress)) {
                return true;
            }
            match roles::subject_of(s, p.anchor) {
                Some(subject) => vec![subject],
                // "Amid mounting criticism", read as a participle with
                // its noun as object, or as the noun's modifier.
                None if matches!(s.rel(w), "amod" | "compound") => s.head(w).into_iter().collect(),
                None => objects,
            }
        }
        Upos::Noun => s.children_by(w, &["nmod"]),
        _ => return false,
    };
    changed.into_iter().any(|c| names(s, c, &table.conditions))
}

/// "The crisis", "grievances about the economy": a noun of a condition
/// that names no known kind of act.
pub fn condition(s: &Sent<'_, '_, '_>, p: &Predicate, table: &States) -> bool {
    p.kind == Kind::Other && names(s, p.word, &table.conditions)
}

/// "As they savored the scene", "people are struggling": a verb of an
/// attitude or a lasting condition, unless it is refused ("will not
/// tolerate") or has an opponent ("struggled with the police").
fn stative(s: &Sent<'_, '_, '_>, p: &Predicate, table: &States) -> bool {
    let w = p.word;
    s.upos(w) == Upos::Verb
        && !p.refused
        && table.stative.contains(&*s.lower_lemma(w))
        && !s.children_by(p.anchor, &["obl"]).into_iter().any(|o| {
            s.children_by(o, &["case"])
                .into_iter()
                .any(|c| table.opposing.contains(s.toks[c].lower.as_str()))
        })
}

/// "Finds himself facing a tough dilemma", "faces the greatest threat to
/// his rule": a verb of meeting (`[states] facing`) whose object is a
/// condition names the condition someone is in. Facing people ("faced
/// the riot police"), a trial or a crowd, or facing them down, is an act.
fn facing(s: &Sent<'_, '_, '_>, p: &Predicate, table: &States) -> bool {
    let w = p.word;
    s.upos(w) == Upos::Verb
        && table.facing.contains(&*s.lower_lemma(w))
        && s.children_by(w, &["compound"]).is_empty()
        && s.children_by(w, &["obj"])
            .into_iter()
            .any(|o| names(s, o, &table.conditions))
}

/// "The regime recognizes that things will have to change": a verb of
/// knowing (`[states] knowing`) with a clause for its complement tells
/// what someone knows, not something done.
fn knowing(s: &Sent<'_, '_, '_>, p: &Predicate, table: &States) -> bool {
    let w = p.word;
    s.upos(w) == Upos::Verb
        && table.knowing.contains(&*s.lower_lemma(w))
        && !s.children_by(w, &["ccomp"]).is_empty()
}

/// "Elections that were considered formalities", "sees them as
/// protectors": a verb of regarding (`[states] regarding`) with a
/// predicate for its object (a noun or adjective complement, or an `as`
/// phrase) tells an opinion of what something is.
fn regarding(s: &Sent<'_, '_, '_>, p: &Predicate, table: &States) -> bool {
    let w = p.word;
    let predicate = |c: usize| match s.rel(c) {
        "xcomp" => matches!(s.upos(c), Upos::Noun | Upos::Adj | Upos::Propn),
        "obl" | "advcl" => s
            .children_by(c, &["case", "mark"])
            .into_iter()
            .any(|m| s.toks[m].lower == "as"),
        _ => false,
    };
    s.upos(w) == Upos::Verb
        && table.regarding.contains(&*s.lower_lemma(w))
        && s.children(w).any(predicate)
}

/// "Mubarak, who has led the nation for three decades", "which has ruled
/// since 1981", "who heads Google's marketing": a verb of holding a role
/// (`[states] held`) in the simple present, the present perfect or over a
/// span of time tells what someone is. Leading a happening ("has led the
/// protests") is an act, and so is a role's act of a past day ("led the
/// march on Friday"), a phrasal verb's ("has headed off a movement") and
/// a ruling on what is so ("a judge has ruled that the law is
/// unconstitutional").
fn held(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> bool {
    let v = p.word;
    s.upos(v) == Upos::Verb
        && frames.states.held.contains(&*s.lower_lemma(v))
        && s.children_by(v, &["compound", "ccomp"]).is_empty()
        && (noise::simple_present(s, v) || present_perfect(s, v) || spanned(s, v))
        && !s.children_by(v, &["obj"]).into_iter().any(|o| {
            let lemma = &*s.lower_lemma(o);
            frames.eventive.contains(lemma) || frames.happenings.contains(lemma)
        })
}

/// "He was called a traitor", "what is being called a march of
/// millions", "called him a hero", "what it called a violent crackdown",
/// "a neighborhood called Dohy": a verb of naming (`[states] naming`)
/// that gives something a name or a description names no act. With a
/// noun for the name, a passive or a double object names; so does a
/// relative clause whose own subject is not its relative pronoun (what is
/// named is the gap), and a bare participle that describes a noun. "Called
/// a general strike", "called for protests", "a rally called for Friday"
/// and "the man who called the police" are acts, and so are a request
/// ("called Tuesday for Mubarak to step down") and a summons ("was
/// called in").
fn naming(s: &Sent<'_, '_, '_>, p: &Predicate, table: &States) -> bool {
    let v = p.word;
    if s.upos(v) != Upos::Verb || !table.naming.contains(&*s.lower_lemma(v)) {
        return false;
    }
    let has = |rels: &[&str]| !s.children_by(v, rels).is_empty();
    // "Called for Mubarak to step down", "called on the army", "was
    // called in": a request or a summons.
    let asked = s.children_by(v, &["obl"]).into_iter().any(|o| {
        s.children_by(o, &["case"])
            .into_iter()
            .any(|c| matches!(s.toks[c].lower.as_str(), "for" | "on" | "upon"))
    });
    if asked || has(&["compound"]) {
        return false;
    }
    // The name: a noun or an adjective, not a date ("called Tuesday")
    // nor a verb ("had called to say").
    let named = s.children_by(v, &["obj", "xcomp"]).into_iter().any(|c| {
        matches!(s.upos(c), Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num) && !s.in_timex[c]
    });
    let passive = s.children(v).any(|c| s.deprel(c) == "aux:pass");
    let relative_pronoun =
        |w: usize| matches!(s.xpos(w), "WP" | "WDT") || s.toks[w].lower == "that";
    let gap = s.deprel(v) == "acl:relcl"
        && s.children_by(v, &["nsubj"])
            .into_iter()
            .any(|w| !relative_pronoun(w));
    let participle = s.deprel(v) == "acl" && s.xpos(v) == "VBN" && !has(&["obl", "advcl", "xcomp"]);
    named && (passive || has(&["iobj"]) || gap) || participle
}

/// Whether verb `v` runs over a span of time: a `since` phrase or clause,
/// or a `for` phrase that is a date expression ("for two weeks").
pub(super) fn spanned(s: &Sent<'_, '_, '_>, v: usize) -> bool {
    s.children_by(v, &["obl", "advcl"]).into_iter().any(|c| {
        s.children_by(c, &["case", "mark"])
            .into_iter()
            .any(|m| match s.toks[m].lower.as_str() {
                "since" => true,
                "for" => s.in_timex[c],
                _ => false,
            })
    })
}

/// "Has long backed Mubarak", "has been widely discredited": an adverb of
/// a standing fact on the act's verb, on its own ("as long as he refuses"
/// and "how long" are of other words).
fn standing(s: &Sent<'_, '_, '_>, p: &Predicate, table: &States) -> bool {
    s.upos(p.anchor) == Upos::Verb
        && s.children_by(p.anchor, &["advmod"]).into_iter().any(|a| {
            table.standing.contains(s.toks[a].lower.as_str())
                && s.children(a).next().is_none()
                && s.toks.get(a + 1).is_none_or(|t| t.lower != "as")
        })
}

/// "Has been a key ally for years, working to bring Israelis and
/// Palestinians together": a participle clause set off by a comma, with
/// no subject or subordinator of its own, beside a copula's noun predicate
/// describes what the subject is; the act it names (or governs by its
/// infinitive) is part of the description. Beside a place ("were in the
/// square Saturday, vowing to stay") or a state ("are dead") it tells
/// what they do there; with no comma the noun is its subject ("that's
/// the army firing").
fn role(s: &Sent<'_, '_, '_>, p: &Predicate) -> bool {
    let mut v = p.anchor;
    while s.rel(v) == "xcomp" {
        match s.head(v) {
            Some(h) if s.upos(h) == Upos::Verb => v = h,
            _ => break,
        }
    }
    let described = |h: usize| {
        matches!(s.upos(h), Upos::Noun | Upos::Propn)
            && !s.children_by(h, &["cop"]).is_empty()
            && s.children_by(h, &["case"]).is_empty()
    };
    s.xpos(v) == "VBG"
        && v > 0
        && s.toks[v - 1].text == ","
        && matches!(s.rel(v), "advcl" | "acl")
        && s.children_by(v, &["nsubj", "mark"]).is_empty()
        && s.head(v).is_some_and(described)
}

/// "Condemned the attacks Friday amid mounting criticism": a noun of what
/// goes on around an act (`[states] around`) is no act of the act's day;
/// it has gone on up to it.
pub fn around(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> bool {
    let w = p.word;
    let marked = |k: usize, rels: &[&str]| {
        s.children_by(k, rels)
            .into_iter()
            .any(|c| frames.states.around.contains(s.toks[c].lower.as_str()))
    };
    // "Amid mounting criticism" read as a participle and its object.
    let participle = || {
        s.rel(w) == "obj"
            && s.head(w)
                .is_some_and(|h| s.xpos(h) == "VBG" && marked(h, &["mark", "case"]))
    };
    s.upos(w) == Upos::Noun && (p.anchor == w && marked(w, &["case"]) || participle())
}
