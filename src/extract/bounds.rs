//! What keeps an extracted store valid and its size linear in the text:
//! quotes cut to a bounded window around the event, ids numbered in one
//! pass, and links that never close a cycle.

use std::collections::{HashMap, HashSet};

/// The longest quote an event stores, in bytes: a sentence longer than
/// this is cut to a window around the event's trigger.
pub const MAX_QUOTE: usize = 600;

/// How many events a cycle search may visit before it gives up; a link
/// it cannot clear is left out rather than risk a cycle.
const REACH_LIMIT: usize = 4096;

/// Character offsets of byte offsets of one text, answered in time bounded
/// by the checkpoint stride rather than the text's length.
pub struct CharIndex<'t> {
    text: &'t str,
    /// Characters before each multiple of `STRIDE` bytes (rounded down to a
    /// character boundary): `(byte, chars)`.
    checkpoints: Vec<(usize, usize)>,
}

const STRIDE: usize = 4096;

impl<'t> CharIndex<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> CharIndex<'t> {
        let mut checkpoints = vec![(0, 0)];
        let mut at = 0;
        let mut chars = 0;
        while at + STRIDE < text.len() {
            let mut next = at + STRIDE;
            while !text.is_char_boundary(next) {
                next -= 1;
            }
            chars += text[at..next].chars().count();
            checkpoints.push((next, chars));
            at = next;
        }
        CharIndex { text, checkpoints }
    }

    /// The character offset of the byte offset `byte` (a char boundary).
    pub fn chars(&self, byte: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, c) = self.checkpoints[i];
        c + self.text[b..byte].chars().count()
    }
}

/// The part of the sentence `[start, end)` of `text` an event quotes: the
/// whole sentence when short, else a window of at most [`MAX_QUOTE`] bytes
/// around `center`, on character boundaries.
pub fn quote_window(text: &str, start: usize, end: usize, center: usize) -> (usize, usize) {
    if end - start <= MAX_QUOTE {
        return (start, end);
    }
    let center = center.clamp(start, end);
    let mut a = center.saturating_sub(MAX_QUOTE / 2).max(start);
    let mut b = (a + MAX_QUOTE).min(end);
    a = b.saturating_sub(MAX_QUOTE).max(start);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    (a, b)
}

/// Unique ids: the first of a base is the base, later ones `base-2`,
/// `base-3`..., each found in constant time however many share the base.
#[derive(Default)]
pub struct Ids {
    used: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    /// A fresh id for `base`.
    pub fn fresh(&mut self, base: &str) -> String {
        let n = self.next.entry(base.to_string()).or_insert(1);
        let mut id = if *n == 1 {
            base.to_string()
        } else {
            format!("{base}-{n}")
        };
        while !self.used.insert(id.clone()) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        *n += 1;
        id
    }
}

/// The links kept so far between events, refusing any that would join two
/// events already joined (either way) or close a cycle.
pub struct Acyclic {
    effects: Vec<Vec<usize>>,
    pairs: HashSet<(usize, usize)>,
    /// Visit marks of the current search, by generation.
    mark: Vec<usize>,
    generation: usize,
}

impl Acyclic {
    /// No links yet among `n` events.
    pub fn new(n: usize) -> Acyclic {
        Acyclic {
            effects: vec![Vec::new(); n],
            pairs: HashSet::new(),
            mark: vec![0; n],
            generation: 0,
        }
    }

    /// Adds the link `from → to` unless it is a self-link, joins a pair
    /// already joined, or `to` may lead back to `from`; true if added.
    pub fn add(&mut self, from: usize, to: usize) -> bool {
        if from == to || self.pairs.contains(&(from.min(to), from.max(to))) {
            return false;
        }
        if self.may_reach(to, from) {
            return false;
        }
        self.pairs.insert((from.min(to), from.max(to)));
        self.effects[from].push(to);
        true
    }

    /// True when `goal` is reachable from `start`, or the search hit its
    /// limit and cannot tell.
    fn may_reach(&mut self, start: usize, goal: usize) -> bool {
        self.generation += 1;
        let mut stack = vec![start];
        let mut visited = 0;
        while let Some(n) = stack.pop() {
            if n == goal {
                return true;
            }
            if self.mark[n] == self.generation {
                continue;
            }
            self.mark[n] = self.generation;
            visited += 1;
            if visited > REACH_LIMIT {
                return true;
            }
            stack.extend(self.effects[n].iter().copied());
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_never_close_a_cycle() {
        let mut g = Acyclic::new(3);
        assert!(g.add(0, 1));
        assert!(!g.add(1, 0), "the reverse");
        assert!(!g.add(0, 1), "again");
        assert!(!g.add(2, 2), "a self-link");
        assert!(g.add(1, 2));
        assert!(!g.add(2, 0), "a longer cycle");
    }

    #[test]
    fn ids_are_numbered_in_one_pass() {
        let mut ids = Ids::default();
        assert_eq!(ids.fresh("a"), "a");
        assert_eq!(ids.fresh("a"), "a-2");
        assert_eq!(ids.fresh("a-3"), "a-3");
        assert_eq!(ids.fresh("a"), "a-4");
    }

    #[test]
    fn long_sentences_are_quoted_in_a_window() {
        let text = "é".repeat(1000);
        let (a, b) = quote_window(&text, 0, text.len(), 1000);
        assert!(b - a <= MAX_QUOTE && text.is_char_boundary(a) && text.is_char_boundary(b));
        assert!(a <= 1000 && 1000 <= b);
        let index = CharIndex::new(&text);
        assert_eq!(index.chars(1000), 500);
        assert_eq!(index.chars(text.len()), 1000);
    }
}
