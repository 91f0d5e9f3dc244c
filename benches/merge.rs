//! Merging extracted events: `cargo bench --bench merge`.
//!
//! `merge/200000` merges 200,000 events as an extractor gives them: 40,000
//! happenings over three years, each reported by one to nine articles
//! (the words of a report vary: a word more, the actor's family name
//! alone; names are capitalised, as the extractor writes them, so they
//! anchor matches as named participants do), and as many events again
//! that no other article reports, a quarter of them undated.
//! `merge/50000` and `merge/100000` give the growth with size (memory and
//! time linear: blocks, not pairs). One thread. Before timing, each size is merged once under a counting
//! allocator, which prints the peak heap the merge takes above its input.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use annals::merge::merge;
use annals::model::{Actor, Citation, Event, EventDate, Kind, Mode, Source, Store};
use chrono::{Days, NaiveDate};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak heap, in bytes, that merging `s` takes above what was in use
/// before (`s` itself and its clone, which the merge consumes).
fn peak_of_merge(s: &Store) -> usize {
    let input = s.clone();
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    drop(black_box(merge(input)));
    PEAK.load(Ordering::Relaxed) - before
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) % n
    }
}

const VERBS: [&str; 12] = [
    "attacks",
    "resigns",
    "meets",
    "arrests",
    "protests",
    "condemns",
    "shells",
    "visits",
    "sanctions",
    "bombs",
    "rallies",
    "negotiates",
];

/// A made-up proper name, capitalised as the extractor writes names
/// ("Kalomipe"), whose first five letters tell it apart (matching compares
/// the first five letters of words).
fn name(n: u64) -> String {
    const SYL: [&str; 16] = [
        "Ka", "Lo", "Mi", "Nu", "Pe", "Ra", "Si", "To", "Ve", "Zu", "Da", "Fo", "Gi", "Hu", "Ja",
        "Be",
    ];
    let s = |k: u64| SYL[(k % 16) as usize];
    let low = |k: u64| s(k).to_lowercase();
    format!("{}{}{}{}", s(n), low(n / 16), low(n / 256), low(n / 4096))
}

fn named(name: String) -> Actor {
    Actor {
        name: name.into(),
        country: None,
        role: None,
    }
}

fn report(rng: &mut Rng, happening: u64, source: usize, undated: bool) -> Event {
    let mut h = Rng(happening);
    let start = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
    let day = start + Days::new(h.next(1100));
    let kind = Kind::ALL[h.next(Kind::ALL.len() as u64) as usize];
    let (given, family) = (name(h.next(3000)), name(h.next(3000) + 7));
    // A third of the reports name the actor by the family name alone.
    let actor = if rng.next(3) == 0 {
        family
    } else {
        format!("{given} {family}")
    };
    let verb = VERBS[h.next(VERBS.len() as u64) as usize];
    let object = name(h.next(500) + 11);
    let extra = if rng.next(2) == 0 { " again" } else { "" };
    let date = if undated {
        EventDate::until(&EventDate::day(day + Days::new(rng.next(3)))).unwrap()
    } else {
        EventDate::day(day)
    };
    Event {
        id: format!("e{happening}-{source}-{}", rng.next(1 << 30)).into(),
        date,
        title: format!("{actor} {verb} {object}{extra}"),
        summary: None,
        kind,
        mode: Mode::Asserted,
        actors: vec![named(actor)],
        targets: vec![named(object.clone())],
        place: Some(object.into()),
        cameo: None,
        killed: None,
        injured: None,
        tags: Vec::new(),
        sources: vec![Citation {
            id: format!("s{source}").into(),
            quote: Default::default(),
            span: Some([0, 10]),
            trigger: Some([0, 5]),
        }],
        confidence: 0.8,
        discrepancies: Vec::new(),
    }
}

/// `n` extracted events: half the reports of 40,000 (scaled) happenings,
/// half reported once.
fn store(n: usize) -> Store {
    let mut rng = Rng(7);
    let happenings = (n / 5) as u64;
    let mut events = Vec::with_capacity(n);
    for i in 0..n {
        let source = rng.next(20_000) as usize;
        let undated = rng.next(4) == 0;
        let happening = if i % 2 == 0 {
            rng.next(happenings)
        } else {
            1_000_000 + i as u64
        };
        events.push(report(&mut rng, happening, source, undated));
    }
    let published = NaiveDate::from_ymd_opt(2013, 1, 1).unwrap();
    let sources = (0..20_000)
        .map(|i| Source {
            id: format!("s{i}"),
            title: String::new(),
            outlet: String::new(),
            url: String::new(),
            published,
            author: None,
        })
        .collect();
    Store {
        sources,
        events,
        ..Store::default()
    }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("merge");
    g.sample_size(10);
    for n in [50_000, 100_000, 200_000] {
        let s = store(n);
        let merged = merge(s.clone()).events.len();
        let peak = peak_of_merge(&s) as f64 / (1 << 20) as f64;
        eprintln!("merge/{n}: {n} events -> {merged}; peak heap above the input {peak:.1} MiB");
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &s, |b, s| {
            b.iter_batched(
                || s.clone(),
                |s| black_box(merge(s)),
                criterion::BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
