//! The pieces issue 16's sixth round made cheaper, each on its own:
//!
//! - `dates/json-100k`: 100,000 dates of four forms read from JSON (a
//!   date is parsed where it lies, not copied into a buffer first);
//! - `escape/dot-10k` and `escape/md-10k`: DOT and Markdown of 10,000
//!   events whose titles, quotes and places are long and hold characters
//!   each format escapes (the escapers look for them eight bytes a step);
//! - `dot-rows/10k-days`: DOT of 10,000 events on as many days, where
//!   choosing the row length estimates the picture for every candidate
//!   (once each now, twice a comparison before).
//!
//! `cargo bench --bench pieces`

use std::fmt::Write;
use std::hint::black_box;

use annals::export::{dot, select, timeline, Filter};
use annals::graph::CausalGraph;
use annals::model::EventDate;
use criterion::{criterion_group, criterion_main, Criterion};

/// JSON Lines of `n` events, one a day from 2000 on (`spread` days
/// apart), with `title` in each title and quote.
fn store(n: usize, spread: i64, title: &str) -> annals::model::Store {
    let start = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let mut s = String::from(
        "{\"type\":\"source\",\"id\":\"s\",\"url\":\"https://example.org/a&b\",\"published\":\"2030-01-01\"}\n",
    );
    for i in 0..n {
        let day = start + chrono::Duration::days(i as i64 * spread);
        let _ = writeln!(
            s,
            "{{\"id\":\"e{i}\",\"date\":\"{}\",\"title\":\"{i} {title}\",\"kind\":\"protest\",\"place\":\"{title}\",\"sources\":[{{\"id\":\"s\",\"quote\":\"{title}\"}}]}}",
            day.format("%Y-%m-%d")
        );
    }
    let (loaded, problems) = annals::store::parse("bench.jsonl", &s);
    assert!(problems.is_empty(), "{:?}", &problems[..1]);
    loaded.store
}

fn dates(c: &mut Criterion) {
    let start = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let forms: Vec<String> = (0..100_000)
        .map(|i| {
            let day = start + chrono::Duration::days(i % 3650);
            let form = match i % 4 {
                0 => "%Y-%m-%d",
                1 => "%Y-%m-%d~",
                2 => "%Y-%m",
                _ => "%G-W%V",
            };
            day.format(form).to_string()
        })
        .collect();
    let text = serde_json::to_string(&forms).unwrap();
    let mut g = c.benchmark_group("dates");
    g.sample_size(20);
    g.bench_function("json-100k", |b| {
        b.iter(|| black_box(serde_json::from_str::<Vec<EventDate>>(&text).unwrap()))
    });
    g.finish();
}

fn escape(c: &mut Criterion) {
    let title = "Forces \\\"clash\\\" near the river <Tigris> & the café \
                 [*reported*] by the ministry's # office | then \\\\ talks resume \
                 after a long day of meetings in the capital and the provinces";
    let store = store(10_000, 1, title);
    let graph = CausalGraph::new(&store);
    let nodes = select(&graph, &Filter::default()).unwrap();
    let mut g = c.benchmark_group("escape");
    g.sample_size(20);
    g.bench_function("dot-10k", |b| {
        b.iter(|| black_box(dot::dot(&graph, &nodes, dot::Options::default())))
    });
    g.bench_function("md-10k", |b| {
        b.iter(|| black_box(timeline::markdown(&graph, &nodes, "Bench", None)))
    });
    g.finish();
}

fn dot_rows(c: &mut Criterion) {
    let store = store(10_000, 1, "A plain title");
    let graph = CausalGraph::new(&store);
    let nodes = select(&graph, &Filter::default()).unwrap();
    let mut g = c.benchmark_group("dot-rows");
    g.sample_size(20);
    g.bench_function("10k-days", |b| {
        b.iter(|| black_box(dot::dot(&graph, &nodes, dot::Options::default())))
    });
    g.finish();
}

criterion_group!(benches, dates, escape, dot_rows);
criterion_main!(benches);
