//! What the models see of a word: hashes of its lower-cased form, exact
//! form, affixes and shape, computed once per token so that feature
//! templates only combine numbers.

use super::perceptron::{hash_str, mix};

/// Hashed views of one word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordView {
    pub(crate) lower: u64,
    pub(crate) exact: u64,
    pub(crate) prefix: [u64; 3],
    pub(crate) suffix: [u64; 4],
    pub(crate) shape: u64,
}

impl WordView {
    pub(crate) fn new(form: &str) -> WordView {
        let lower = form.to_lowercase();
        // Affixes are slices of the lower-cased form, not new strings.
        let prefix = std::array::from_fn(|k| {
            let end = lower
                .char_indices()
                .nth(k + 1)
                .map_or(lower.len(), |(i, _)| i);
            mix(hash_str(&lower[..end]), 1 + k as u64)
        });
        let suffix = std::array::from_fn(|k| {
            let start = lower.char_indices().rev().nth(k).map_or(0, |(i, _)| i);
            mix(hash_str(&lower[start..]), 11 + k as u64)
        });
        WordView {
            lower: hash_str(&lower),
            exact: mix(hash_str(form), 7),
            prefix,
            suffix,
            shape: mix(hash_str(&shape(form)), 9),
        }
    }
}

/// The word's outline: `Xxx` for "Baghdad", `dd.d` for "12.5", runs of one
/// kind of character cut to two, so that shapes generalise over lengths.
pub(crate) fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars().take(24) {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if run <= 2 {
            out.push(s);
        }
    }
    out
}

/// A feature from a template number and up to three values.
fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(template.wrapping_mul(0x1000_0001), a), b), c)
}

/// The features of a table of templates: row `k` holds the values template
/// `first + k` combines (0 where it uses fewer than three). A template's
/// number is its place in the table, so none is skipped or given twice;
/// the trained weights are keyed by these numbers.
pub(crate) fn templates(first: u64, rows: &[[u64; 3]], out: &mut Vec<u64>) {
    out.extend(
        rows.iter()
            .zip(first..)
            .map(|(&[a, b, c], template)| feat(template, a, b, c)),
    );
}
