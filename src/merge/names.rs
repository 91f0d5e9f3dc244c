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

/// Who did an act, as far as telling two acts apart goes: the stems of
/// every actor that is no country, proper names and common nouns alike
/// ("Mahmoud Abbas", "protesters"), the countries of all of them, and
/// whether one is a proper name. Two reports of an act with a direction
/// whose parties are [`Party::distinct`] tell of different happenings,
/// however much else they share: Abbas's call to Mubarak is not the Saudi
/// king's, nor the protesters' demand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Party {
    stems: Vec<u64>,
    countries: Vec<u64>,
    named: bool,
}

impl Party {
    /// The party of `actors`, each name cut into stems by `stems`.
    pub fn of(actors: &[Actor], stems: impl Fn(&str) -> Vec<u64>) -> Party {
        let mut p = Party::default();
        for a in actors {
            let country = is_country(&a.name);
            if !country {
                p.stems.extend(stems(&a.name));
                p.named |= a.name.chars().next().is_some_and(char::is_uppercase);
            }
            // A country written without its code stands for itself.
            let code = match &a.country {
                Some(c) => c.to_uppercase(),
                None if country => a.name.to_lowercase(),
                None => continue,
            };
            p.countries.push(crate::text::hash_str(&code));
        }
        for v in [&mut p.stems, &mut p.countries] {
            v.sort_unstable();
            v.dedup();
        }
        p
    }

    /// True when the report names no actor at all.
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty() && self.countries.is_empty()
    }

    /// True when both name who acted and they cannot be one party: no
    /// word of a name in common, no country in common where one side is
    /// only a country (a country speaks for any of its people), and at
    /// least one side a proper name. Two common nouns are never distinct
    /// ("protesters", "demonstrators" may be one crowd), nor is anyone
    /// distinct from a report that names no actor.
    pub fn distinct(&self, other: &Party) -> bool {
        if self.is_empty() || other.is_empty() || !(self.named || other.named) {
            return false;
        }
        if super::similar::common(&self.stems, &other.stems) > 0 {
            return false;
        }
        let country_only = self.stems.is_empty() || other.stems.is_empty();
        !(country_only && super::similar::common(&self.countries, &other.countries) > 0)
    }

    /// Both parties as one: what a cluster of reports has named.
    pub fn union(&mut self, other: &Party) {
        for (mine, theirs) in [
            (&mut self.stems, &other.stems),
            (&mut self.countries, &other.countries),
        ] {
            mine.extend(theirs);
            mine.sort_unstable();
            mine.dedup();
        }
        self.named |= other.named;
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
