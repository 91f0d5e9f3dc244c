//! What the models see of a word: hashes of its lower-cased form, exact
//! form, affixes and shape, computed once per token so that feature
//! templates only combine numbers.

use super::perceptron::{finish, fnv, hash_str, mix, FNV_START};

/// Forms up to this many bytes are lower-cased on the stack.
const SHORT: usize = 64;

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
    /// The views of a form, lower-cased once and hashed in one pass: the
    /// prefixes' hashes are the lower-cased form's hash stopped early.
    pub(crate) fn new(form: &str) -> WordView {
        with_lower(form, |lower| {
            // Where the first and last characters end and start: for ASCII,
            // nearly every word, they are its bytes, without walking it
            // once for each affix.
            let ascii = lower.is_ascii();
            let len = lower.len();
            let mut prefix = [0; 3];
            let mut state = FNV_START;
            let mut done = 0;
            for (k, p) in prefix.iter_mut().enumerate() {
                let end = if ascii {
                    len.min(k + 1)
                } else {
                    lower.char_indices().nth(k + 1).map_or(len, |(i, _)| i)
                };
                state = fnv(state, &lower.as_bytes()[done..end]);
                done = end;
                *p = mix(finish(state), 1 + k as u64);
            }
            let suffix = std::array::from_fn(|k| {
                let start = if ascii {
                    len.saturating_sub(k + 1)
                } else {
                    lower.char_indices().rev().nth(k).map_or(0, |(i, _)| i)
                };
                mix(hash_str(&lower[start..]), 11 + k as u64)
            });
            WordView {
                lower: finish(fnv(state, &lower.as_bytes()[done..])),
                exact: mix(hash_str(form), 7),
                prefix,
                suffix,
                shape: mix(shape_hash(form), 9),
            }
        })
    }
}

/// Calls `f` with the form lower-cased: on the stack for a short ASCII
/// form, which is nearly every word, so that nothing is allocated.
pub(crate) fn with_lower<R>(form: &str, f: impl FnOnce(&str) -> R) -> R {
    if form.len() <= SHORT && form.is_ascii() {
        let mut short = [0u8; SHORT];
        let bytes = &mut short[..form.len()];
        bytes.copy_from_slice(form.as_bytes());
        bytes.make_ascii_lowercase();
        f(std::str::from_utf8(bytes).unwrap_or_default())
    } else {
        f(&form.to_lowercase())
    }
}

/// The hash of the word's shape, without writing the shape down.
fn shape_hash(form: &str) -> u64 {
    let mut state = FNV_START;
    let mut buf = [0u8; 4];
    for c in shape_chars(form) {
        state = fnv(state, c.encode_utf8(&mut buf).as_bytes());
    }
    finish(state)
}

/// The word's outline: `Xxx` for "Baghdad", `dd.d` for "12.5", runs of one
/// kind of character cut to two, so that shapes generalise over lengths.
fn shape_chars(form: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = '\0';
    let mut run = 0;
    form.chars().take(24).filter_map(move |c| {
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
        (run <= 2).then_some(s)
    })
}

/// The first step of [`feat`]: the template and its first value.
pub(crate) const fn feat_head(template: u64, a: u64) -> u64 {
    mix(template.wrapping_mul(0x1000_0001), a)
}

/// A feature from a template number and up to three values.
pub(crate) const fn feat(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(feat_head(template, a), b), c)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each prefix and suffix view hashes the first or last one to four
    /// characters of the lower-cased word (the whole word when shorter),
    /// for ASCII words and others alike.
    #[test]
    fn affixes_are_the_first_and_last_characters() {
        for (form, lower) in [
            ("Baghdad", "baghdad"),
            ("it", "it"),
            ("A", "a"),
            ("", ""),
            ("Zürich", "zürich"),
            ("ÉÉ", "éé"),
        ] {
            let v = WordView::new(form);
            let chars: Vec<char> = lower.chars().collect();
            let n = chars.len();
            for k in 0..3 {
                let first: String = chars[..n.min(k + 1)].iter().collect();
                assert_eq!(
                    v.prefix[k],
                    mix(hash_str(&first), 1 + k as u64),
                    "{form} {k}"
                );
            }
            for k in 0..4 {
                let last: String = chars[n.saturating_sub(k + 1)..].iter().collect();
                assert_eq!(
                    v.suffix[k],
                    mix(hash_str(&last), 11 + k as u64),
                    "{form} {k}"
                );
            }
            assert_eq!(v.lower, hash_str(lower));
        }
    }
}
