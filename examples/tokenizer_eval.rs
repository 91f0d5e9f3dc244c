//! Agreement of the tokenizer with the gold tokens and sentences of a
//! CoNLL-U treebank (the UD English Web Treebank):
//!
//! ```sh
//! cargo run --release --example tokenizer_eval -- ../shared/data/ud/en_ewt-ud-dev.conllu \
//!     [--token-errors N] [--sentence-errors N]
//! ```
//!
//! Tokens: each sentence's `# text` is tokenized and its token spans are
//! compared with those of the gold words (the word lines, not the
//! multi-word token lines). Sentences: the `# text` lines of each
//! `# newdoc` are joined with single spaces, split, and the sentence ends
//! compared (the end of the document is not counted).

use std::collections::HashSet;

use annals::text::tokenize;

struct Doc {
    sentences: Vec<(String, Vec<String>)>,
}

fn read(path: &str) -> Result<Vec<Doc>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs: Vec<Doc> = Vec::new();
    let mut text = None;
    let mut words = Vec::new();
    for line in data.lines() {
        if line.starts_with("# newdoc") || docs.is_empty() && !line.is_empty() {
            docs.push(Doc {
                sentences: Vec::new(),
            });
        }
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.to_string());
        } else if line.is_empty() {
            if let (Some(t), Some(doc)) = (text.take(), docs.last_mut()) {
                doc.sentences.push((t, std::mem::take(&mut words)));
            }
        } else if !line.starts_with('#') {
            let mut cols = line.split('\t');
            let (id, form) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
            if id.bytes().all(|b| b.is_ascii_digit()) {
                words.push(form.to_string());
            }
        }
    }
    Ok(docs)
}

/// The byte spans of `words` found in order in `text`; a word not found
/// where expected has no span.
fn gold_spans(text: &str, words: &[String]) -> HashSet<(usize, usize)> {
    let mut out = HashSet::new();
    let mut at = 0;
    for w in words {
        let skip = text[at..].len() - text[at..].trim_start().len();
        if text[at + skip..].starts_with(w.as_str()) {
            out.insert((at + skip, at + skip + w.len()));
            at += skip + w.len();
        }
    }
    out
}

/// The char boundary at or before `i`.
fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn f1(matched: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = matched as f64 / system.max(1) as f64;
    let r = matched as f64 / gold.max(1) as f64;
    (
        100.0 * p,
        100.0 * r,
        200.0 * p * r / (p + r).max(f64::EPSILON),
    )
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .cloned()
        .unwrap_or_else(|| "../shared/data/ud/en_ewt-ud-dev.conllu".into());
    let count = |flag: &str| match args.iter().position(|a| a == flag) {
        Some(i) => args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(20),
        None => 0,
    };
    let show = count("--token-errors");
    let docs = read(&path)?;
    let (mut gold, mut system, mut matched, mut shown) = (0, 0, 0, 0);
    for doc in &docs {
        for (text, words) in &doc.sentences {
            let g = gold_spans(text, words);
            let s: HashSet<(usize, usize)> = tokenize(text)
                .tokens
                .iter()
                .map(|t| (t.start, t.end))
                .collect();
            gold += words.len();
            system += s.len();
            let m = g.intersection(&s).count();
            matched += m;
            if m < words.len().max(s.len()) && shown < show {
                shown += 1;
                let mut sys: Vec<_> = s.iter().collect();
                sys.sort();
                let sys: Vec<&str> = sys.iter().map(|&&(a, b)| &text[a..b]).collect();
                println!("gold: {}\nsys:  {}\n", words.join(" "), sys.join(" "));
            }
        }
    }
    let (p, r, f) = f1(matched, system, gold);
    println!("tokens: gold {gold}  system {system}  P {p:.2}  R {r:.2}  F1 {f:.2}");
    let (mut gold, mut system, mut matched, mut shown) = (0, 0, 0, 0);
    let show = count("--sentence-errors");
    for doc in &docs {
        let mut text = String::new();
        let mut ends = HashSet::new();
        for (t, _) in &doc.sentences {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(t.trim());
            ends.insert(text.len());
        }
        ends.remove(&text.len());
        let found: HashSet<usize> = tokenize(&text)
            .sentences
            .windows(2)
            .filter(|w| !w[1].continues)
            .map(|w| w[0].end)
            .collect();
        if shown < show {
            for e in found.symmetric_difference(&ends) {
                shown += 1;
                let a = floor(&text, e.saturating_sub(50));
                let b = floor(&text, (e + 50).min(text.len()));
                let which = if ends.contains(e) { "missed" } else { "extra " };
                println!("{which} | {} || {}", &text[a..*e], &text[*e..b]);
            }
        }
        gold += ends.len();
        system += found.len();
        matched += found.intersection(&ends).count();
    }
    let (p, r, f) = f1(matched, system, gold);
    println!("sentence boundaries: gold {gold}  system {system}  P {p:.2}  R {r:.2}  F1 {f:.2}");
    Ok(())
}
