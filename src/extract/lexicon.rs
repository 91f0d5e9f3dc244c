//! The extractor's data: trigger phrases by event kind and the gazetteer of
//! actors and places. Shipped as TOML beside this
//! file; users add their own with `--lexicon FILE` (same tables).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::OnceLock;

use serde::Deserialize;

use super::tokens::{words as phrase_words, Tok};
use super::ExtractError;
use crate::error::{Diagnostic, Error, Result};
use crate::model::Kind;
use crate::text::WordMap;

/// A phrase as lowercase words; a word ending in `*` is a stem, which
/// matches itself with one of the lexicon's [`Endings`].
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    words: Vec<String>,
}

/// What a stem's `*` stands for (`[stems] endings` of `triggers.toml`):
/// the endings of the stem's inflections and of the nouns of its act
/// ("accus*": accuse, accused, accusing, accusation), not of other words
/// that share its letters ("eas*" is not "east", "ban*" not "banker") nor
/// of its doers ("protesters"). A consonant at the end of a stem may be
/// doubled before an ending that opens with a vowel ("banned",
/// "kidnapping", "patrolled").
#[derive(Debug, Clone, Default)]
pub(crate) struct Endings {
    endings: HashSet<String>,
}

impl Endings {
    /// Whether `word` (lower case) is `stem` with one of the endings.
    pub fn fit(&self, stem: &str, word: &str) -> bool {
        let Some(rest) = word.strip_prefix(stem) else {
            return false;
        };
        self.endings.contains(rest) || self.doubled(stem, rest)
    }

    /// "Banned": the stem's last consonant doubled before an ending that
    /// opens with a vowel.
    fn doubled(&self, stem: &str, rest: &str) -> bool {
        let vowel = |c: char| "aeiouy".contains(c);
        let Some(last) = stem.chars().last().filter(|&c| !vowel(c)) else {
            return false;
        };
        rest.strip_prefix(last)
            .is_some_and(|r| r.starts_with(vowel) && self.endings.contains(r))
    }
}

impl Phrase {
    fn new(text: &str) -> Phrase {
        // The tokenizer splits "accus*" into "accus" and "*": join them back.
        let mut words: Vec<String> = Vec::new();
        for t in phrase_words(text) {
            match (t.lower.as_str(), words.last_mut()) {
                ("*", Some(last)) => last.push('*'),
                _ => words.push(t.lower),
            }
        }
        Phrase { words }
    }

    /// How many tokens the phrase covers at `i`, if it matches there.
    fn match_at(&self, toks: &[Tok], i: usize, endings: &Endings) -> Option<usize> {
        for (k, w) in self.words.iter().enumerate() {
            let t = toks.get(i + k)?;
            let ok = match w.strip_suffix('*') {
                Some(stem) => endings.fit(stem, &t.lower),
                None => t.lower == *w,
            };
            if !ok {
                return None;
            }
        }
        Some(self.words.len())
    }

    fn first(&self) -> &str {
        self.words.first().map_or("", |w| w.trim_end_matches('*'))
    }
}

/// Phrases indexed by the first letters of their first word, so that a
/// sentence is matched with one lookup per token (a short key, hashed with
/// the text layer's word hasher rather than SipHash), against the token's
/// lowercase form made once when it was read.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet<T> {
    by_start: WordMap<Vec<(Phrase, T)>>,
    /// What the stems of its phrases stand for.
    endings: Endings,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> PhraseSet<T> {
        PhraseSet {
            by_start: WordMap::default(),
            endings: Endings::default(),
        }
    }
}

impl<T: Clone> PhraseSet<T> {
    /// The first three characters of a word: the index key.
    fn key(word: &str) -> &str {
        word.char_indices().nth(3).map_or(word, |(i, _)| &word[..i])
    }

    fn add(&mut self, text: &str, value: T) {
        let p = Phrase::new(text);
        if p.words.is_empty() {
            return;
        }
        let k = Self::key(p.first()).to_string();
        let list = self.by_start.entry(k).or_default();
        list.push((p, value));
        // Longest phrases first, so the first match is the longest.
        list.sort_by_key(|(p, _)| std::cmp::Reverse(p.words.len()));
    }

    /// The values of the one-word phrases that match `word` (lower case).
    fn of_word<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'a T> + 'a {
        self.by_start
            .get(Self::key(word))
            .into_iter()
            .flatten()
            .filter(move |(p, _)| match p.words.as_slice() {
                [w] => w
                    .strip_suffix('*')
                    .map_or(w == word, |s| self.endings.fit(s, word)),
                _ => false,
            })
            .map(|(_, v)| v)
    }

    /// The longest phrase matching at `i`: its length and value.
    pub fn longest_at(&self, toks: &[Tok], i: usize) -> Option<(usize, &T)> {
        let list = self.by_start.get(Self::key(&toks.get(i)?.lower))?;
        list.iter()
            .find_map(|(p, v)| p.match_at(toks, i, &self.endings).map(|n| (n, v)))
    }
}

/// An actor or place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Name as printed.
    pub name: String,
    /// ISO alpha-3 code, or empty.
    pub country: String,
    /// True for places (and capitals when used after in/at/near).
    pub place: bool,
    /// The country a capital stands for, when it acts ("Washington said").
    pub capital_of: Option<(String, String)>,
    /// True for an actor of kind `person` ("he" may stand for it).
    pub person: bool,
    /// True for an actor of kind `country`: a state and its people, not
    /// one of its bodies.
    pub nation: bool,
}

/// Everything the extractor looks words up in.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Event triggers.
    pub(crate) triggers: PhraseSet<Kind>,
    /// Actors and places; the match is case-sensitive for all-capital
    /// aliases (US, UN) and needs a capital for names.
    pub(crate) gazetteer: PhraseSet<(Entry, bool)>,
    /// The names and aliases of actors of kind `country`, lower case.
    countries: HashSet<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    kinds: HashMap<Kind, Vec<String>>,
    #[serde(default)]
    actor: Vec<ActorRow>,
    #[serde(default)]
    place: Vec<PlaceRow>,
    #[serde(default)]
    stems: Stems,
}

/// The `[stems]` table: the endings a trigger's `*` stands for.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Stems {
    endings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorRow {
    name: String,
    #[serde(default)]
    country: String,
    /// What the actor is (`country`, `person`, `government`…); not used in
    /// matching. A `country` is a weak anchor when merging.
    #[serde(default)]
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    capitals: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceRow {
    name: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    aliases: Vec<String>,
}

fn case_sensitive(alias: &str) -> bool {
    alias
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

impl Lexicon {
    fn add(&mut self, file: File) {
        let endings = file.stems.endings.iter().map(|e| e.to_lowercase());
        self.triggers.endings.endings.extend(endings);
        let mut kinds: Vec<_> = file.kinds.into_iter().collect();
        kinds.sort_by_key(|(k, _)| *k);
        for (kind, phrases) in kinds {
            for p in phrases {
                self.triggers.add(&p, kind);
            }
        }
        for a in file.actor {
            if a.kind == "country" {
                let names = std::iter::once(&a.name).chain(&a.aliases);
                self.countries.extend(names.map(|n| n.to_lowercase()));
            }
            let entry = Entry {
                name: a.name.clone(),
                country: a.country.clone(),
                place: false,
                capital_of: None,
                person: a.kind == "person",
                nation: a.kind == "country",
            };
            for alias in std::iter::once(&a.name).chain(&a.aliases) {
                self.gazetteer
                    .add(alias, (entry.clone(), case_sensitive(alias)));
            }
            for cap in &a.capitals {
                let e = Entry {
                    name: cap.clone(),
                    country: a.country.clone(),
                    place: true,
                    capital_of: Some((a.name.clone(), a.country.clone())),
                    person: false,
                    nation: false,
                };
                self.gazetteer.add(cap, (e, false));
            }
        }
        for p in file.place {
            let entry = Entry {
                name: p.name.clone(),
                country: p.country,
                place: true,
                capital_of: None,
                person: false,
                nation: false,
            };
            for alias in std::iter::once(&p.name).chain(&p.aliases) {
                self.gazetteer
                    .add(alias, (entry.clone(), case_sensitive(alias)));
            }
        }
    }

    /// The names and aliases, in lower case, of the actors of kind
    /// `country`: states as a whole ("egypt", "egyptians"), not people or
    /// bodies.
    pub fn countries(&self) -> impl Iterator<Item = &str> + '_ {
        self.countries.iter().map(String::as_str)
    }

    /// True when `word` (lower case) alone is a trigger of `kind`: the
    /// word that names such an act ("clashes" of an assault).
    pub(crate) fn names_act(&self, word: &str, kind: Kind) -> bool {
        self.triggers.of_word(word).any(|k| *k == kind)
    }

    /// The shipped lexicon and gazetteer, parsed once. The files are
    /// part of the program and checked by the test suite
    /// ([`Lexicon::load_shipped`] returns what is wrong with them).
    pub fn shipped() -> &'static Lexicon {
        static SHIPPED: OnceLock<Lexicon> = OnceLock::new();
        SHIPPED.get_or_init(|| crate::error::shipped(Lexicon::load_shipped()))
    }

    /// Parses the shipped lexicon and gazetteer: every problem in them,
    /// located in their source files.
    pub fn load_shipped() -> Result<Lexicon> {
        let mut lex = Lexicon::default();
        lex.extend([
            ("src/extract/triggers.toml", include_str!("triggers.toml")),
            ("src/extract/gazetteer.toml", include_str!("gazetteer.toml")),
        ])?;
        Ok(lex)
    }

    /// The shipped lexicon extended with users' files. A bad file, or a
    /// table or key the lexicon does not have, is an
    /// [`ExtractError::Lexicon`] with its position, and nothing is added.
    ///
    /// ```
    /// use annals::extract::{ExtractError, Lexicon};
    ///
    /// let dir = tempfile::tempdir()?;
    /// let path = dir.path().join("mine.toml");
    /// std::fs::write(&path, "[kinds]\nprotest = [\"sit-in*\"]\n\n[modes]\nthreatened = [\"vowed\"]\n")?;
    /// match Lexicon::with_extensions(&[path]) {
    ///     Err(annals::Error::Extract(ExtractError::Lexicon(problems))) => {
    ///         assert!(problems[0].message.contains("unknown field `modes`"));
    ///     }
    ///     other => panic!("{other:?}"),
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_extensions(paths: &[PathBuf]) -> Result<Lexicon> {
        let mut files = Vec::new();
        for path in paths {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, e))?;
            files.push((shown, text));
        }
        let mut lex = Lexicon::shipped().clone();
        lex.extend(files.iter().map(|(p, t)| (p.as_str(), t.as_str())))?;
        Ok(lex)
    }

    /// Adds the tables of each `(name, text)` file; every bad file is
    /// reported, and then nothing is added.
    fn extend<'a>(&mut self, files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<()> {
        let mut parsed = Vec::new();
        let mut problems = Vec::new();
        for (name, text) in files {
            match toml::from_str::<File>(text) {
                Ok(file) => parsed.push(file),
                Err(e) => problems.push(located(name, text, e)),
            }
        }
        if !problems.is_empty() {
            return Err(ExtractError::Lexicon(problems).into());
        }
        for file in parsed {
            self.add(file);
        }
        Ok(())
    }
}

fn located(path: &str, text: &str, e: toml::de::Error) -> Diagnostic {
    crate::error::toml_error(path, text, 0, &e, |m| format!("bad lexicon: {m}")).with_help(
        "a lexicon file may hold [kinds] (kind = [\"phrase\", ...]), [stems] (endings = [\"ed\", ...]), [[actor]] and [[place]] tables like the shipped ones; mode, reporting and causal cues are read from the parse with src/extract/frames.toml",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_files_parse() {
        if let Err(e) = Lexicon::load_shipped() {
            panic!("{e}");
        }
        assert!(Lexicon::shipped().triggers.by_start.len() > 50);
    }

    #[test]
    fn a_stem_takes_its_endings_not_other_words() {
        let triggers = &Lexicon::shipped().triggers;
        let kind = |w: &str| triggers.of_word(w).next().copied();
        for (word, k) in [
            ("eased", Some(Kind::Concede)),
            ("easing", Some(Kind::Concede)),
            ("east", None),
            ("banned", Some(Kind::Sanction)),
            ("bans", Some(Kind::Sanction)),
            ("banker", None),
            ("banding", None),
            ("kidnapping", Some(Kind::Crime)),
            ("accusation", Some(Kind::Disapprove)),
            ("rallies", Some(Kind::Protest)),
            ("protests", Some(Kind::Protest)),
            ("protesters", None),
            ("visitors", None),
            ("provider", None),
        ] {
            assert_eq!(kind(word), k, "{word}");
        }
    }

    #[test]
    fn an_unknown_table_kind_or_key_is_an_error_with_its_place() {
        let kinds = "[kinds]\nprotest = [\"rally\"]\n\n";
        for (text, line, says) in [
            (
                format!("{kinds}[modes]\nthreatened = [\"vow\"]\n"),
                4,
                "unknown field `modes`",
            ),
            (
                format!("{kinds}[links]\ncause_before = {{}}\n"),
                4,
                "unknown field `links`",
            ),
            (
                format!("{kinds}[reporting]\nwords = [\"say\"]\n"),
                4,
                "unknown field `reporting`",
            ),
            (
                format!("{kinds}[extra]\nx = 1\n"),
                4,
                "unknown field `extra`",
            ),
            (
                "[kinds]\nprotests = [\"rally\"]\n".into(),
                2,
                "unknown variant `protests`",
            ),
            (
                "[[actor]]\nname = \"X\"\nalias = [\"Y\"]\n".into(),
                3,
                "unknown field `alias`",
            ),
            (
                "[[place]]\nname = \"X\"\ncapitals = [\"Y\"]\n".into(),
                3,
                "unknown field `capitals`",
            ),
        ] {
            let mut lex = Lexicon::default();
            let Err(Error::Extract(e @ ExtractError::Lexicon(_))) =
                lex.extend([("user.toml", text.as_str())])
            else {
                panic!("not a lexicon error: {text}");
            };
            let err = e.to_string();
            assert!(err.starts_with(&format!("user.toml:{line}:")), "{err}");
            assert!(err.contains(says) && err.contains("help:"), "{err}");
            assert!(
                lex.triggers.by_start.is_empty(),
                "nothing is added from a bad file"
            );
        }
    }
}
