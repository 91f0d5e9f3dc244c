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

use std::collections::HashMap;

use super::roles::participants;
use super::sentence::Sent;
use crate::model::Actor;
use crate::text::Upos;

/// The last named subjects of a document, singular and plural, each with
/// the number of the sentence it was read in.
#[derive(Debug, Default)]
pub struct Antecedents {
    singular: Option<(usize, Vec<Actor>)>,
    plural: Option<(usize, Vec<Actor>)>,
    /// Sentences read.
    read: usize,
}

/// Whom a pronoun may stand for.
enum Number {
    Singular,
    Plural,
}

impl Antecedents {
    /// Reads sentence `s` in order: each subject pronoun gets the actors
    /// of the last named subject before it that agrees with it, and each
    /// named subject becomes the one later pronouns stand for. Returns the
    /// pronouns resolved, by word.
    pub fn read(&mut self, s: &Sent<'_, '_, '_>) -> HashMap<usize, Vec<Actor>> {
        let mut resolved = HashMap::new();
        let now = self.read;
        self.read += 1;
        // A subject stands for pronouns in its own sentence and the next.
        let near = |a: &Option<(usize, Vec<Actor>)>| {
            a.as_ref()
                .filter(|(at, _)| at + 1 >= now)
                .map(|(_, actors)| actors.clone())
        };
        for w in 0..s.len() {
            if !matches!(s.rel(w), "nsubj") {
                continue;
            }
            if s.upos(w) == Upos::Pron {
                let found = match pronoun(s, w) {
                    Some(Number::Singular) => near(&self.singular),
                    Some(Number::Plural) => near(&self.plural),
                    None => None,
                };
                if let Some(actors) = found {
                    resolved.insert(w, actors);
                }
                continue;
            }
            let actors = participants(s, w);
            if actors.is_empty() {
                continue;
            }
            // "Protesters", "Britain and France"; a person's name ("Hosni
            // Mubarak", not a country or a body of the gazetteer).
            let conj = !s.children_by(w, &["conj"]).is_empty();
            if conj || s.xpos(w) == "NNS" {
                self.plural = Some((now, actors));
            } else if s.xpos(w) == "NNP"
                && s.mention_of[w].is_none_or(|m| s.mentions[m].entry.person)
            {
                self.singular = Some((now, actors));
            }
        }
        resolved
    }
}

/// The number of a personal subject pronoun, or none for any other.
fn pronoun(s: &Sent<'_, '_, '_>, w: usize) -> Option<Number> {
    match s.toks[w].lower.as_str() {
        "he" | "she" => Some(Number::Singular),
        "they" => Some(Number::Plural),
        _ => None,
    }
}
