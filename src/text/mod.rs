//! The text layer every stage reads through: tokens and sentences of raw
//! text with exact offsets, then part-of-speech tags, lemmas and a
//! dependency parse from a model trained on the Universal Dependencies
//! English Web Treebank.
//!
//! ```
//! use annals::text::{Doc, Upos};
//!
//! let doc = Doc::parse("The council declared a curfew on Sunday.");
//! let verb = doc.words.iter().position(|w| w.upos == Upos::Verb).unwrap();
//! assert_eq!(doc.words[verb].lemma, "declare");
//! let object = doc.objects(verb)[0];
//! assert_eq!(doc.form(object), "curfew");
//! ```

pub mod conllu;
mod doc;
mod error;
mod features;
mod finite;
mod lemma;
mod model;
mod parse_features;
mod parser;
mod perceptron;
pub(crate) mod rules;
mod sentences;
mod tagger;
mod tokenize;
mod transition;
mod words;

pub use doc::{Doc, UnknownUpos, Upos, Word};
pub use error::TextError;
pub use model::{Analysis, Model, TrainOptions};
pub(crate) use perceptron::{fnv, hash_str, mix, KeyMap, FNV_START};
pub(crate) use rules::Map as WordMap;
pub use tokenize::{tokenize, Sentence, Token, Tokenized};
