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
//! had helped, but he said…": he is Obama).

use std::collections::HashMap;

use super::roles::participants;
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
    /// Sentences read.
    read: usize,
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
    /// Reads sentence `s` in order: each subject pronoun gets the actors
    /// of the last named subject before it that agrees with it, and each
    /// named subject (and each pronoun resolved) becomes one later
    /// pronouns may stand for. Returns the pronouns resolved, by word.
    pub fn read(&mut self, s: &Sent<'_, '_, '_>) -> HashMap<usize, Vec<Actor>> {
        let mut resolved = HashMap::new();
        let now = self.read;
        self.read += 1;
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
            if s.upos(w) == Upos::Pron {
                let list = match pronoun(s, w) {
                    Some(Number::Singular) => &mut self.singular,
                    Some(Number::Plural) => &mut self.plural,
                    Some(Number::Neuter) => &mut self.neuter,
                    None => continue,
                };
                if let Some(actors) = antecedent(list, now, depth) {
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
            if !subject {
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
            let conj = !s.children_by(w, &["conj"]).is_empty();
            if conj || s.xpos(w) == "NNS" {
                self.plural.push(candidate);
            } else if s.xpos(w) == "NNP"
                && s.mention_of[w].is_none_or(|m| s.mentions[m].entry.person)
            {
                self.singular.push(candidate);
            } else if matches!(s.xpos(w), "NN" | "NNP") && names_itself(s, w, &candidate.actors) {
                // "Egypt", "the army": a country or a body, not a person.
                self.neuter.push(candidate);
            }
        }
        resolved
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

/// The number of a personal subject or possessive pronoun, or none for
/// any other.
fn pronoun(s: &Sent<'_, '_, '_>, w: usize) -> Option<Number> {
    match s.toks[w].lower.as_str() {
        "he" | "she" | "his" | "her" => Some(Number::Singular),
        "they" | "their" => Some(Number::Plural),
        "it" | "its" => Some(Number::Neuter),
        _ => None,
    }
}
