//! Words that look like events but report none: what someone needs to,
//! has to or should do in the writer's own voice ("Journalists need to get
//! out there", "He should be praised"), how to do something ("the
//! question is how to ensure a stable transition"), an act done to no
//! object ("has given no indication"), a participle that only describes
//! an object ("received suspended sentences"), a mention of a kind of
//! event that says nothing of who, to whom or when ("Missile attacks",
//! "the protests"), an event talked about ("talked about the protests")
//! and what the simple present says is so ("the law allows police to
//! arrest people"). The words are `[noise]` of `frames.toml`.

use super::frames::Frames;
use super::modes::reporter;
use super::predicates::Predicate;
use super::roles::{self, Roles};
use super::sentence::Sent;
use crate::text::Upos;

/// The relations through which an obligation above reaches an event:
/// "need to use expenditure to achieve justice" (xcomp, then the purpose
/// clause), "there has to be cuts" (the subject of the owed clause).
const OWED_THROUGH: [&str; 5] = ["conj", "xcomp", "advcl", "nsubj", "obj"];

/// Whether the event of `p` is only owed, needed or advised, not done:
/// under `need to`/`have to` (`[noise] obliged`), or with an auxiliary of
/// obligation (`[intent] obligation`: "must", "should"). Said by someone,
/// an obligation of an act of known kind is that speaker's demand and
/// stays; in the writer's own voice it is opinion.
pub fn owed(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> bool {
    let mut w = p.anchor;
    for _ in 0..s.len() {
        let auxiliary = s
            .children_by(w, &["aux"])
            .into_iter()
            .any(|c| frames.intent.obligation.contains(&*s.lower_lemma(c)));
        // "had to retreat", "needed to flee": a past obligation was met.
        let needed = s.rel(w) == "xcomp"
            && s.is_to_infinitive(w)
            && s.head(w).is_some_and(|h| {
                frames.noise.obliged.contains(&*s.lower_lemma(h))
                    && !matches!(s.xpos(h), "VBD" | "VBN")
            });
        if auxiliary || needed {
            return !said(s, w, frames);
        }
        // Through a verb's infinitive or a purpose clause, never across
        // a reporting verb or a clause of its own subordinator.
        let rel = s.rel(w);
        let Some(h) = s.head(w) else { break };
        let own_clause = rel == "advcl" && !s.is_to_infinitive(w);
        if !OWED_THROUGH.contains(&rel)
            || own_clause
            || frames.reporting.contains(&*s.lower_lemma(h))
        {
            break;
        }
        w = h;
    }
    false
}

/// Whether someone is given as saying the clause of word `w`: a verb
/// above it takes it as a complement ("the forum concluded that the US
/// must allocate…"), or the sentence has a verb of saying or asking with
/// a subject of its own ("…had to retreat, Verma told Newsline", "…should
/// be set up, the secretary demanded") or "according to".
fn said(s: &Sent<'_, '_, '_>, w: usize, frames: &Frames) -> bool {
    let mut k = w;
    while matches!(s.rel(k), "conj" | "xcomp" | "advcl") {
        let Some(h) = s.head(k) else { break };
        k = h;
    }
    matches!(s.rel(k), "ccomp" | "parataxis")
        || reporter(s, w, frames).is_some()
        // "…should be set up, the secretary demanded".
        || (0..s.len()).any(|i| {
            s.rel(i) == "parataxis"
                && s.upos(i) == Upos::Verb
                && roles::subject_of(s, i).is_some()
        })
        || (0..s.len()).any(|i| {
            s.upos(i) == Upos::Verb
                && i != w
                && Some(i) != s.head(w)
                && (frames.reporting.contains(&*s.lower_lemma(i)) || frames.planned.contains(&*s.lower_lemma(i)))
                && roles::subject_of(s, i).is_some()
        })
        || s.toks
            .windows(2)
            .any(|t| t[0].lower == "according" && t[1].lower == "to")
}

/// "How to ensure a stable transition", "whether to attack": an
/// infinitive asked about (`[noise] questions` before its `to`) is a
/// question, not an act.
pub fn asked_infinitive(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> bool {
    s.children_by(p.anchor, &["mark"])
        .into_iter()
        .filter(|&m| s.toks[m].lower == "to")
        .any(|m| {
            // "clashed over how to deal with the debt": the question is
            // the issue of a dispute, which is its cause.
            m > 0
                && frames
                    .noise
                    .questions
                    .contains(s.toks[m - 1].lower.as_str())
                && (m < 2 || !matches!(s.upos(m - 2), Upos::Adp | Upos::Sconj))
        })
}

/// "Mubarak has given no indication", "made no comment": a verb whose
/// object is negated by one of `[noise] negators` did nothing.
pub fn negated_object(s: &Sent<'_, '_, '_>, v: usize, frames: &Frames) -> bool {
    // "left no stone unturned": a complement of the object turns it back.
    s.upos(v) == Upos::Verb
        && s.children_by(v, &["xcomp"]).is_empty()
        && s.children_by(v, &["obj"]).into_iter().any(|o| {
            s.children_by(o, &["det"])
                .into_iter()
                .any(|d| frames.noise.negators.contains(s.toks[d].lower.as_str()))
        })
}

/// "Three received suspended sentences", "faces trumped-up charges": a
/// participle before the object of an earlier verb, with nobody to it,
/// describes that object; the verb is the only act.
pub fn attributive(s: &Sent<'_, '_, '_>, p: &Predicate, roles: &Roles) -> bool {
    let w = p.word;
    s.upos(w) == Upos::Verb
        && p.anchor == w
        && s.rel(w) == "amod"
        && roles.actors.is_empty()
        && roles.targets.is_empty()
        && s.head(w).is_some_and(|n| {
            n > w
                && matches!(s.rel(n), "obj" | "obl")
                && s.head(n).is_some_and(|v| v < w && s.upos(v) == Upos::Verb)
        })
}

/// Whether the event of `p` names nobody by its own words: an eventive
/// noun, or a verb whose subject is a pronoun or missing ("they have
/// asked banks", "Missile attacks"). Such an event, when nothing else
/// gives it an actor, a target, a date, a count or a link, is a mention of
/// a kind of event, not a report of one (decided once all are known).
pub fn anonymous(s: &Sent<'_, '_, '_>, p: &Predicate) -> bool {
    let a = p.anchor;
    if s.upos(a) == Upos::Noun {
        // "the signing of a memorandum", "its support": a noun with an
        // object or a possessor tells of whom.
        return s.children_by(a, &["nmod"]).is_empty();
    }
    // A finite verb has a subject even when the parse lost it ("The
    // Palestinians reject…"); a pronoun names nobody.
    let subject = match roles::subject_of(s, a) {
        Some(w) => s.upos(w) == Upos::Pron,
        None => !matches!(s.xpos(a), "VBD" | "VBZ" | "VBP"),
    };
    subject && s.children_by(a, &["obj"]).is_empty()
}

/// "Protesters carried signs", "the banks reopened": a noun a trigger's
/// stem caught that names a thing or people (`[noise] things`).
pub fn thing(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> bool {
    s.upos(p.word) == Upos::Noun && frames.noise.things.contains(&*s.lower_lemma(p.word))
}

/// "Talked about the protests", "questions regarding the attack": an
/// event noun after a preposition of a topic (`[noise] topics`) is talked
/// about, not reported.
pub fn topic(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> bool {
    let w = p.word;
    s.upos(w) == Upos::Noun
        && p.anchor == w
        && s.children_by(w, &["case"])
            .into_iter()
            .any(|c| frames.noise.topics.contains(s.toks[c].lower.as_str()))
}

/// "Many people accuse him", "the law allows police to arrest people",
/// "attacks on reporters are unacceptable": an event whose clause is in
/// the simple present, with no auxiliary, tells what is so, not what
/// happened — unless an adverb of frequency (`[noise] frequency`) makes it
/// a report of repeated happenings ("soldiers routinely beat detainees").
/// An act done by saying (`[noise] verbal`: "Washington accuses Tehran")
/// is done in the present by saying it; not so CAMEO's everyday senses of
/// such kinds ("who runs the blog").
/// The clause of a noun is the verb or copula that takes it; of an
/// infinitive, the verb that governs it ("refuses to leave").
pub fn generic(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> bool {
    let mut v = p.anchor;
    for _ in 0..s.len() {
        let clause = s.upos(v) == Upos::Verb || !s.children_by(v, &["cop"]).is_empty();
        let up = if clause {
            ["xcomp"].as_slice()
        } else {
            &["nsubj", "obj", "obl", "nmod"]
        };
        match s.head(v) {
            Some(h) if up.contains(&s.rel(v)) => v = h,
            _ => break,
        }
    }
    simple_present(s, v)
        && (p.cameo || !frames.noise.verbal.contains(&p.kind))
        && !s
            .children_by(v, &["advmod"])
            .into_iter()
            .any(|a| frames.noise.frequency.contains(&*s.lower_lemma(a)))
}

/// Whether the clause of verb or predicate `v` is in the simple present,
/// with no auxiliary but a passive's "is" or "are" ("a party that is
/// outlawed by the constitution", "where troops are stationed").
pub fn simple_present(s: &Sent<'_, '_, '_>, v: usize) -> bool {
    let tensed = |w: usize| matches!(s.xpos(w), "VBZ" | "VBP");
    let passive = s
        .children(v)
        .filter(|&c| s.deprel(c) == "aux:pass")
        .collect::<Vec<_>>();
    let present = if s.upos(v) == Upos::Verb {
        tensed(v) || s.xpos(v) == "VBN" && passive.iter().any(|&a| tensed(a))
    } else {
        s.children_by(v, &["cop"]).into_iter().any(tensed)
    };
    present
        && s.children_by(v, &["aux"])
            .iter()
            .all(|a| passive.contains(a))
}

/// The relations through which a clause's top reaches the words of its
/// clause: everything but a complement that is a clause of its own (said,
/// quoted: `ccomp`, `parataxis`).
const IN_CLAUSE: [&str; 12] = [
    "conj", "xcomp", "advcl", "obj", "obl", "nmod", "acl", "nsubj", "csubj", "iobj", "appos", "dep",
];

/// "Let's go to Cairo", "'Leave now!'": an event in a hortative clause,
/// or in an imperative one that is quoted or exclaimed, is urged on the
/// listener, not reported. The clause's top is a bare verb (`VB`) with no
/// subject, auxiliary or subordinator: "let" with "us" as its object, or
/// any such verb that opens its sentence or quotation. A bare verb opening
/// a plain sentence is as often a noun the tagger misread ("Trade unions
/// refused…", "Protest against the plant"), and is left alone.
pub fn imperative(s: &Sent<'_, '_, '_>, p: &Predicate) -> bool {
    let mut v = p.anchor;
    for _ in 0..s.len() {
        match s.head(v) {
            Some(h) if IN_CLAUSE.contains(&s.rel(v)) => v = h,
            _ => break,
        }
    }
    let bare = s.upos(v) == Upos::Verb
        && s.xpos(v) == "VB"
        && !s
            .children(v)
            .any(|c| matches!(s.rel(c), "nsubj" | "csubj" | "aux" | "mark" | "expl"));
    let hortative = s.lemma(v) == "let"
        && s.children_by(v, &["obj"])
            .into_iter()
            .any(|o| matches!(s.toks[o].lower.as_str(), "us" | "'s" | "’s"));
    let opens = (0..v).all(|k| s.upos(k) == Upos::Punct)
        && s.toks[v].text.starts_with(|c: char| c.is_alphabetic());
    let urged = s.quotes() || s.toks.iter().any(|t| t.text == "!");
    bare && (hortative || opens && urged)
}

/// "Accuses Tehran of supporting groups that launch strikes", "charged
/// with inciting violence", "allegations of torture": an act that is what
/// someone is accused of (`[noise] accusing`), below the accusation by its
/// `of`/`with` complement or clause (or that of its object), is the
/// accusation's content. The accused, its object, is not ("accused the
/// police, who had fired").
pub fn accused(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> bool {
    let mut w = p.anchor;
    // Whether the way up came through an `of`/`with`/`for` phrase of the
    // word it reached: "accuses Tehran of supporting groups", parsed with
    // the groups a modifier of Tehran.
    let mut content = false;
    for _ in 0..s.len() {
        let Some(h) = s.head(w) else { return false };
        let rel = s.rel(w);
        if frames.noise.accusing.contains(&*s.lower_lemma(h))
            && (matches!(rel, "advcl" | "obl" | "acl" | "nmod" | "xcomp")
                || rel == "obj" && content)
        {
            return true;
        }
        if !IN_CLAUSE.contains(&rel) {
            return false;
        }
        content = rel == "nmod"
            && s.children_by(w, &["case"])
                .into_iter()
                .any(|c| matches!(s.toks[c].lower.as_str(), "of" | "with" | "for"));
        w = h;
    }
    false
}

/// "A Fellow studying Arabic", "the man ruling Egypt", "soldiers trained
/// to defend their country": a participle of one of CAMEO's everyday
/// senses that describes a noun, with no subject of its own, says what the
/// noun is or does, not what happened. A past participle with an object
/// or an oblique of its own tells of an act ("the curfew imposed in Sudan
/// after a coup", "cables released by Wikileaks", or a finite verb the
/// parse misread: "the army forced out on Wednesday…"). The project's own
/// triggers stay ("protesters demanding his ouster" is their demand).
pub fn describing(s: &Sent<'_, '_, '_>, p: &Predicate) -> bool {
    let w = p.word;
    p.cameo
        && w == p.anchor
        && s.upos(w) == Upos::Verb
        && (s.xpos(w) == "VBG"
            || s.xpos(w) == "VBN" && s.children_by(w, &["obj", "obl", "advcl"]).is_empty())
        && s.deprel(w) == "acl"
        && s.children_by(w, &["nsubj"]).is_empty()
}

/// "As planned", "as expected": a participle in an `as` clause with no
/// subject, object or oblique compares with what was planned or said; it
/// tells of no act ("as directed by the officer" names one).
pub fn as_planned(s: &Sent<'_, '_, '_>, p: &Predicate) -> bool {
    let w = p.anchor;
    s.xpos(w) == "VBN"
        && s.children_by(w, &["nsubj", "obj", "obl"]).is_empty()
        && s.children_by(w, &["mark"])
            .into_iter()
            .any(|m| s.toks[m].lower == "as")
}
