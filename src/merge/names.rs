//! Who a report names, as merging compares them: the participants written
//! as proper names, by role (actor or target), each a strong or a weak
//! anchor. A person or body ("Hosni Mubarak", "Muslim Brotherhood") is
//! specific to few happenings; a country as a whole ("Egypt", "United
//! States") is a participant of most reports of its topic, so it is weak:
//! it joins two reports only with the evidence asked of reports that name
//! nobody. Which names are countries the actor dictionaries say: the
//! gazetteer's actors of kind `country` and the Phoenix records coded as a
//! bare country (`EGY`).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::extract::{Actors, Lexicon};
use crate::model::Actor;

/// True when `name` (any case) is a country as a whole in the shipped
/// dictionaries.
pub fn is_country(name: &str) -> bool {
    static COUNTRIES: OnceLock<HashSet<String>> = OnceLock::new();
    COUNTRIES
        .get_or_init(|| {
            let phoenix = Actors::shipped().countries().map(str::to_lowercase);
            let gazetteer = Lexicon::shipped().countries().map(str::to_string);
            phoenix.chain(gazetteer).collect()
        })
        .contains(&name.to_lowercase())
}

/// The names of `actors` written as proper names (capitalised: "Hosni
/// Mubarak", "Tunisia"), not groups or roles as common nouns name them
/// ("protesters", "government", "police"), which any report of the topic
/// may share and so tell no happening from another.
pub fn named(actors: &[Actor]) -> impl Iterator<Item = &str> {
    actors
        .iter()
        .map(|a| a.name.as_str())
        .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
}

/// The named participants of one side (actors or targets): hashed stems
/// of the words of every name, and of those of the names that are no
/// country, each sorted without repeats.
#[derive(Debug, Clone, Default)]
pub struct Side {
    pub all: Vec<u64>,
    pub strong: Vec<u64>,
}

impl Side {
    /// A side that names nobody.
    pub const EMPTY: Side = Side {
        all: Vec::new(),
        strong: Vec::new(),
    };

    /// The named participants among `actors`, each name cut into stems
    /// by `stems`.
    pub fn of(actors: &[Actor], stems: impl Fn(&str) -> Vec<u64>) -> Side {
        let mut side = Side::default();
        for name in named(actors) {
            let words = stems(name);
            if !is_country(name) {
                side.strong.extend(&words);
            }
            side.all.extend(words);
        }
        for v in [&mut side.all, &mut side.strong] {
            v.sort_unstable();
            v.dedup();
        }
        side
    }

    /// Both sides as one.
    pub fn union(a: &Side, b: &Side) -> Side {
        let join = |x: &[u64], y: &[u64]| {
            let mut v: Vec<u64> = x.iter().chain(y).copied().collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        Side {
            all: join(&a.all, &b.all),
            strong: join(&a.strong, &b.strong),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_country;

    #[test]
    fn countries_are_what_the_dictionaries_code_as_a_whole_country() {
        // The gazetteer's kind = "country", its name and aliases.
        assert!(is_country("Egypt"));
        assert!(is_country("egyptians"));
        assert!(is_country("United States"));
        // A Phoenix record coded as a bare country (SUN), not in the gazetteer.
        assert!(is_country("Soviet Union"));
        // People and bodies are not, nor is a country's body (USAMIL).
        assert!(!is_country("Hosni Mubarak"));
        assert!(!is_country("United States Military"));
        assert!(!is_country("Muslim Brotherhood"));
    }
}
