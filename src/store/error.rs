//! What can go wrong in the store layer besides files that cannot be read
//! ([`crate::Error::Io`]) and store text with problems
//! ([`crate::Error::Invalid`], each problem located).

use std::path::PathBuf;

use crate::error::{Diagnostic, Location};

/// The message of [`StoreError::Exists`] for each file.
const EXISTS: &str = "the file exists; nothing was written";

/// A store that cannot be written as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::error::render(&self.diagnostics()))]
pub enum StoreError {
    /// Files that were to be created exist: nothing was written to them.
    Exists(Vec<PathBuf>),
    /// The serializer refused the store (a value the format cannot hold):
    /// nothing is written rather than a partial file.
    Unwritable {
        /// `TOML` or `JSON`.
        format: &'static str,
        /// What the serializer said.
        reason: String,
    },
}

impl StoreError {
    /// The error as located problems, one a file.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            StoreError::Exists(paths) => paths
                .iter()
                .map(|p| {
                    Diagnostic::error(Some(Location::Path(p.display().to_string())), EXISTS)
                        .with_help("update it instead, which adds new findings and keeps your edits, or write to another folder")
                })
                .collect(),
            StoreError::Unwritable { format, reason } => vec![Diagnostic::error(
                None,
                format!("the store cannot be written as {format}: {reason}"),
            )
            .with_help("this is a bug in annals: please report it with the store")],
        }
    }
}
