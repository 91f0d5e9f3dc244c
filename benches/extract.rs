//! Extraction throughput: one core, and all cores.
//!
//! `cargo bench --bench extract`: 200 copies of the example article, each
//! extracted as an article of its own, on one thread and with rayon on
//! every core. Criterion reports bytes of article text per second.

use std::hint::black_box;

use annals::extract::{extract, Article, Lexicon};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;

fn bench(c: &mut Criterion) {
    let text = include_str!("../examples/2020-09-29-us-iraq-embassy-evacuation.txt");
    let articles: Vec<Article> = (0..200)
        .map(|i| {
            Article::new(
                &format!("copy-{i}"),
                chrono::NaiveDate::from_ymd_opt(2020, 9, 29).unwrap(),
                text.to_string(),
            )
        })
        .collect();
    let lexicon = Lexicon::shipped();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("one-core", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| black_box(extract(a, lexicon)).events.len())
                .sum::<usize>()
        })
    });
    g.bench_function("all-cores", |b| {
        b.iter(|| {
            articles
                .par_iter()
                .map(|a| black_box(extract(a, lexicon)).events.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
