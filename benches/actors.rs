//! Loading the actor dictionary, and looking names up.
//!
//! `cargo bench --bench actors`: `load` parses the shipped `actors.tsv`
//! and `agents.tsv` (tokenizing every spelling), what the first call of
//! `Actors::shipped()` costs; `longest-at` tries every word of the example
//! article as the start of a name.

use std::hint::black_box;

use annals::extract::Actors;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let actors = include_str!("../src/extract/actors.tsv");
    let agents = include_str!("../src/extract/agents.tsv");
    let article = include_str!("../examples/2020-09-29-us-iraq-embassy-evacuation.txt");
    let tokens = annals::text::tokenize(article).tokens;
    let lower: Vec<String> = tokens
        .iter()
        .map(|t| t.form(article).to_lowercase())
        .collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    let dict = Actors::shipped();
    let mut g = c.benchmark_group("actors");
    g.sample_size(10);
    g.bench_function("load", |b| {
        b.iter(|| black_box(Actors::parse(actors, agents)))
    });
    g.throughput(Throughput::Elements(lower.len() as u64));
    g.bench_function("longest-at-every-word", |b| {
        b.iter(|| {
            (0..lower.len())
                .filter_map(|i| dict.longest_at(&lower, i))
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
