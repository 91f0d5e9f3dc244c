//! annals: dated geopolitical events from news articles, linked in a causal
//! graph and exported as briefing timelines and Graphviz diagrams.
//!
//! The library is organised by pipeline stage, data flowing one way:
//!
//! - [`model`]: events, dates, kinds, sources, links;
//! - [`store`]: reading and writing the TOML/JSON event store;
//! - [`text`]: tokens and sentences with exact offsets;
//! - [`time`]: finding and resolving temporal expressions in text;
//! - [`extract`]: pulling events out of articles;
//! - [`graph`]: the causal graph, its checks and its orders;
//! - [`export`]: timelines and DOT diagrams;
//! - [`input`]: text as people save it (BOMs, CRLF, bad lines in batches);
//! - [`batch`]: JSON Lines batches on every core, output in input order.
//!
//! The pipeline in one piece: an article in, its events extracted into a
//! store, the store's causal graph, a timeline out.
//!
//! ```
//! use annals::export::{select, timeline, Filter};
//! use annals::extract::{extract, Article, Lexicon};
//! use annals::graph::CausalGraph;
//! use chrono::NaiveDate;
//!
//! let published = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
//! let text = "Three rockets hit the US embassy in Baghdad on Sunday, officials said. \
//!             The United States threatened to close the embassy after the attack.";
//! let store = extract(&Article::new("embassy", published, text), Lexicon::shipped());
//! let graph = CausalGraph::new(&store);
//! let nodes = select(&graph, &Filter::default())?;
//! let briefing = timeline::text(&graph, &nodes);
//! assert!(briefing.contains("Three rockets hit US embassy in Baghdad"));
//! # Ok::<(), annals::Error>(())
//! ```
#![warn(missing_docs)]

pub mod batch;
mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod merge;
pub mod model;
pub mod rank;
pub mod store;
mod suggest;
pub mod text;
pub mod time;

pub use error::{Diagnostic, Error, Location, Result, Severity};

#[cfg(test)]
mod shipped {
    /// What is wrong with a loaded file, if anything.
    fn problem<T, E: std::fmt::Display>(loaded: Result<T, E>) -> Option<String> {
        loaded.err().map(|e| e.to_string())
    }

    /// Every data file built into the crate loads; what is wrong with any
    /// of them is listed, located in its file.
    #[test]
    fn every_shipped_data_file_loads() {
        let problems: Vec<String> = [
            problem(crate::model::kind::load_shipped_table()),
            problem(crate::text::rules::load_shipped()),
            problem(crate::text::Model::load_shipped()),
            problem(crate::time::lexicon::Tables::load_shipped()),
            problem(crate::extract::Lexicon::load_shipped()),
            problem(crate::extract::frames::Frames::load_shipped()),
            problem(crate::extract::verbs::Verbs::load_shipped()),
            problem(crate::extract::Actors::load_shipped()),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
