//! Did-you-mean: the known id closest to a mistyped one, found in bounded
//! time however many ids and mistakes a store has.
//!
//! Only ids of a length that could be close enough are compared (an index
//! by length), each comparison stops as soon as the distance is too large
//! (a band of the edit-distance table), repeated questions are answered
//! from memory, and the whole search has a budget: past it, no more
//! suggestions are made, and the messages say only what is wrong.

use std::collections::{BTreeMap, HashMap};

/// Table cells all the searches of one [`Suggester`] may fill: a few tens
/// of milliseconds.
const BUDGET: usize = 20_000_000;

/// Answers did-you-mean questions against a fixed set of ids.
pub struct Suggester<'a> {
    by_len: BTreeMap<usize, Vec<(Vec<char>, &'a str)>>,
    memo: HashMap<String, Option<&'a str>>,
    budget: usize,
}

impl<'a> Suggester<'a> {
    /// Indexes `ids` by length.
    pub fn new(ids: impl Iterator<Item = &'a str>) -> Suggester<'a> {
        let mut by_len: BTreeMap<usize, Vec<(Vec<char>, &'a str)>> = BTreeMap::new();
        for id in ids {
            let chars: Vec<char> = id.chars().collect();
            by_len.entry(chars.len()).or_default().push((chars, id));
        }
        for bucket in by_len.values_mut() {
            bucket.sort_by(|a, b| a.1.cmp(b.1));
            bucket.dedup_by(|a, b| a.1 == b.1);
        }
        Suggester {
            by_len,
            memo: HashMap::new(),
            budget: BUDGET,
        }
    }

    /// The closest id to `wanted` when close enough to be a likely typo:
    /// at most a third of the longer one's characters differ.
    pub fn suggest(&mut self, wanted: &str) -> Option<&'a str> {
        if let Some(&hit) = self.memo.get(wanted) {
            return hit;
        }
        let w: Vec<char> = wanted.chars().collect();
        let (lo, hi) = ((w.len() * 2) / 3, w.len() * 3 / 2 + 1);
        let mut best: Option<(usize, &'a str)> = None;
        'search: for bucket in self.by_len.range(lo..=hi).map(|(_, b)| b) {
            for (chars, id) in bucket {
                let limit = (w.len().max(chars.len()) / 3).max(1);
                let limit = best.map_or(limit, |(d, _)| limit.min(d));
                let cost = w.len().min(chars.len()) * (2 * limit + 1) + 1;
                if cost > self.budget {
                    break 'search;
                }
                self.budget -= cost;
                if let Some(d) = banded_distance(&w, chars, limit) {
                    if best.is_none_or(|(bd, bid)| (d, *id) < (bd, bid)) {
                        best = Some((d, id));
                    }
                }
            }
        }
        let hit = best.map(|(_, id)| id);
        self.memo.insert(wanted.to_string(), hit);
        hit
    }
}

/// The closest id to `wanted` among `ids`, when close enough to be a
/// likely typo (see [`Suggester::suggest`]).
pub fn suggest<'a>(wanted: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    Suggester::new(ids).suggest(wanted)
}

/// The edit distance of `a` and `b` if it is at most `k`, computed only in
/// the band of the table within `k` of its diagonal.
fn banded_distance(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    let big = k + 1;
    let mut prev: Vec<usize> = (0..=b.len())
        .map(|j| if j <= k { j } else { big })
        .collect();
    let mut row = vec![big; b.len() + 1];
    for i in 1..=a.len() {
        let (from, to) = (i.saturating_sub(k).max(1), (i + k).min(b.len()));
        row.fill(big);
        row[0] = if i <= k { i } else { big };
        let mut least = row[0];
        for j in from..=to {
            let swap = usize::from(a[i - 1] != b[j - 1]);
            let d = (prev[j - 1] + swap).min(prev[j] + 1).min(row[j - 1] + 1);
            row[j] = d.min(big);
            least = least.min(row[j]);
        }
        if least > k {
            return None;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    Some(prev[b.len()]).filter(|&d| d <= k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let cur = row[j + 1];
                row[j + 1] = if ca == *cb {
                    prev
                } else {
                    1 + prev.min(row[j]).min(cur)
                };
                prev = cur;
            }
        }
        row[b.len()]
    }

    #[test]
    fn the_band_agrees_with_the_full_table() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "kitten",
            "sitting",
            "2020-09-28-x",
            "2020-09-29-y",
        ];
        for a in words {
            for b in words {
                let a_chars: Vec<char> = a.chars().collect();
                let b_chars: Vec<char> = b.chars().collect();
                for k in 0..6 {
                    let full = plain(a, b);
                    let band = banded_distance(&a_chars, &b_chars, k);
                    assert_eq!(band, (full <= k).then_some(full), "{a} {b} {k}");
                }
            }
        }
    }

    #[test]
    fn suggests_the_closest_and_nothing_far() {
        let ids = ["2020-09-28-rockets-hit", "2020-09-28-rockets-fall", "other"];
        assert_eq!(
            suggest("2020-09-28-rockets-hti", ids.into_iter()),
            Some("2020-09-28-rockets-hit")
        );
        assert_eq!(suggest("zzzzzzzz", ids.into_iter()), None);
    }

    #[test]
    fn an_exhausted_budget_stops_suggesting() {
        let ids: Vec<String> = (0..20_000)
            .map(|i| format!("2020-01-01-event-number-{i:05}"))
            .collect();
        let mut s = Suggester::new(ids.iter().map(String::as_str));
        let first = s.suggest("2020-01-01-evnt-number-00007");
        assert_eq!(first, Some("2020-01-01-event-number-00007"));
        let mut asked = 1;
        while s.budget > 100_000 {
            s.suggest(&format!("2020-01-01-evnt-number-{asked:05}x"));
            asked += 1;
        }
        assert!(asked < 5_000, "each search costs its share: {asked}");
        s.budget = 0;
        assert_eq!(s.suggest("2020-01-01-evnt-number-00009"), None);
        assert_eq!(
            s.suggest("2020-01-01-evnt-number-00007"),
            first,
            "remembered"
        );
    }
}
