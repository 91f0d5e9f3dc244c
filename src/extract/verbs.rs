//! The CAMEO verb dictionary of PETRARCH/Phoenix (`verbs.tsv`, compiled by
//! `scripts/compile_verbs.py` from `CAMEO.2.0.txt`, MIT, Open Event Data
//! Alliance): verbs grouped in synonym blocks, each with a default CAMEO
//! code, and patterns of words around the verb that choose a more
//! specific code ("* SANCTIONS" after "impose"). The extractor matches a
//! pattern's words against the lemmas and forms of the verb's dependents in
//! the parse, and maps the code to a kind through `kinds.toml`.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::ExtractError;
use crate::error::{Diagnostic, Location, Result};
use crate::model::Kind;

/// One pattern: words before and after the verb, and the code it gives.
#[derive(Debug, Clone)]
struct Pattern {
    pre: Vec<Piece>,
    post: Vec<Piece>,
    code: String,
}

/// A pattern word: a word, a phrase of adjacent words, or a synonym set;
/// with the words any match of it starts with ([`Verbs::parse`] fills
/// them in once the sets are known).
#[derive(Debug, Clone)]
struct Piece {
    words: Words,
    first: Bloom,
}

/// What a piece matches.
#[derive(Debug, Clone)]
enum Words {
    Phrase(Vec<String>),
    Set(String),
}

/// A set of words as 256 bits, one chosen by each word's hash: a word
/// whose bit is clear is not in the set. A pattern whose first words
/// have no bit among those of the words around a verb cannot match, and
/// most patterns of a verb are ruled out so, without comparing words.
#[derive(Debug, Clone, Copy, Default)]
struct Bloom([u64; 4]);

impl Bloom {
    fn insert(&mut self, word: &str) {
        let h = crate::text::hash_str(word);
        self.0[(h >> 6 & 3) as usize] |= 1 << (h & 63);
    }

    fn meets(&self, other: &Bloom) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }
}

/// The compiled dictionary.
#[derive(Debug, Default)]
pub struct Verbs {
    /// Lemma → (default code, block).
    verbs: HashMap<String, Vec<(Option<String>, usize)>>,
    /// Block → patterns.
    patterns: Vec<Vec<Pattern>>,
    /// Synonym set → member phrases (lower case words).
    sets: HashMap<String, Vec<Vec<String>>>,
}

/// The words around a verb, as the matcher sees them: lower-case forms and
/// lemmas, in text order, split at the verb.
pub struct Around<'a> {
    /// Before the verb.
    pub before: &'a [(&'a str, &'a str)],
    /// After the verb.
    pub after: &'a [(&'a str, &'a str)],
}

impl Verbs {
    /// The shipped dictionary, parsed once.
    pub fn shipped() -> &'static Verbs {
        static VERBS: OnceLock<Verbs> = OnceLock::new();
        VERBS.get_or_init(|| crate::error::shipped(Verbs::load_shipped()))
    }

    /// Parses the shipped dictionary: what is wrong with it, located.
    pub fn load_shipped() -> Result<Verbs> {
        Verbs::parse(include_str!("verbs.tsv"), "src/extract/verbs.tsv")
    }

    /// Parses the tab-separated table; an unknown or short line is an
    /// error naming its line.
    pub fn parse(text: &str, path: &str) -> Result<Verbs> {
        let mut v = Verbs::default();
        let mut blocks: HashMap<String, usize> = HashMap::new();
        let mut block_of = |name: &str, patterns: &mut Vec<Vec<Pattern>>| {
            *blocks.entry(name.to_string()).or_insert_with(|| {
                patterns.push(Vec::new());
                patterns.len() - 1
            })
        };
        for (n, line) in text.lines().enumerate() {
            let f: Vec<&str> = line.split('\t').collect();
            let bad = || {
                ExtractError::Lexicon(vec![Diagnostic::error(
                    Some(Location::File {
                        path: path.to_string(),
                        line: n + 1,
                        column: 1,
                    }),
                    format!("cannot read `{line}`"),
                )
                .with_help("lines are `synset NAME a|b`, `verb LEMMA CODE BLOCK` or `pattern BLOCK PRE POST CODE`, tab-separated")])
            };
            match f.as_slice() {
                ["synset", name, members] => {
                    let list = members
                        .split('|')
                        .map(|m| m.split(' ').map(str::to_string).collect())
                        .collect();
                    v.sets.insert(name.to_string(), list);
                }
                ["verb", lemma, code, block] => {
                    let b = block_of(block, &mut v.patterns);
                    let code = (*code != "---").then(|| code.to_string());
                    v.verbs
                        .entry(lemma.to_string())
                        .or_default()
                        .push((code, b));
                }
                ["pattern", block, pre, post, code] => {
                    let b = block_of(block, &mut v.patterns);
                    v.patterns[b].push(Pattern {
                        pre: pieces(pre),
                        post: pieces(post),
                        code: code.to_string(),
                    });
                }
                [""] => {}
                _ => return Err(bad().into()),
            }
        }
        v.fill_firsts();
        Ok(v)
    }

    /// Fills in the words each piece's matches start with (see [`Bloom`]).
    fn fill_firsts(&mut self) {
        let sets = &self.sets;
        for piece in self
            .patterns
            .iter_mut()
            .flatten()
            .flat_map(|p| p.pre.iter_mut().chain(p.post.iter_mut()))
        {
            // An empty phrase would match anywhere: it rules nothing out.
            let firsts: Vec<Option<&String>> = match &piece.words {
                Words::Phrase(phrase) => vec![phrase.first()],
                Words::Set(name) => sets
                    .get(name)
                    .into_iter()
                    .flatten()
                    .map(|m| m.first())
                    .collect(),
            };
            for first in firsts {
                match first {
                    Some(w) => piece.first.insert(w),
                    None => piece.first = Bloom([u64::MAX; 4]),
                }
            }
        }
    }

    /// Whether the dictionary has `lemma` as a verb.
    pub fn knows(&self, lemma: &str) -> bool {
        self.verbs.contains_key(lemma)
    }

    /// The CAMEO code of a verb with the words around it: the pattern that
    /// matches the most words, else the verb's default code.
    pub fn code(&self, lemma: &str, around: &Around<'_>) -> Option<&str> {
        let entries = self.verbs.get(lemma)?;
        let bloom = |words: &[(&str, &str)]| {
            let mut b = Bloom::default();
            for (form, lemma) in words {
                b.insert(form);
                b.insert(lemma);
            }
            b
        };
        let near = [bloom(around.before), bloom(around.after)];
        let mut best: Option<(usize, &str)> = None;
        for (k, (_, block)) in entries.iter().enumerate() {
            // A block listed twice matches nothing new.
            if entries[..k].iter().any(|(_, b)| b == block) {
                continue;
            }
            for p in &self.patterns[*block] {
                let Some(weight) = self.matches(p, around, &near) else {
                    continue;
                };
                if best.is_none_or(|(w, _)| weight > w) {
                    best = Some((weight, p.code.as_str()));
                }
            }
        }
        best.map(|(_, c)| c)
            .or_else(|| entries.iter().find_map(|(c, _)| c.as_deref()))
    }

    /// How many words a pattern matches, if all of its pieces are found;
    /// `near` has the words before and after the verb.
    fn matches(&self, p: &Pattern, around: &Around<'_>, near: &[Bloom; 2]) -> Option<usize> {
        if p.pre.is_empty() && p.post.is_empty() {
            return None;
        }
        let could = |pieces: &[Piece], near: &Bloom| pieces.iter().all(|x| x.first.meets(near));
        if !(could(&p.pre, &near[0]) && could(&p.post, &near[1])) {
            return None;
        }
        let mut n = 0;
        for piece in &p.pre {
            n += self.find(piece, around.before)?;
        }
        for piece in &p.post {
            n += self.find(piece, around.after)?;
        }
        Some(n)
    }

    fn find(&self, piece: &Piece, words: &[(&str, &str)]) -> Option<usize> {
        let phrase_at = |phrase: &[String], i: usize| {
            phrase.iter().enumerate().all(|(k, w)| {
                words
                    .get(i + k)
                    .is_some_and(|(form, lemma)| *form == w || *lemma == w)
            })
        };
        let any = |phrase: &[String]| (0..words.len()).any(|i| phrase_at(phrase, i));
        match &piece.words {
            Words::Phrase(phrase) => any(phrase).then_some(phrase.len()),
            Words::Set(name) => self.sets.get(name)?.iter().find(|m| any(m)).map(Vec::len),
        }
    }
}

fn pieces(field: &str) -> Vec<Piece> {
    field
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| Piece {
            words: match w.strip_prefix('&') {
                Some(set) => Words::Set(set.trim_end_matches('_').to_string()),
                None => Words::Phrase(w.split('_').map(str::to_string).collect()),
            },
            first: Bloom::default(),
        })
        .collect()
}

/// The kind of a CAMEO code: the kind whose listed code is the longest
/// prefix of it (`0874` is a retreat, `08` a concession).
pub fn kind_of_code(code: &str) -> Option<Kind> {
    let mut best: Option<(usize, Kind)> = None;
    for (kind, info) in Kind::ALL.iter().zip(crate::model::kind_table()) {
        for c in &info.cameo {
            if code.starts_with(c.as_str()) && best.is_none_or(|(n, _)| c.len() > n) {
                best = Some((c.len(), *kind));
            }
        }
    }
    best.map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses() {
        let v = Verbs::parse(include_str!("verbs.tsv"), "verbs.tsv").unwrap();
        assert!(v.verbs.len() > 1000);
    }

    /// The filter of first words never rules out a pattern whose words are
    /// all there: each pattern of the shipped table matches the words it
    /// names (a set by its first member), as forms or as lemmas.
    #[test]
    fn every_pattern_matches_its_own_words() {
        let v = Verbs::shipped();
        let words = |pieces: &[Piece]| -> Vec<String> {
            pieces
                .iter()
                .flat_map(|piece| match &piece.words {
                    Words::Phrase(phrase) => phrase.clone(),
                    Words::Set(name) => v
                        .sets
                        .get(name)
                        .and_then(|m| m.first())
                        .cloned()
                        .unwrap_or_default(),
                })
                .collect()
        };
        let mut checked = 0;
        for p in v.patterns.iter().flatten() {
            let (pre, post) = (words(&p.pre), words(&p.post));
            for as_lemma in [false, true] {
                fn pair(w: &str, as_lemma: bool) -> (&str, &str) {
                    if as_lemma {
                        ("", w)
                    } else {
                        (w, "")
                    }
                }
                let before: Vec<(&str, &str)> = pre.iter().map(|w| pair(w, as_lemma)).collect();
                let after: Vec<(&str, &str)> = post.iter().map(|w| pair(w, as_lemma)).collect();
                let around = Around {
                    before: &before,
                    after: &after,
                };
                let mut near = [Bloom::default(); 2];
                for (b, side) in near.iter_mut().zip([&before, &after]) {
                    side.iter().for_each(|(f, l)| {
                        b.insert(f);
                        b.insert(l);
                    });
                }
                let unknown_set = |ps: &[Piece]| {
                    ps.iter()
                        .any(|x| matches!(&x.words, Words::Set(n) if !v.sets.contains_key(n)))
                };
                if p.pre.is_empty() && p.post.is_empty()
                    || unknown_set(&p.pre)
                    || unknown_set(&p.post)
                {
                    continue;
                }
                assert!(
                    v.matches(p, &around, &near).is_some(),
                    "{:?} {:?}",
                    pre,
                    post
                );
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn a_bad_line_is_located() {
        let err = Verbs::parse("verb\tattack\t190\tx\nnonsense\n", "v.tsv").unwrap_err();
        assert!(err.to_string().contains("v.tsv:2"), "{err}");
    }

    #[test]
    fn codes_map_to_kinds_by_longest_prefix() {
        assert_eq!(kind_of_code("0874"), Some(Kind::Retreat));
        assert_eq!(kind_of_code("081"), Some(Kind::Concede));
        assert_eq!(kind_of_code("190"), Some(Kind::Assault));
        assert_eq!(kind_of_code("163"), Some(Kind::Sanction));
    }

    #[test]
    fn a_pattern_chooses_a_more_specific_code() {
        let v = Verbs::shipped();
        let none = Around {
            before: &[],
            after: &[],
        };
        assert_eq!(v.code("attack", &none), Some("190"));
        let after = [("sanctions", "sanction")];
        let around = Around {
            before: &[],
            after: &after,
        };
        let code = v.code("impose", &around).unwrap();
        assert_eq!(kind_of_code(code), Some(Kind::Sanction), "{code}");
    }
}
