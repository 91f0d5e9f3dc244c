//! One pass over the text: words, numbers and punctuation, each with its
//! byte span, lowercase form, lexicon entry and sentence number.

use super::lexicon::{lexicon, Lex};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Letters (with inner apostrophes), or an abbreviation with its dot.
    Word,
    /// Digits, possibly with inner `:`, `/`, `-` or `.` (`20:30`, `9/29/2020`).
    Number,
    /// Any other single character.
    Punct,
}

/// A token.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// Its shape.
    pub shape: Shape,
    /// Lowercase text.
    pub lower: String,
    /// True when the first letter is upper case.
    pub capital: bool,
    /// Lexicon meanings, if the word is known.
    pub lex: Option<&'static Lex>,
    /// Sentence number, counted from 0.
    pub sentence: u32,
}

/// Splits `text` into tokens.
pub fn scan(text: &str) -> Vec<Token> {
    let lex = lexicon();
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut sentence = 0u32;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            if c == b'\n' && bytes.get(i + 1) == Some(&b'\n') {
                sentence += 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        let shape;
        if c.is_ascii_digit() {
            i += 1;
            while i < bytes.len() {
                let b = bytes[i];
                let inner = matches!(b, b':' | b'/' | b'-' | b'.')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if b.is_ascii_digit() || inner {
                    i += 1;
                } else if b.is_ascii_alphabetic() && i - start <= 4 {
                    // 1990s, 21st, 8pm: letters glued to digits.
                    while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                        i += 1;
                    }
                    break;
                } else {
                    break;
                }
            }
            shape = Shape::Number;
        } else if c.is_ascii_alphabetic()
            || c >= 0x80 && text[i..].chars().next().is_some_and(char::is_alphabetic)
        {
            while i < bytes.len() {
                let b = bytes[i];
                if b.is_ascii_alphabetic() {
                    i += 1;
                } else if b >= 0x80 {
                    match text[i..].chars().next() {
                        Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                        _ => break,
                    }
                } else if b == b'\'' && inner_apostrophe(bytes, i) {
                    i += 1;
                } else {
                    break;
                }
            }
            // Abbreviations keep their dot: "Sept.", "a.m.", "p.m.".
            if bytes.get(i) == Some(&b'.') {
                let word = text[start..i].to_ascii_lowercase();
                if (word == "a" || word == "p") && text[i..].to_ascii_lowercase().starts_with(".m.")
                {
                    i += 3;
                } else if lex.contains_key(&format!("{word}.")) {
                    i += 1;
                }
            }
            shape = Shape::Word;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            shape = Shape::Punct;
        }
        let raw = &text[start..i];
        let lower = raw.to_lowercase();
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        let entry = lex.get(&lower);
        // The dot after an initial ("U.S.", "J. Smith") ends no sentence.
        let initial = c == b'.'
            && tokens.last().is_some_and(|t: &Token| {
                t.end == start && t.shape == Shape::Word && t.lower.chars().count() == 1
            });
        let ends_sentence =
            shape == Shape::Punct && matches!(c, b'.' | b'!' | b'?' | b';') && !initial;
        tokens.push(Token {
            start,
            end: i,
            shape,
            lower,
            capital,
            lex: entry,
            sentence,
        });
        if ends_sentence {
            sentence += 1;
        }
    }
    tokens
}

/// An apostrophe inside a word ("don't", "Kata'ib"), but not the
/// possessive "'s", which is split off so "year's" is "year".
fn inner_apostrophe(bytes: &[u8], i: usize) -> bool {
    let next = bytes.get(i + 1);
    let possessive =
        matches!(next, Some(b's' | b'S')) && !bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic);
    next.is_some_and(u8::is_ascii_alphabetic) && !possessive
}
