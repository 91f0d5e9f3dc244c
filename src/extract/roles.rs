//! Who did what to whom, and where, from the parse: actors from the
//! subject (or the `by` agent of a passive), targets from objects and
//! `against`/`on`/`at` obliques, the place from `in`/`at`/`near` obliques
//! that name a place; names expanded over conjunctions and appositions.

use super::actors::Actors;
use super::coref::quoted;
use super::frames::{Frames, RoleWords};
use super::modes::reporter;
use super::predicates::Predicate;
use super::sentence::{Mention, Sent};
use super::voice;
use crate::model::{Actor, Kind, Role, Text};
use crate::text::Upos;

/// The participants of one event.
#[derive(Debug, Default, Clone)]
pub struct Roles {
    /// Who acted; the first is the one a title names.
    pub actors: Vec<Actor>,
    /// Who or what it was done to.
    pub targets: Vec<Actor>,
    /// Where.
    pub place: Option<String>,
}

/// Relations that stay inside a noun phrase: a name found below the head
/// through these belongs to the phrase ("Senior Hungarian and Romanian
/// officials").
const NOMINAL: [&str; 10] = [
    "compound", "flat", "amod", "nmod", "conj", "appos", "det", "nummod", "fixed", "name",
];

/// The shipped words that make a dependent a target or a place.
fn words() -> &'static RoleWords {
    &Frames::shipped().roles
}

impl Roles {
    /// The roles of predicate `p` in sentence `s`.
    pub fn of(s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) -> Roles {
        let mut r = Roles::default();
        let a = p.anchor;
        if p.anchor == p.word && s.upos(a) == Upos::Noun {
            r.noun_roles(s, a);
            if r.actors.is_empty() {
                r.actors = own_actor(s, a, frames);
            }
            if r.targets.is_empty() && p.kind == Kind::Request {
                r.targets = requested(s, a);
            }
            if r.targets.is_empty() && words().patient_nouns.contains(&*s.lower_lemma(a)) {
                let (by, to) = put_under(s, a);
                r.targets = to;
                if r.actors.is_empty() {
                    r.actors = by;
                }
            }
        } else {
            r.verb_roles(s, p, frames);
            if r.targets.is_empty() {
                r.targets = embedded_targets(s, a, p.kind, frames);
            }
            if r.targets.is_empty() && p.kind == Kind::Request && p.anchor != p.word {
                // "reiterated its demand that Israel ease…".
                r.targets = requested(s, p.word);
            }
            if r.targets.is_empty() && !words().own_forces.contains(&p.kind) {
                r.targets = served_targets(s, a);
            }
        }
        if p.anchor != p.word {
            // "staged a protest against the law": the noun's own
            // dependents give targets too.
            for c in s.children_by(p.word, &["nmod"]) {
                if has_case(s, c, &words().target_cases) {
                    push_all(&mut r.targets, participants(s, c));
                }
            }
        }
        // "hit a building in Baghdad": the object's place is the event's.
        let mut holders = vec![p.word, a];
        holders.extend(s.children_by(a, &["obj"]));
        // "threatened to close the embassy in Baghdad".
        for x in s.children_by(a, &["xcomp"]) {
            holders.push(x);
            holders.extend(s.children_by(x, &["obj"]));
        }
        let mut where_ = None;
        for w in holders {
            for c in s.children_by(w, &["obl", "nmod", "advmod"]) {
                if where_.is_none() && has_case(s, c, &words().place_cases) {
                    where_ = place_entry(s, c);
                }
            }
        }
        if p.kind == Kind::Protest && s.upos(p.word) == Upos::Noun {
            people_in_unrest(s, p.word, where_, &mut r.actors);
        }
        r.place = where_.map(|e| e.name.clone());
        if r.targets.is_empty() && words().place_targets.contains(&p.kind) {
            r.targets.extend(where_.map(actor));
        }
        if words().own_forces.contains(&p.kind) {
            r.targets = own_forces_targets(s, a, r.targets);
        }
        r.targets.retain(|t| !r.actors.contains(t));
        r
    }

    /// `light`: the verb only carries the event its object names
    /// ("announced a suspension"), so even a verb of saying has an actor.
    fn verb_roles(&mut self, s: &Sent<'_, '_, '_>, p: &Predicate, frames: &Frames) {
        let a = p.anchor;
        let light = p.anchor != p.word;
        match subject(s, a).or_else(|| participle_subject(s, p, false)) {
            Some((subj, passive)) => {
                // "Syria says it is willing to withdraw": a pronoun in what
                // a speaker says is most often the speaker.
                let subj = match reporter(s, a, frames).and_then(|r| subject_of(s, r)) {
                    Some(speaker) if s.upos(subj) == Upos::Pron => speaker,
                    _ => inverted_speaker(s, a, subj).unwrap_or(subj),
                };
                // "five died": the dead are what it was done to.
                if passive || words().undergoers.contains(&*s.lower_lemma(a)) {
                    push_all(&mut self.targets, participants(s, subj));
                } else if light || !frames.reporting.contains(&*s.lower_lemma(a)) {
                    push_all(&mut self.actors, participants(s, subj));
                    if !light
                        && s.head(subj) == Some(a)
                        && !frames.weak.contains(&*s.lower_lemma(a))
                    {
                        self.crowd_did(s, subj);
                    }
                }
            }
            None => {
                // "people killed in the blast": a reduced relative's head
                // is what was done to; a relative clause's head did it.
                if let Some(h) = s.head(a) {
                    match s.deprel(a) {
                        "acl" if s.xpos(a) == "VBN" && hung_from_date(s, a, h) => {
                            push_all(&mut self.actors, participants(s, h))
                        }
                        "acl" if s.xpos(a) == "VBN" => {
                            push_all(&mut self.targets, participants(s, h))
                        }
                        "acl" | "acl:relcl" => {
                            push_all(&mut self.actors, participants(s, predicated(s, h)));
                            // Only a participle is the thing's own words
                            // ("a statement demanding"); a finite verb
                            // there is a clause the parse misplaced.
                            if self.actors.is_empty() && s.xpos(a) == "VBG" {
                                push_all(&mut self.actors, issuer(s, h));
                                self.crowd_did(s, h);
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        for c in voice::agents(s, a) {
            push_all(&mut self.actors, participants(s, c));
        }
        push_targets(s, a, &mut self.targets);
        if self.actors.is_empty() && !self.targets.is_empty() {
            // "continues to walk a fine line, encouraging Mubarak": an
            // everyday sense done to someone named is an act too.
            if let Some((subj, false)) = participle_subject(s, p, true) {
                push_all(&mut self.actors, participants(s, subj));
            }
        }
        if light {
            // "Suleiman announced Mubarak's resignation": a noun whose
            // possessor names someone is that one's act; the verb's subject
            // only tells of it.
            let own: Vec<Actor> = s
                .children(p.word)
                .filter(|&c| s.deprel(c) == "nmod:poss" && s.upos(c) != Upos::Pron)
                .flat_map(|c| participants(s, c))
                .collect();
            if words().patient_nouns.contains(&*s.lower_lemma(p.word)) {
                // "demanded al-Aryan's release": done to him.
                push_all(&mut self.targets, own);
            } else if !own.is_empty() {
                self.actors = own;
            }
        }
    }

    /// "The demonstrations erupted", "a protest calling for his
    /// resignation": a noun of what crowds do (`[roles] crowd_acts`) that
    /// names no one who does it, the verb's own subject or the noun a
    /// participle describes, is done by protesters.
    fn crowd_did(&mut self, s: &Sent<'_, '_, '_>, n: usize) {
        let crowd = s.upos(n) == Upos::Noun
            && words().crowd_acts.contains(&*s.lower_lemma(n))
            && possessed(s, n).is_none();
        if self.actors.is_empty() && crowd {
            self.actors.push(protesters());
        }
    }

    fn noun_roles(&mut self, s: &Sent<'_, '_, '_>, n: usize) {
        let patient = words().patient_nouns.contains(&*s.lower_lemma(n));
        let doer = words().doer_nouns.contains(&*s.lower_lemma(n));
        for c in s.children(n) {
            match s.deprel(c) {
                // "al-Aryan's arrest": done to its possessor.
                "nmod:poss" if patient => push_all(&mut self.targets, participants(s, c)),
                // "the Tahrir Square clashes": a place is where, not who.
                "amod" | "compound" if named_place(s, c) => {}
                "nmod:poss" | "amod" | "compound" => push_all(&mut self.actors, participants(s, c)),
                "nmod" if has_case(s, c, &["by"]) => push_all(&mut self.actors, participants(s, c)),
                // "clashes between security forces and protesters".
                "nmod"
                    if has_case(s, c, &words().mutual_cases)
                        && !s.children_by(c, &["conj"]).is_empty() =>
                {
                    let mut sides = participants(s, c).into_iter();
                    push_all(&mut self.actors, sides.next().into_iter().collect());
                    push_all(&mut self.targets, sides.collect());
                }
                // "the resignation of Mubarak": he resigns.
                "nmod" if doer && has_case(s, c, &["of"]) => {
                    push_all(&mut self.actors, participants(s, c))
                }
                "nmod"
                    if (has_case(s, c, &words().target_cases) || has_case(s, c, &["of"]))
                        && !is_place(s, c) =>
                {
                    push_all(&mut self.targets, participants(s, c))
                }
                _ => {}
            }
        }
        // "the embassy threat": a noun that is the subject of a verb takes
        // no more; one that is an object takes the verb's subject as actor
        // only through a light verb, handled by the caller.
    }
}

/// "Demonstrators are still in the streets demanding change": a copula's
/// predicate stands for its subject; any other word for itself.
fn predicated(s: &Sent<'_, '_, '_>, h: usize) -> usize {
    let copula = s.children(h).any(|c| s.deprel(c) == "cop");
    s.children(h)
        .find(|&c| copula && s.rel(c) == "nsubj")
        .unwrap_or(h)
}

/// "'Mubarak has been here since Ronald Reagan,' shouted one man": a
/// verb right after a quotation closed by a comma, whose subject the
/// parse finds inside it, is done by the people named right after it
/// (which the parse may read as an object).
fn inverted_speaker(s: &Sent<'_, '_, '_>, v: usize, subj: usize) -> Option<usize> {
    if !s.quotes() {
        return None;
    }
    let inside = quoted(s);
    // The quotation's last word, then only marks, a comma among them.
    let last = (0..v).rev().find(|&k| s.upos(k) != Upos::Punct)?;
    let comma = (last + 1..v).any(|k| s.toks[k].text == ",");
    if !inside[subj] || inside[v] || !inside[last] || !comma {
        return None;
    }
    s.children(v)
        .filter(|&c| c > v && matches!(s.rel(c), "obj" | "nsubj"))
        .find(|&c| !named_place(s, c) && names_people(s, members(s, c)))
}

/// "Last month, the country's largest opposition party called for
/// demonstrations": a past tense the parse reads as a participle on a
/// noun it hangs, with that noun, from a date it takes for the root, is
/// the sentence's own verb, and its noun the subject (not "people
/// killed in the blast", which no date governs).
fn hung_from_date(s: &Sent<'_, '_, '_>, v: usize, n: usize) -> bool {
    let from_date = s
        .head(n)
        .is_some_and(|d| s.in_timex[d] && s.head(d).is_none() && n > d);
    from_date
        && matches!(s.rel(n), "conj" | "appos" | "parataxis" | "dep")
        && !voice::passive(s, v)
        && voice::agents(s, v).is_empty()
}

/// A country's unrest is its people's, not its state's: a country's name
/// or adjective qualifying a noun of protest ("Tunisia's uprising", "the
/// Egyptian protests") names protesters there, and so does the country it
/// happens in when no one else is named ("protests in Tunisia").
fn people_in_unrest(
    s: &Sent<'_, '_, '_>,
    n: usize,
    place: Option<&super::lexicon::Entry>,
    actors: &mut Vec<Actor>,
) {
    let qualifying: Vec<&super::lexicon::Entry> = s
        .children(n)
        .filter(|&c| matches!(s.deprel(c), "nmod:poss" | "amod" | "compound"))
        .filter_map(|c| s.mention_of[c].map(|m| s.mentions[m].entry))
        .filter(|e| e.nation)
        .collect();
    actors.retain(|x| !qualifying.iter().any(|e| actor(e) == *x));
    let nation = qualifying
        .first()
        .copied()
        .or(place.filter(|e| e.nation && actors.is_empty()));
    if let (Some(e), true) = (nation, actors.is_empty()) {
        actors.push(Actor {
            name: format!("protesters in {}", e.name).into(),
            country: actor(e).country,
            role: Some(Role::Protesters),
        });
    }
}

/// "Mass protests swept Egypt", "the demonstrations grew": a noun of what
/// crowds do that names no one, not even by a possessive ("their
/// demonstrations" is whom "their" stands for). Protesters do it.
pub fn crowd_act(s: &Sent<'_, '_, '_>, p: &Predicate) -> bool {
    let n = p.word;
    p.anchor == n
        && p.kind == Kind::Protest
        && s.upos(n) == Upos::Noun
        && words().crowd_acts.contains(&*s.lower_lemma(n))
        && !s.children(n).any(|c| s.deprel(c) == "nmod:poss")
}

/// Protesters, unnamed, of no country.
pub fn protesters() -> Actor {
    Actor {
        name: "protesters".into(),
        country: None,
        role: Some(Role::Protesters),
    }
}

/// Who does and who undergoes a noun of an act done to someone when a
/// verb puts them in it ("police placed him under arrest", "ElBaradei was
/// placed under house arrest", "taken into custody"): the verb's active
/// subject does it, its object (or its passive subject) undergoes it.
fn put_under(s: &Sent<'_, '_, '_>, n: usize) -> (Vec<Actor>, Vec<Actor>) {
    let put = s.rel(n) == "obl" && has_case(s, n, &words().held_cases);
    let Some(v) = s.head(n).filter(|&v| put && s.upos(v) == Upos::Verb) else {
        return (Vec::new(), Vec::new());
    };
    let object = s
        .children_by(v, &["obj"])
        .first()
        .map(|&o| participants(s, o));
    match (subject(s, v), object) {
        (Some((subj, true)), _) => (Vec::new(), participants(s, subj)),
        (Some((subj, false)), Some(o)) => (participants(s, subj), o),
        (None, Some(o)) => (Vec::new(), o),
        _ => (Vec::new(), Vec::new()),
    }
}

/// The targets of an act that moves the actor's own forces: without what
/// the actor owns ("withdrew its troops": a possessive pronoun names the
/// actor), with what it leaves ("from neighbouring Lebanon") first.
fn own_forces_targets(s: &Sent<'_, '_, '_>, v: usize, targets: Vec<Actor>) -> Vec<Actor> {
    let mut out = Vec::new();
    for c in s.children_by(v, &["obl"]) {
        if has_case(s, c, &words().left_cases) {
            push_all(&mut out, participants(s, c));
        }
    }
    let owned: Vec<Actor> = s
        .children_by(v, &["obj"])
        .into_iter()
        .filter(|&o| {
            s.children(o)
                .any(|p| s.deprel(p) == "nmod:poss" && s.upos(p) == Upos::Pron)
        })
        .flat_map(|o| participants(s, o))
        .collect();
    push_all(
        &mut out,
        targets.into_iter().filter(|t| !owned.contains(t)).collect(),
    );
    out
}

/// Who issued the thing a clause modifies when the thing names no one
/// ("the party issued a declaration demanding…", "said in a statement
/// that condemned…"): the subject of the verb whose object or oblique it
/// is.
fn issuer(s: &Sent<'_, '_, '_>, thing: usize) -> Vec<Actor> {
    let verb = match (s.rel(thing), s.head(thing)) {
        ("obj" | "obl", Some(v)) if s.upos(v) == Upos::Verb => v,
        _ => return Vec::new(),
    };
    match subject(s, verb) {
        Some((subj, false)) if s.upos(subj) != Upos::Pron => participants(s, subj),
        _ => Vec::new(),
    }
}

/// The targets verb `v` names itself: its objects and its obliques with a
/// target preposition that name no place, in the order they come.
fn push_targets(s: &Sent<'_, '_, '_>, v: usize, out: &mut Vec<Actor>) {
    for c in s.children(v) {
        match s.deprel(c) {
            "obj" | "iobj" => {
                let named = participants(s, c);
                if named.is_empty() {
                    // "broke relations with Russia", "cut aid to the
                    // rebels": an object that names no one is done with
                    // or to the party its own preposition names, or its
                    // contents' ("provided tons of aid to refugees").
                    let mut mods = s.children_by(c, &["nmod"]);
                    for of in mods.clone() {
                        if has_case(s, of, &["of"]) {
                            mods.extend(s.children_by(of, &["nmod"]));
                        }
                    }
                    for m in mods {
                        if has_case(s, m, &words().target_cases) && !is_place(s, m) {
                            push_all(out, participants(s, m));
                        }
                    }
                    push_all(out, author(s, v, c));
                }
                push_all(out, named);
            }
            "obl" if has_case(s, c, &words().target_cases) && !is_place(s, c) => {
                push_all(out, participants(s, c))
            }
            _ => {}
        }
    }
}

/// Whoever made the thing a verb acts on, named by `by` ("rejected calls
/// by Belarus's rulers", "demanded reforms by the government"): the
/// thing's own modifier, or the verb's oblique, where the parse often
/// hangs it. Rejecting, criticising or demanding a thing is done to its
/// author.
fn author(s: &Sent<'_, '_, '_>, v: usize, thing: usize) -> Vec<Actor> {
    let mut by = s.children_by(thing, &["nmod"]);
    by.extend(s.children_by(v, &["obl"]));
    by.into_iter()
        .filter(|&m| has_case(s, m, &["by"]) && !is_place(s, m))
        .flat_map(|m| participants(s, m))
        .collect()
}

/// Targets a verb leaves to the act it governs, taken when it names none
/// itself: the object or `to`/`with`/`against` oblique of a controlled
/// infinitive ("threatened to ban opposition candidates", "offered to
/// negotiate with the president"; an infinitive a verb of intent governs
/// across an inserted phrase is one too, "threatened on Monday to break
/// relations with Russia"), the subject of what a demand asks for
/// ("demanded that Hamas renounce", "urged that the council meet"), and
/// the subject of a threat's condition ("threatened to stop the talks if
/// the United States deploys missiles": the United States is threatened).
fn embedded_targets(s: &Sent<'_, '_, '_>, a: usize, kind: Kind, frames: &Frames) -> Vec<Actor> {
    let mut out = Vec::new();
    let intends =
        frames.own.contains(&*s.lower_lemma(a)) || frames.threatened.contains(&*s.lower_lemma(a));
    for x in s.children(a) {
        let infinitive = s.rel(x) == "advcl" && intends && s.is_to_infinitive(x);
        if s.rel(x) == "xcomp" || infinitive {
            push_targets(s, x, &mut out);
        }
    }
    if out.is_empty() && kind == Kind::Threaten {
        // The condition hangs from the threat or from the act threatened.
        let mut acts = vec![a];
        acts.extend(s.children_by(a, &["xcomp"]));
        let conditions: Vec<usize> = acts
            .into_iter()
            .flat_map(|v| s.children_by(v, &["advcl"]))
            .collect();
        for c in conditions {
            let condition = s
                .children_by(c, &["mark"])
                .into_iter()
                .any(|m| frames.conditional.contains(&*s.lower_lemma(m)));
            if condition {
                push_all(&mut out, named_subject(s, c));
            }
        }
    }
    if out.is_empty() && kind == Kind::Request {
        out = requested(s, a);
    }
    if out.is_empty() && kind != Kind::Request {
        // "staged demonstrations to demand reforms by the government",
        // "opened fire to disperse the demonstrators": an act is done to
        // whoever its purpose acts on or asks something of. The parse
        // hangs a purpose from the verb or from its object ("fire").
        let mut purposes = s.children_by(a, &["advcl", "xcomp"]);
        for o in s.children_by(a, &["obj"]) {
            purposes.extend(s.children_by(o, &["acl"]));
        }
        for x in purposes {
            if s.is_to_infinitive(x) && s.children_by(x, &["nsubj"]).is_empty() {
                push_targets(s, x, &mut out);
                push_all(&mut out, requested(s, x));
            }
        }
    }
    out
}

/// Targets a purpose infinitive takes from the verb it serves when it
/// names none of its own: the person that verb acts on ("summoned Niger's
/// ambassador to complain": the complaint is made to the ambassador;
/// "invited the rebels to talk"). Forces sent to do something ("sent
/// troops to fight") are the means, not whom it is done to.
fn served_targets(s: &Sent<'_, '_, '_>, a: usize) -> Vec<Actor> {
    let (Some(o), "acl" | "advcl") = (s.head(a), s.rel(a)) else {
        return Vec::new();
    };
    let object = match s.rel(a) {
        "acl" if s.rel(o) == "obj" => o,
        "advcl" => match s.children_by(o, &["obj"]).first() {
            Some(&obj) => obj,
            None => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let forces = |r: &Option<Role>| matches!(r, Some(Role::Military | Role::Police));
    if !s.is_to_infinitive(a) || !s.children_by(a, &["nsubj"]).is_empty() {
        return Vec::new();
    }
    // Only people are spoken or complained to: not "began a hunger
    // strike to demand…".
    if !person_noun(s, object) && s.upos(object) != Upos::Propn {
        return Vec::new();
    }
    let named = participants(s, object);
    if named.iter().any(|t| forces(&t.role)) {
        return Vec::new();
    }
    named
}

/// Who a demand asks something of: the subject of what it asks for,
/// hanging from the verb or from the demand named by a noun ("demanded
/// that Hamas renounce", "urged that the council meet", "a demand that
/// Israel ease").
fn requested(s: &Sent<'_, '_, '_>, a: usize) -> Vec<Actor> {
    let mut out = Vec::new();
    let mut clauses = s.children_by(a, &["ccomp"]);
    if s.upos(a) == Upos::Noun {
        clauses.extend(s.children_by(a, &["acl"]));
    }
    for c in clauses {
        push_all(&mut out, named_subject(s, c));
    }
    out
}

/// The participants a clause's own subject names, unless it is a pronoun.
fn named_subject(s: &Sent<'_, '_, '_>, clause: usize) -> Vec<Actor> {
    match s.children_by(clause, &["nsubj", "nsubj:pass"]).first() {
        Some(&subj) if s.upos(subj) != Upos::Pron => participants(s, subj),
        _ => Vec::new(),
    }
}

/// The subject of a verb and whether it is passive, climbing from the
/// second verb of a conjunction or an `xcomp` to the verb it hangs from;
/// a relative pronoun stands for the noun the clause modifies. A
/// controlled infinitive has the voice of its own verb, not of its
/// governor's: "he is prepared to lift the ban", "Israel was forced to
/// withdraw" — he lifts, Israel withdraws.
fn subject(s: &Sent<'_, '_, '_>, a: usize) -> Option<(usize, bool)> {
    let mut v = a;
    let mut controlled = false;
    for _ in 0..s.len() {
        // "Dozens of protesters … Thursday demanded": a date the parse
        // takes for a second subject says when, not who (alone, the parse
        // often hangs who from it).
        if let Some(&subj) = s
            .children(v)
            .filter(|&c| matches!(s.rel(c), "nsubj" | "csubj"))
            .filter(|&c| !s.in_timex[c] || !participants(s, c).is_empty())
            .collect::<Vec<_>>()
            .iter()
            .min_by_key(|&&c| (s.in_timex[c], c.abs_diff(v)))
        {
            // "a man tried to run a barricade and was shot": the second
            // verb of a conjunction has its own voice too.
            let own_passive = voice::passive(s, a);
            let passive = if controlled {
                own_passive
            } else {
                own_passive && v != a || voice::passive_subject(s, subj, v)
            };
            let relative = s.xpos(subj) == "WDT" || s.xpos(subj) == "WP";
            return match (relative, s.deprel(v), s.head(v)) {
                // "Wael Ghonim, the Google executive who was seized": a
                // noun in apposition to a name stands for the name.
                (true, "acl:relcl", Some(h)) if s.rel(h) == "appos" => {
                    Some((s.head(h).unwrap_or(h), passive))
                }
                (true, "acl:relcl", Some(h)) => Some((h, passive)),
                _ => Some((subj, passive)),
            };
        }
        let infinitive = s.is_to_infinitive(v);
        // "allowed the opposition leader to hold a rally", "ordered the
        // troops to withdraw": a verb with an object controls its
        // complement through that object, not its subject.
        // So does a verb of seeing or making with a bare verb or a
        // participle whose object names people: "footage showed
        // protesters charging", "made the police leave" (not "opened a
        // landmark hearing", a participle the parse misreads).
        if let ("xcomp", Some(h)) = (s.rel(v), s.head(v)) {
            let controller = s.children_by(h, &["obj"]).first().copied().filter(|&o| {
                let who = members(s, o);
                infinitive
                    || matches!(s.xpos(v), "VB" | "VBG")
                        && (person_noun(s, who) || s.upos(who) == Upos::Propn)
            });
            if let Some(o) = controller {
                return Some((o, false));
            }
        }
        // "called on Egyptian authorities to refrain": whom a verb calls
        // on does what it is called on to do.
        if let (true, "xcomp" | "advcl", Some(h)) = (infinitive, s.rel(v), s.head(v)) {
            let caller = words().callers.contains(&*s.lower_lemma(h));
            let called = s
                .children_by(h, &["obl"])
                .into_iter()
                .find(|&o| has_case(s, o, &words().called_cases) && names_people(s, members(s, o)));
            if let Some(o) = called.filter(|_| caller) {
                return Some((o, false));
            }
        }
        match (s.rel(v), s.head(v)) {
            ("xcomp", Some(h)) => {
                controlled = true;
                v = h;
            }
            ("conj", Some(h)) => v = h,
            // "Egyptian authorities trying to kick Al Jazeera out": a
            // participle on a noun, reached from what it governs, is the
            // noun's act.
            ("acl", Some(h)) if v != a && s.xpos(v) == "VBG" => {
                let passive = voice::passive(s, a);
                return Some((h, passive));
            }
            // "protesters remain in the square, vowing to keep
            // protesting": a participle with no subordinator, reached from
            // what it governs, is its governor's subject's act.
            ("advcl", Some(h))
                if v != a && s.xpos(v) == "VBG" && s.children_by(v, &["mark"]).is_empty() =>
            {
                controlled = true;
                v = h;
            }
            // "Mubarak's decision to step down": the possessor of the
            // noun an infinitive hangs on does it.
            (_, Some(h)) if infinitive && s.upos(h) == Upos::Noun && possessed(s, h).is_some() => {
                let passive = voice::passive(s, a);
                return possessed(s, h).map(|p| (p, passive));
            }
            // "Washington began preparations to evacuate": an infinitive
            // without a subject of its own is its governor's subject's act.
            (_, Some(h)) if infinitive => {
                controlled = true;
                v = if s.upos(h) == Upos::Noun {
                    noun_governor(s, h).filter(|&g| acting_verb(s, g))?
                } else {
                    h
                };
            }
            _ => return None,
        }
    }
    None
}

/// The word noun `n` hangs on; for a noun after `in` ("in an attempt",
/// "in a bid", "in an effort"), the first word above it that is no noun
/// of another prepositional phrase: the parse often hangs the phrase on
/// the noun before it ("fired tear gas into crowds in an attempt to
/// disperse them": the attempt is the firing's).
fn noun_governor(s: &Sent<'_, '_, '_>, n: usize) -> Option<usize> {
    let mut g = s.head(n)?;
    // "any attempt by the opposition to hold a rally": the noun's own.
    let owned = s
        .children_by(n, &["nmod"])
        .into_iter()
        .any(|c| has_case(s, c, &["by", "of"]));
    if !has_case(s, n, &["in"]) || owned {
        return Some(g);
    }
    for _ in 0..s.len() {
        if s.upos(g) != Upos::Noun || !matches!(s.rel(g), "obl" | "nmod" | "obj") {
            break;
        }
        g = s.head(g)?;
    }
    Some(g)
}

/// Whether `v`, the verb a noun of planning hangs on, is one whose
/// subject holds the plan ("Washington began preparations to evacuate"):
/// a verb, but no reporting verb, whose subject is only the source of
/// what it reports ("two sources said plans to withdraw diplomats…").
fn acting_verb(s: &Sent<'_, '_, '_>, v: usize) -> bool {
    s.upos(v) == Upos::Verb && !Frames::shipped().reporting.contains(&*s.lower_lemma(v))
}

/// The possessor of noun `n` ("Mubarak's decision", "his plan").
fn possessed(s: &Sent<'_, '_, '_>, n: usize) -> Option<usize> {
    s.children(n).find(|&c| s.deprel(c) == "nmod:poss")
}

/// "Hamas issued a statement condemning the raid", "rockets hit the
/// building, killing five", "commended the revolution while urging the
/// young to go home": a present participle with no subject of its own,
/// bare or after a subordinator, is done by its governor's subject. Only for the shipped triggers,
/// unless `everyday`: CAMEO's everyday senses in such participles
/// ("taking advantage", "ruling for three decades") are background, not
/// acts, unless they act on someone named (the caller's to know).
fn participle_subject(
    s: &Sent<'_, '_, '_>,
    p: &Predicate,
    everyday: bool,
) -> Option<(usize, bool)> {
    let v = p.anchor;
    match s.head(v) {
        Some(h)
            if (everyday || !p.cameo)
                && s.rel(v) == "advcl"
                && s.xpos(v) == "VBG"
                // "Thousands were in the square, vowing to stay": a
                // copula's predicate stands for its clause.
                && (s.upos(h) == Upos::Verb || s.children(h).any(|c| s.deprel(c) == "cop")) =>
        {
            // "was arrested after attacking": the participle is active
            // whatever its governor's voice.
            subject(s, h).map(|(w, _)| (w, false))
        }
        _ => None,
    }
}

/// The actor a noun event takes from the verb or noun that governs it
/// when that governor's subject acts it ("the United States prepared for
/// the withdrawal").
fn own_actor(s: &Sent<'_, '_, '_>, n: usize, frames: &Frames) -> Vec<Actor> {
    let Some(h) = s.head(n) else { return vec![] };
    if !matches!(s.rel(n), "obj" | "obl" | "nmod") || !frames.own.contains(&*s.lower_lemma(h)) {
        return vec![];
    }
    let governor = if s.upos(h) == Upos::Noun {
        // "began preparations for the withdrawal": the noun's verb.
        s.head(h).filter(|&v| acting_verb(s, v))
    } else {
        Some(h)
    };
    governor
        .and_then(|v| subject(s, v))
        .filter(|&(_, passive)| !passive)
        .map(|(subj, _)| participants(s, subj))
        .unwrap_or_default()
}

/// The subject a present participle with none of its own takes from its
/// governor ("they seem to be coming in waves, ignoring the curfew"),
/// everyday senses included.
pub fn participle_subject_of(s: &Sent<'_, '_, '_>, p: &Predicate) -> Option<usize> {
    participle_subject(s, p, true).map(|(w, _)| w)
}

/// The subject of a verb, as `subject` finds it, active or passive.
pub fn subject_of(s: &Sent<'_, '_, '_>, v: usize) -> Option<usize> {
    subject(s, v).map(|(w, _)| w)
}

/// Whether an oblique or nominal modifier has one of these prepositions.
fn has_case<S: AsRef<str>>(s: &Sent<'_, '_, '_>, w: usize, cases: &[S]) -> bool {
    s.children_by(w, &["case"])
        .into_iter()
        .any(|c| cases.iter().any(|k| k.as_ref() == s.toks[c].lower))
}

/// The gazetteer's names inside the noun phrase headed by `h`, the
/// nearest first, through conjunctions and appositions; else the phrase
/// itself when it is a name or an acting common noun.
pub fn participants(s: &Sent<'_, '_, '_>, h: usize) -> Vec<Actor> {
    if s.in_speaker_label(h) {
        return Vec::new();
    }
    let phrase = Phrase {
        top: h,
        h: members(s, h),
        subject: s.rel(h) == "nsubj",
    };
    let h = phrase.h;
    // The country of a place the phrase is at ("looters at the Cairo
    // Museum", "rebels in the Ivory Coast"): where they are, not who.
    let mut at: Option<Text> = None;
    let mut found = gazetteer_names(s, &phrase, &mut at);
    // "Omar Suleiman, Egypt's vice president", "Alan Fisher, an
    // Al-Jazeera correspondent": an apposition describes the name, it
    // names no one else.
    let description: Vec<&Mention<'_>> = found
        .iter()
        .copied()
        .filter(|m| described(s, h, mention_head(s, m)))
        .collect();
    found.retain(|m| !description.iter().any(|d| std::ptr::eq(*d, *m)));
    if found.is_empty() && !description.is_empty() {
        return described_name(s, &phrase, &description);
    }
    if let Some(a) = national_agent(s, h, &found)
        .or_else(|| people_of(s, h, &found))
        .or_else(|| qualified_group(s, h, &found))
        .or_else(|| member_of(s, h, &found))
    {
        return vec![a];
    }
    if !found.is_empty() {
        found.sort_by_key(|m| (!(m.first <= h && h < m.end), m.first));
        let mut out = found
            .iter()
            .map(|m| actor(m.entry))
            .fold(Vec::new(), |mut v, a| {
                if !v.contains(&a) {
                    v.push(a);
                }
                v
            });
        unnamed_conjuncts(s, h, &found, &mut out);
        return out;
    }
    let coded = coded_names(s, &phrase, &mut at);
    if !coded.is_empty() {
        return coded;
    }
    let mut out = Vec::new();
    // "he and a group of activists".
    for w in heads_and_conjuncts(s, h) {
        // "the opposition leader Ayman Nour", "his predecessor, Anwar
        // Sadat": a name in apposition says who the noun is.
        let named = s
            .children_by(w, &["appos"])
            .into_iter()
            .find(|&c| s.upos(c) == Upos::Propn && s.upos(w) == Upos::Noun);
        let found = match unnamed(s, named.unwrap_or(w)) {
            Some(mut a) => {
                if s.upos(w) == Upos::Noun && a.country.is_none() {
                    a.country.clone_from(&at);
                }
                Some(a)
            }
            None => at
                .as_ref()
                .filter(|_| w == h)
                .map(|c| located_group(s, w, c)),
        };
        if let Some(a) = found {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    if out.is_empty() {
        // "accepted demands from Shona rebels", "the removal of President
        // Habyarimana": an act named by a noun stands for whoever it is of.
        for c in s.children_by(h, &["nmod"]) {
            if !has_case(s, c, &words().place_cases) {
                out.extend(unnamed(s, c));
            }
        }
    }
    if out.is_empty() {
        // "crimes committed by Croat forces", "the attack carried out by
        // rebels": a thing done by someone stands for its doer.
        for c in s.children_by(h, &["acl"]) {
            if s.xpos(c) == "VBN" {
                for agent in s.children(c).filter(|&a| s.deprel(a) == "obl:agent") {
                    push_all(&mut out, participants(s, agent));
                }
            }
        }
    }
    out
}

/// Whether word `w` lies in an apposition of the name `h` ("Omar
/// Suleiman, Egypt's vice president": Egypt), which only describes it.
/// A place's apposition is none ("Cairo, Egypt (CNN) -- ElBaradei", a
/// dateline the parse hangs together), nor a date's.
fn described(s: &Sent<'_, '_, '_>, h: usize, w: usize) -> bool {
    if s.upos(h) != Upos::Propn || s.in_timex[h] || named_place(s, h) {
        return false;
    }
    let mut k = w;
    for _ in 0..s.len() {
        match s.head(k) {
            Some(up) if up == h => return s.rel(k) == "appos",
            Some(up) => k = up,
            None => return false,
        }
    }
    false
}

/// The name `phrase.h` whose apposition alone names a body or country
/// ("Alan Fisher, an Al-Jazeera correspondent"): the person, coded when
/// the actor dictionary knows the name, else as written with the
/// country of the body whose member the apposition says they are.
fn described_name(
    s: &Sent<'_, '_, '_>,
    phrase: &Phrase,
    description: &[&Mention<'_>],
) -> Vec<Actor> {
    let coded = coded_names(s, phrase, &mut None);
    if !coded.is_empty() {
        return coded;
    }
    let Some(mut a) = unnamed(s, phrase.h) else {
        return Vec::new();
    };
    a.country = s
        .children_by(phrase.h, &["appos"])
        .into_iter()
        .find_map(|d| member_of(s, d, description))
        .and_then(|m| m.country);
    vec![a]
}

/// "Police and protesters clashed", "Presidents Medvedev and Obama": a
/// conjunct of the phrase that no name of the gazetteer covers still
/// acts when it is an acting common noun or a name, in its place in the
/// phrase. After a name and a comma, what the parse
/// joins is most often an apposition ("ElBaradei, the Nobel laureate and
/// a leading critic"), and adds no one.
fn unnamed_conjuncts(s: &Sent<'_, '_, '_>, h: usize, found: &[&Mention<'_>], out: &mut Vec<Actor>) {
    let comma = (h + 1..s.len())
        .find(|&k| s.head(k) != Some(h) || s.rel(k) != "flat")
        .is_some_and(|k| s.toks[k].text == ",");
    if s.upos(h) == Upos::Propn && comma {
        return;
    }
    for w in heads_and_conjuncts(s, h) {
        if s.in_timex[w] || found.iter().any(|m| covers(s, w, mention_head(s, m))) {
            continue;
        }
        if let Some(a) = unnamed(s, w).filter(|a| !out.contains(a)) {
            if w == h {
                out.insert(0, a);
            } else {
                out.push(a);
            }
        }
    }
}

/// Whether the mention headed at `m` belongs to the conjunct headed by
/// `w`: below it, and not through another conjunct it heads.
fn covers(s: &Sent<'_, '_, '_>, w: usize, m: usize) -> bool {
    let mut k = m;
    for _ in 0..s.len() {
        if k == w {
            return true;
        }
        match s.head(k) {
            Some(up) if up == w && s.rel(k) == "conj" => return false,
            Some(up) => k = up,
            None => return false,
        }
    }
    false
}

/// A noun phrase whose participants are read: `top` as the parse heads
/// it, `h` the people it names (below a count, [`members`]), and whether
/// it is a subject, where a place says where the people are.
struct Phrase {
    top: usize,
    h: usize,
    subject: bool,
}

/// The gazetteer's mentions that name who the phrase is; a place the
/// people are at gives `at` its country. A country's adjective on the
/// title of a person the phrase names ("a leading Egyptian opposition
/// figure, Mohamed ElBaradei") says that person's country: the person is
/// who, not the country too.
fn gazetteer_names<'s, 'l>(
    s: &'s Sent<'_, '_, 'l>,
    phrase: &Phrase,
    at: &mut Option<Text>,
) -> Vec<&'s Mention<'l>> {
    let h = phrase.h;
    let mut found: Vec<&Mention<'_>> = Vec::new();
    for m in &s.mentions {
        // A place ("the Gaza Strip", "in Baghdad") is where, not who.
        let after_place_word =
            m.first > 0 && words().place_cases.contains(&s.toks[m.first - 1].lower);
        let head = mention_head(s, m);
        if !in_phrase(s, phrase.top, head, phrase.subject)
            || found.iter().any(|f| std::ptr::eq(*f, m))
        {
            continue;
        }
        if let Some(group) = located(s, phrase.top, head, phrase.subject) {
            if members(s, group) == h {
                *at = at.take().or_else(|| actor(m.entry).country);
            }
            continue;
        }
        // ... unless the phrase is the place itself ("blockade Paris").
        if m.entry.place && (m.entry.capital_of.is_none() || after_place_word) && head != h {
            continue;
        }
        // "opposition candidates": a group the gazetteer knows only by its
        // common noun, qualifying another noun, only says what kind.
        let generic = m.entry.country.is_empty() && !m.entry.place;
        if generic && head != h && matches!(s.rel(head), "compound" | "amod") {
            continue;
        }
        found.push(m);
    }
    let people: Vec<&str> = found
        .iter()
        .filter(|m| m.entry.person)
        .map(|m| m.entry.country.as_str())
        .collect();
    found.retain(|m| {
        let adjective = m.end == m.first + 1 && s.toks[m.first].text != m.entry.name;
        let nation = !m.entry.person && !m.entry.place && m.entry.capital_of.is_none();
        !(adjective && nation && people.contains(&m.entry.country.as_str()))
    });
    found
}

/// The names of the actor dictionary in the phrase, coded as of the
/// article's day; a place the people are at gives `at` its country.
fn coded_names(s: &Sent<'_, '_, '_>, phrase: &Phrase, at: &mut Option<Text>) -> Vec<Actor> {
    let mut out = Vec::new();
    let actors = Actors::shipped();
    for &(first, end, r) in &s.coded {
        let head = span_head(s, first, end);
        if !in_phrase(s, phrase.top, head, phrase.subject) || described(s, phrase.h, head) {
            continue;
        }
        if let Some(group) = located(s, phrase.top, head, phrase.subject) {
            if members(s, group) == phrase.h {
                *at = at
                    .take()
                    .or_else(|| actors.coded(r, s.on).country.map(Text::from));
            }
        } else {
            let c = actors.coded(r, s.on);
            let a = Actor {
                name: c.name.into(),
                country: c.country.map(Text::from),
                role: c.role,
            };
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// An acting common noun a country's name or adjective qualifies
/// ("French paper workers", "Afghan rebels", "US troops", "Egyptian
/// demonstrators"), or a name of its own a country's begins ("American
/// Airlines"): the group, of that country, in the role its noun gives,
/// rather than the country as a whole.
fn national_agent(s: &Sent<'_, '_, '_>, h: usize, found: &[&Mention<'_>]) -> Option<Actor> {
    // "Egyptian demonstrators": the gazetteer knows the group's noun
    // itself, as a group of no country.
    let own_group =
        |m: &&&Mention<'_>| mention_head(s, m) == h && m.entry.country.is_empty() && !m.entry.place;
    let qualifies = |m: &&&Mention<'_>| {
        let mh = mention_head(s, m);
        s.head(mh) == Some(h)
            && matches!(s.rel(mh), "amod" | "compound")
            && m.entry.country.len() == 3
            && !m.entry.place
            && m.entry.capital_of.is_none()
    };
    let (groups, nations): (Vec<&&Mention<'_>>, Vec<&&Mention<'_>>) =
        found.iter().partition(own_group);
    if nations.is_empty() || !nations.iter().all(qualifies) {
        return None;
    }
    let role = agent_role(s, h);
    let first = nations.iter().map(|m| m.first).min()?;
    let mut last = h;
    let named = match s.upos(h) {
        // "the Egyptian Association for Change": a capitalised common
        // noun inside the sentence is a name of its own.
        Upos::Noun if role.is_none() && groups.is_empty() => {
            last = name_end(s, h);
            h > 0 && s.toks[h].capital() && !s.in_capitals(h)
        }
        Upos::Noun => true,
        // "American Airlines", "Egypt Air", "the Hisham Mubarak Law
        // Center": a name of its own that a country's name or adjective
        // begins is an organisation of that country, not the country.
        Upos::Propn => {
            s.mention_of[h].is_none()
                && !s.coded.iter().any(|&(a, b, _)| a <= h && h < b)
                && (h + 1 >= s.len() || s.upos(h + 1) != Upos::Propn)
                && (first..h).all(|k| matches!(s.upos(k), Upos::Propn | Upos::Adj | Upos::Noun))
        }
        _ => false,
    };
    named.then(|| Actor {
        name: group_name(s, first, last).into(),
        country: Some(nations[0].entry.country.as_str().into()),
        role,
    })
}

/// The last word of a name whose head is `h`, with a capitalised `of` or
/// `for` phrase that follows it ("Association for Change").
fn name_end(s: &Sent<'_, '_, '_>, h: usize) -> usize {
    s.children_by(h, &["nmod"])
        .into_iter()
        .filter(|&c| c > h && s.toks[c].capital())
        .find(|&c| (h + 1..c).all(|k| matches!(s.upos(k), Upos::Adp | Upos::Det | Upos::Propn)))
        .unwrap_or(h)
}

/// A person or group a body's or country's name qualifies ("a former
/// IAEA official", "a White House spokesman", "Muslim Brotherhood
/// members", "Egyptian officials"): those people, of the name's country,
/// in the role their noun gives, not the body or country as a whole.
fn member_of(s: &Sent<'_, '_, '_>, h: usize, found: &[&Mention<'_>]) -> Option<Actor> {
    let qualifies = |m: &&Mention<'_>| {
        let mh = mention_head(s, m);
        mh < h
            && s.head(mh) == Some(h)
            && matches!(s.deprel(mh), "compound" | "amod" | "nmod:poss")
            && !m.entry.person
            && !m.entry.place
            && m.entry.capital_of.is_none()
    };
    if s.upos(h) != Upos::Noun || !person_noun(s, h) || found.is_empty() {
        return None;
    }
    if !found.iter().all(qualifies) {
        return None;
    }
    let m = found.iter().min_by_key(|m| m.first)?;
    // A country's adjective as written ("Egyptian officials"), a name as
    // the gazetteer spells it ("European Union partners" for "European
    // Community partners").
    let adjective = m.end == m.first + 1 && s.toks[m.first].text != m.entry.name;
    let name = if adjective || m.end > h {
        group_name(s, m.first, h)
    } else {
        let space = if s.toks[m.end].start > s.toks[m.end - 1].end {
            " "
        } else {
            ""
        };
        format!("{}{space}{}", m.entry.name, group_name(s, m.end, h))
    };
    Some(Actor {
        name: name.into(),
        country: actor(m.entry).country,
        role: agent_role(s, h),
    })
}

/// A group the gazetteer knows only by its common noun, with the words
/// that qualify it ("Moslem fundamentalist demonstrators", "student
/// activists"): the qualified phrase names them, not the bare noun.
fn qualified_group(s: &Sent<'_, '_, '_>, h: usize, found: &[&Mention<'_>]) -> Option<Actor> {
    let [m] = found else { return None };
    let generic = m.entry.country.is_empty() && m.first == h && m.end == h + 1;
    let lo = s
        .children_by(h, &["amod", "compound"])
        .into_iter()
        .filter(|&c| c < h && s.mention_of[c].is_none())
        .min()?;
    if !generic || (lo..h).any(|k| !matches!(s.upos(k), Upos::Adj | Upos::Noun | Upos::Propn)) {
        return None;
    }
    Some(Actor {
        name: group_name(s, lo, h).into(),
        country: None,
        role: Actors::shipped().agent(s.lemma(h)),
    })
}

/// A country's people named by its plural demonym ("young Algerians",
/// "Palestinians"): civilians of that country, not its state; a
/// country's adjective before the demonym says where they live ("Bosnian
/// Serbs": Serbs of Bosnia, not Serbia).
fn people_of(s: &Sent<'_, '_, '_>, h: usize, found: &[&Mention<'_>]) -> Option<Actor> {
    let (m, home) = match found {
        [m] => (*m, None),
        [q, m] if q.end == h && s.head(mention_head(s, q)) == Some(h) => (*m, Some(*q)),
        _ => return None,
    };
    let home_ok = home.is_none_or(|q| {
        s.rel(mention_head(s, q)) == "amod" && q.entry.country.len() == 3 && !q.entry.place
    });
    let word = &s.toks[m.first].text;
    let plural_demonym = m.end == m.first + 1
        && m.first == h
        && matches!(s.xpos(h), "NNPS" | "NNS")
        && word.ends_with('s')
        && *word != m.entry.name
        && m.entry.country.len() == 3
        && !m.entry.place
        && m.entry.capital_of.is_none();
    if !plural_demonym || !home_ok {
        return None;
    }
    let first = s
        .children_by(h, &["amod"])
        .into_iter()
        .filter(|&c| c + 1 == h)
        .min()
        .unwrap_or(h);
    Some(Actor {
        name: group_name(s, first, h).into(),
        country: Some(home.unwrap_or(m).entry.country.as_str().into()),
        role: Some(Role::Civilians),
    })
}

/// The words `first..=last` as a group's name: names, the gazetteer's
/// words and capitalised words inside the sentence ("Moslem") as written,
/// the rest in lower case ("French paper workers").
fn group_name(s: &Sent<'_, '_, '_>, first: usize, last: usize) -> String {
    as_written(s, first, last, |k| {
        let keep = s.mention_of[k].is_some()
            || s.upos(k) == Upos::Propn
            || k > 0 && s.toks[k].capital() && !s.in_capitals(k);
        if keep {
            s.toks[k].text.as_str()
        } else {
            s.toks[k].lower.as_str()
        }
    })
}

/// The words `first..=last` in the forms `form` gives, spaced as the text
/// spaces them ("Fazl-ur-Rehman" stays one word).
fn as_written<'a>(
    s: &'a Sent<'_, '_, '_>,
    first: usize,
    last: usize,
    form: impl Fn(usize) -> &'a str,
) -> String {
    let mut out = String::new();
    for k in first..=last {
        if k > first && s.toks[k].start > s.toks[k - 1].end {
            out.push(' ');
        }
        out.push_str(form(k));
    }
    out
}

/// The people a noun names where a place says they are ("looters at the
/// Cairo Museum", "security forces in Guinea"): the noun with its
/// modifiers, of the place's country — not the country itself.
fn located_group(s: &Sent<'_, '_, '_>, w: usize, country: &Text) -> Actor {
    Actor {
        name: group_name(s, modified_from(s, w), w).into(),
        country: Some(country.clone()),
        role: None,
    }
}

/// Whether `w` is a common noun that names people: an agent of the actor
/// dictionary ("police", "students") or a plural with an ending of
/// people who do something ("looters", `[roles] person_endings`).
fn person_noun(s: &Sent<'_, '_, '_>, w: usize) -> bool {
    let plural_doer = s.xpos(w) == "NNS"
        && words()
            .person_endings
            .iter()
            .any(|e| s.toks[w].lower.ends_with(e.as_str()));
    s.upos(w) == Upos::Noun
        && !s.in_timex[w]
        && (plural_doer
            || agent_role(s, w).is_some()
            || words().persons.contains(&*s.lower_lemma(w)))
}

/// Whether `w` names people: a name, or a common noun of people
/// ([`person_noun`]: "his cabinet", "17,200 workers", "people").
pub fn names_people(s: &Sent<'_, '_, '_>, w: usize) -> bool {
    s.upos(w) == Upos::Propn || person_noun(s, w)
}

/// The role a common noun of people gives: an agent of the actor
/// dictionary's ("police", "students"), else civilians for a noun of
/// people as such (`[roles] people`: "people", "man").
fn agent_role(s: &Sent<'_, '_, '_>, w: usize) -> Option<Role> {
    agent_phrase(s, w)
        .or_else(|| Actors::shipped().agent(s.lemma(w)))
        .or_else(|| {
            words()
                .people
                .contains(&*s.lower_lemma(w))
                .then_some(Role::Civilians)
        })
}

/// The role of an agent of several words the noun `w` ends ("security
/// forces", "riot police"), with the modifiers just before it.
fn agent_phrase(s: &Sent<'_, '_, '_>, w: usize) -> Option<Role> {
    let lower: Vec<&str> = (modified_from(s, w)..=w)
        .map(|k| s.toks[k].lower.as_str())
        .collect();
    let last = lower.len() - 1;
    (0..last).find_map(|i| {
        Actors::shipped()
            .agent_at(&lower, i)
            .filter(|&(n, _)| i + n == lower.len())
            .map(|(_, r)| r)
    })
}

/// A plural count with no `of` phrase as a subject ("thousands marched"):
/// the people counted, as civilians.
fn counted_people(s: &Sent<'_, '_, '_>, w: usize) -> Option<Role> {
    (s.xpos(w) == "NNS" && s.rel(w) == "nsubj" && words().quantities.contains(&*s.lower_lemma(w)))
        .then_some(Role::Civilians)
}

/// The first word of a common noun with the modifiers just before it
/// ("riot police", "security forces").
fn modified_from(s: &Sent<'_, '_, '_>, w: usize) -> usize {
    s.children_by(w, &["compound", "amod"])
        .into_iter()
        .filter(|&c| c < w && c + 2 >= w)
        .min()
        .unwrap_or(w)
}

/// A name the gazetteer does not know ("Taiwan's Vice Foreign Minister"),
/// or an acting common noun ("riot police").
fn unnamed(s: &Sent<'_, '_, '_>, w: usize) -> Option<Actor> {
    if s.in_timex[w] {
        return None;
    }
    match s.upos(w) {
        Upos::Propn => {
            let parts = s.children_by(w, &["flat", "compound"]);
            let lo = parts.iter().copied().chain([w]).min()?;
            let hi = parts.iter().copied().chain([w]).max()?;
            let name = as_written(s, lo, hi, |k| s.toks[k].text.as_str());
            Some(Actor {
                name: name.into(),
                country: None,
                role: None,
            })
        }
        // "the State of the Union": a piece of a name names no one.
        Upos::Noun if s.name_pieces[w] => None,
        Upos::Noun => {
            let role = agent_role(s, w).or_else(|| counted_people(s, w));
            if role.is_none() && !words().persons.contains(&*s.lower_lemma(w)) {
                return None;
            }
            let name = as_written(s, modified_from(s, w), w, |k| s.toks[k].lower.as_str());
            Some(Actor {
                name: name.into(),
                country: None,
                role,
            })
        }
        _ => None,
    }
}

/// The word of a mention that the rest of the sentence attaches to.
fn mention_head(s: &Sent<'_, '_, '_>, m: &Mention<'_>) -> usize {
    span_head(s, m.first, m.end)
}

/// The word of the words `first..end` whose head lies outside them.
fn span_head(s: &Sent<'_, '_, '_>, first: usize, end: usize) -> usize {
    (first..end)
        .find(|&k| s.head(k).is_none_or(|h| h < first || h >= end))
        .unwrap_or(first)
}

/// The people word `w`, in the subject headed by `h`, says where they
/// are ("looters at the Cairo Museum damaged…", "rebels in Macedonia
/// attacked…"): the noun of people ([`person_noun`]) a modifier with a
/// place's preposition holding `w` hangs from, if any. In an object the
/// place stays what is acted on ("refused to deploy soldiers in Haiti").
fn located(s: &Sent<'_, '_, '_>, h: usize, w: usize, subject: bool) -> Option<usize> {
    if !subject {
        return None;
    }
    let mut k = w;
    for _ in 0..s.len() {
        if k == h {
            return None;
        }
        let up = s.head(k)?;
        // "tens of thousands of students throughout Indonesia": the count
        // stands for its people.
        if s.rel(k) == "nmod"
            && has_case(s, k, &words().place_cases)
            && person_noun(s, members(s, up))
        {
            return Some(up);
        }
        k = up;
    }
    None
}

/// Whether word `w` belongs to the noun phrase headed by `h`: `h` itself,
/// or below it through nominal relations only (not through a clause). In
/// a subject, a modifier that names whom the head is aimed at is not who
/// ("riots against Israeli policies continue", "the envoy to Syria
/// said"); in an object it is what is acted on ("mobilized reservists
/// for a war against Iraq").
fn in_phrase(s: &Sent<'_, '_, '_>, h: usize, w: usize, subject: bool) -> bool {
    let mut k = w;
    for _ in 0..s.len() {
        if k == h {
            return true;
        }
        if !NOMINAL.contains(&s.rel(k)) || subject && aimed_at(s, k) {
            return false;
        }
        match s.head(k) {
            Some(up) => k = up,
            None => return false,
        }
    }
    false
}

/// Whether `w` is a nominal modifier with a target's preposition that is
/// not also a place's ("against", "with", "to"; not "at").
fn aimed_at(s: &Sent<'_, '_, '_>, w: usize) -> bool {
    let only_target: Vec<&String> = words()
        .target_cases
        .iter()
        .filter(|c| !words().place_cases.contains(c))
        .collect();
    s.rel(w) == "nmod" && has_case(s, w, &only_target)
}

/// `h` and the head of each phrase joined to it by a conjunction, seen
/// through "a group of" ([`members`]): the heads a subject or object names.
fn heads_and_conjuncts(s: &Sent<'_, '_, '_>, h: usize) -> Vec<usize> {
    let mut heads = vec![h];
    heads.extend(
        s.children_by(h, &["conj"])
            .into_iter()
            .map(|c| members(s, c)),
    );
    heads
}

/// The people a phrase headed by a count or a collective names: its `of`
/// phrase ("thousands of Egyptian workers", "a group of activists",
/// "two of its nationals"), through counts of counts; else the head.
pub fn members(s: &Sent<'_, '_, '_>, h: usize) -> usize {
    let mut h = h;
    for _ in 0..s.len() {
        let count = s.upos(h) == Upos::Num || words().quantities.contains(&*s.lower_lemma(h));
        let of = s
            .children_by(h, &["nmod"])
            .into_iter()
            .find(|&c| has_case(s, c, &["of"]));
        match of {
            Some(c) if count => h = c,
            _ => break,
        }
    }
    h
}

/// Whether word `w` belongs to a name the gazetteer knows as a place
/// below a country ("Tahrir Square", "Cairo"), not a country or a body.
fn named_place(s: &Sent<'_, '_, '_>, w: usize) -> bool {
    s.mention_of[w].is_some_and(|m| s.mentions[m].entry.place)
}

fn is_place(s: &Sent<'_, '_, '_>, w: usize) -> bool {
    has_case(s, w, &words().place_cases) && place_entry(s, w).is_some()
}

/// The gazetteer entry of the place an oblique names: a place of the
/// gazetteer, or a country after in/at/near.
fn place_entry<'s>(s: &'s Sent<'_, '_, '_>, w: usize) -> Option<&'s super::lexicon::Entry> {
    s.mentions
        .iter()
        .find(|m| {
            in_phrase(s, w, mention_head(s, m), false)
                && (m.entry.place || m.entry.country.len() == 3)
        })
        .map(|m| m.entry)
}

fn actor(e: &super::lexicon::Entry) -> Actor {
    let country = (e.country.len() == 3 && e.country.bytes().all(|b| b.is_ascii_uppercase()))
        .then(|| e.country.as_str().into());
    match &e.capital_of {
        Some((name, _)) => Actor {
            name: name.into(),
            country,
            role: None,
        },
        None => Actor {
            name: e.name.as_str().into(),
            country,
            role: None,
        },
    }
}

fn push_all(list: &mut Vec<Actor>, more: Vec<Actor>) {
    for a in more {
        if !list.contains(&a) {
            list.push(a);
        }
    }
}
