//! The tagger's units, read off the text layer's tokens and sentences:
//! each with its byte span, lowercase form, lexicon entry and sentence
//! number.
//!
//! The rules match a few written forms as one unit where the text layer,
//! following the treebank, writes several tokens, and the other way
//! round; units are always exact slices of the text:
//! - a number with what is glued to it: "1957-58", "9.30", "5pm" (the
//!   treebank: "1957 - 58", "5 pm");
//! - a word with its glued "n't", "'ll", "'re", "'ve", "'d", "'m"
//!   ("didn't", "won't", as the lexicon lists them), and an abbreviation
//!   the lexicon lists with its dot ("Sat.");
//! - apart: the hyphen after a prefix ("mid - November"), and the
//!   apostrophe of a possessive or a year ("year ' s", "' 90s").

use super::lexicon::{lexicon, sets, Lex};
use crate::text::{Token as TextToken, Tokenized, WordMap};

/// What a unit is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Letters, possibly with inner apostrophes, or an abbreviation with
    /// its dot.
    Word,
    /// Digits, possibly with inner `:`, `/`, `-` or `.` (`20:30`,
    /// `9/29/2020`) and glued letters (`21st`, `8pm`).
    Number,
    /// Anything else.
    Punct,
}

/// A unit the rules match.
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
    /// Sentence (or sentence window) number, counted from 0.
    pub sentence: u32,
}

/// The units of `text`, in order, from its tokens and sentences `t`.
pub fn scan(text: &str, t: &Tokenized) -> Vec<Token> {
    let lex = lexicon();
    let mut out = Vec::with_capacity(t.tokens.len() + t.tokens.len() / 8);
    for (n, s) in t.sentences.iter().enumerate() {
        let toks = &t.tokens[s.tokens.clone()];
        let mut k = 0;
        while k < toks.len() {
            // Most tokens stand alone, a space after them.
            let glued = toks.get(k + 1).is_some_and(|t| t.start == toks[k].end);
            let (end, used) = if glued {
                joined(text, toks, k, lex)
            } else {
                (toks[k].end, 1)
            };
            split(text, (toks[k].start, end), n as u32, lex, &mut out);
            k += used;
        }
    }
    out
}

/// The end of the unit that starts with `toks[k]`, and how many tokens it
/// takes.
fn joined(text: &str, toks: &[TextToken], k: usize, lex: &'static WordMap<Lex>) -> (usize, usize) {
    let form = |i: usize| toks.get(i).map_or("", |t: &TextToken| t.form(text));
    let glued = |i: usize| toks.get(i).is_some_and(|t| t.start == toks[i - 1].end);
    let digit = |i: usize| form(i).starts_with(|c: char| c.is_ascii_digit());
    let mut j = k + 1;
    if digit(k) {
        // "1957-58" is two years, which the rules take one by one.
        // "April 6-7", "6-7 February": two days of a month.
        let month = |i: usize| {
            let w = form(i).trim_end_matches('.').to_lowercase();
            lex.get(&w).is_some_and(|l| l.month.is_some())
        };
        let range = |j: usize| {
            j == k + 1
                && form(j) == "-"
                && !(glued(j + 2) && form(j + 2) == "-")
                && (year_range(form(k), form(j + 1))
                    || (bc_range(form(k), form(j + 1))
                        && sets().before_era.contains(&form(j + 2).to_lowercase()))
                    || (day_range(form(k), form(j + 1))
                        && (k.checked_sub(1).is_some_and(month) || month(j + 2))))
        };
        while glued(j)
            && glued(j + 1)
            && matches!(form(j), "-" | "/" | ":" | ".")
            && digit(j + 1)
            && !range(j)
        {
            j += 2;
        }
        let digits = toks[j - 1].end - toks[k].start;
        if glued(j) && digits <= 4 && form(j).chars().all(|c| c.is_ascii_alphabetic()) {
            j += 1;
        }
    } else if form(k).starts_with(char::is_alphabetic) && glued(j) {
        let next = form(j);
        let clitic = next.starts_with(['\'', '’', 'n', 'N']) && {
            let n = next.replace('’', "'");
            ["n't", "'ll", "'re", "'ve", "'d", "'m"]
                .iter()
                .any(|c| n.eq_ignore_ascii_case(c))
        };
        let dotted = next == "." && lex.contains_key(&format!("{}.", form(k).to_lowercase()));
        if clitic || dotted {
            j += 1;
        }
    }
    (toks[j - 1].end, j - k)
}

/// True when `a-b` is a range of years ("1957-58", "1861-1863",
/// "2005-7"): a four-digit year, then a later one, its century or decade
/// left out or not. A month after a year ("2020-09") comes before the
/// year's own two digits.
fn year_range(a: &str, b: &str) -> bool {
    let number = |s: &str| {
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(first), Some(second)) = (number(a), number(b)) else {
        return false;
    };
    let second = match b.len() {
        1 => first / 10 * 10 + second,
        2 => first / 100 * 100 + second,
        4 => second,
        _ => return false,
    };
    a.len() == 4 && (1000..=2199).contains(&first) && second > first && second <= 2199
}

/// True when `a-b` can be a range of years before the era, counted down
/// ("499-493" before "BC").
fn bc_range(a: &str, b: &str) -> bool {
    let year = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!((year(a), year(b)), (Some(x), Some(y)) if x > y && y > 0)
}

/// True when `a-b` is a range of days of a month ("6-7", "25-29").
fn day_range(a: &str, b: &str) -> bool {
    let day = |s: &str| {
        (s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    matches!((day(a), day(b)), (Some(x), Some(y)) if y > x)
}

/// Pushes `text[a..b]` as one unit, or as several where a hyphen follows
/// a prefix or an apostrophe opens a possessive or a year.
fn split(
    text: &str,
    (a, b): (usize, usize),
    sentence: u32,
    lex: &'static WordMap<Lex>,
    out: &mut Vec<Token>,
) {
    let w = &text[a..b];
    let first = w.chars().next().unwrap_or(' ');
    if matches!(first, '\'' | '’') && w.len() > first.len_utf8() {
        let cut = a + first.len_utf8();
        push(text, (a, cut), sentence, lex, out);
        return push(text, (cut, b), sentence, lex, out);
    }
    if first.is_alphabetic() && w.contains('-') && !w.contains("://") && !w.contains('@') {
        let mut from = a;
        for (i, _) in w.match_indices('-') {
            push(text, (from, a + i), sentence, lex, out);
            push(text, (a + i, a + i + 1), sentence, lex, out);
            from = a + i + 1;
        }
        return push(text, (from, b), sentence, lex, out);
    }
    push(text, (a, b), sentence, lex, out);
}

fn push(
    text: &str,
    (start, end): (usize, usize),
    sentence: u32,
    lex: &'static WordMap<Lex>,
    out: &mut Vec<Token>,
) {
    if start >= end {
        return;
    }
    let raw = &text[start..end];
    let first = raw.chars().next().unwrap_or(' ');
    let shape = if first.is_ascii_digit() {
        Shape::Number
    } else if first.is_alphabetic() {
        Shape::Word
    } else {
        Shape::Punct
    };
    let lower = if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else {
        raw.to_lowercase()
    };
    out.push(Token {
        start,
        end,
        shape,
        capital: first.is_uppercase(),
        lex: lex.get(&lower),
        lower,
        sentence,
    });
}
