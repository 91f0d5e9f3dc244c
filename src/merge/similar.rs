//! When two reports tell of the same happening: the same kind, modes that
//! agree (asserted and reported are one; a threat is not an act), dates
//! that overlap, and words in common — shared actors, targets or place, and
//! similar titles.

use chrono::NaiveDate;

use crate::model::{Event, Kind, Mode};
use crate::text::hash_str;

/// The widest date, in days, that is merged: an event known only to a
/// quarter or a year is too vague to say which happening it is.
pub const WIDEST: i64 = 31;

/// Words too common to tell two happenings apart.
const STOP: [&str; 22] = [
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "for", "with", "by", "its", "their",
    "his", "her", "that", "from", "as", "into", "over", "after",
];

/// How many days before its article an undated event ("../PUBLISHED") is
/// taken to have happened, for finding its dated reports: news reports
/// what is recent.
pub const RECENT: i64 = 7;

/// What the comparison of two events looks at, computed once an event.
#[derive(Debug, Clone)]
pub struct Keys {
    pub kind: Kind,
    /// Asserted and reported are 0; the other modes their own number.
    pub mode: u8,
    /// The days it may have happened on: its date, or for an undated
    /// event the [`RECENT`] days up to its article's day.
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// False for an undated event.
    pub dated: bool,
    /// Hashed stems of the title's words that name no actor or target:
    /// what happened. Sorted, without repeats.
    pub words: Vec<u64>,
    /// Hashed stems of the actors' and targets' names, sorted.
    pub who: Vec<u64>,
    pub place: Option<u64>,
}

/// A word's stem for comparing: lower case, its first five letters
/// ("protesters" and "protests" meet; so do "resigns" and "resigned").
fn stem(word: &str) -> Option<u64> {
    let lower = word.to_ascii_lowercase();
    if lower.len() < 2 || STOP.contains(&lower.as_str()) {
        return None;
    }
    let cut: String = lower.chars().take(5).collect();
    Some(hash_str(&cut))
}

fn stems<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut out: Vec<u64> = texts
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter_map(stem)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

impl Keys {
    /// The keys of `e`, or `None` when its date has an open end or is
    /// wider than [`WIDEST`] days, which is never merged.
    pub fn of(e: &Event) -> Option<Keys> {
        let d = &e.date;
        let dated = !d.open_start();
        let first = if dated {
            d.earliest()
        } else {
            d.latest() - chrono::Days::new(RECENT as u64)
        };
        if d.open_end() || (d.latest() - first).num_days() >= WIDEST {
            return None;
        }
        let mode = match e.mode {
            Mode::Asserted | Mode::Reported => 0,
            m => Mode::ALL.iter().position(|x| *x == m).unwrap_or(0) as u8,
        };
        let names = e.actors.iter().chain(&e.targets).map(|a| a.name.as_str());
        let who = stems(names);
        let mut words = stems(std::iter::once(e.title.as_str()));
        words.retain(|w| who.binary_search(w).is_err());
        Some(Keys {
            kind: e.kind,
            mode,
            first,
            last: d.latest(),
            dated,
            words,
            who,
            place: e.place.as_deref().map(|p| hash_str(&p.to_lowercase())),
        })
    }

    /// The words blocking looks up: the names' stems, then the title's.
    pub fn tokens(&self) -> impl Iterator<Item = u64> + '_ {
        self.who.iter().chain(&self.words).copied()
    }

    /// True when `self` and `other` report the same happening.
    pub fn same(&self, other: &Keys) -> bool {
        if self.kind != other.kind
            || self.mode != other.mode
            || self.first > other.last
            || other.first > self.last
        {
            return false;
        }
        let overlap = common(&self.words, &other.words);
        let union = self.words.len() + other.words.len() - overlap;
        let similar = if union == 0 {
            0.0
        } else {
            overlap as f64 / union as f64
        };
        // A name may be an actor in one report and only a word of the
        // title in another ("Mubarak's resignation").
        let shared_who = common(&self.who, &other.who) > 0
            || (common(&self.who, &other.words) > 0 && overlap >= 1)
            || (common(&self.words, &other.who) > 0 && overlap >= 1);
        let same_place = self.place.is_some() && self.place == other.place;
        let nobody = self.who.is_empty() && other.who.is_empty();
        // With someone in common, one word of what happened in common is
        // enough ("resigns", "steps down" are one kind); with only a place,
        // or nobody named, two words and most of them.
        (shared_who && overlap >= 1 && similar >= 0.25)
            || (overlap >= 2 && similar >= 0.5 && (same_place || nobody))
    }
}

/// How many values two sorted lists share.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
