//! Merging reports of one happening across articles into one event.
//!
//! Each article gives its own event for what it reports; forty articles on
//! one resignation give forty events. [`merge`] finds the events that tell
//! of the same happening — the same kind, modes that agree, overlapping
//! dates (none open, none wider than a month), shared actors or targets
//! and similar titles, or very similar titles and a shared place — and
//! makes them one event that cites every report (one [`Citation`] per
//! report; its id is the source's id), keeps the most precise date the
//! reports agree on and records in `discrepancies` what they disagree on
//! (dates, casualty counts) with the sources on each side. Links are
//! carried over to the merged events, without duplicates, self-links or
//! any link that would close a cycle.
//!
//! Candidates are found by blocking (kind, mode, day, word) and joined in a
//! union-find (`cluster::UnionFind`), so the work grows with the number of events,
//! not its square. Merging repeats until nothing more joins, so that
//! `merge(merge(x)) == merge(x)`; the output is in a canonical order (events
//! by date, then id; links by their ends), so it does not depend on the
//! order of the input either. An event whose id is in the store's
//! `rejected` list is dropped, and so is one that reports a rejected
//! happening (`deleted`).
//!
//! [`Citation`]: crate::model::Citation

mod cluster;
mod combine;
mod deleted;
mod files;
mod names;
mod similar;
pub mod update;

use std::collections::{HashMap, HashSet};

use crate::model::{Event, EventDate, Link, Rejected, Source, Store, Text};

pub(crate) use combine::combine;
pub(crate) use deleted::Deleted;
pub use files::write_new;
pub(crate) use files::{rejected_text, REJECTED_FILE};
pub(crate) use names::{is_country, Side};
pub(crate) use similar::{name_stems, RECENT};

/// One store of all of `stores`: sources once each (the first of an id
/// wins), events and links as they come, rejected ids from every store.
///
/// ```
/// use annals::extract::{extract, Article, Lexicon};
/// use chrono::NaiveDate;
///
/// let day = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
/// let one = Article::new("one", day, "Rockets hit the US embassy in Baghdad on Sunday.");
/// let two = Article::new("two", day, "Protesters marched in Basra on Monday.");
/// let both = annals::merge::concat([one, two].iter().map(|a| extract(a, Lexicon::shipped())));
/// assert_eq!(both.sources.len(), 2);
/// ```
pub fn concat(stores: impl IntoIterator<Item = Store>) -> Store {
    let mut out = Store::default();
    let mut seen = HashSet::new();
    for s in stores {
        out.sources
            .extend(s.sources.into_iter().filter(|x| seen.insert(x.id.clone())));
        out.events.extend(s.events);
        out.links.extend(s.links);
        out.rejected.extend(s.rejected);
    }
    out
}

/// The events of `events` that report one happening merged, repeated until
/// nothing more joins; `renamed` maps each id merged away to the id kept.
fn merge_events(mut events: Vec<Event>, renamed: &mut HashMap<Text, Text>) -> Vec<Event> {
    loop {
        let keys: Vec<_> = events.iter().map(similar::Keys::of).collect();
        let groups = cluster::clusters(&keys);
        if groups.len() == events.len() {
            return events;
        }
        let mut next = Vec::with_capacity(groups.len());
        for g in groups {
            let members: Vec<&Event> = g.iter().map(|&i| &events[i]).collect();
            let merged = combine(&members);
            for m in &members {
                if m.id != merged.id {
                    renamed.insert(m.id.clone(), merged.id.clone());
                }
            }
            next.push(merged);
        }
        events = next;
    }
}

/// Where `id` went: followed through every merge.
fn resolve<'a>(renamed: &'a HashMap<Text, Text>, mut id: &'a str) -> &'a str {
    while let Some(to) = renamed.get(id) {
        id = to;
    }
    id
}

/// `links` moved onto the merged events, in canonical order: no
/// self-links, one link per pair (the first in order by ends, relation and
/// source), none that closes a cycle, none to an event not in `ids`, and
/// none from an event that starts after its effect ends (`dates`, by index
/// of `ids`): the merged dates no longer allow it.
fn merge_links(
    links: Vec<Link>,
    renamed: &HashMap<Text, Text>,
    ids: &[&str],
    dates: &[&EventDate],
) -> Vec<Link> {
    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut moved: Vec<(usize, usize, Link)> = links
        .into_iter()
        .filter_map(|mut l| {
            l.from = resolve(renamed, &l.from).into();
            l.to = resolve(renamed, &l.to).into();
            let (a, b) = (*index.get(l.from.as_str())?, *index.get(l.to.as_str())?);
            Some((a, b, l))
        })
        .filter(|(a, b, _)| dates[*a].earliest() <= dates[*b].latest())
        .collect();
    moved.sort_by(|x, y| {
        (x.0, x.1, x.2.relation, &x.2.source, &x.2.evidence).cmp(&(
            y.0,
            y.1,
            y.2.relation,
            &y.2.source,
            &y.2.evidence,
        ))
    });
    let mut kept = crate::extract::Acyclic::new(ids.len());
    moved
        .into_iter()
        .filter(|(a, b, _)| kept.add(*a, *b))
        .map(|(_, _, l)| l)
        .collect()
}

/// Merges the reports of one happening in `store` into one event (see the
/// module's documentation). Deterministic and idempotent.
///
/// ```
/// use annals::extract::{extract, Article, Lexicon};
/// use chrono::NaiveDate;
///
/// let day = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
/// let text = "Three rockets hit the US embassy in Baghdad on Sunday.";
/// let mut store = extract(&Article::new("first", day, text), Lexicon::shipped());
/// let other = extract(&Article::new("second", day, text), Lexicon::shipped());
/// store = annals::merge::concat(vec![store, other]);
/// let merged = annals::merge::merge(store);
/// assert_eq!(merged.events.len(), 1);
/// assert_eq!(merged.events[0].sources.len(), 2);
/// assert_eq!(annals::merge::merge(merged.clone()), merged);
/// ```
pub fn merge(store: Store) -> Store {
    let mut rejected = store.rejected;
    rejected.sort_by(|a, b| a.id.cmp(&b.id));
    rejected.dedup_by(|a, b| a.id == b.id);
    let gone = Deleted::new(&rejected);
    let mut events: Vec<Event> = store
        .events
        .into_iter()
        .filter(|e| !gone.covers(e))
        .collect();
    drop(gone);
    events.sort_by(|a, b| a.date.chrono_cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    let mut renamed = HashMap::new();
    let mut events = merge_events(events, &mut renamed);
    events.sort_by(|a, b| a.date.chrono_cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    let ids: Vec<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let dates: Vec<&EventDate> = events.iter().map(|e| &e.date).collect();
    let links = merge_links(store.links, &renamed, &ids, &dates);
    let mut sources: Vec<Source> = store.sources;
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    sources.dedup_by(|a, b| a.id == b.id);
    Store {
        sources,
        events,
        links,
        rejected,
    }
}

/// Splits a store into one store a source, as `annals extract --out` and
/// `annals merge --out` write it (`<source-id>.toml`): each event goes with
/// the source of its first citation, each link with its `from` event (or
/// else the article it was read from), and
/// the rejected list apart (written to [`REJECTED_FILE`]). Sources keep
/// their order.
pub(crate) fn by_source(store: Store) -> (Vec<Store>, Vec<Rejected>) {
    let slot: HashMap<String, usize> = store
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let mut out: Vec<Store> = store
        .sources
        .into_iter()
        .map(|s| Store {
            sources: vec![s],
            ..Store::default()
        })
        .collect();
    let mut home_of: HashMap<Text, usize> = HashMap::new();
    let mut loose = Store::default();
    for e in store.events {
        let home = e
            .sources
            .first()
            .and_then(|c| slot.get(c.id.as_str()))
            .copied();
        if let Some(h) = home {
            home_of.insert(e.id.clone(), h);
        }
        match home {
            Some(h) => out[h].events.push(e),
            None => loose.events.push(e),
        }
    }
    for l in store.links {
        let article = l.source.as_ref().and_then(|s| slot.get(s.as_str()));
        match home_of.get(&l.from).or(article) {
            Some(&h) => out[h].links.push(l),
            None => loose.links.push(l),
        }
    }
    if !loose.events.is_empty() || !loose.links.is_empty() {
        out.push(loose);
    }
    (out, store.rejected)
}
