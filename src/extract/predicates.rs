//! Which words of a sentence are events: verbs and eventive nouns whose
//! lemma and frame map to a kind, never a word of a date expression or a
//! name, an adjective or an auxiliary.

use super::frames::{ActOn, Frames};
use super::lexicon::Lexicon;
use super::sentence::Sent;
use super::verbs::{kind_of_code, Around, Verbs};
use crate::model::Kind;
use crate::text::Upos;

/// An event's word in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Predicate {
    /// The word that names the event (the trigger).
    pub word: usize,
    /// The word whose dependents give the roles: the trigger itself, or
    /// the light verb of an eventive noun ("staged a protest": "staged").
    pub anchor: usize,
    /// Its kind.
    pub kind: Kind,
    /// Whether the kind came from CAMEO's verb dictionary rather than the
    /// shipped triggers. The dictionary knows tens of thousands of verb
    /// senses, most of them everyday ones ("take place", "give", "lead"),
    /// so like the political event coders it codes an event only between
    /// participants it can name.
    pub cameo: bool,
    /// The CAMEO event code of the trigger when it is a verb the
    /// dictionary knows (`0831` for "step down"), whatever gave the kind:
    /// reports that say one act in other words share its root.
    pub code: Option<&'static str>,
    /// Whether the act is refused: a negated act of a kind one refuses
    /// ("will not accept more refugees"), coded a rejection.
    pub refused: bool,
}

/// Whether word `i` can name an event at all: a verb or a noun, outside
/// any date expression or name.
pub(super) fn eventive(s: &Sent<'_, '_, '_>, i: usize) -> bool {
    matches!(s.upos(i), Upos::Verb | Upos::Noun)
        && !s.in_timex[i]
        && s.mention_of[i].is_none()
        && !s.in_capitals(i)
        // "according to": a verb's form in a preposition's place.
        && !matches!(s.rel(i), "case" | "mark" | "fixed" | "cc" | "det" | "aux" | "cop")
}

/// The shipped trigger phrase at word `i`, if one starts there: the word
/// of the phrase that heads it in the parse ("missile *strikes*",
/// "telephone *conversation*"), the words it covers and its kind. The
/// phrases match words as written, so they may only name an event through
/// a verb or a noun, which rules out "March", "east" and "planes".
fn trigger_at(s: &Sent<'_, '_, '_>, i: usize, lex: &Lexicon) -> Option<(usize, usize, Kind)> {
    let (n, kind) = lex.triggers.longest_at(&s.toks, i)?;
    let inside = |k: usize| (i..i + n).contains(&k);
    let head = (i..i + n)
        .filter(|&k| s.head(k).is_none_or(|h| !inside(h)))
        .find(|&k| eventive(s, k))?;
    Some((head, n, *kind))
}

/// The CAMEO code of a verb, from its lemma and the words it governs.
fn cameo_code(s: &Sent<'_, '_, '_>, i: usize, verbs: &'static Verbs) -> Option<&'static str> {
    if s.upos(i) != Upos::Verb || !eventive(s, i) {
        return None;
    }
    let pick = |range: std::ops::Range<usize>| -> Vec<(&str, &str)> {
        range
            .filter(|&k| s.dominates(i, k))
            .map(|k| (s.toks[k].lower.as_str(), s.lemma(k)))
            .collect()
    };
    let before = pick(0..i);
    let after = pick(i + 1..s.len());
    verbs
        .code(
            s.lemma(i),
            &Around {
                before: &before,
                after: &after,
            },
        )
        .filter(|c| c.chars().all(|c| c.is_ascii_digit()))
}

/// "Fired his cabinet", "thousands gathered in the square": a verb whose
/// sense turns on what it takes (`[senses]`) gets the kind of that sense
/// when its object (or a passive's subject) is a name or names people, or
/// when it has no object.
fn senses(s: &Sent<'_, '_, '_>, frames: &Frames, found: &mut [(usize, Kind, bool)]) {
    for f in found.iter_mut() {
        let w = f.0;
        if s.upos(w) != Upos::Verb {
            continue;
        }
        let lemma = &*s.lower_lemma(w);
        let taken: Vec<usize> = s
            .children(w)
            .filter(|&c| matches!(s.deprel(c), "obj" | "nsubj:pass"))
            .collect();
        // "hold Mubarak responsible": a complement that says what the
        // object is makes another sense (a judgement), not the object's;
        // one that says what it is to do ("ordered Menem to appear") does
        // not.
        let judged = s
            .children_by(w, &["xcomp"])
            .into_iter()
            .any(|x| s.upos(x) != Upos::Verb);
        let sense = if s.children_by(w, &["obj"]).is_empty() && taken.is_empty() {
            frames.senses.intransitive.get(lemma)
        } else if !judged && taken.iter().any(|&o| super::roles::names_people(s, o)) {
            frames.senses.named.get(lemma)
        } else {
            None
        };
        if let Some(&kind) = sense {
            f.1 = kind;
        }
    }
}

/// The CAMEO kind of a verb (see [`cameo_code`]).
fn cameo_kind(s: &Sent<'_, '_, '_>, i: usize, verbs: &'static Verbs) -> Option<Kind> {
    let code = cameo_code(s, i, verbs)?;
    // CAMEO's public statements ("say", "comment") are reporting, not
    // events: the shipped triggers name the statements worth keeping.
    kind_of_code(code).filter(|k| *k != Kind::Statement)
}

/// The events of a sentence, main clause first: one per predicate.
pub fn find(
    s: &Sent<'_, '_, '_>,
    lex: &Lexicon,
    frames: &Frames,
    verbs: &'static Verbs,
) -> Vec<Predicate> {
    // The word, its kind, and whether the kind came from CAMEO's verbs.
    let mut found: Vec<(usize, Kind, bool)> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if frames.reporting.contains(&*s.lower_lemma(i)) && s.upos(i) == Upos::Verb {
            i += 1;
            continue;
        }
        if let Some((word, n, kind)) = trigger_at(s, i, lex) {
            found.push((word, kind, false));
            i += n;
            continue;
        }
        if let Some(kind) = cameo_kind(s, i, verbs) {
            found.push((i, kind, true));
        }
        i += 1;
    }
    senses(s, frames, &mut found);
    ending(s, &frames.halting, Kind::Sanction, &mut found);
    ending(s, &frames.easing, Kind::Retreat, &mut found);
    super::withdrawing::presences(s, frames, &mut found);
    commitments(s, frames, &mut found);
    // "prepared for the withdrawal", "decided to withdraw": a governor
    // that only frames another event (its plan, fear or start) is not an
    // event of its own unless the shipped triggers say it is.
    let events: Vec<usize> = found.iter().map(|f| f.0).collect();
    found.retain(|&(w, _, cameo)| {
        let lemma = &*s.lower_lemma(w);
        let framing = frames.planned.contains(lemma)
            || frames.feared.contains(lemma)
            || frames.denied.contains(lemma)
            || frames.own.contains(lemma)
            || frames.light.contains(lemma);
        // "Ordered Menem to appear": a request is an act of its own, its
        // content none (`[noise] asked_of`).
        let framing = framing && !frames.noise.asked_of.contains(lemma);
        // "We want the regime to end": a wish is no act, whatever it wants;
        // "heard shots": nor is perceiving (`[noise] perception`).
        let wish = cameo
            && (frames.noise.wished.contains(lemma) || frames.noise.perception.contains(lemma));
        !(cameo && framing && events.iter().any(|&e| e != w && governs(s, w, e)) || wish)
    });
    posture(s, frames, &mut found);
    let mut out: Vec<Predicate> = Vec::new();
    for (i, kind, cameo) in found {
        let mut anchor = i;
        if s.upos(i) == Upos::Noun {
            if let Some(h) = s.head(i) {
                if matches!(s.rel(i), "obj" | "obl" | "nsubj")
                    && s.upos(h) == Upos::Verb
                    && frames.light.contains(&*s.lower_lemma(h))
                {
                    anchor = h;
                }
            }
        }
        out.push(Predicate {
            word: i,
            anchor,
            kind,
            cameo,
            code: cameo_code(s, i, verbs),
            refused: false,
        });
    }
    // A light verb that is an event itself gives way to its noun.
    let anchors: Vec<usize> = out
        .iter()
        .filter(|p| p.anchor != p.word)
        .map(|p| p.anchor)
        .collect();
    out.retain(|p| p.anchor != p.word || !anchors.contains(&p.word));
    // "Rockets hit the embassy", "condemned the attack": a noun that is
    // the subject or object of another event's verb is that verb's
    // instrument or what it refers to, not a second event.
    let verbs_found: Vec<usize> = out
        .iter()
        .filter(|p| s.upos(p.word) == Upos::Verb)
        .map(|p| p.word)
        .collect();
    // "Attacked with explosive devices", "killed by a bomb": a noun of the
    // same kind as its verb, in a `with` or `by` oblique, is its means.
    let verb_kinds: Vec<(usize, Kind)> = out
        .iter()
        .filter(|p| s.upos(p.word) == Upos::Verb)
        .map(|p| (p.word, p.kind))
        .collect();
    let means = |p: &Predicate| {
        s.rel(p.word) == "obl"
            && s.children_by(p.word, &["case"])
                .into_iter()
                .any(|c| matches!(s.toks[c].lower.as_str(), "with" | "by"))
            && s.head(p.word)
                .is_some_and(|h| verb_kinds.contains(&(h, p.kind)))
    };
    out.retain(|p| {
        p.anchor != p.word
            || s.upos(p.word) != Upos::Noun
            || !(matches!(s.rel(p.word), "nsubj" | "obj")
                && s.head(p.word).is_some_and(|h| verbs_found.contains(&h))
                || means(p))
    });
    // "issued a declaration demanding…": a statement is an event only
    // when the sentence reports nothing more specific.
    if out.iter().any(|p| p.kind != Kind::Statement) {
        out.retain(|p| p.kind != Kind::Statement);
    }
    // In text order: the first event is the one a sentence leads with.
    out.sort_by_key(|p| p.word);
    out
}

/// "Ended mediation efforts", "broke off talks", "lifted the blockade",
/// "halted the shelling": a verb of `table` that ends an act of one of its
/// kinds (or one of its nouns) it governs as object, or the noun such an
/// act qualifies ("mediation efforts"), is an act of kind `ends` itself
/// (`[halting]`: a sanction; `[easing]`: a retreat), and the ended act is
/// no event of its own.
fn ending(s: &Sent<'_, '_, '_>, table: &ActOn, ends: Kind, found: &mut Vec<(usize, Kind, bool)>) {
    let mut ended = Vec::new();
    for v in (0..s.len()).filter(|&v| verb_in(s, v, &table.lemmas)) {
        for o in s.children_by(v, &["obj"]) {
            let mut acts = vec![o];
            acts.extend(s.children_by(o, &["compound"]));
            let act = acts.into_iter().find(|&w| {
                table.objects.contains(&*s.lower_lemma(w))
                    || found.iter().any(|f| f.0 == w && table.kinds.contains(&f.1))
            });
            ended.extend(act.map(|w| (w, v)));
        }
    }
    for (w, v) in ended {
        found.retain(|f| f.0 != w && f.0 != v);
        found.push((v, ends, false));
    }
    found.sort_by_key(|f| f.0);
}

/// Whether `v` is a verb of `lemmas`, alone or with its particle ("break
/// off", "call off").
pub(super) fn verb_in(
    s: &Sent<'_, '_, '_>,
    v: usize,
    lemmas: &rustc_hash::FxHashSet<String>,
) -> bool {
    let lemma = &*s.lower_lemma(v);
    let particle = s
        .children(v)
        .find(|&c| s.deprel(c) == "compound:prt")
        .map(|p| s.toks[p].lower.as_str());
    s.upos(v) == Upos::Verb
        && (lemmas.contains(lemma)
            || particle.is_some_and(|p| lemmas.contains(&format!("{lemma} {p}"))))
}

/// "Prepared to resume shelling", "began preparations for an offensive":
/// preparing an act of a `[posture]` kind is a mobilization (CAMEO 15) of
/// its own, before the act it prepares.
fn posture(s: &Sent<'_, '_, '_>, frames: &Frames, found: &mut Vec<(usize, Kind, bool)>) {
    let posture = &frames.posture;
    let prepared: Vec<usize> = found
        .iter()
        .filter(|f| posture.kinds.contains(&f.1))
        .map(|f| f.0)
        .collect();
    // The act hangs from the preparing word through complements only.
    let complement_of = |g: usize, e: usize| {
        let mut k = e;
        while let (Some(h), "xcomp" | "nmod" | "obl") = (s.head(k), s.rel(k)) {
            if h == g {
                return true;
            }
            k = h;
        }
        false
    };
    for g in 0..s.len() {
        let preparing = matches!(s.upos(g), Upos::Verb | Upos::Noun)
            && (posture.lemmas.contains(&*s.lower_lemma(g)) || verb_in(s, g, &posture.lemmas))
            && !s
                .children(g)
                .any(|c| matches!(s.deprel(c), "aux:pass" | "cop"));
        if preparing
            && !found.iter().any(|f| f.0 == g)
            && prepared.iter().any(|&e| complement_of(g, e))
        {
            found.push((g, Kind::Mobilize, false));
        }
    }
    found.sort_by_key(|f| f.0);
}

/// "Vowed to fight", "pledged to help": a promise to act takes its kind
/// from the act promised, as CAMEO codes it: a hostile act promised is a
/// threat (13), a cooperative one an intent to cooperate (03, `agree`).
/// The kinds are `[intent] threaten` and `agree`.
fn commitments(s: &Sent<'_, '_, '_>, frames: &Frames, found: &mut [(usize, Kind, bool)]) {
    let it = &frames.intent;
    let kinds: Vec<(usize, Kind)> = found.iter().map(|f| (f.0, f.1)).collect();
    for (w, kind, _) in found.iter_mut() {
        if !it.commissive.contains(&*s.lower_lemma(*w)) {
            continue;
        }
        let promised = s
            .children_by(*w, &["xcomp"])
            .into_iter()
            .find_map(|x| kinds.iter().find(|k| k.0 == x).map(|k| k.1));
        match promised {
            Some(k) if it.threaten.contains(&k) => *kind = Kind::Threaten,
            Some(k) if it.agree.contains(&k) => *kind = Kind::Agree,
            _ => {}
        }
    }
}

/// Whether `g` governs event `e`: `e` hangs from it through arguments,
/// complements and noun modifiers only.
fn governs(s: &Sent<'_, '_, '_>, g: usize, e: usize) -> bool {
    let mut k = e;
    for _ in 0..s.len() {
        let Some(h) = s.head(k) else { return false };
        if !matches!(
            s.rel(k),
            "xcomp" | "ccomp" | "obj" | "obl" | "nmod" | "acl" | "advcl" | "conj"
        ) {
            return false;
        }
        if h == g {
            return true;
        }
        k = h;
    }
    false
}
