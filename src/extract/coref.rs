//! Subject pronouns to the last named subject before them: "Mubarak
//! addressed the nation on Thursday. He said he would not step down": he
//! is Mubarak; "Thousands of protesters gathered in Tahrir Square. They
//! chanted slogans": they are the protesters.
//!
//! What a reader does without thinking, kept simple and general: "he" and
//! "she" stand for the last subject that is a person's name (a proper
//! noun the gazetteer knows as a person or not at all: "Egypt … he" is
//! nobody), "they" for the last plural one ("protesters",
//! "Britain and France"); "it" is left alone, as it is as often about
//! nothing ("it is unclear"). The subject must be earlier in the same
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
        for w in 0..s.len() {
            if !matches!(s.rel(w), "nsubj") {
                continue;
            }
            let depth = clause_depth(s, w);
            if s.upos(w) == Upos::Pron {
                let list = match pronoun(s, w) {
                    Some(Number::Singular) => &mut self.singular,
                    Some(Number::Plural) => &mut self.plural,
                    None => continue,
                };
                if let Some(actors) = antecedent(list, now, depth) {
                    resolved.insert(w, actors.clone());
                    list.push(Candidate {
                        sentence: now,
                        depth,
                        actors,
                    });
                }
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

/// The number of a personal subject pronoun, or none for any other.
fn pronoun(s: &Sent<'_, '_, '_>, w: usize) -> Option<Number> {
    match s.toks[w].lower.as_str() {
        "he" | "she" => Some(Number::Singular),
        "they" => Some(Number::Plural),
        _ => None,
    }
}
