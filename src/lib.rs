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
#![warn(missing_docs)]

pub mod batch;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod input;
pub mod model;
pub mod store;
pub mod text;
pub mod time;

pub use error::{Diagnostic, Error, Location, Result, Severity};
