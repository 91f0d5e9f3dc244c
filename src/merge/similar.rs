//! When two reports tell of the same happening: the same kind, modes that
//! agree (asserted and reported are one; a threat is not an act), dates
//! that overlap, and words in common — shared named actors, targets or
//! place, and similar titles, where a CAMEO code of one root counts as a
//! word in common.

use chrono::NaiveDate;

use super::names::{Party, Side};
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
    /// Hashed stems of the title's words that name no actor or target,
    /// and the root of its CAMEO code: what happened. Sorted, without
    /// repeats.
    pub words: Vec<u64>,
    /// Its named participants (see [`names`](super::names)): its actors,
    /// its targets, and both together.
    pub by: Side,
    pub to: Side,
    pub who: Side,
    /// Stems of the title's words that alone name an act of its kind in
    /// the extractor's triggers (`src/extract/triggers.toml`): "clash" in
    /// "Clashes in Cairo". Sorted, without repeats.
    pub acts: Vec<u64>,
    /// Who did it, for an act with a direction (see [`Party`]); empty
    /// for the kinds whose actor and target may swap.
    pub party: Party,
    pub place: Option<u64>,
    /// Stems of the place's words, which a title may repeat ("Clashes in
    /// Cairo").
    pub place_words: Vec<u64>,
    /// True when it gives a count of killed or injured.
    pub toll: bool,
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

/// The three-digit CAMEO code `code` falls under (`0831` → `083`) when it
/// says more than its two-digit root: not a catch-all ending in 0 (`190`,
/// "use conventional military force, not specified below"), which says no
/// more than the kind.
fn specific_root(code: &str) -> Option<&str> {
    code.get(..3).filter(|r| !r.ends_with('0'))
}

/// The stems of the words of one name, as merging compares names.
pub(crate) fn name_stems(name: &str) -> Vec<u64> {
    stems(std::iter::once(name))
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
        let by = Side::of(&e.actors, name_stems);
        let to = Side::of(&e.targets, name_stems);
        let who = Side::union(&by, &to);
        let party = if e.kind.info().directed {
            Party::of(&e.actors, name_stems)
        } else {
            Party::default()
        };
        let lexicon = crate::extract::Lexicon::shipped();
        let mut acts: Vec<u64> = e
            .title
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| lexicon.names_act(&w.to_lowercase(), e.kind))
            .filter_map(stem)
            .collect();
        acts.sort_unstable();
        acts.dedup();
        let mut words = stems(std::iter::once(e.title.as_str()));
        words.retain(|w| who.all.binary_search(w).is_err());
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
            by,
            to,
            who,
            acts,
            party,
            place: e.place.as_deref().map(|p| hash_str(&p.to_lowercase())),
            place_words: e.place.as_deref().map(name_stems).unwrap_or_default(),
            toll: e.killed.is_some() || e.injured.is_some(),
        })
    }

    /// The words blocking looks up: the names' stems, then the title's.
    pub fn tokens(&self) -> impl Iterator<Item = u64> + '_ {
        self.who.all.iter().chain(&self.words).copied()
    }

    /// True when `self` and `other` report the same happening.
    ///
    /// A match needs an anchor, something specific to one happening: a
    /// named person or body in common in the same role (see
    /// [`Keys::participants`]), or else two explicit dates and most of the
    /// words with the same place, the same countries in the same roles,
    /// or nobody named, or one explicit day and the same act in words that
    /// agree ([`Keys::same_act_that_day`]). An undated report is placed
    /// only by its publication, a week wide, so it needs a named
    /// participant: a kind and common words ("protests in Egypt") are not
    /// enough. Reports of a directed act whose parties are distinct
    /// ([`Party::distinct`]) never match.
    pub fn same(&self, other: &Keys) -> bool {
        if self.kind != other.kind
            || self.mode != other.mode
            || self.first > other.last
            || other.first > self.last
            || self.party.distinct(&other.party)
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
        let (shared, strong) = self.participants(other);
        // A name may be an actor in one report and only a word of the
        // title in another ("Mubarak's resignation").
        let in_title = |a: &Keys, b: &Keys| {
            overlap >= 1 && most_names(common(&a.who.strong, &b.words), a.who.all.len())
        };
        let anchor = strong || in_title(self, other) || in_title(other, self);
        let dated = self.dated && other.dated;
        let same_place = self.place.is_some() && self.place == other.place;
        let nobody = self.who.all.is_empty() && other.who.all.is_empty();
        // With someone in common, one word of what happened in common is
        // enough (a CAMEO code is one: "resigns", "steps down"); with only
        // a place or countries, or nobody named, two explicit dates, two
        // words and most of them; or one explicit day and the same act.
        (anchor && overlap >= 1 && similar >= 0.25)
            || (dated && overlap >= 2 && similar >= 0.5 && (same_place || shared || nobody))
            || self.same_act_that_day(other)
    }

    /// True when both are dated to one explicit day, the same, a word of
    /// each names the same act of their kind ("clash" in "Clashes in
    /// Cairo" and "Anti-Mubarak supporters clash"), nothing tells them
    /// apart (no two places, no named participants on both sides without
    /// one in common), and their words agree on what happened: both give
    /// a death or injury toll (what is counted is one notable act of
    /// violence, and the counts that differ are recorded as a
    /// discrepancy), or one title says no more than the other — every
    /// word of what happened in the shorter, the place's aside, is in the
    /// longer ("Egypt demands reforms" and "Egypt demands apology" are two
    /// demands) — and says more than the act's word alone, or names the
    /// same place ("Demonstrations" on one day may be in Cairo and in
    /// Milan). An undated report is never placed this way (its week is
    /// too wide), so the generic reports of a topic ("protests in Egypt")
    /// do not gather.
    fn same_act_that_day(&self, other: &Keys) -> bool {
        let one_day = |k: &Keys| k.dated && k.first == k.last;
        let same_place = self.place.is_some() && self.place == other.place;
        let place_agrees = self.place.is_none() || other.place.is_none() || same_place;
        let names_agree = self.who.all.is_empty()
            || other.who.all.is_empty()
            || common(&self.who.all, &other.who.all) > 0;
        if !(one_day(self)
            && one_day(other)
            && self.first == other.first
            && place_agrees
            && names_agree
            && common(&self.acts, &other.acts) > 0)
        {
            return false;
        }
        if self.toll && other.toll {
            return true;
        }
        let place = |w: &u64| {
            self.place_words.binary_search(w).is_ok() || other.place_words.binary_search(w).is_ok()
        };
        let told = |k: &Keys| k.words.iter().filter(|w| !place(w)).count();
        let shared = self
            .words
            .iter()
            .filter(|w| !place(w) && other.words.binary_search(w).is_ok())
            .count();
        let short = if told(self) <= told(other) {
            self
        } else {
            other
        };
        let beyond_act = told(short) > common(&short.words, &short.acts);
        shared == told(short) && (same_place || beyond_act)
    }

    /// Whether the two share named participants — at least a third of the
    /// words of the names both give — and whether a person or body (not
    /// only a country) is among them. For an act with a direction
    /// ([`crate::model::kind::KindInfo::directed`]) a name counts as shared only
    /// in the same role, actor with actor and target with target: a king's
    /// call to Mubarak and Mubarak's call on his government have Mubarak
    /// in common, but not as the same participant.
    fn participants(&self, other: &Keys) -> (bool, bool) {
        let pairs: [(&Side, &Side); 2] = if self.kind.info().directed {
            [(&self.by, &other.by), (&self.to, &other.to)]
        } else {
            [(&self.who, &other.who), (&Side::EMPTY, &Side::EMPTY)]
        };
        let shared: usize = pairs.iter().map(|(a, b)| common(&a.all, &b.all)).sum();
        let names: usize = pairs.iter().map(|(a, b)| a.all.len() + b.all.len()).sum();
        let strong = pairs.iter().any(|(a, b)| common(&a.strong, &b.strong) > 0);
        let most = most_names(shared, names - shared);
        (most, most && strong)
    }
}

/// True when `shared` names are at least a third of `all`, the distinct
/// names of both together (and at least one).
fn most_names(shared: usize, all: usize) -> bool {
    shared > 0 && 3 * shared >= all
}

/// How many values two sorted lists share.
pub fn common(a: &[u64], b: &[u64]) -> usize {
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
