//! Subject and possessive pronouns to the last named subject before them:
//! "Mubarak addressed the nation on Thursday. He said he would not step
//! down": he is Mubarak; "Thousands of protesters gathered in Tahrir
//! Square. They chanted slogans", "their demonstrations": they are the
//! protesters.
//!
//! What a reader does without thinking, kept simple and general: "he" and
//! "she" ("his", "her") stand for the last subject that is a person's name
//! (a proper noun the gazetteer knows as a person or not at all: "Egypt …
//! he" is nobody), "they" ("their") for the last plural one ("protesters",
//! "Britain and France"), "it" ("its") for the last singular one that is
//! a country or a body ("Egypt", "the army"); an "it" about nothing ("it
//! is unclear") is the subject of no event, so what it is resolved to is
//! never read. The subject must be earlier in the same
//! sentence or in the one before: further back, a reader has met others.
//! A subject inside what someone says or thinks is only talked about: a
//! pronoun outside it stands for someone else ("Obama noted that Mubarak
//! had helped, but he said…": he is Obama). A possessive pronoun in its
//! own clause's object stands for that clause's subject first ("the
//! cabinet handed in their resignations"). Inside quotation marks, "I"
//! and "we" are the speaker: the subject of the sentence's verb of saying
//! outside them ("\"I blame certain nations,\" he said"), else, for a
//! quotation that goes on from the sentences before, theirs.

use std::collections::HashMap;

use super::frames::Frames;
use super::roles::{members, names_people, participants, subject_of};
use super::sentence::Sent;
use crate::model::Actor;
use crate::text::Upos;

/// The named subjects of a document's last two sentences, singular and
/// plural, in the order read.
#[derive(Debug, Default)]
pub struct Antecedents {
    singular: Vec<Candidate>,
    plural: Vec<Candidate>,
    /// Bodies and places named in the singular ("the army", "Egypt"),
    /// for "it" and "its".
    neuter: Vec<Candidate>,
    /// Who speaks the quotation of the last sentence that named its
    /// speaker, and that sentence, for a quotation that runs on.
    speaker: Option<(usize, Vec<Actor>)>,
}

/// A subject a later pronoun may stand for: the sentence it was read in,
/// how deep in clauses it sits, and whom it names.
#[derive(Debug)]
struct Candidate {
    sentence: usize,
    depth: usize,
    actors: Vec<Actor>,
}

/// Whom a pronoun may stand for.
enum Number {
    Singular,
    Plural,
    Neuter,
}

impl Antecedents {
    /// Reads sentence `s`, the document's sentence `now`, in order: each
    /// subject pronoun gets the actors of the last named subject before it
    /// that agrees with it, and each named subject (and each pronoun
    /// resolved) becomes one later pronouns may stand for; then "I" and
    /// "we" inside quotation marks get the speaker's. Returns the pronouns
    /// resolved, by word.
    pub fn read(&mut self, s: &Sent<'_, '_, '_>, now: usize) -> HashMap<usize, Vec<Actor>> {
        let mut resolved = self.third_persons(s, now);
        self.first_persons(s, now, &mut resolved);
        resolved
    }

    /// The third-person pronouns of sentence `now`, by word (see
    /// [`Antecedents::read`]).
    fn third_persons(&mut self, s: &Sent<'_, '_, '_>, now: usize) -> HashMap<usize, Vec<Actor>> {
        let mut resolved = HashMap::new();
        // A subject stands for pronouns in its own sentence and the next.
        self.singular.retain(|c| c.sentence + 1 >= now);
        self.plural.retain(|c| c.sentence + 1 >= now);
        self.neuter.retain(|c| c.sentence + 1 >= now);
        for w in 0..s.len() {
            let subject = s.rel(w) == "nsubj";
            // "their demonstrations", "his rule": a possessive pronoun
            // stands for a subject as a subject pronoun does.
            if !subject && s.deprel(w) != "nmod:poss" {
                continue;
            }
            let depth = clause_depth(s, w);
            // "Most of them marched", "some of them": a count of a pronoun
            // stands for whom the pronoun stands for.
            let counted = if subject { members(s, w) } else { w };
            if s.upos(counted) == Upos::Pron {
                let Some(number) = pronoun(s, counted) else {
                    continue;
                };
                let own = (!subject).then(|| clause_subject(s, w, &number)).flatten();
                let list = match number {
                    Number::Singular => &mut self.singular,
                    Number::Plural => &mut self.plural,
                    Number::Neuter => &mut self.neuter,
                };
                if let Some(actors) = own.or_else(|| antecedent(list, now, depth)) {
                    resolved.insert(w, actors.clone());
                    if subject {
                        list.push(Candidate {
                            sentence: now,
                            depth,
                            actors,
                        });
                    }
                }
                continue;
            }
            // "JEFFREY TOOBIN, CNN SENIOR LEGAL ANALYST: …": a
            // transcript's speaker label says who talks, not of whom.
            if !subject || s.in_capitals(w) {
                continue;
            }
            let actors = participants(s, w);
            if actors.is_empty() {
                continue;
            }
            let candidate = Candidate {
                sentence: now,
                depth,
                actors,
            };
            // "Protesters", "Britain and France"; a person's name ("Hosni
            // Mubarak", not a country or a body of the gazetteer).
            if plural(s, w) {
                self.plural.push(candidate);
            } else if person(s, w) {
                self.singular.push(candidate);
            } else if matches!(s.xpos(w), "NN" | "NNP") && names_itself(s, w, &candidate.actors) {
                // "Egypt", "the army": a country or a body, not a person.
                self.neuter.push(candidate);
            }
        }
        resolved
    }

    /// "I" and "we" (and "my", "our") inside the quotation marks of
    /// sentence `now` stand for the speaker: the subject of the verb of
    /// saying outside them nearest to the quotation, else (a quotation
    /// running on, or opening right after one whose speaker was named)
    /// the speaker of the sentence before. Adds them to `resolved` and
    /// keeps the speaker for the next sentence.
    fn first_persons(
        &mut self,
        s: &Sent<'_, '_, '_>,
        now: usize,
        resolved: &mut HashMap<usize, Vec<Actor>>,
    ) {
        let inside = quoted(s);
        let last = self.speaker.take().filter(|(at, _)| at + 1 == now);
        let Some(quote) = inside.iter().position(|&q| q) else {
            return;
        };
        let frames = Frames::shipped();
        let sayer = (0..s.len())
            .filter(|&v| {
                !inside[v]
                    && s.upos(v) == Upos::Verb
                    && frames.reporting.contains(&*s.lower_lemma(v))
            })
            .min_by_key(|&v| v.abs_diff(quote));
        let speaker = match sayer {
            // Who that is, if the parse and the pronouns tell.
            Some(v) => speaker_of(s, v, &inside).map_or_else(Vec::new, |w| {
                resolved
                    .get(&w)
                    .cloned()
                    .unwrap_or_else(|| participants(s, w))
            }),
            None => last.map(|(_, a)| a).unwrap_or_default(),
        };
        if speaker.is_empty() {
            return;
        }
        for (w, &quoted) in inside.iter().enumerate() {
            let first = matches!(s.toks[w].lower.as_str(), "i" | "we" | "my" | "our");
            if quoted && first && s.upos(w) == Upos::Pron {
                resolved.insert(w, speaker.clone());
            }
        }
        self.speaker = Some((now, speaker));
    }
}

/// Who says what verb of saying `v` introduces, outside the quotation
/// marks: its subject, or the name after it where a quotation inverts
/// them ("…," said CNN's Tony Maddox), which the parse may read as an
/// object. A pronoun is who it stands for, if anyone.
fn speaker_of(s: &Sent<'_, '_, '_>, v: usize, inside: &[bool]) -> Option<usize> {
    let inverted = || {
        s.children(v)
            .filter(|&c| c > v && matches!(s.rel(c), "obj" | "nsubj"))
            .find(|&c| names_people(s, c))
    };
    subject_of(s, v).or_else(inverted).filter(|&w| !inside[w])
}

/// Which words of a sentence lie inside quotation marks: each mark opens
/// or closes in turn; a sentence whose first mark the tagger reads as
/// closing ('') began inside a quotation. (The tagger's reading of each
/// mark is not trusted beyond the first: a straight `"` closing a
/// quotation is often tagged as opening one.)
pub fn quoted(s: &Sent<'_, '_, '_>) -> Vec<bool> {
    let marks = |w: usize| s.upos(w) == Upos::Punct && matches!(s.xpos(w), "``" | "''");
    let mut inside = (0..s.len())
        .find(|&w| marks(w))
        .is_some_and(|w| s.xpos(w) == "''");
    (0..s.len())
        .map(|w| {
            if marks(w) {
                inside = !inside;
                false
            } else {
                inside
            }
        })
        .collect()
}

/// The subject of the clause whose object holds possessive pronoun `w`,
/// when it comes before it, names someone and agrees with it: "the
/// cabinet handed in their resignations", "Egypt recalled its
/// ambassador", "Mubarak fired his cabinet".
fn clause_subject(s: &Sent<'_, '_, '_>, w: usize, number: &Number) -> Option<Vec<Actor>> {
    let mut k = s.head(w)?;
    for _ in 0..s.len() {
        if s.upos(k) == Upos::Verb {
            break;
        }
        if !matches!(s.rel(k), "obj" | "obl" | "nmod" | "iobj" | "xcomp") {
            return None;
        }
        k = s.head(k)?;
    }
    let subj = subject_of(s, k).filter(|&x| x < w && s.upos(x) != Upos::Pron)?;
    let agrees = match number {
        Number::Singular => person(s, subj),
        // "the cabinet … their": a body is many people.
        Number::Plural => plural(s, subj) || s.xpos(subj) == "NN",
        Number::Neuter => !plural(s, subj) && !person(s, subj),
    };
    let actors = participants(s, subj);
    (agrees && !actors.is_empty()).then_some(actors)
}

/// Whether subject `w` names many: a plural ("protesters", "the
/// Islamists") or a conjunction ("Britain and France").
fn plural(s: &Sent<'_, '_, '_>, w: usize) -> bool {
    matches!(s.xpos(w), "NNS" | "NNPS") || !s.children_by(w, &["conj"]).is_empty()
}

/// Whether subject `w` names one person: a proper noun the gazetteer
/// knows as a person or not at all ("Hosni Mubarak", not "Egypt"), or a
/// common noun a person's name is in apposition to ("the judge, Roger
/// Vinson").
fn person(s: &Sent<'_, '_, '_>, w: usize) -> bool {
    match s.xpos(w) {
        "NNP" => s.mention_of[w].is_none_or(|m| s.mentions[m].entry.person),
        "NN" => s
            .children_by(w, &["appos"])
            .into_iter()
            .any(|a| s.xpos(a) == "NNP" && person(s, a)),
        _ => false,
    }
}

/// Whom a pronoun `depth` clauses deep in sentence `now` stands for: in
/// its own sentence, the last subject no deeper than itself ("Obama noted
/// that Mubarak had helped, but he said he had pushed the leader": both
/// are Obama, not Mubarak, who is only talked about in what Obama noted);
/// else the last of the least deep subjects of the sentence before.
fn antecedent(list: &[Candidate], now: usize, depth: usize) -> Option<Vec<Actor>> {
    let here = list
        .iter()
        .rev()
        .find(|c| c.sentence == now && c.depth <= depth);
    let before = || {
        list.iter()
            .rev()
            .filter(|c| c.sentence + 1 == now)
            .min_by_key(|c| c.depth)
    };
    here.or_else(before).map(|c| c.actors.clone())
}

/// How many clauses down word `w` sits: the complements, adverbial
/// clauses and clausal modifiers between it and the root.
fn clause_depth(s: &Sent<'_, '_, '_>, w: usize) -> usize {
    let mut depth = 0;
    let mut k = w;
    for _ in 0..s.len() {
        if matches!(s.rel(k), "ccomp" | "advcl" | "acl" | "csubj") {
            depth += 1;
        }
        match s.head(k) {
            Some(h) => k = h,
            None => break,
        }
    }
    depth
}

/// Whether the actors a subject names come from its own word ("the
/// army", "Egypt"), not from a modifier ("a member of Norway's
/// parliament" is not Norway, for an "it" after it).
fn names_itself(s: &Sent<'_, '_, '_>, w: usize, actors: &[Actor]) -> bool {
    let word = &s.toks[w].lower;
    actors
        .iter()
        .any(|a| a.name.to_lowercase().contains(word.as_str()))
}

/// The number of a personal subject or possessive pronoun (or of the
/// pronoun a subject counts, "most of them"), or none for any other.
fn pronoun(s: &Sent<'_, '_, '_>, w: usize) -> Option<Number> {
    match s.toks[w].lower.as_str() {
        "he" | "she" | "his" | "her" => Some(Number::Singular),
        "they" | "their" | "them" => Some(Number::Plural),
        "it" | "its" => Some(Number::Neuter),
        _ => None,
    }
}
