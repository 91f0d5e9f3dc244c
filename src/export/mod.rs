//! Exports: pure functions from the causal graph to text.
//!
//! Nothing here reads or writes files; the command front does. That keeps
//! every format testable byte for byte and deterministic: the same store
//! gives the same output.

pub mod brief;
pub mod dot;
mod error;
pub mod filter;
pub mod human;
pub mod json;
mod layout;
pub mod table;
pub mod timeline;
pub mod walk;

pub use error::ExportError;
pub use filter::{select, why_empty, Filter};
