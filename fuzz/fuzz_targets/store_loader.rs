//! Any bytes as a store file (the first byte picks TOML or JSON Lines):
//! loading and checking never panic, every problem is located, and a
//! store without errors goes through every export and walk.
#![no_main]

mod bytes;

use annals::export::{self, json, timeline, walk};
use annals::graph::{CausalGraph, Direction};
use annals::Severity;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((pick, text)) = bytes::pick_and_text(data) else {
        return;
    };
    let name = if pick % 2 == 0 {
        "fuzz.toml"
    } else {
        "fuzz.jsonl"
    };
    let (loaded, mut diags) = annals::store::parse(name, text);
    if diags.iter().any(|d| d.severity == Severity::Error) {
        for d in &diags {
            assert!(d.location.is_some(), "an unlocated error: {d}");
        }
        return;
    }
    diags.extend(annals::graph::check::check(&loaded));
    for d in &diags {
        let _ = d.to_string();
    }
    let store = &loaded.store;
    let graph = CausalGraph::new(store);
    let Ok(nodes) = export::select(&graph, &export::filter::Filter::default()) else {
        return;
    };
    let _ = timeline::markdown(&graph, &nodes, "T", None);
    let _ = timeline::text(&graph, &nodes);
    let _ = json::timeline(&graph, &nodes);
    let _ = json::jsonl(&graph, &nodes);
    let _ = json::timelinejs(&graph, &nodes, "T");
    if let Some(e) = store.events.first() {
        if let Ok(n) = graph.find(&e.id) {
            let _ = walk::tree(&graph, n, Direction::Causes);
            let _ = walk::tree(&graph, n, Direction::Effects);
        }
    }
});
