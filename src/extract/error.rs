//! What can go wrong in the extract layer: articles it cannot read and
//! lexicon files it cannot load. Each kind can be matched on; every problem
//! is located and says how to fix it ([`ExtractError::diagnostics`]).

use crate::error::{render, Diagnostic, Location};

/// The message of [`ExtractError::NoDate`].
const NO_DATE: &str = "no publication date found in the article";

/// An article that cannot be read, or a lexicon that cannot be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", render(&self.diagnostics()))]
pub enum ExtractError {
    /// An article without a publication date, which relative dates
    /// ("last week") count from: give it in the front matter or as
    /// [`crate::extract::Overrides::published`].
    NoDate {
        /// The article's path as the user gave it.
        path: String,
    },
    /// An article whose text cannot be read: binary or not UTF-8, front
    /// matter that is never closed or not TOML of the known keys, a batch
    /// line that is not an article.
    Article(Diagnostic),
    /// A lexicon, frame or verb file that cannot be loaded (shipped, or
    /// given with `Lexicon::with_extensions`): every problem, located.
    Lexicon(Vec<Diagnostic>),
    /// Several articles that cannot be read, in the order they were given.
    Articles(Vec<ExtractError>),
}

impl ExtractError {
    /// The error as located problems, in order.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            ExtractError::NoDate { path } => vec![Diagnostic::error(
                Some(Location::Path(path.clone())),
                NO_DATE,
            )
            .with_help(
                "give it in the front matter (published = YYYY-MM-DD) or as Overrides::published (relative dates like \"last week\" count from it)",
            )],
            ExtractError::Article(d) => vec![d.clone()],
            ExtractError::Lexicon(d) => d.clone(),
            ExtractError::Articles(all) => all.iter().flat_map(ExtractError::diagnostics).collect(),
        }
    }
}
