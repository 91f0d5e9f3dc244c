//! Inputs that were worse than linear: a text without sentence punctuation
//! through `timex` and `extract` (with the store written as TOML), at two
//! sizes, so that linear time shows as the same bytes per second; and
//! `check` of a store whose links name thousands of unknown events.
//!
//! `cargo bench --bench pathological`.

use std::hint::black_box;

use annals::extract::{extract, Article, Lexicon};
use annals::store::write;
use annals::time::{self, DocType};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// `bytes` of news words without a full stop, the same on every run.
fn endless(bytes: usize) -> String {
    let words = "police arrested protesters in baghdad on monday and troops attacked the army \
        last week after the talks collapsed which led to clashes three days later officials \
        said the government would respond next month while rockets hit the embassy on \
        september 28 2020 following the strike iran retaliated yesterday"
        .split_whitespace()
        .collect::<Vec<_>>();
    let mut state: u64 = 7;
    let mut text = String::with_capacity(bytes + 16);
    while text.len() < bytes {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(words[(state >> 33) as usize % words.len()]);
        text.push(' ');
    }
    text
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2020, 9, 29).unwrap()
}

fn unpunctuated(c: &mut Criterion) {
    let mut g = c.benchmark_group("unpunctuated");
    g.sample_size(10);
    for size in [250_000, 1_000_000] {
        let text = endless(size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("timex", size), &text, |b, t| {
            b.iter(|| black_box(time::tag(t, day(), DocType::News)).len())
        });
        let article = Article::new("a", day(), text.clone());
        g.bench_with_input(BenchmarkId::new("extract", size), &article, |b, a| {
            b.iter(|| {
                black_box(write::toml_text(&extract(a, Lexicon::shipped())).map_or(0, |t| t.len()))
            })
        });
    }
    g.finish();
}

fn dangling(c: &mut Criterion) {
    let store = stores::dangling_links_jsonl(3000);
    let mut g = c.benchmark_group("check");
    g.sample_size(10);
    g.bench_function("3000-dangling-links", |b| {
        b.iter(|| black_box(annals::store::parse("s.jsonl", &store)).1.len())
    });
    g.finish();
}

#[path = "../tests/stores.rs"]
mod stores;

criterion_group!(benches, unpunctuated, dangling);
criterion_main!(benches);
