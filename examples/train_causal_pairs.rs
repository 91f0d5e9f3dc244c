//! Trains the causal pair scorer (`src/extract/causal_pairs.model`) on
//! the Causal News Corpus, after measuring it cross-fitted: trained on the
//! documents of one half, the whole extractor scored on the other.
//!
//! ```sh
//! cargo run --release --example train_causal_pairs -- \
//!     ../shared/data/causal/cnc.train.jsonl src/extract/causal_pairs.model
//! ```
//!
//! A candidate (an ordered pair of content words close in the parse) is
//! positive when its first word lies inside an annotated cause and its
//! second inside that pair's effect: any such pair is a right answer, as
//! the pair measure counts it, so none is taught as wrong. Logistic
//! regression (`annals::extract::train_pairs`) learns from the features
//! seen at least twice, in a fixed order; the same data gives the same
//! model. The halves split the documents (the sentence id without its
//! last part) alternately in sorted order, so no document has sentences
//! on both sides.
use std::collections::{BTreeSet, HashMap};
use std::process::ExitCode;

use annals::extract::{
    candidates, extract_with, train_pairs, Article, CausalModel, Labelled, Lexicon, PairWord,
};
use chrono::NaiveDate;
use serde::Deserialize;

/// The score (log-odds) a link needs in the shipped model.
const THRESHOLD: f32 = -0.625;
/// The thresholds the cross-fit reports.
const THRESHOLDS: [f32; 8] = [-1.25, -1.0, -0.875, -0.75, -0.625, -0.5, -0.25, 0.0];

#[derive(Deserialize)]
struct Gold {
    id: String,
    text: String,
    causal: bool,
    pairs: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    cause: [usize; 2],
    effect: [usize; 2],
}

/// One candidate: its sentence, features and label.
struct Example {
    sentence: usize,
    labelled: Labelled,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [gold, out] = args.as_slice() else {
        eprintln!("usage: train_causal_pairs CNC.jsonl OUT.model");
        return ExitCode::from(2);
    };
    let gold = match load(gold) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let examples = examples(&gold);
    let half = halves(&gold);
    let rules = CausalModel::new([], 0.0);
    for h in [0, 1] {
        let test: Vec<usize> = (0..gold.len()).filter(|&k| half[k] == h).collect();
        println!("half {h} rules only: {}", score(&gold, &test, &rules));
        let train: Vec<&Labelled> = examples
            .iter()
            .filter(|e| half[e.sentence] != h)
            .map(|e| &e.labelled)
            .collect();
        let weights = train_pairs(&train);
        for t in THRESHOLDS {
            let model = CausalModel::new(weights.iter().map(|(k, w)| (*k, *w)), t);
            println!("half {h} threshold {t}: {}", score(&gold, &test, &model));
        }
    }
    let all: Vec<&Labelled> = examples.iter().map(|e| &e.labelled).collect();
    let model = CausalModel::new(train_pairs(&all), THRESHOLD);
    if let Err(e) = std::fs::write(out, model.to_text()) {
        eprintln!("{out}: {e}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

fn load(path: &str) -> Result<Vec<Gold>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("{path}:{}: {e}", n + 1)))
        .collect()
}

/// The half (0 or 1) of each sentence's document.
fn halves(gold: &[Gold]) -> Vec<usize> {
    let doc = |g: &Gold| {
        g.id.rsplit_once('_')
            .map_or(g.id.clone(), |(d, _)| d.to_string())
    };
    let docs: BTreeSet<String> = gold.iter().map(doc).collect();
    let rank: HashMap<&String, usize> = docs.iter().enumerate().map(|(i, d)| (d, i)).collect();
    gold.iter().map(|g| rank[&doc(g)] % 2).collect()
}

/// Whether `w` lies inside the span.
fn inside(w: &PairWord, span: [usize; 2]) -> bool {
    w.span[0] >= span[0] && w.span[1] <= span[1]
}

fn examples(gold: &[Gold]) -> Vec<Example> {
    let mut out = Vec::new();
    for (k, g) in gold.iter().enumerate() {
        for c in candidates(&g.text) {
            let positive = g
                .pairs
                .iter()
                .any(|p| inside(&c.cause, p.cause) && inside(&c.effect, p.effect));
            out.push(Example {
                sentence: k,
                labelled: Labelled {
                    features: c.features,
                    positive,
                },
            });
        }
    }
    out
}

/// Detection and pair figures of the extractor with `model` on the
/// sentences `test`.
fn score(gold: &[Gold], test: &[usize], model: &CausalModel) -> String {
    let day = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    let causal = ["causes", "enables", "triggers", "prevents", "responds-to"];
    let (mut tp, mut fp, mut fal, mut pairs, mut matched) = (0, 0, 0, 0, 0);
    for &k in test {
        let g = &gold[k];
        let store = extract_with(
            &Article::new(&g.id, day, g.text.clone()),
            Lexicon::shipped(),
            model,
        );
        let trigger = |id: &str| {
            store
                .events
                .iter()
                .find(|e| e.id == id)
                .and_then(|e| e.sources.first()?.trigger)
        };
        let links: Vec<([usize; 2], [usize; 2])> = store
            .links
            .iter()
            .filter(|l| causal.contains(&l.relation.as_str()))
            .filter_map(|l| Some((trigger(&l.from)?, trigger(&l.to)?)))
            .collect();
        match (!links.is_empty(), g.causal) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fal += 1,
            _ => {}
        }
        for p in &g.pairs {
            pairs += 1;
            let within = |t: [usize; 2], s: [usize; 2]| s[0] <= t[0] && t[0] < s[1];
            if links
                .iter()
                .any(|&(a, b)| within(a, p.cause) && within(b, p.effect))
            {
                matched += 1;
            }
        }
    }
    let p = f64::from(tp) / f64::from((tp + fp).max(1));
    let r = f64::from(tp) / f64::from((tp + fal).max(1));
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    format!(
        "detection P {:.1} R {:.1} F1 {:.1}; pairs matched {:.1} %",
        100.0 * p,
        100.0 * r,
        100.0 * f,
        100.0 * f64::from(matched) / f64::from(pairs.max(1))
    )
}
