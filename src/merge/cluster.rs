//! Which events report one happening, without comparing every pair:
//! events are put in blocks by kind, mode, day and word (each event in one
//! block per day of its date and word of its names and title), only events
//! of a block are compared, and the pairs found join clusters in a
//! union-find. Two events that match share a day and a word, so they share
//! a block: blocking loses no pair, except in blocks larger than
//! [`BIGGEST`], which are passed over (a word that common tells nothing).

use chrono::NaiveDate;

use super::names::Party;
use super::similar::Keys;

/// The most events a block may hold and still be compared pair by pair.
pub const BIGGEST: usize = 512;

/// Disjoint sets of event indices, with path halving and union by size.
/// Each set keeps the days all its members share (an undated member's are
/// the week before its article), and two sets join only while some day is
/// left: a chain of reports cannot stretch one happening over a week of
/// the same kind of news. Each set keeps too who its members say acted
/// (their [`Party`], for acts with a direction), and two sets whose parties
/// are distinct do not join: a report naming no actor cannot bridge
/// Abbas's call to Mubarak and the protesters' demand.
pub struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
    /// Of a root: the first and last day shared by its dated members.
    days: Vec<Option<(NaiveDate, NaiveDate)>>,
    /// Of a root: the parties its members name, together.
    parties: Vec<Party>,
}

impl UnionFind {
    /// `n` sets of one, each with the days of its event (`None`: any
    /// day) and its party.
    pub fn new(days: Vec<Option<(NaiveDate, NaiveDate)>>, parties: Vec<Party>) -> UnionFind {
        let n = days.len();
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
            days,
            parties,
        }
    }

    /// The representative of `x`'s set.
    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }

    /// Joins the sets of `a` and `b` unless their dated members share no
    /// day or their parties are distinct.
    pub fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b || self.parties[a as usize].distinct(&self.parties[b as usize]) {
            return;
        }
        let days = match (self.days[a as usize], self.days[b as usize]) {
            (Some(x), Some(y)) if x.0.max(y.0) > x.1.min(y.1) => return,
            (Some(x), Some(y)) => Some((x.0.max(y.0), x.1.min(y.1))),
            (x, y) => x.or(y),
        };
        let (big, small) = if self.size[a as usize] >= self.size[b as usize] {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        self.days[big as usize] = days;
        let joined = std::mem::take(&mut self.parties[small as usize]);
        self.parties[big as usize].union(&joined);
    }
}

/// The block key of one kind, mode, day and word.
fn block(k: &Keys, day: i32, token: u64) -> u64 {
    let mut h = crate::text::hash_str(k.kind.as_str());
    for v in [u64::from(k.mode), day as u32 as u64, token] {
        h = (h ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
    h
}

/// The clusters of `keys` (an event without keys is alone): each a list of
/// indices in increasing order, the clusters ordered by their first index.
pub fn clusters(keys: &[Option<Keys>]) -> Vec<Vec<usize>> {
    use chrono::Datelike;
    let mut entries: Vec<(u64, u32)> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let Some(k) = k else { continue };
        let (first, last) = (k.first.num_days_from_ce(), k.last.num_days_from_ce());
        for day in first..=last {
            for t in k.tokens() {
                entries.push((block(k, day, t), i as u32));
            }
        }
    }
    entries.sort_unstable();
    entries.dedup();
    let days = keys
        .iter()
        .map(|k| k.as_ref().map(|k| (k.first, k.last)))
        .collect();
    let parties = keys
        .iter()
        .map(|k| k.as_ref().map(|k| k.party.clone()).unwrap_or_default())
        .collect();
    let mut sets = UnionFind::new(days, parties);
    for run in entries.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < 2 || run.len() > BIGGEST {
            continue;
        }
        for (x, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[x + 1..] {
                if sets.find(a) == sets.find(b) {
                    continue;
                }
                if let (Some(ka), Some(kb)) = (&keys[a as usize], &keys[b as usize]) {
                    if ka.same(kb) {
                        sets.union(a, b);
                    }
                }
            }
        }
    }
    let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for i in 0..keys.len() {
        by_root[sets.find(i as u32) as usize].push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_iter().filter(|c| !c.is_empty()).collect();
    out.sort_unstable_by_key(|c| c[0]);
    out
}
