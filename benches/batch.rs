//! Batches on one core and on two: `timex --docs` and `extract --docs`
//! through the library's batch engine, in a rayon pool of 1 and of 2
//! threads. The 1-thread time over the 2-thread time is the scaling (the
//! goal is 1.8 or more on two idle cores).
//!
//! `cargo bench --bench batch`: 400 documents (1.4 MB) of news text,
//! each the example article with its own id.

use std::hint::black_box;

use annals::batch::{print_docs, timex_docs};
use annals::extract::Lexicon;
use annals::time::DocType;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// `n` JSON lines, each the example article as a document of both batch
/// forms (`dct` for timex, `published` for extract).
fn docs(n: usize) -> String {
    let article = include_str!("../examples/2020-09-29-us-iraq-embassy-evacuation.txt");
    let text = serde_json::to_string(article).unwrap();
    (0..n)
        .map(|i| {
            format!("{{\"id\": \"d{i}\", \"dct\": \"2020-09-29\", \"published\": \"2020-09-29\", \"text\": {text}}}\n")
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let batch = docs(400);
    let lexicon = Lexicon::shipped();
    let mut g = c.benchmark_group("batch");
    g.throughput(Throughput::Bytes(batch.len() as u64));
    g.sample_size(10);
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        g.bench_function(format!("timex-docs-{threads}-thread"), |b| {
            b.iter(|| {
                pool.install(|| {
                    let mut out = Vec::new();
                    timex_docs("docs", batch.as_bytes(), DocType::News, &mut out).unwrap();
                    black_box(out.len())
                })
            })
        });
        g.bench_function(format!("extract-docs-{threads}-thread"), |b| {
            b.iter(|| {
                pool.install(|| {
                    let mut out = Vec::new();
                    print_docs("docs", batch.as_bytes(), lexicon, &mut out).unwrap();
                    black_box(out.len())
                })
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
