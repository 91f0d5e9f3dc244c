//! Load the shipped event store and print the Markdown briefing of
//! everything that led to the US threat to close its Baghdad embassy.
//!
//! `cargo run --example briefing`

use annals::export::{select, timeline, Filter};
use annals::graph::CausalGraph;

fn main() -> Result<(), annals::Error> {
    let store = annals::store::load("events")?;
    let graph = CausalGraph::new(&store);
    let filter = Filter {
        around: Some("2020-09-22-pompeo-threatens-to-close-baghdad-embassy".into()),
        depth: 3,
        ..Filter::default()
    };
    let events = select(&graph, &filter)?;
    print!(
        "{}",
        timeline::markdown(
            &graph,
            &events,
            "US embassy in Baghdad: the road to the threat",
            None
        )
    );
    Ok(())
}
