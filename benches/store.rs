//! The spine at corpus scale: a synthetic store of 100,000 events and
//! 200,000 links, loaded from TOML, checked, ordered and exported.
//!
//! `cargo bench --bench store`

use std::fmt::Write;
use std::hint::black_box;

use annals::export::{dot, json, select, timeline, Filter};
use annals::graph::{check, CausalGraph};
use criterion::{criterion_group, criterion_main, Criterion};

const EVENTS: usize = 100_000;
const LINKS: usize = 200_000;
const KINDS: [&str; 6] = [
    "assault", "protest", "threaten", "consult", "agree", "coerce",
];

/// A deterministic store: events spread over ten years with mixed date
/// forms, links from earlier to later events (a DAG, so `check` is clean).
fn synthetic_store() -> String {
    let mut s = String::with_capacity(60 * 1024 * 1024);
    s.push_str("[[source]]\nid = \"synthetic\"\ntitle = \"Synthetic\"\noutlet = \"Bench\"\nurl = \"https://example.org\"\npublished = 2030-01-01\n\n");
    let start = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for i in 0..EVENTS {
        let day = start + chrono::Duration::days((i * 3650 / EVENTS) as i64);
        let date = match i % 5 {
            0 => format!("\"{}\"", day.format("%Y-%m-%d")),
            1 => format!("\"{}~\"", day.format("%Y-%m-%d")),
            2 => format!("\"{}\"", day.format("%Y-%m")),
            3 => format!("\"{}\"", day.format("%G-W%V")),
            _ => format!("{}", day.format("%Y-%m-%d")),
        };
        let _ = write!(
            s,
            "[[event]]\nid = \"e{i}\"\ndate = {date}\ntitle = \"Event {i}: forces \\\"clash\\\" near the river\"\nkind = \"{}\"\nactors = [{{ name = \"Actor {}\", country = \"USA\" }}]\nplace = \"Town {}\"\nsources = [{{ id = \"synthetic\", quote = \"Sentence {i}.\" }}]\n\n",
            KINDS[i % KINDS.len()],
            i % 50,
            i % 300
        );
    }
    for l in 0..LINKS {
        let a = (next() as usize) % (EVENTS - 1);
        let b = a + 1 + (next() as usize) % 200.min(EVENTS - a - 1);
        let _ = write!(s, "[[link]]\nfrom = \"e{a}\"\nto = \"e{b}\"\nrelation = \"causes\"\nevidence = \"link {l}\"\n\n");
    }
    s
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.toml");
    std::fs::write(&path, synthetic_store()).unwrap();
    let path = path.to_str().unwrap().to_string();

    let (loaded, diags) = annals::store::read(&path).unwrap();
    assert!(
        diags.is_empty(),
        "synthetic store has problems: {:?}",
        &diags[..diags.len().min(3)]
    );
    assert_eq!(loaded.store.events.len(), EVENTS);
    let problems: Vec<_> = check::check(&loaded)
        .into_iter()
        .filter(|d| d.severity == annals::Severity::Error)
        .collect();
    assert!(problems.is_empty(), "{}", problems[0]);

    let mut g = c.benchmark_group("store-100k");
    g.sample_size(10);
    g.bench_function("load", |b| {
        b.iter(|| black_box(annals::store::read(&path).unwrap()))
    });
    g.bench_function("graph", |b| {
        b.iter(|| black_box(CausalGraph::new(&loaded.store)))
    });
    g.bench_function("check", |b| b.iter(|| black_box(check::check(&loaded))));
    let graph = CausalGraph::new(&loaded.store);
    g.bench_function("chronological", |b| {
        b.iter(|| black_box(graph.chronological()))
    });
    let nodes = select(&graph, &Filter::default()).unwrap();
    g.bench_function("timeline-md", |b| {
        b.iter(|| black_box(timeline::markdown(&graph, &nodes, "Bench", None)))
    });
    g.bench_function("timeline-json", |b| {
        b.iter(|| black_box(json::timeline(&graph, &nodes)))
    });
    g.bench_function("dot", |b| {
        b.iter(|| black_box(dot::dot(&graph, &nodes, dot::Options::default())))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
