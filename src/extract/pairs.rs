//! A trained scorer of cause → effect pairs of words, for the causal
//! links no construction of `frames.toml` states ("the clash took place
//! over use of the field", "classes were suspended following student
//! protests"). Each candidate is an ordered pair of content words joined
//! by a short path of the dependency tree; its features are that path,
//! the word joining the two, their lemmas and tags, and the subordinators,
//! prepositions and signal words around them. Logistic regression
//! (`examples/train_causal_pairs.rs`, from the Causal News Corpus) weighs
//! the features; a pair whose score (log-odds) passes the model's
//! threshold is a link. The model (`causal_pairs.model`) holds one hashed feature and
//! its weight a line.

use std::sync::OnceLock;

use super::bounds::CharIndex;
use super::frames::Frames;
use super::lexicon::Lexicon;
use super::sentence::Sent;
use super::ExtractError;
use crate::error::{Diagnostic, Location, Result};
use crate::text::{fnv, mix, Doc, KeyMap, Model, Upos, FNV_START};

/// The longest dependency path between the two words of a candidate.
const MAX_PATH: usize = 4;

/// How much more than the model's threshold a pair must score for each
/// of its ends that names no event of a known kind (and would become one
/// of kind `other`): invented events need surer links. Measured on the
/// Causal News Corpus and the Egypt topic (`train_causal_pairs`).
pub const NEW_END_MARGIN: f32 = 0.5;

/// Links kept in one sentence, best first.
const MAX_LINKS: usize = 2;

/// One word of a candidate pair, in code points of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairWord {
    /// The word's span.
    pub span: [usize; 2],
    /// How many words lie above it in the dependency tree.
    pub depth: usize,
}

/// A candidate cause → effect pair and its features, as the trainer
/// sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The cause's word.
    pub cause: PairWord,
    /// The effect's word.
    pub effect: PairWord,
    /// The hashed features.
    pub features: Vec<u64>,
}

/// The weights of the pair scorer and the score a link needs.
#[derive(Debug, Default)]
pub struct CausalModel {
    weights: KeyMap<f32>,
    threshold: f32,
}

impl CausalModel {
    /// The shipped model, parsed once.
    pub fn shipped() -> &'static CausalModel {
        static MODEL: OnceLock<CausalModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            crate::error::shipped(CausalModel::parse(
                include_str!("causal_pairs.model"),
                "src/extract/causal_pairs.model",
            ))
        })
    }

    /// A model from its weights and threshold.
    pub fn new(weights: impl IntoIterator<Item = (u64, f32)>, threshold: f32) -> CausalModel {
        CausalModel {
            weights: weights.into_iter().filter(|(_, w)| *w != 0.0).collect(),
            threshold,
        }
    }

    /// The model with another threshold.
    pub fn with_threshold(mut self, threshold: f32) -> CausalModel {
        self.threshold = threshold;
        self
    }

    /// Reads a model: a line `threshold T`, then one `HEX WEIGHT` line a
    /// feature. A bad line is an error with its line number.
    pub fn parse(text: &str, path: &str) -> Result<CausalModel> {
        let bad = |n: usize, what: &str| {
            let at = Location::File {
                path: path.to_string(),
                line: n + 1,
                column: 1,
            };
            ExtractError::Lexicon(vec![Diagnostic::error(
                Some(at),
                format!("bad causal pair model: {what}"),
            )
            .with_help("rebuild it with `cargo run --release --example train_causal_pairs`")])
        };
        let mut lines = crate::scan::lines(text).enumerate();
        let threshold = match lines.next().map(|(_, l)| l.split_once(' ')) {
            Some(Some(("threshold", t))) => t.parse().map_err(|_| bad(0, "threshold"))?,
            _ => return Err(bad(0, "the first line must be `threshold T`").into()),
        };
        let mut weights = KeyMap::default();
        for (n, line) in lines {
            let parsed = line.split_once(' ').and_then(|(k, w)| {
                Some((u64::from_str_radix(k, 16).ok()?, w.parse::<f32>().ok()?))
            });
            let (k, w) = parsed.ok_or_else(|| bad(n, "expected `HEX WEIGHT`"))?;
            weights.insert(k, w);
        }
        Ok(CausalModel { weights, threshold })
    }

    /// The model as text, features sorted: what [`CausalModel::parse`]
    /// reads.
    pub fn to_text(&self) -> String {
        let mut keys: Vec<(&u64, &f32)> = self.weights.iter().collect();
        keys.sort_unstable_by_key(|(k, _)| **k);
        let mut out = format!("threshold {}\n", self.threshold);
        for (k, w) in keys {
            out.push_str(&format!("{k:016x} {w}\n"));
        }
        out
    }

    /// The score of a candidate's features.
    pub fn score(&self, features: &[u64]) -> f32 {
        features.iter().filter_map(|f| self.weights.get(f)).sum()
    }

    /// The pairs of the sentence that pass the threshold by `margin(a, b)`
    /// (more for a pair that must invent an end), best first, each with
    /// how far its score passes it: at most [`MAX_LINKS`], and never a
    /// pair and its reverse.
    pub(crate) fn links(
        &self,
        s: &Sent<'_, '_, '_>,
        frames: &Frames,
        margin: &dyn Fn(usize, usize) -> f32,
    ) -> Vec<(usize, usize, f32)> {
        if self.weights.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(f32, f32, usize, usize)> = Vec::new();
        let mut buf = Vec::new();
        for (a, b) in pairs(s, frames) {
            buf.clear();
            if features(s, frames, a, b, &mut buf) {
                let score = self.score(&buf);
                let over = score - self.threshold - margin(a, b);
                if over > 0.0 {
                    scored.push((score, over, a, b));
                }
            }
        }
        scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.2, x.3).cmp(&(y.2, y.3))));
        let mut out: Vec<(usize, usize, f32)> = Vec::new();
        for (_, over, a, b) in scored {
            if out.len() < MAX_LINKS && !out.iter().any(|&(x, y, _)| (x, y) == (b, a)) {
                out.push((a, b, over));
            }
        }
        out
    }
}

/// The candidate pairs of every sentence of `text`, parsed as the
/// extractor parses it, with their features: what
/// `examples/train_causal_pairs.rs` learns from.
pub fn candidates(text: &str) -> Vec<Candidate> {
    let doc = Doc::parse_tokenized(text, crate::text::tokenize(text), Model::shipped());
    let index = CharIndex::new(text);
    let (frames, lex) = (Frames::shipped(), Lexicon::shipped());
    let day = chrono::NaiveDate::default();
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let s = Sent::new(&doc, sentence.tokens.clone(), text, &[], lex, day);
        out.extend(sentence_candidates(&s, frames, &|b| index.chars(b)));
    }
    out
}

/// The candidates of one sentence; `chars` turns byte offsets into code
/// points.
fn sentence_candidates(
    s: &Sent<'_, '_, '_>,
    frames: &Frames,
    chars: &dyn Fn(usize) -> usize,
) -> Vec<Candidate> {
    let word = |w: usize| PairWord {
        span: [chars(s.toks[w].start), chars(s.toks[w].end)],
        depth: s.depth(w),
    };
    let mut out = Vec::new();
    for (a, b) in pairs(s, frames) {
        let mut found = Vec::new();
        if features(s, frames, a, b, &mut found) {
            out.push(Candidate {
                cause: word(a),
                effect: word(b),
                features: found,
            });
        }
    }
    out
}

/// Ordered pairs of words that may name a happening.
fn pairs(s: &Sent<'_, '_, '_>, frames: &Frames) -> impl Iterator<Item = (usize, usize)> {
    let content: Vec<usize> = (0..s.len()).filter(|&w| eventive(s, frames, w)).collect();
    let n = content.len();
    (0..n * n)
        .map(move |k| (content[k / n], content[k % n]))
        .filter(|(a, b)| a != b)
}

/// Whether word `w` may name a happening: a verb, an adjective of harm
/// ("injured"), or a noun of `frames.toml`'s eventive words or endings.
fn eventive(s: &Sent<'_, '_, '_>, frames: &Frames, w: usize) -> bool {
    let lemma = s.lemma(w);
    let listed = || frames.eventive.contains(lemma) || frames.happenings.contains(lemma);
    match s.upos(w) {
        Upos::Verb => true,
        Upos::Adj => frames.harm.contains(lemma),
        Upos::Propn => listed(),
        Upos::Noun => frames.eventive_noun(lemma),
        _ => false,
    }
}

/// The words from `w` up to (not including) `top`.
fn climb(s: &Sent<'_, '_, '_>, mut w: usize, top: usize) -> Vec<usize> {
    let mut out = Vec::new();
    while w != top {
        out.push(w);
        match s.head(w) {
            Some(h) => w = h,
            None => break,
        }
    }
    out
}

/// The lowest word above both `a` and `b`.
fn meet(s: &Sent<'_, '_, '_>, a: usize, b: usize) -> Option<usize> {
    let mut w = a;
    loop {
        if s.dominates(w, b) {
            return Some(w);
        }
        w = s.head(w)?;
    }
}

/// A hash of `parts`, each closed by a separator.
fn key(parts: &[&str]) -> u64 {
    parts
        .iter()
        .fold(FNV_START, |h, p| fnv(fnv(h, p.as_bytes()), &[0x1f]))
}

/// The key of `parts` and then `words` joined by spaces as one more part,
/// the same number as [`key`] of the joined string, without writing it.
fn joined_key(parts: &[&str], words: &[&str]) -> u64 {
    let mut h = key(parts);
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            h = fnv(h, b" ");
        }
        h = fnv(h, w.as_bytes());
    }
    fnv(h, &[0x1f])
}

/// Pushes the features of the pair `a` → `b`; false when the two are
/// too far apart in the tree to be a candidate.
fn features(s: &Sent<'_, '_, '_>, frames: &Frames, a: usize, b: usize, out: &mut Vec<u64>) -> bool {
    let Some(top) = meet(s, a, b) else {
        return false;
    };
    let (ups, downs) = (climb(s, a, top), climb(s, b, top));
    if ups.len() + downs.len() > MAX_PATH {
        return false;
    }
    let mut path = fnv(FNV_START, b"U");
    for &w in &ups {
        path = fnv(fnv(path, s.deprel(w).as_bytes()), b"/");
    }
    path = fnv(path, b"D");
    for &w in downs.iter().rev() {
        path = fnv(fnv(path, s.deprel(w).as_bytes()), b"/");
    }
    let joint = if top == a {
        "=A"
    } else if top == b {
        "=B"
    } else {
        s.lemma(top)
    };
    let (la, lb) = (s.lemma(a), s.lemma(b));
    let order = if a < b { "1" } else { "0" };
    let (first_a, before_a) = opening(s, a);
    let (_, before_b) = opening(s, b);
    let mut push = |with_path: bool, k: u64| {
        out.push(if with_path { mix(path, k) } else { k });
    };
    push(false, key(&["b"]));
    push(true, key(&["p"]));
    push(true, key(&["pL", joint]));
    push(false, key(&["L", joint]));
    push(false, key(&["la", la]));
    push(false, key(&["lb", lb]));
    push(true, key(&["xa", s.xpos(a)]));
    push(true, key(&["xb", s.xpos(b)]));
    push(false, key(&["ord", order]));
    push(false, key(&["lab", la, lb]));
    push(false, joined_key(&["fa"], &first_a));
    let first = first_a.first().copied().unwrap_or("");
    push(false, key(&["fa1", first]));
    push(true, key(&["fa1p", first]));
    push(false, joined_key(&["prea"], &before_a));
    push(false, joined_key(&["preb"], &before_b));
    push(true, key(&["lap", la]));
    push(true, key(&["lbp", lb]));
    push(false, key(&["ra", s.deprel(a), s.deprel(b)]));
    // What governs each end ("led to" the effect, "protest over" the
    // cause), and the words the path passes through.
    for (side, w) in [("ga", a), ("gb", b)] {
        let governor = s.head(w).map_or("", |h| s.lemma(h));
        push(false, key(&[side, s.deprel(w), governor]));
    }
    let through: Vec<&str> = ups
        .iter()
        .skip(1)
        .chain(downs.iter().skip(1))
        .map(|&w| s.lemma(w))
        .collect();
    push(true, joined_key(&["pw", joint], &through));
    for (side, w) in [("a", a), ("b", b)] {
        for c in s.children(w) {
            if matches!(s.rel(c), "mark" | "case" | "advmod" | "fixed") {
                push(false, key(&["m", side, &s.toks[c].lower]));
                push(true, key(&["mp", side, &s.toks[c].lower]));
            }
        }
    }
    for w in a.min(b) + 1..a.max(b) {
        let signal = matches!(
            s.upos(w),
            Upos::Adp | Upos::Sconj | Upos::Cconj | Upos::Punct
        ) || frames.causal_verbs.contains_key(s.lemma(w))
            || frames.signals.contains(&*s.lower_lemma(w));
        if signal {
            push(false, key(&["btw", s.lemma(w)]));
        }
    }
    true
}

/// The first words of the phrase `w` heads, up to three and up to `w`,
/// and the two words before it, lower case.
fn opening<'a>(s: &'a Sent<'_, '_, '_>, w: usize) -> (Vec<&'a str>, Vec<&'a str>) {
    let lo = s.span(w).0;
    let first = (lo..=w.min(lo + 2))
        .map(|k| s.toks[k].lower.as_str())
        .collect();
    let before = (lo.saturating_sub(2)..lo)
        .map(|k| s.toks[k].lower.as_str())
        .collect();
    (first, before)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words joined as they are hashed give the key of the joined text:
    /// the trained model's keys.
    #[test]
    fn joined_keys_are_the_keys_of_the_joined_text() {
        for words in [&[][..], &["after"], &["the", "strike"], &["a", "", "b c"]] {
            assert_eq!(
                joined_key(&["pw", "kill"], words),
                key(&["pw", "kill", &words.join(" ")])
            );
        }
    }

    #[test]
    fn a_model_reads_back_what_it_writes() {
        let m = CausalModel::new([(0xabc, 1.5), (0x12, -0.25), (7, 0.0)], -4.0);
        let text = m.to_text();
        assert_eq!(
            text,
            "threshold -4\n0000000000000012 -0.25\n0000000000000abc 1.5\n"
        );
        let back = CausalModel::parse(&text, "m").unwrap();
        assert_eq!(back.to_text(), text);
        assert_eq!(back.score(&[0xabc, 0x12, 99]), 1.25);
    }

    #[test]
    fn a_bad_line_is_an_error_with_its_line() {
        let err = CausalModel::parse("threshold 1\n00ff 0.5\nzz 1\n", "m.model")
            .unwrap_err()
            .to_string();
        assert!(err.contains("m.model:3:1"), "{err}");
        let err = CausalModel::parse("00ff 0.5\n", "m.model")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("m.model:1:1") && err.contains("threshold"),
            "{err}"
        );
    }

    #[test]
    fn the_shipped_model_loads_with_its_threshold() {
        let m = CausalModel::shipped();
        assert!(m.weights.len() > 1000);
        assert!(m.threshold < 0.0);
    }

    #[test]
    fn a_pair_needs_its_margin_over_the_threshold() {
        let text = "Workers lost their jobs when the factory closed.";
        let doc = Doc::parse_tokenized(text, crate::text::tokenize(text), Model::shipped());
        let (frames, lex) = (Frames::shipped(), Lexicon::shipped());
        let day = chrono::NaiveDate::default();
        let s = Sent::new(&doc, doc.sentences[0].tokens.clone(), text, &[], lex, day);
        // Every candidate scores 1 (the feature every pair has).
        let model = CausalModel::new([(key(&["b"]), 1.0)], 0.0);
        // "lost" and "closed" may be linked one way, never both.
        let links = model.links(&s, frames, &|_, _| 0.5);
        assert_eq!(links.len(), 1);
        assert!(model.links(&s, frames, &|_, _| 1.0).is_empty());
    }

    #[test]
    fn candidates_join_close_words_that_name_happenings() {
        let text = "Workers lost their jobs when the factory closed.";
        let c = candidates(text);
        let word = |w: &str| {
            let b = text.find(w).unwrap();
            [b, b + w.len()]
        };
        assert!(c
            .iter()
            .any(|c| c.cause.span == word("closed") && c.effect.span == word("lost")));
        // "Workers" names people, not a happening.
        assert!(c.iter().all(|c| c.cause.span != word("Workers")));
    }
}
