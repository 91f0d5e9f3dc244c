//! The text layer every stage reads through: tokens and sentences (and,
//! later, tags and parses) of raw text, with exact offsets.

mod rules;
mod sentences;
pub mod tokenize;
mod words;

pub use tokenize::{tokenize, Sentence, Token, Tokenized};
