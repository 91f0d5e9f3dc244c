//! Happenings a person deleted, remembered by what matches them: a report
//! is dropped when its id is rejected or when it would merge with a
//! rejected happening (the same test as merging, [`Keys::same`]), so a new
//! article's report of a deleted event does not bring it back.

use std::collections::{HashMap, HashSet};

use super::similar::Keys;
use crate::model::{Event, Kind, Rejected};

/// The rejected ids and the keys of the rejected happenings, by kind and
/// mode (only events of one kind and mode can match).
pub struct Deleted<'a> {
    ids: HashSet<&'a str>,
    keys: HashMap<(Kind, u8), Vec<Keys>>,
}

impl<'a> Deleted<'a> {
    /// What `rejected` matches.
    pub fn new(rejected: &'a [Rejected]) -> Deleted<'a> {
        let mut keys: HashMap<(Kind, u8), Vec<Keys>> = HashMap::new();
        for k in rejected
            .iter()
            .filter_map(Rejected::happening)
            .filter_map(|e| Keys::of(&e))
        {
            keys.entry((k.kind, k.mode)).or_default().push(k);
        }
        Deleted {
            ids: rejected.iter().map(|r| r.id.as_str()).collect(),
            keys,
        }
    }

    /// True when `e` is a rejected report or reports a rejected happening.
    pub fn covers(&self, e: &Event) -> bool {
        if self.ids.contains(e.id.as_str()) {
            return true;
        }
        let Some(k) = Keys::of(e) else {
            return false;
        };
        self.keys
            .get(&(k.kind, k.mode))
            .is_some_and(|gone| gone.iter().any(|g| g.same(&k)))
    }
}
