//! When two reports tell of the same happening: the same kind, modes that
//! agree (asserted and reported are one; a threat is not an act), dates
//! that overlap, and words in common — shared named actors, targets or
//! place, and similar titles, where a CAMEO code of one root counts as a
//! word in common.

use chrono::NaiveDate;

use crate::model::{Actor, Event, Kind, Mode};
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
    /// Hashed stems of the title's words that name no actor or target,
    /// and the root of its CAMEO code: what happened. Sorted, without
    /// repeats.
    pub words: Vec<u64>,
    /// Hashed stems of the names of its named participants (its first
    /// actor and first target when written as proper names, see
    /// [`named`]), sorted.
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

/// The name of the first of `actors` (who the report is about: the one
/// its title names) when it is a proper name (capitalised: "Hosni
/// Mubarak", "Tunisia"), not a group or role as common nouns name it
/// ("protesters", "government", "police"), which any report of the topic
/// may share and so tells no happening from another. Only the first
/// counts: a merged event lists every report's actors after its own, and
/// matching all of them would draw in any report naming one, event after
/// event.
fn named(actors: &[Actor]) -> impl Iterator<Item = &str> {
    actors
        .first()
        .map(|a| a.name.as_str())
        .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
        .into_iter()
}

/// The three-digit CAMEO code `code` falls under (`0831` → `083`) when it
/// says more than its two-digit root: not a catch-all ending in 0 (`190`,
/// "use conventional military force, not specified below"), which says no
/// more than the kind.
fn specific_root(code: &str) -> Option<&str> {
    code.get(..3).filter(|r| !r.ends_with('0'))
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
        let who = stems(named(&e.actors).chain(named(&e.targets)));
        let mut words = stems(std::iter::once(e.title.as_str()));
        words.retain(|w| who.binary_search(w).is_err());
        if let Some(root) = e.cameo.as_deref().and_then(specific_root) {
            // One act said in other words ("resigns", "steps down") has
            // one CAMEO code: it counts as a word the titles share.
            words.push(hash_str(&format!("cameo {root}")));
            words.sort_unstable();
            words.dedup();
        }
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
    ///
    /// A match needs an anchor, something specific to one happening: a
    /// named participant in common (at least a third of the words of the
    /// names the two give), or else two explicit dates and most of the
    /// words. An undated report is placed only by its publication, a week
    /// wide, so it needs a named participant: a kind and common words
    /// ("protests in Egypt") are not enough.
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
        let shared_who = most_names(common(&self.who, &other.who), &self.who, &other.who)
            || (overlap >= 1 && most_names(common(&self.who, &other.words), &self.who, &[]))
            || (overlap >= 1 && most_names(common(&self.words, &other.who), &other.who, &[]));
        let dated = self.dated && other.dated;
        let same_place = self.place.is_some() && self.place == other.place;
        let nobody = self.who.is_empty() && other.who.is_empty();
        // With someone in common, one word of what happened in common is
        // enough (a CAMEO code is one: "resigns", "steps down"); with only
        // a place, or nobody named, two explicit dates, two words and most
        // of them.
        (shared_who && overlap >= 1 && similar >= 0.25)
            || (dated && overlap >= 2 && similar >= 0.5 && (same_place || nobody))
    }
}

/// True when `shared` names are at least a third of the distinct names of
/// `a` and `b` together (and at least one).
fn most_names(shared: usize, a: &[u64], b: &[u64]) -> bool {
    let all = a.len() + b.len() - shared.min(b.len());
    shared > 0 && 3 * shared >= all
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
