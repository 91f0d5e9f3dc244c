//! `annals extract --update`: new reports attached to the events of a
//! store folder that already tell of their happening, never a copy.
//!
//! What a person wrote stays: an existing event only gains citations (the
//! new reports, added to its `sources` in its own file, every other byte
//! of the file kept), and an event deleted from the file of an article
//! already extracted is remembered in `rejected.toml` rather than
//! extracted again.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use super::{cluster, combine, similar::Keys, Deleted, REJECTED_FILE};
use crate::error::{Error, Result};
use crate::model::{Citation, Event, Rejected, Store, Text};
use crate::store::write::{self, Written};

/// What an update did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Updated {
    /// Reports attached to existing events.
    pub attached: usize,
    /// New events written.
    pub events: usize,
    /// New links written.
    pub links: usize,
    /// Reports found deleted and added to the rejected list.
    pub rejected: usize,
}

/// The key of a report: its source and trigger (else its span).
fn report(c: &Citation) -> (Text, Option<[usize; 2]>) {
    (c.id.clone(), c.trigger.or(c.span))
}

/// The reports of `found` (one article's events each, not merged) that are
/// new to `existing`: a report already cited is dropped, and one of an
/// article the store already has (the same source record in
/// `found_sources`) but no longer cites was deleted by a person, so it is
/// dropped and returned among the rejected. A report of a rejected
/// happening, old or found now, is dropped too ([`Deleted`]).
fn new_reports(
    existing: &Store,
    found_sources: &[crate::model::Source],
    found: Vec<Event>,
) -> (Vec<Event>, Vec<Rejected>) {
    let cited: HashSet<_> = existing
        .events
        .iter()
        .flat_map(|e| e.sources.iter().map(report))
        .collect();
    // An article the store already has, unchanged: what it no longer
    // cites was deleted. (Another article under the same id is new.)
    let known: HashSet<&str> = existing
        .sources
        .iter()
        .filter(|s| found_sources.contains(s))
        .map(|s| s.id.as_str())
        .collect();
    let mut fresh = Vec::new();
    let mut rejected = Vec::new();
    for e in found {
        if e.sources.iter().all(|c| cited.contains(&report(c))) {
            continue;
        }
        if e.sources.iter().any(|c| known.contains(c.id.as_str())) {
            if existing.rejected.iter().all(|r| r.id != e.id) {
                rejected.push(Rejected::of(&e));
            }
            continue;
        }
        fresh.push(e);
    }
    let all: Vec<Rejected> = existing.rejected.iter().chain(&rejected).cloned().collect();
    let gone = Deleted::new(&all);
    fresh.retain(|e| !gone.covers(e));
    (fresh, rejected)
}

/// The new reports placed: citations to add to existing events (by id),
/// new events, and the id each report now goes by.
struct Placed {
    attach: BTreeMap<String, Vec<Citation>>,
    events: Vec<Event>,
    renamed: HashMap<Text, Text>,
}

/// Clusters the existing events with the new reports: a cluster with an
/// existing event takes the new reports as citations of its first existing
/// event; one without becomes a new event.
fn place(existing: &[Event], fresh: Vec<Event>) -> Placed {
    let n = existing.len();
    let keys: Vec<_> = existing.iter().chain(&fresh).map(Keys::of).collect();
    let mut placed = Placed {
        attach: BTreeMap::new(),
        events: Vec::new(),
        renamed: HashMap::new(),
    };
    for group in cluster::clusters(&keys) {
        let (old, new): (Vec<usize>, Vec<usize>) = group.iter().partition(|&&i| i < n);
        if new.is_empty() {
            continue;
        }
        let members: Vec<&Event> = new.iter().map(|&i| &fresh[i - n]).collect();
        let target = match old.first() {
            Some(&o) => {
                let cites = placed.attach.entry(existing[o].id.to_string()).or_default();
                cites.extend(members.iter().flat_map(|e| e.sources.clone()));
                existing[o].id.clone()
            }
            None => {
                let merged = combine(&members);
                let id = merged.id.clone();
                placed.events.push(merged);
                id
            }
        };
        for m in members {
            placed.renamed.insert(m.id.clone(), target.clone());
        }
    }
    placed
}

/// Updates the store folder `dir` with `found`, the stores of the articles
/// extracted now: new reports of known happenings become citations of
/// their events, the rest new events in their articles' files; new links
/// join them where they close no cycle; deleted reports are added to the
/// rejected list. The folder is locked throughout, so runs take turns; a
/// folder that does not exist yet is created.
///
/// ```
/// use annals::merge::{update::update, write_new};
///
/// let store = |text: &str| annals::store::parse("s.toml", text).0.store;
/// let dir = tempfile::tempdir().unwrap();
/// let first = store(r#"
/// [[source]]
/// id = "a"
/// title = "Rockets hit embassy"
/// published = 2020-09-29
///
/// [[event]]
/// id = "2020-09-27-rockets-hit-us-embassy"
/// date = 2020-09-27
/// title = "Rockets hit US embassy"
/// kind = "assault"
/// sources = [{ id = "a", quote = "Rockets hit the US embassy on Sunday." }]
/// "#);
/// write_new(dir.path(), first, &mut |_| {})?;
/// let later = store(r#"
/// [[source]]
/// id = "b"
/// title = "Talks in Geneva"
/// published = 2020-10-05
///
/// [[event]]
/// id = "2020-10-05-talks-open-in-geneva"
/// date = 2020-10-05
/// title = "Talks open in Geneva"
/// kind = "consult"
/// sources = [{ id = "b", quote = "Talks opened in Geneva on Monday." }]
/// "#);
/// let done = update(dir.path(), vec![later], &mut |_| {})?;
/// assert_eq!((done.events, done.attached), (1, 0));
/// let both = annals::store::load(dir.path().to_str().unwrap())?;
/// assert_eq!(both.events.len(), 2);
/// # Ok::<(), annals::Error>(())
/// ```
pub fn update(dir: &Path, found: Vec<Store>, done: &mut dyn FnMut(&Written)) -> Result<Updated> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display().to_string(), e))?;
    let _lock = write::lock_folder(dir)?;
    write::sweep(dir);
    let existing = crate::store::load(&dir.display().to_string())?;
    let found = super::concat(found);
    let (fresh, rejected) = new_reports(&existing, &found.sources, found.events);
    let placed = place(&existing.events, fresh);
    let mut report = Updated {
        attached: placed.attach.values().map(Vec::len).sum(),
        events: placed.events.len(),
        rejected: rejected.len(),
        ..Updated::default()
    };
    crate::store::edit::attach_all(dir, &placed.attach)?;
    let links = new_links(&existing, &placed, found.links);
    report.links = links.len();
    let new = Store {
        sources: found.sources,
        events: placed.events,
        links,
        rejected: Vec::new(),
    };
    let (stores, _) = super::by_source(new);
    for s in &stores {
        let path = write::file_for(dir, s);
        let (events, links, updated) = if path.exists() {
            let (e, l) = write::update(&path, s)?;
            (e, l, true)
        } else {
            write::atomic_write(&path, &write::toml_text(s)?, write::Mode::CreateNew)?;
            (s.events.len(), s.links.len(), false)
        };
        done(&Written {
            path,
            events,
            links,
            updated,
        });
    }
    if !rejected.is_empty() {
        let mut all = existing.rejected.clone();
        all.extend(rejected);
        let path = dir.join(REJECTED_FILE);
        write::atomic_write(&path, &super::rejected_text(&all)?, write::Mode::Replace)?;
    }
    Ok(report)
}

/// The links of the new reports moved onto the events they joined, those
/// the store lacks and that close no cycle with its links.
fn new_links(
    existing: &Store,
    placed: &Placed,
    links: Vec<crate::model::Link>,
) -> Vec<crate::model::Link> {
    let ids: Vec<&str> = existing
        .events
        .iter()
        .chain(&placed.events)
        .map(|e| e.id.as_str())
        .collect();
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut kept = crate::extract::Acyclic::new(ids.len());
    for l in &existing.links {
        if let (Some(&a), Some(&b)) = (index.get(l.from.as_str()), index.get(l.to.as_str())) {
            kept.add(a, b);
        }
    }
    let mut out = Vec::new();
    for mut l in links {
        let (Some(from), Some(to)) = (placed.renamed.get(&l.from), placed.renamed.get(&l.to))
        else {
            continue;
        };
        let (Some(&a), Some(&b)) = (index.get(from.as_str()), index.get(to.as_str())) else {
            continue;
        };
        if kept.add(a, b) {
            l.from = from.clone();
            l.to = to.clone();
            out.push(l);
        }
    }
    out
}
