//! Tokens and sentences of a text, with byte and code-point offsets.
//!
//! Tokens follow the conventions of the Universal Dependencies English Web
//! Treebank, which the tagger and parser are trained on: punctuation is a
//! token of its own, clitics are split ("do n't", "ca n't", "John 's"),
//! hyphens are tokens except after prefixes ("e-mail", "mid-July"),
//! numbers ("1,000.50", "10:30"), acronyms ("U.S.", "a.m."), abbreviations
//! ("Dr.", "Sept.") and web and e-mail addresses are whole. Every token is
//! a slice of the text as written, so offsets are exact. The word lists
//! are data, in `rules.toml` beside this file.
//!
//! Tokenizing is one linear pass; sentences longer than
//! 160 tokens are cut into windows
//! so that what runs per sentence stays bounded on any input.

use std::ops::Range;

use super::rules::rules;
use super::{sentences, words};

/// A token: a non-empty slice of the text, without white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset after its last byte.
    pub end: usize,
    /// Offset of its first character, in Unicode code points.
    pub cp_start: usize,
    /// Offset after its last character, in code points.
    pub cp_end: usize,
}

impl Token {
    /// The token as written in `text` (the text it was made from).
    pub fn form<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// A sentence, or a window of a long one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of its first token.
    pub start: usize,
    /// Byte offset after its last token.
    pub end: usize,
    /// Its tokens, as indices into [`Tokenized::tokens`].
    pub tokens: Range<usize>,
    /// True for a window that continues the sentence before it (a sentence
    /// too long to handle whole, cut at a semicolon, comma, conjunction or
    /// its length limit).
    pub continues: bool,
}

/// The tokens and sentences of a text. Sentences are in order and cover
/// every token once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tokenized {
    /// Every token, in text order.
    pub tokens: Vec<Token>,
    /// Every sentence, in text order.
    pub sentences: Vec<Sentence>,
}

/// Splits `text` into tokens and sentences.
///
/// ```
/// let text = "Rockets hit the embassy. Nobody was hurt.";
/// let t = annals::text::tokenize(text);
/// assert_eq!(t.sentences.len(), 2);
/// let first = &t.tokens[0];
/// assert_eq!(&text[first.start..first.end], "Rockets");
/// ```
pub fn tokenize(text: &str) -> Tokenized {
    let rules = rules();
    let mut spans = Vec::with_capacity(text.len() / 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let w = space_len(text, i);
        if w > 0 {
            i += w;
            continue;
        }
        let mut j = i;
        while j < bytes.len() {
            let b = bytes[j];
            if b < 0x80 {
                if b.is_ascii_whitespace() || b == 0x0b {
                    break;
                }
                j += 1;
            } else if space_len(text, j) > 0 {
                break;
            } else {
                j += utf8_len(b);
            }
        }
        words::split(text, i, j, rules, &mut spans);
        i = j;
    }
    let sentences = sentences::split(text, &spans, rules)
        .into_iter()
        .map(|(a, b, continues)| Sentence {
            start: spans[a].0,
            end: spans[b - 1].1,
            tokens: a..b,
            continues,
        })
        .collect();
    Tokenized {
        tokens: with_code_points(text, &spans),
        sentences,
    }
}

/// The byte length of the white space character at `i`, or 0.
fn space_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return usize::from(b.is_ascii_whitespace() || b == 0x0b);
    }
    match text[i..].chars().next() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// The length of the UTF-8 sequence a lead byte opens.
fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Tokens with code-point offsets, counted in one pass.
fn with_code_points(text: &str, spans: &[(usize, usize)]) -> Vec<Token> {
    if text.is_ascii() {
        let token = |&(start, end): &(usize, usize)| Token {
            start,
            end,
            cp_start: start,
            cp_end: end,
        };
        return spans.iter().map(token).collect();
    }
    let chars = |a: usize, b: usize| {
        text.as_bytes()[a..b]
            .iter()
            .filter(|&&b| b & 0xc0 != 0x80)
            .count()
    };
    let (mut byte, mut cp) = (0, 0);
    spans
        .iter()
        .map(|&(start, end)| {
            let cp_start = cp + chars(byte, start);
            let cp_end = cp_start + chars(start, end);
            (byte, cp) = (end, cp_end);
            Token {
                start,
                end,
                cp_start,
                cp_end,
            }
        })
        .collect()
}
