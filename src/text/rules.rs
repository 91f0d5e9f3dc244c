//! The tokenizer's data, read once from `rules.toml` beside this file.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::Deserialize;

use super::perceptron::{fnv, FNV_START};

use crate::error::Diagnostic;
use crate::error::{toml_error, FileLines};

/// How an abbreviation's dot behaves at the end of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbrev {
    /// Before a name or number ("Dr.", "Sept."): never ends a sentence.
    Before,
    /// May end one when a sentence starter follows ("Inc.", "etc.").
    After,
    /// An abbreviation only before a number ("No. 5").
    Numeric,
}

/// FNV-1a (`perceptron::fnv`, the text layer's one copy): the lists hold short
/// words, looked up once per word or less, where the default hasher's
/// setup costs more than the hashing.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(FNV_START)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(self.0, bytes);
    }
}

type Set = HashSet<String, BuildHasherDefault<Fnv>>;
/// A map keyed by short words, for lookups once per token.
pub type Map<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// The tokenizer's word lists.
#[derive(Debug)]
pub struct Rules {
    abbreviations: Map<Abbrev>,
    starters: Set,
    hyphen_prefixes: Set,
    clitics: Set,
    splits: Map<usize>,
    /// The last letters of the words of `splits`, to skip most lookups.
    split_ends: Vec<u8>,
    number_suffixes: Set,
    emoticons: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    abbreviations: Abbreviations,
    hyphens: Hyphens,
    clitics: Clitics,
    numbers: Numbers,
    emoticons: Emoticons,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Emoticons {
    whole: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Abbreviations {
    before: Vec<String>,
    after: Vec<String>,
    numeric: Vec<String>,
    sentence_starters: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Hyphens {
    join_after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Clitics {
    after_apostrophe: Vec<String>,
    split: HashMap<String, usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Numbers {
    joined_suffixes: Vec<String>,
}

const SHIPPED: &str = include_str!("rules.toml");
const PATH: &str = "src/text/rules.toml";

/// The shipped rules, parsed on first use.
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| crate::error::shipped(load_shipped()))
}

/// Parses the shipped rules: what is wrong with them, located.
pub(crate) fn load_shipped() -> Result<Rules, Diagnostic> {
    parse(PATH, SHIPPED)
}

/// Parses a rules file read from `path`; every list must be non-empty. An
/// error is located at the line that has it.
pub(crate) fn parse(path: &str, text: &str) -> Result<Rules, Diagnostic> {
    let f: File = toml::from_str(text).map_err(|e| {
        toml_error(path, text, 0, &e, |m| format!("bad tokenizer rules: {m}"))
            .with_help("see the tables at the top of src/text/rules.toml")
    })?;
    // Where a key (`name =`) is written, for the checks serde does not make.
    let key_at = |key: &str| {
        let offset = text.find(&format!("{key} =")).unwrap_or(0);
        Some(FileLines::new(path, text).location(offset))
    };
    let lists = [
        ("abbreviations.before", f.abbreviations.before.len()),
        ("abbreviations.after", f.abbreviations.after.len()),
        ("abbreviations.numeric", f.abbreviations.numeric.len()),
        (
            "abbreviations.sentence_starters",
            f.abbreviations.sentence_starters.len(),
        ),
        ("hyphens.join_after", f.hyphens.join_after.len()),
        ("clitics.after_apostrophe", f.clitics.after_apostrophe.len()),
        ("numbers.joined_suffixes", f.numbers.joined_suffixes.len()),
        ("emoticons.whole", f.emoticons.whole.len()),
    ];
    if let Some((name, _)) = lists.iter().find(|(_, n)| *n == 0) {
        let key = name.rsplit('.').next().unwrap_or(name);
        return Err(Diagnostic::error(
            key_at(key),
            format!("`{name}` is empty; list at least one word"),
        ));
    }
    let lower = |v: Vec<String>| v.into_iter().map(|w| w.to_lowercase()).collect::<Vec<_>>();
    let mut abbreviations = Map::default();
    for (list, class) in [
        (f.abbreviations.numeric, Abbrev::Numeric),
        (f.abbreviations.after, Abbrev::After),
        (f.abbreviations.before, Abbrev::Before),
    ] {
        for w in lower(list) {
            abbreviations.insert(w, class);
        }
    }
    for (word, at) in &f.clitics.split {
        if *at == 0 || *at >= word.len() || !word.is_char_boundary(*at) {
            return Err(Diagnostic::error(
                key_at(word),
                format!("`clitics.split`: {word} = {at} does not cut the word in two"),
            ));
        }
    }
    Ok(Rules {
        abbreviations,
        starters: lower(f.abbreviations.sentence_starters)
            .into_iter()
            .collect(),
        hyphen_prefixes: lower(f.hyphens.join_after).into_iter().collect(),
        clitics: lower(f.clitics.after_apostrophe).into_iter().collect(),
        split_ends: {
            let mut e: Vec<u8> = f
                .clitics
                .split
                .keys()
                .filter_map(|w| w.to_ascii_lowercase().bytes().last())
                .collect();
            e.sort_unstable();
            e.dedup();
            e
        },
        splits: f
            .clitics
            .split
            .into_iter()
            .map(|(w, n)| (w.to_lowercase(), n))
            .collect(),
        number_suffixes: lower(f.numbers.joined_suffixes).into_iter().collect(),
        emoticons: {
            // Longest first, so ":-)" wins over ":-".
            let mut e = f.emoticons.whole;
            e.sort_by_key(|w| std::cmp::Reverse(w.len()));
            e
        },
    })
}

/// Lower-cases short ASCII words into a buffer without allocating; `None`
/// for longer or non-ASCII words, which no list holds.
fn small_lower<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

impl Rules {
    /// The class of an abbreviation, written without its dot.
    pub fn abbreviation(&self, word: &str) -> Option<Abbrev> {
        let mut buf = [0; 16];
        self.abbreviations
            .get(small_lower(word, &mut buf)?)
            .copied()
    }

    /// True for a capitalised word that opens sentences ("The", "He").
    pub fn starts_sentence(&self, word: &str) -> bool {
        let mut buf = [0; 16];
        small_lower(word, &mut buf).is_some_and(|w| self.starters.contains(w))
    }

    /// True when a hyphen after `prefix` stays inside the word.
    pub fn joins_hyphen(&self, prefix: &str) -> bool {
        let mut buf = [0; 16];
        small_lower(prefix, &mut buf).is_some_and(|w| self.hyphen_prefixes.contains(w))
    }

    /// True for an ending after an apostrophe that is a word of its own.
    pub fn is_clitic(&self, ending: &str) -> bool {
        let mut buf = [0; 16];
        small_lower(ending, &mut buf).is_some_and(|w| self.clitics.contains(w))
    }

    /// Where a word written without apostrophe splits ("cannot": 3).
    pub fn split_at(&self, word: &str) -> Option<usize> {
        let last = word.bytes().last()?.to_ascii_lowercase();
        if word.len() < 4 || !self.split_ends.contains(&last) {
            return None;
        }
        let mut buf = [0; 16];
        self.splits.get(small_lower(word, &mut buf)?).copied()
    }

    /// The length of the emoticon `rest` starts with (":-)"), if any.
    pub fn emoticon(&self, rest: &str) -> Option<usize> {
        if !rest.starts_with([':', ';', '=', '<', '^']) {
            return None;
        }
        self.emoticons
            .iter()
            .find(|e| rest.starts_with(e.as_str()))
            .map(String::len)
    }

    /// True for letters that stay glued to a number ("th", "s").
    pub fn joins_number(&self, suffix: &str) -> bool {
        let mut buf = [0; 16];
        small_lower(suffix, &mut buf).is_some_and(|w| self.number_suffixes.contains(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_rules_parse_with_every_list_filled() {
        let r = parse(PATH, SHIPPED).unwrap();
        assert_eq!(r.abbreviation("Dr"), Some(Abbrev::Before));
        assert_eq!(r.abbreviation("Inc"), Some(Abbrev::After));
        assert_eq!(r.abbreviation("no"), Some(Abbrev::Numeric));
        assert!(r.joins_hyphen("e") && !r.joins_hyphen("well"));
        assert!(r.is_clitic("'s".trim_start_matches('\'')));
        assert_eq!(r.split_at("Cannot"), Some(3));
        assert!(r.joins_number("th") && !r.joins_number("pm"));
    }

    /// The error of the shipped file with `from` replaced by `to`, and
    /// the line of the file it should name.
    fn error_in(from: &str, to: &str) -> (String, usize) {
        let text = SHIPPED.replace(from, to);
        let line = text.lines().position(|l| l.contains(to)).unwrap() + 1;
        (parse("r.toml", &text).unwrap_err().to_string(), line)
    }

    #[test]
    fn a_broken_or_empty_file_is_an_error_at_its_line() {
        let broken = parse("r.toml", "[abbreviations]\nbefore = [").unwrap_err();
        assert!(broken.to_string().starts_with("r.toml:2:"), "{broken}");
        let suffixes = "joined_suffixes = [\"st\", \"nd\", \"rd\", \"th\", \"s\"]";
        let (e, line) = error_in(suffixes, "joined_suffixes = []");
        assert!(e.starts_with(&format!("r.toml:{line}:1: ")), "{e}");
        assert!(e.contains("numbers.joined_suffixes"));
        let (e, line) = error_in("cannot = 3", "cannot = 9");
        assert!(e.starts_with(&format!("r.toml:{line}:")), "{e}");
        assert!(e.contains("cannot"));
    }
}
