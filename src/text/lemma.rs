//! The lemmatizer: a word's dictionary form from its form and Penn tag.
//!
//! Words seen in training take the lemma they had there most often; an
//! unseen word takes the ending rule ("-ies" → "-y" for plural nouns,
//! "-ied" → "-y" for past verbs) that training showed most often for the
//! longest ending it shares with seen words of its tag. Proper nouns keep
//! their case; other words are lower-cased first, as the treebank does.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::conllu::TreebankSentence;
use super::features::with_lower;
use super::perceptron::{hash_str, mix, put_str, put_u32, KeyMap, Reader};

/// The longest ending rules look at.
const LONGEST: usize = 5;

/// A trained lemmatizer.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Lemmatizer {
    /// (tag, form) → lemma, for words seen in training.
    /// Hashed with FxHash: loading the model fills them with 30,000
    /// pairs of short strings, where SipHash was most of the cost.
    known: FxHashMap<(String, String), String>,
    /// (tag, ending) → (characters to cut, text to add).
    rules: FxHashMap<(String, String), (u8, String)>,
    /// The two tables by a hash of their keys, for look-ups that allocate
    /// nothing.
    known_by_hash: KeyMap<String>,
    rules_by_hash: KeyMap<(u8, String)>,
    /// Every lemma training gave, by hash: a rule's result that is one of
    /// them wins over one that is not.
    lemmas: KeyMap<()>,
    /// The lemmas training gave verbs, by hash.
    verbs: KeyMap<()>,
}

/// The look-up key of a tag and a string.
fn key(xpos: &str, s: &str) -> u64 {
    mix(mix(hash_str(xpos), 0x1e), hash_str(s))
}

impl Lemmatizer {
    pub(crate) fn lemma(&self, form: &str, xpos: &str) -> String {
        if keeps_case(xpos) {
            self.lemma_of(form, xpos)
        } else {
            with_lower(form, |lower| self.lemma_of(lower, xpos))
        }
    }

    /// Whether training saw `lemma` as the lemma of a verb.
    pub(crate) fn is_verb(&self, lemma: &str) -> bool {
        self.verbs.contains_key(&hash_str(lemma))
    }

    /// The lemma of a form as the tables key it.
    fn lemma_of(&self, form: &str, xpos: &str) -> String {
        if let Some(l) = self.known_by_hash.get(&key(xpos, form)) {
            return l.clone();
        }
        // The rule of the longest ending decides, unless a shorter
        // ending's rule gives a word training knows as a lemma and the
        // longer one does not: "shelled" is "shell" (as "killed" is
        // "kill"), not "shel" (as "compelled" is "compel").
        let count = form.chars().count();
        let mut first = None;
        for len in (1..=LONGEST.min(count)).rev() {
            let start = form.char_indices().nth(count - len).map_or(0, |(i, _)| i);
            if let Some((cut, add)) = self.rules_by_hash.get(&key(xpos, &form[start..])) {
                let keep = count.saturating_sub(usize::from(*cut));
                if keep == 0 {
                    break;
                }
                let end = form.char_indices().nth(keep).map_or(form.len(), |(i, _)| i);
                let lemma = format!("{}{add}", &form[..end]);
                if self.lemmas.contains_key(&hash_str(&lemma)) {
                    return lemma;
                }
                first.get_or_insert(lemma);
            }
        }
        first.unwrap_or_else(|| form.to_string())
    }

    fn index(mut self) -> Lemmatizer {
        self.known_by_hash = self
            .known
            .iter()
            .map(|((x, f), l)| (key(x, f), l.clone()))
            .collect();
        self.rules_by_hash = self
            .rules
            .iter()
            .map(|((x, e), r)| (key(x, e), r.clone()))
            .collect();
        self.lemmas = self.known.values().map(|l| (hash_str(l), ())).collect();
        self.verbs = self
            .known
            .iter()
            .filter(|((x, _), _)| x.starts_with("VB"))
            .map(|(_, l)| (hash_str(l), ()))
            .collect();
        self
    }

    pub(crate) fn train(sentences: &[TreebankSentence]) -> Lemmatizer {
        let mut seen: HashMap<(String, String), HashMap<String, u32>> = HashMap::new();
        for w in sentences.iter().flat_map(|s| &s.words) {
            let form = keyed_form(&w.form, &w.xpos);
            *seen
                .entry((w.xpos.clone(), form))
                .or_default()
                .entry(w.lemma.clone())
                .or_default() += 1;
        }
        let mut known = FxHashMap::default();
        let mut rule_counts: HashMap<(String, String), HashMap<(u8, String), u32>> = HashMap::new();
        for ((xpos, form), lemmas) in &seen {
            let lemma = most_frequent(lemmas);
            let rule = rule_between(form, &lemma);
            let chars: Vec<char> = form.chars().collect();
            for len in 1..=LONGEST.min(chars.len()) {
                let ending: String = chars[chars.len() - len..].iter().collect();
                *rule_counts
                    .entry((xpos.clone(), ending))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
            known.insert((xpos.clone(), form.clone()), lemma);
        }
        let rules = rule_counts
            .into_iter()
            .filter(|(_, counts)| counts.values().sum::<u32>() >= 2)
            .map(|(key, counts)| (key, most_frequent(&counts)))
            .collect();
        Lemmatizer {
            known,
            rules,
            ..Lemmatizer::default()
        }
        .index()
    }

    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let mut known: Vec<_> = self.known.iter().collect();
        known.sort();
        put_u32(out, known.len() as u32);
        for ((x, f), l) in known {
            put_str(out, x);
            put_str(out, f);
            put_str(out, l);
        }
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort();
        put_u32(out, rules.len() as u32);
        for ((x, e), (cut, add)) in rules {
            put_str(out, x);
            put_str(out, e);
            put_u32(out, u32::from(*cut));
            put_str(out, add);
        }
    }

    pub(crate) fn read(input: &mut Reader<'_>) -> Option<Lemmatizer> {
        let mut lem = Lemmatizer::default();
        let known = input.u32()?;
        lem.known.reserve(known.min(1 << 20) as usize);
        for _ in 0..known {
            let key = (input.str()?, input.str()?);
            lem.known.insert(key, input.str()?);
        }
        let rules = input.u32()?;
        lem.rules.reserve(rules.min(1 << 20) as usize);
        for _ in 0..rules {
            let key = (input.str()?, input.str()?);
            let cut = u8::try_from(input.u32()?).ok()?;
            lem.rules.insert(key, (cut, input.str()?));
        }
        Some(lem.index())
    }
}

/// Proper nouns keep their case; everything else is looked up lower-cased.
fn keeps_case(xpos: &str) -> bool {
    xpos.starts_with("NNP")
}

/// A form as the tables key it (see [`keeps_case`]).
fn keyed_form(form: &str, xpos: &str) -> String {
    if keeps_case(xpos) {
        form.to_string()
    } else {
        form.to_lowercase()
    }
}

/// The rule that turns `form` into `lemma`: how many characters to cut from
/// the end and what to add.
fn rule_between(form: &str, lemma: &str) -> (u8, String) {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
    let cut = (f.len() - common).min(usize::from(u8::MAX)) as u8;
    (cut, l[common..].iter().collect())
}

/// The most frequent key, ties broken by the smallest, so training is
/// deterministic.
fn most_frequent<K: Ord + Clone>(counts: &HashMap<K, u32>) -> K {
    let mut best: Option<(&K, u32)> = None;
    for (k, &n) in counts {
        if best.is_none_or(|(bk, bn)| n > bn || (n == bn && k < bk)) {
            best = Some((k, n));
        }
    }
    best.expect("counts are never empty").0.clone()
}
