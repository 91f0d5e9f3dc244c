//! What can go wrong in the store layer besides files that cannot be read
//! ([`crate::Error::Io`]): store text with problems, a store that cannot be
//! written as asked.

use std::path::PathBuf;

use crate::error::{Diagnostic, Location};

/// The message of [`StoreError::Exists`] for each file.
const EXISTS: &str = "the file exists; nothing was written";

/// A store whose text has problems, or that cannot be written as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::error::render(&self.diagnostics()))]
pub enum StoreError {
    /// Store text with problems: every one found, each located (file,
    /// line, column) with how to fix it. A store that does not validate
    /// ([`crate::store::load`]), a file to update that is not a valid store
    /// or no longer holds the event to update.
    Invalid(Vec<Diagnostic>),
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
            StoreError::Invalid(problems) => problems.clone(),
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
