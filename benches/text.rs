//! Tokenizing and sentence splitting throughput on one core.
//!
//! `cargo bench --bench text`: the example article repeated to about 1 MB,
//! and 1 MB of words without punctuation (one long sentence, cut into
//! windows). Criterion reports bytes per second.

use std::hint::black_box;

use annals::text::tokenize;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let article = include_str!("../examples/2020-09-29-us-iraq-embassy-evacuation.txt");
    let news = article.repeat(1_000_000 / article.len() + 1);
    let words = "the council met again ".repeat(1_000_000 / 22 + 1);
    let mut g = c.benchmark_group("text");
    g.sample_size(20);
    for (name, text) in [
        ("tokenize-1MB-news", &news),
        ("tokenize-1MB-unpunctuated", &words),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| black_box(tokenize(text))));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
