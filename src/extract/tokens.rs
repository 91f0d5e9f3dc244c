//! The extractor's view of the text layer's tokens: each with its
//! lowercase form and the text as written.

use crate::text::{tokenize, Token};

/// A word or punctuation mark.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte offset of its start in the text tokenized.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// Lowercase form.
    pub lower: String,
    /// The text as written.
    pub text: String,
}

impl Tok {
    /// True when the word starts with a capital letter.
    pub fn capital(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True when every letter of the word is a capital ("ANA", "U.N.").
    pub fn all_caps(&self) -> bool {
        self.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    }

    /// True for a quotation mark that opens or closes a quotation of
    /// double quotes, straight, curly or as the tagger writes them.
    pub fn quote_mark(&self) -> bool {
        matches!(self.text.as_str(), "\"" | "“" | "”" | "``" | "''")
    }
}

/// The extractor's tokens for the text layer's `tokens` of `text`.
pub fn toks(text: &str, tokens: &[Token]) -> Vec<Tok> {
    tokens
        .iter()
        .map(|t| {
            let form = t.form(text);
            Tok {
                start: t.start,
                end: t.end,
                lower: form.to_lowercase(),
                text: form.to_string(),
            }
        })
        .collect()
}

/// The tokens of a short text (a lexicon phrase).
pub fn words(text: &str) -> Vec<Tok> {
    toks(text, &tokenize(text).tokens)
}
