//! Temporal tagging throughput on one core.
//!
//! `cargo bench --bench timex`: the example article repeated to about
//! 1 MB, as raw text (tokenizing, and parsing the sentences that ask for a
//! tense, included) and already parsed (the tagger alone), and one 800 kB
//! document of sentences with clock times (which must tag about as fast).
//! Criterion reports bytes per second.

use std::hint::black_box;

use annals::text::Doc;
use annals::time::{tag, tag_parsed, DocType};
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
    let doc = Doc::parse(&text);
    g.bench_function("tag-parsed-1MB-news", |b| {
        b.iter(|| black_box(tag_parsed(&doc, dct, DocType::News)))
    });
    let clocks = clock_document(800_000);
    g.throughput(Throughput::Bytes(clocks.len() as u64));
    g.bench_function("tag-800kB-clock-times", |b| {
        b.iter(|| black_box(tag(&clocks, dct, DocType::News)))
    });
    g.finish();
}

/// About `size` bytes of short sentences, each with a clock time ("a.m." and
/// "p.m." among them), some naming their day and most not.
fn clock_document(size: usize) -> String {
    let mut text = String::with_capacity(size + 200);
    let mut i = 0usize;
    while text.len() < size {
        let (h, m) = (1 + i % 12, (i * 7) % 60);
        let sentence = match i % 4 {
            0 => format!("Police said the shooting began at {h}:{m:02} p.m. near the bridge. "),
            1 => format!("On Tuesday the convoy left at {h} a.m. and reached the border by noon. "),
            2 => format!(
                "Sirens sounded at {:02}:{m:02} UTC, officials said. ",
                (i * 5) % 24
            ),
            _ => format!("The market reopened at {h}:{m:02} a.m. local time after the blast. "),
        };
        text.push_str(&sentence);
        i += 1;
    }
    text
}

criterion_group!(benches, bench);
criterion_main!(benches);
