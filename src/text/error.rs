//! What can go wrong in the text layer: a treebank with bad lines, a model
//! that cannot be read or trained.

use crate::error::Diagnostic;

/// A treebank with problems, or a text model that cannot be read or
/// trained.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// CoNLL-U text with bad lines: every one found, located at its line
    /// with how to fix it.
    #[error("{}", crate::error::render(.0))]
    Treebank(Vec<Diagnostic>),
    /// The bytes are not a model this build wrote.
    #[error("the model file is damaged or not an annals text model (retrain it: see the README)")]
    DamagedModel,
    /// A training word without a universal part of speech.
    #[error("sentence {sentence}, word {word} of the training treebank: `{form}` has no universal part of speech (`{upos}`): train on a treebank with UPOS tags")]
    UntaggedWord {
        /// 1-based number of its sentence in the treebank.
        sentence: usize,
        /// 1-based index of the word in its sentence (its CoNLL-U ID).
        word: usize,
        /// The word.
        form: String,
        /// Its UPOS column.
        upos: String,
    },
    /// A treebank with more classes than a model holds.
    #[error("the treebank has {pairs} pairs of tags and {relations} relations; a model holds at most {max_pairs} pairs and {max_relations} relations: train on a treebank with fewer distinct tags (map rare XPOS tags or relation subtypes to their base)")]
    TooManyClasses {
        /// Pairs of UPOS and XPOS tags.
        pairs: usize,
        /// Dependency relations.
        relations: usize,
        /// The most pairs a model holds.
        max_pairs: usize,
        /// The most relations a model holds.
        max_relations: usize,
    },
}
