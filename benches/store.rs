//! The spine at corpus scale: a synthetic store of 100,000 events and
//! 200,000 links, loaded from TOML, checked, ordered and exported; then the
//! same store with one back-link (a cycle through most of it) and with one
//! source per five events, which must cost about the same.
//!
//! Then reading that store from JSON Lines, and one file of a folder whose
//! 20k sources sit in another file of it.
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
/// forms, links from earlier to later events (a DAG, so `check` is clean
/// unless `back_link` adds one from the last linked event to the first), each
/// event citing one of `sources` sources.
fn synthetic_store(sources: usize, back_link: bool) -> String {
    let mut s = String::with_capacity(60 * 1024 * 1024);
    for j in 0..sources {
        let _ = write!(s, "[[source]]\nid = \"synthetic-{j}\"\ntitle = \"Synthetic {j}\"\noutlet = \"Bench\"\nurl = \"https://example.org/{j}\"\npublished = 2030-01-01\n\n");
    }
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
            "[[event]]\nid = \"e{i}\"\ndate = {date}\ntitle = \"Event {i}: forces \\\"clash\\\" near the river\"\nkind = \"{}\"\nactors = [{{ name = \"Actor {}\", country = \"USA\" }}]\nplace = \"Town {}\"\nsources = [{{ id = \"synthetic-{}\", quote = \"Sentence {i}.\" }}]\n\n",
            KINDS[i % KINDS.len()],
            i % 50,
            i % 300,
            i % sources
        );
    }
    let (mut first, mut last) = (EVENTS, 0);
    for l in 0..LINKS {
        let a = (next() as usize) % (EVENTS - 1);
        let b = a + 1 + (next() as usize) % 200.min(EVENTS - a - 1);
        (first, last) = (first.min(a), last.max(b));
        let _ = write!(s, "[[link]]\nfrom = \"e{a}\"\nto = \"e{b}\"\nrelation = \"causes\"\nevidence = \"link {l}\"\n\n");
    }
    if back_link {
        let _ = write!(
            s,
            "[[link]]\nfrom = \"e{last}\"\nto = \"e{first}\"\nrelation = \"causes\"\nevidence = \"back\"\n\n"
        );
    }
    s
}

/// Loads `text` from a file in `dir` named `name`.
fn load(dir: &std::path::Path, name: &str, text: String) -> (String, annals::store::Loaded) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap().to_string();
    let (loaded, diags) = annals::store::read(&path).unwrap();
    assert!(
        diags.is_empty(),
        "synthetic store has problems: {:?}",
        &diags[..diags.len().min(3)]
    );
    assert_eq!(loaded.store.events.len(), EVENTS);
    (path, loaded)
}

/// `check`, Markdown and DOT on 100k events citing 20k sources.
fn bench_sources(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (_, loaded) = load(
        dir.path(),
        "sources.toml",
        synthetic_store(EVENTS / 5, false),
    );
    assert!(check::check(&loaded).is_empty());
    let mut g = c.benchmark_group("store-100k-sources-20k");
    g.sample_size(10);
    g.bench_function("check", |b| b.iter(|| black_box(check::check(&loaded))));
    let graph = CausalGraph::new(&loaded.store);
    let nodes = select(&graph, &Filter::default()).unwrap();
    g.bench_function("timeline-md", |b| {
        b.iter(|| black_box(timeline::markdown(&graph, &nodes, "Bench", None)))
    });
    g.bench_function("dot", |b| {
        b.iter(|| black_box(dot::dot(&graph, &nodes, dot::Options::default())))
    });
    g.finish();
}

/// `check` on 100k events where one back-link closes a cycle through most
/// of the graph.
fn bench_cycle(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (_, loaded) = load(dir.path(), "cycle.toml", synthetic_store(1, true));
    let diags = check::check(&loaded);
    let cycles = diags
        .iter()
        .filter(|d| d.message.starts_with("causal cycle"))
        .count();
    assert_eq!(cycles, 1, "{:?}", &diags[..diags.len().min(3)]);
    let mut g = c.benchmark_group("store-100k-one-cycle");
    g.sample_size(10);
    g.bench_function("check", |b| b.iter(|| black_box(check::check(&loaded))));
    g.finish();
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (path, loaded) = load(dir.path(), "store.toml", synthetic_store(1, false));
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
    // The same store as `annals timeline --format jsonl` prints it, read
    // back in one pass a line at a time.
    let lines = {
        let graph = CausalGraph::new(&loaded.store);
        json::jsonl(&graph, &select(&graph, &Filter::default()).unwrap()).unwrap()
    };
    g.bench_function("load-jsonl", |b| {
        b.iter(|| black_box(annals::store::parse("store.jsonl", &lines)))
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

/// One file of a folder read alone, its 20k events citing 20k sources
/// kept in the folder's `sources.toml`, against the same with one source:
/// the sources it lacks are found through sets, not a scan of every
/// event's citations for each source of the folder.
fn bench_sibling_sources(c: &mut Criterion) {
    const N: usize = 20_000;
    let mut g = c.benchmark_group("store-20k-sibling-sources");
    g.sample_size(10);
    for sources in [1, N] {
        let dir = tempfile::tempdir().unwrap();
        let mut s = String::new();
        for j in 0..sources {
            let _ = write!(s, "[[source]]\nid = \"s{j}\"\npublished = 2030-01-01\n\n");
        }
        std::fs::write(dir.path().join("sources.toml"), s).unwrap();
        let mut e = String::new();
        for i in 0..N {
            let _ = write!(e, "[[event]]\nid = \"e{i}\"\ndate = 2020-01-01\ntitle = \"E\"\nkind = \"protest\"\nsources = [{{ id = \"s{}\" }}]\n\n", i % sources);
        }
        let path = dir.path().join("events.toml");
        std::fs::write(&path, e).unwrap();
        let path = path.to_str().unwrap().to_string();
        let (loaded, diags) = annals::store::read(&path).unwrap();
        assert!(diags.is_empty(), "{:?}", &diags[..diags.len().min(3)]);
        assert_eq!(loaded.store.sources.len(), sources);
        g.bench_function(format!("read-one-file-{sources}-sources"), |b| {
            b.iter(|| black_box(annals::store::read(&path).unwrap()))
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    bench,
    bench_cycle,
    bench_sources,
    bench_sibling_sources
);
criterion_main!(benches);
