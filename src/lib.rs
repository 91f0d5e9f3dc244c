//! annals: dated geopolitical events from news articles, linked in a causal
//! graph and exported as briefing timelines and Graphviz diagrams.
//!
//! # The pipeline
//!
//! Data flows one way, article to briefing. Each stage has one or two entry
//! points, each with a compiling example in its documentation:
//!
//! | stage | entry points | gives |
//! |---|---|---|
//! | an article | [`extract::Article::new`], [`Article::from_path`](extract::Article::from_path) | the text, its publication date and title |
//! | extraction | [`extract::extract`] with [`extract::Lexicon::shipped`] | a [`model::Store`] of the article's dated events and causal links |
//! | many articles | [`batch::extract_all`], [`batch::extract_docs`] | the same on every core, in input order |
//! | merging | [`merge::merge`], [`merge::concat`], [`merge::update::update`] | one event a happening; a store folder updated without overwriting a person's edits |
//! | the store | [`store::load`], [`store::read`], [`store::parse`], [`store::write::write_stores`] | a `Store` from TOML or JSON Lines with every problem located; atomic writes |
//! | the graph | [`graph::CausalGraph::new`], [`graph::check::check`] | events as nodes, links as edges, in chronological order; cycles and time inversions |
//! | ranking | [`rank::Ranking::new`], [`rank::key_dates`] | how much each event matters; the days a briefing leads with |
//! | export | [`export::select`], then [`export::timeline`], [`export::json`], [`export::table::csv`], [`export::dot::dot`], [`export::brief`], [`export::walk`] | Markdown, text, JSON, CSV, TimelineJS, Graphviz DOT, briefs, causal trees and paths |
//!
//! Beneath the pipeline, used by it and usable alone:
//!
//! - [`time::tag`] (and [`batch::timex_docs`] for a batch): temporal
//!   expressions resolved to TIMEX3 values and [`model::EventDate`]s;
//! - [`text`]: tokens with exact offsets ([`text::tokenize`]), tags, lemmas
//!   and a dependency parse ([`text::Doc::parse`]), CoNLL-U
//!   ([`text::conllu`]);
//! - [`model`]: the vocabulary every stage speaks ([`model::Event`],
//!   [`model::EventDate`], [`model::Kind`], [`model::Link`]);
//! - [`input::utf8`]: text as people save it (byte-order marks, a bad byte
//!   located);
//! - [`Error`]: one variant a layer, each wrapping that layer's error type
//!   whose kinds a caller matches on; [`Diagnostic`]s with a [`Location`].
//!
//! `docs/DESIGN.md` says what passes between the stages and why.
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

// The pipeline (the table above).
pub mod batch;
pub mod export;
pub mod extract;
pub mod graph;
pub mod merge;
pub mod rank;
pub mod store;

// Beneath it, and the crate's own.
mod error;
pub mod input;
pub mod model;
mod scan;
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
