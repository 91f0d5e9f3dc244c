//! Speed of the text layer on one core.
//!
//! `cargo bench --bench parse`: tagging, lemmatizing and parsing the
//! sentences of the UD English Web Treebank's development set (its own
//! tokens; throughput in words), tokenizing and parsing the same text raw
//! (throughput in bytes), and loading the shipped model. The treebank is
//! read from `../shared/data/ud/` or the file named by `ANNALS_UD_DEV`.

use std::hint::black_box;

use annals::text::{conllu, Doc, Model};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn treebank() -> Vec<conllu::TreebankSentence> {
    let path = std::env::var("ANNALS_UD_DEV").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/ud/en_ewt-ud-dev.conllu"
        )
        .to_string()
    });
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (set ANNALS_UD_DEV to a CoNLL-U file)"));
    conllu::parse(&text, &path).expect("a valid treebank")
}

fn bench(c: &mut Criterion) {
    let sentences = treebank();
    let model = Model::shipped();
    let forms: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let words: usize = forms.iter().map(Vec::len).sum();
    let raw: String = sentences
        .iter()
        .filter_map(|s| {
            s.comments
                .iter()
                .find_map(|c| c.trim().strip_prefix("text = "))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut g = c.benchmark_group("text");
    g.sample_size(10);
    g.throughput(Throughput::Elements(words as u64));
    g.bench_function("tag-lemma-parse-words", |b| {
        b.iter(|| {
            forms
                .iter()
                .map(|f| black_box(model.analyse(f)).len())
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(raw.len() as u64));
    g.bench_function("doc-parse-raw-text", |b| {
        b.iter(|| black_box(Doc::parse(&raw)).words.len())
    });
    g.finish();
    let mut g = c.benchmark_group("model");
    g.sample_size(10);
    g.bench_function("load", |b| {
        b.iter(|| black_box(Model::load_shipped().is_ok()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
