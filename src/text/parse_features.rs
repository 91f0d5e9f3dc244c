//! The parser's features: the rich feature set of Zhang and Nivre (2011)
//! — words and tags of the stack and buffer, the outermost dependents
//! found so far with their labels, distances and valencies.
//!
//! A feature is the hash of its template number and up to three values
//! ([`feat`]). Most templates start from a value of one word (its form, its
//! tag, both, its suffix), and a word stands in many states, so the first
//! step of those hashes, and the whole hash of templates with one value, is
//! worked out once for each word of the sentence ([`Table`]), or once for
//! all for a template of a tag or a label alone; a state then only mixes
//! in its other values. The features are the same numbers as hashing each
//! one whole.

use std::sync::OnceLock;

use super::features::{feat, feat_head, WordView};
use super::perceptron::mix;
use super::transition::State;

/// The value a feature takes for a position with no word.
const NONE: u64 = 0x0E;
/// The value of the root's word and tag.
const ROOT: u64 = 0x0F;

/// Which value of a word a template starts from.
#[derive(Clone, Copy)]
enum Value {
    Word,
    Tag,
    /// Word and tag in one number.
    WordTag,
    /// Word, then tag, as two values.
    WordThenTag,
    Suffix,
}

/// Templates of one value, hashed whole for each word.
const WHOLE: [(u64, Value); 29] = [
    (1, Value::Word),
    (2, Value::Tag),
    (3, Value::WordTag),
    (4, Value::Word),
    (5, Value::Tag),
    (6, Value::WordTag),
    (7, Value::Word),
    (8, Value::Tag),
    (9, Value::WordTag),
    (10, Value::Word),
    (11, Value::Tag),
    (12, Value::WordThenTag),
    (13, Value::Word),
    (14, Value::Tag),
    (15, Value::Tag),
    (16, Value::Word),
    (57, Value::Word),
    (58, Value::Tag),
    (60, Value::Word),
    (61, Value::Tag),
    (63, Value::Tag),
    (65, Value::Tag),
    (67, Value::Word),
    (68, Value::Tag),
    (70, Value::Tag),
    (72, Value::Tag),
    (74, Value::Tag),
    (82, Value::Suffix),
    (83, Value::Suffix),
];

/// Templates of several values whose first is a word's: their first step
/// is hashed for each word.
const STARTED: [(u64, Value); 50] = [
    (17, Value::WordTag),
    (18, Value::WordTag),
    (19, Value::Word),
    (20, Value::WordTag),
    (21, Value::Tag),
    (22, Value::Word),
    (23, Value::Tag),
    (24, Value::Tag),
    (25, Value::Tag),
    (26, Value::Word),
    (27, Value::WordTag),
    (28, Value::Tag),
    (29, Value::Tag),
    (30, Value::Tag),
    (31, Value::Tag),
    (32, Value::Tag),
    (33, Value::Tag),
    (34, Value::Tag),
    (35, Value::Tag),
    (36, Value::Tag),
    (37, Value::Tag),
    (38, Value::Tag),
    (39, Value::Tag),
    (40, Value::Tag),
    (41, Value::Tag),
    (42, Value::Tag),
    (43, Value::Tag),
    (44, Value::Word),
    (45, Value::Tag),
    (46, Value::Word),
    (47, Value::Tag),
    (48, Value::Tag),
    (49, Value::Tag),
    (50, Value::Word),
    (51, Value::Tag),
    (52, Value::Word),
    (53, Value::Tag),
    (54, Value::Word),
    (55, Value::Tag),
    (56, Value::Tag),
    (76, Value::Word),
    (77, Value::Tag),
    (78, Value::Tag),
    (79, Value::Tag),
    (80, Value::Tag),
    (81, Value::Suffix),
    (84, Value::Tag),
    (85, Value::Tag),
    (86, Value::Tag),
    (87, Value::Word),
];

/// Templates of a dependent's label alone.
const LABELS: [u64; 8] = [59, 62, 64, 66, 69, 71, 73, 75];

/// The most labels a parser has (its classes are one byte).
const MAX_LABELS: usize = 128;

/// Each label template hashed whole for each label (row 0: no label), the
/// same for every model.
static LABEL_FEATURES: [[u64; 8]; MAX_LABELS + 1] = label_features();

const fn label_features() -> [[u64; 8]; MAX_LABELS + 1] {
    let mut table = [[0u64; 8]; MAX_LABELS + 1];
    let mut l = 0;
    while l <= MAX_LABELS {
        let value = if l == 0 { NONE } else { (l - 1) as u64 + 16 };
        let mut k = 0;
        while k < 8 {
            table[l][k] = feat(LABELS[k], value, 0, 0);
            k += 1;
        }
        l += 1;
    }
    table
}

/// A template's number is its place in a row.
const ROW: usize = 88;

/// Where a row keeps a template's hash: its place among the word's own
/// hashes, or [`TAG_ALONE`] for a template of the tag alone, whose hashes
/// all words of a tag share ([`tag_hashes`]).
const PLACES: [u8; ROW] = places();

/// The place of a template of the tag alone.
const TAG_ALONE: u8 = u8::MAX;

/// How many templates are a word's own.
const OWN: usize = 30;

const fn places() -> [u8; ROW] {
    let mut out = [TAG_ALONE; ROW];
    let mut next = 0u8;
    let mut k = 0;
    while k < WHOLE.len() + STARTED.len() {
        let (t, v) = if k < WHOLE.len() {
            WHOLE[k]
        } else {
            STARTED[k - WHOLE.len()]
        };
        if !matches!(v, Value::Tag) {
            out[t as usize] = next;
            next += 1;
        }
        k += 1;
    }
    assert!(next as usize == OWN);
    out
}

/// What a state needs of one position: its values, and its hashes.
struct Row {
    word: u64,
    tag: u64,
    word_tag: u64,
    own: [u64; OWN],
    tag_alone: &'static [u64; ROW],
}

/// The hashes worked out once for a sentence: a row for each word, then
/// the root's, then that of a missing word.
pub(crate) struct Table {
    rows: Vec<Row>,
}

impl Table {
    pub(crate) fn new(words: &[WordView], tags: &[u16]) -> Table {
        let by_tag = tag_hashes();
        let mut rows = Vec::with_capacity(words.len() + 2);
        for (w, &t) in words.iter().zip(tags) {
            rows.push(Row::new(w.lower, u64::from(t) + 16, w.suffix[2], by_tag));
        }
        rows.push(Row::new(ROOT, ROOT, ROOT, by_tag));
        rows.push(Row::new(NONE, NONE, NONE, by_tag));
        Table { rows }
    }

    /// The row of a position: a word, the root (`n`), or none.
    fn at(&self, p: Option<usize>) -> &Row {
        &self.rows[p.unwrap_or(self.rows.len() - 1)]
    }
}

/// A word's own templates in the order of their places ([`PLACES`]): the
/// template's first step, its value, and whether it is hashed whole.
const OWN_TEMPLATES: [(u64, Value, bool); OWN] = own_templates();

const fn own_templates() -> [(u64, Value, bool); OWN] {
    let mut out = [(0, Value::Word, false); OWN];
    let mut next = 0;
    let mut k = 0;
    while k < WHOLE.len() + STARTED.len() {
        let whole = k < WHOLE.len();
        let (t, v) = if whole {
            WHOLE[k]
        } else {
            STARTED[k - WHOLE.len()]
        };
        if !matches!(v, Value::Tag) {
            out[next] = (t.wrapping_mul(0x1000_0001), v, whole);
            next += 1;
        }
        k += 1;
    }
    out
}

impl Row {
    /// The hashes of one position, from its form, tag (numbered from 16)
    /// and suffix. A tag is below [`TAG_VALUES`]: a model has at most 256
    /// tags, which loading checks. The same numbers as [`each_hash`]
    /// gives, in one straight pass over [`OWN_TEMPLATES`] (a row is made
    /// for every word of every sentence parsed).
    fn new(word: u64, tag: u64, suffix: u64, by_tag: &'static [[u64; ROW]]) -> Row {
        let word_tag = word ^ tag.rotate_left(32);
        let mut own = [0u64; OWN];
        for (hash, &(first, v, whole)) in own.iter_mut().zip(&OWN_TEMPLATES) {
            let value = match v {
                Value::Word | Value::WordThenTag => word,
                Value::Tag => tag,
                Value::WordTag => word_tag,
                Value::Suffix => suffix,
            };
            // `feat_head`, then for a whole template `feat`'s other steps.
            let head = mix(first, value);
            *hash = if whole {
                let second = if matches!(v, Value::WordThenTag) {
                    tag
                } else {
                    0
                };
                mix(mix(head, second), 0)
            } else {
                head
            };
        }
        Row {
            word,
            tag,
            word_tag,
            own,
            tag_alone: &by_tag[usize::try_from(tag).map_or(0, |t| t.min(by_tag.len() - 1))],
        }
    }

    /// The hash of template `t` for this position.
    fn hash(&self, t: usize) -> u64 {
        match PLACES[t] {
            TAG_ALONE => self.tag_alone[t],
            k => self.own[usize::from(k)],
        }
    }
}

/// Calls `put` with each template that `keep`s its kind of value, and its
/// hash from `value`.
fn each_hash(
    tag: u64,
    keep: impl Fn(Value) -> bool,
    value: impl Fn(Value) -> u64,
    mut put: impl FnMut(usize, u64),
) {
    for (t, v) in WHOLE {
        if keep(v) {
            let second = if matches!(v, Value::WordThenTag) {
                tag
            } else {
                0
            };
            put(t as usize, feat(t, value(v), second, 0));
        }
    }
    for (t, v) in STARTED {
        if keep(v) {
            put(t as usize, feat_head(t, value(v)));
        }
    }
}

/// The most tag values a row is kept for: every tag a model can have
/// (classes are one byte, numbered from 16).
const TAG_VALUES: usize = 16 + 256;

/// The hashes of the templates of a tag alone, for each tag value, worked
/// out once: a sentence's words share a few dozen tags.
fn tag_hashes() -> &'static [[u64; ROW]] {
    static TABLE: OnceLock<Vec<[u64; ROW]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TAG_VALUES as u64)
            .map(|tag| {
                let mut row = [0u64; ROW];
                each_hash(
                    tag,
                    |v| matches!(v, Value::Tag),
                    |_| tag,
                    |t, hash| {
                        row[t] = hash;
                    },
                );
                row
            })
            .collect()
    })
}

/// A started template with its other values mixed in.
fn and(head: u64, b: u64, c: u64) -> u64 {
    mix(mix(head, b), c)
}

/// The features of a state, in template order.
pub(crate) fn features_of(state: &State, table: &Table, out: &mut Vec<u64>) {
    let n = state.n;
    let (s0, s1, s2) = (state.s(0), state.s(1), state.s(2));
    let (b0, b1, b2) = (state.b(0), state.b(1), state.b(2));
    let kids = |i: Option<usize>| i.map(|i| state.children[i]).unwrap_or_default();
    let (k0, k1, kb) = (kids(s0), kids(s1), kids(b0));
    let (s0l1, s0l2, s0r1, s0r2) = (k0.left[0], k0.left[1], k0.right[0], k0.right[1]);
    let (b0l1, b0l2) = (kb.left[0], kb.left[1]);
    let (s1l1, s1r1, s1r2) = (k1.left[0], k1.right[0], k1.right[1]);
    let (rs0, rs1, rs2) = (table.at(s0), table.at(s1), table.at(s2));
    let (rb0, rb1, rb2) = (table.at(b0), table.at(b1), table.at(b2));
    let (s0w, s0t, s0wt) = (rs0.word, rs0.tag, rs0.word_tag);
    let (s1w, s1t) = (rs1.word, rs1.tag);
    let (b0w, b0t, b0wt) = (rb0.word, rb0.tag, rb0.word_tag);
    let (b1t, b2t) = (rb1.tag, rb2.tag);
    let tag = |i: Option<usize>| table.at(i).tag;
    let label_value = |i: Option<usize>| -> u64 {
        i.filter(|&i| i < n)
            .map_or(NONE, |i| u64::from(state.labels[i]) + 16)
    };
    // The template of a dependent's label alone, by its place in LABELS.
    let label = |i: Option<usize>, k: usize| -> u64 {
        let l = i
            .filter(|&i| i < n)
            .map_or(0, |i| usize::from(state.labels[i]) + 1);
        LABEL_FEATURES[l][k]
    };
    let gap = |a: Option<usize>, b: Option<usize>| match (a, b) {
        (Some(a), Some(b)) => bucket(b.abs_diff(a)),
        _ => NONE,
    };
    let d = gap(s0, b0);
    let d1 = gap(s1, s0);
    let h = |r: &Row, t: usize| r.hash(t);
    out.extend_from_slice(&[
        h(rs0, 1),
        h(rs0, 2),
        h(rs0, 3),
        h(rs1, 4),
        h(rs1, 5),
        h(rs1, 6),
        h(rb0, 7),
        h(rb0, 8),
        h(rb0, 9),
        h(rb1, 10),
        h(rb1, 11),
        h(rb1, 12),
        h(rb2, 13),
        h(rb2, 14),
        h(rs2, 15),
        h(rs2, 16),
        and(h(rs0, 17), b0wt, 0),
        and(h(rs0, 18), b0w, 0),
        and(h(rs0, 19), b0wt, 0),
        and(h(rs0, 20), b0t, 0),
        and(h(rs0, 21), b0wt, 0),
        and(h(rs0, 22), b0w, 0),
        and(h(rs0, 23), b0t, 0),
        and(h(rb0, 24), b1t, 0),
        and(h(rs1, 25), s0t, 0),
        and(h(rs1, 26), s0w, 0),
        and(h(rs1, 27), s0t, 0),
        and(h(rs1, 28), s0wt, 0),
        and(h(rs1, 29), b0t, 0),
        and(h(rb0, 30), b1t, b2t),
        and(h(rs0, 31), b0t, b1t),
        and(h(rs1, 32), s0t, b0t),
        and(h(rs2, 33), s1t, s0t),
        and(h(rs0, 34), tag(s0l1), b0t),
        and(h(rs0, 35), tag(s0r1), b0t),
        and(h(rs0, 36), b0t, tag(b0l1)),
        and(h(rs1, 37), s0t, tag(s0l1)),
        and(h(rs1, 38), s0t, tag(s0r1)),
        and(h(rs1, 39), tag(s1r1), s0t),
        and(h(rs0, 40), tag(s0l1), tag(s0l2)),
        and(h(rs0, 41), tag(s0r1), tag(s0r2)),
        and(h(rb0, 42), tag(b0l1), tag(b0l2)),
        and(h(rs1, 43), tag(s1r1), tag(s1r2)),
        and(h(rs0, 44), d, 0),
        and(h(rs0, 45), d, 0),
        and(h(rb0, 46), d, 0),
        and(h(rb0, 47), d, 0),
        and(h(rs0, 48), b0t, d),
        and(h(rs1, 49), s0t, d1),
        and(h(rs0, 50), u64::from(k0.right_count), 0),
        and(h(rs0, 51), u64::from(k0.right_count), 0),
        and(h(rs0, 52), u64::from(k0.left_count), 0),
        and(h(rs0, 53), u64::from(k0.left_count), 0),
        and(h(rb0, 54), u64::from(kb.left_count), 0),
        and(h(rb0, 55), u64::from(kb.left_count), 0),
        and(h(rs1, 56), u64::from(k1.right_count), 0),
        h(table.at(s0l1), 57),
        h(table.at(s0l1), 58),
        label(s0l1, 0),
        h(table.at(s0r1), 60),
        h(table.at(s0r1), 61),
        label(s0r1, 1),
        h(table.at(s0l2), 63),
        label(s0l2, 2),
        h(table.at(s0r2), 65),
        label(s0r2, 3),
        h(table.at(b0l1), 67),
        h(table.at(b0l1), 68),
        label(b0l1, 4),
        h(table.at(b0l2), 70),
        label(b0l2, 5),
        h(table.at(s1r1), 72),
        label(s1r1, 6),
        h(table.at(s1l1), 74),
        label(s1l1, 7),
        and(h(rs0, 76), k0.left_labels, 0),
        and(h(rs0, 77), k0.right_labels, 0),
        and(h(rb0, 78), kb.left_labels, 0),
        and(h(rs0, 79), k0.left_labels, 0),
        and(h(rb0, 80), bucket(state.stack.len()), 0),
        and(h(rs0, 81), b0t, 0),
        h(rb0, 82),
        h(rs0, 83),
        and(h(rs0, 84), label_value(s0l1), label_value(s0r1)),
        and(h(rs1, 85), label_value(s1r1), s0t),
        and(h(rb0, 86), label_value(b0l1), s0t),
        and(h(rs0, 87), s1w, b0w),
    ]);
}

/// Distances and counts in buckets: exact up to 4, then coarser.
fn bucket(x: usize) -> u64 {
    match x {
        0..=4 => x as u64,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row's own hashes, made in one pass, are the model's keys: each is
    /// `feat` (whole templates) or `feat_head` (started ones) of its
    /// template and value, as [`each_hash`] works them out.
    #[test]
    fn rows_hash_each_own_template_as_the_templates_say() {
        let by_tag = tag_hashes();
        for (word, tag, suffix) in [(0x1234_5678_9abc, 16, 77), (ROOT, ROOT, ROOT), (9, 40, 3)] {
            let row = Row::new(word, tag, suffix, by_tag);
            let word_tag = word ^ tag.rotate_left(32);
            let mut seen = 0;
            each_hash(
                tag,
                |v| !matches!(v, Value::Tag),
                |v| match v {
                    Value::Word | Value::WordThenTag => word,
                    Value::Tag => tag,
                    Value::WordTag => word_tag,
                    Value::Suffix => suffix,
                },
                |t, hash| {
                    assert_eq!(row.hash(t), hash, "template {t}");
                    seen += 1;
                },
            );
            assert_eq!(seen, OWN);
            assert_eq!(row.hash(2), feat(2, tag, 0, 0));
        }
    }
}
