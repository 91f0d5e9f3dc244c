//! Temporal tagging throughput on one core.
//!
//! `cargo bench --bench timex`: the example article repeated to about
//! 1 MB. Criterion reports bytes per second.

use std::hint::black_box;

use annals::time::{tag, DocType};
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let article = include_str!("../examples/2020-09-29-us-iraq-embassy-evacuation.txt");
    let text = article.repeat(1_000_000 / article.len() + 1);
    let dct = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
    let mut g = c.benchmark_group("timex");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("tag-1MB-news", |b| {
        b.iter(|| black_box(tag(&text, dct, DocType::News)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
