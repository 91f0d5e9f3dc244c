//! Which events an export shows: by date, actor, kind, place and tag, and
//! the causal neighbourhood of one event.

use chrono::NaiveDate;
use petgraph::graph::NodeIndex;

use super::human;
use crate::error::Result;
use crate::graph::CausalGraph;
use crate::model::{Event, Kind};

/// The filters of `timeline` and `dot`; the default keeps everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep events that may fall on or after this day.
    pub from: Option<NaiveDate>,
    /// Keep events that may fall on or before this day.
    pub to: Option<NaiveDate>,
    /// Keep events with an actor or target of this name or country code
    /// (case-insensitive; a name matches on a whole-word substring).
    pub actor: Option<String>,
    /// Keep events of these kinds (any of them).
    pub kinds: Vec<Kind>,
    /// Keep events whose place contains this text (case-insensitive).
    pub place: Option<String>,
    /// Keep events with this tag.
    pub tag: Option<String>,
    /// Keep only the causal neighbourhood of this event...
    pub around: Option<String>,
    /// ...up to this many links away, in either direction.
    pub depth: usize,
    /// Keep events cited by at least this many distinct sources.
    pub min_reports: usize,
    /// Of the events kept, only this many of the most salient
    /// ([`crate::rank`]), still in time order.
    pub top: Option<usize>,
}

/// The events `filter` keeps, in chronological order. An unknown `around`
/// id is a [`crate::graph::GraphError::UnknownEvent`].
///
/// ```
/// use annals::export::{select, timeline, Filter};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let filter = Filter {
///     around: Some("2020-09-22-pompeo-threatens-to-close-baghdad-embassy".into()),
///     depth: 1,
///     ..Filter::default()
/// };
/// let nodes = select(&graph, &filter)?;
/// let text = timeline::text(&graph, &nodes);
/// assert!(text.contains("Pompeo"));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn select(graph: &CausalGraph<'_>, filter: &Filter) -> Result<Vec<NodeIndex>> {
    let near = match &filter.around {
        Some(id) => {
            let root = graph.find(id)?;
            Some(crate::graph::walk::neighbourhood(graph, root, filter.depth))
        }
        None => None,
    };
    let kept: Vec<NodeIndex> = graph
        .chronological()
        .into_iter()
        .filter(|n| near.as_ref().is_none_or(|s| s.contains(n)))
        .filter(|&n| keeps(filter, graph.event(n)))
        .collect();
    Ok(match filter.top {
        Some(n) if n < kept.len() => crate::rank::Ranking::new(graph).top(graph, &kept, n),
        _ => kept,
    })
}

fn keeps(f: &Filter, e: &Event) -> bool {
    if f.min_reports > 1 && crate::rank::reports(e) < f.min_reports {
        return false;
    }
    if f.from.is_some_and(|d| e.date.latest() < d) || f.to.is_some_and(|d| e.date.earliest() > d) {
        return false;
    }
    if !f.kinds.is_empty() && !f.kinds.contains(&e.kind) {
        return false;
    }
    if let Some(a) = &f.actor {
        let a = a.to_lowercase();
        let hit = e.actors.iter().chain(&e.targets).any(|x| {
            x.country
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(&a))
                || x.name.to_lowercase().contains(&a)
        });
        if !hit {
            return false;
        }
    }
    if let Some(p) = &f.place {
        if !e
            .place
            .as_deref()
            .is_some_and(|x| x.to_lowercase().contains(&p.to_lowercase()))
        {
            return false;
        }
    }
    if let Some(t) = &f.tag {
        if !e.tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
            return false;
        }
    }
    true
}

/// Why `filter` keeps no event: the first criterion that on its own keeps
/// none, with what the store has instead ("no events with actor `Narnia`;
/// actors in this store: …"), else that only their combination is empty.
///
/// ```
/// use annals::export::{select, why_empty, Filter};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let filter = Filter { place: Some("Atlantis".into()), ..Filter::default() };
/// assert!(select(&graph, &filter)?.is_empty());
/// assert!(!why_empty(&graph, &filter).is_empty());
/// # Ok::<(), annals::Error>(())
/// ```
pub fn why_empty(graph: &CausalGraph<'_>, filter: &Filter) -> String {
    let events = &graph.store().events;
    if events.is_empty() {
        return "the store has no events".to_string();
    }
    let alone = |f: Filter| !events.iter().any(|e| keeps(&f, e));
    let list = |mut v: Vec<String>| {
        v.sort();
        v.dedup();
        let more = v.len().saturating_sub(20);
        v.truncate(20);
        let mut s = v.join(", ");
        if more > 0 {
            s.push_str(&format!(" and {more} more"));
        }
        s
    };
    let day = |d: Option<NaiveDate>| d.map_or_else(|| "…".to_string(), human::day);
    if (filter.from.is_some() || filter.to.is_some())
        && alone(Filter {
            from: filter.from,
            to: filter.to,
            ..Filter::default()
        })
    {
        let first = events.iter().map(|e| e.date.earliest()).min();
        let last = events.iter().map(|e| e.date.latest()).max();
        return format!(
            "no events between {} and {}; the store's events run from {} to {}",
            day(filter.from),
            day(filter.to),
            day(first),
            day(last)
        );
    }
    if filter.min_reports > 1
        && alone(Filter {
            min_reports: filter.min_reports,
            ..Filter::default()
        })
    {
        let most = events.iter().map(crate::rank::reports).max().unwrap_or(0);
        return format!(
            "no events reported by {} or more sources; the most any event has is {most}",
            filter.min_reports
        );
    }
    if let Some(a) = filter.actor.as_ref().filter(|a| {
        alone(Filter {
            actor: Some(a.to_string()),
            ..Filter::default()
        })
    }) {
        let names = events
            .iter()
            .flat_map(|e| e.actors.iter().chain(&e.targets))
            .map(|x| match &x.country {
                Some(c) if !x.name.eq_ignore_ascii_case(c) => format!("{} ({c})", x.name),
                _ => x.name.to_string(),
            })
            .collect();
        return format!(
            "no events with actor `{a}`; actors in this store: {}",
            list(names)
        );
    }
    if !filter.kinds.is_empty()
        && alone(Filter {
            kinds: filter.kinds.clone(),
            ..Filter::default()
        })
    {
        let asked: Vec<String> = filter.kinds.iter().map(|k| k.to_string()).collect();
        let kinds = events.iter().map(|e| e.kind.to_string()).collect();
        return format!(
            "no events of kind {}; kinds in this store: {}",
            asked.join(" or "),
            list(kinds)
        );
    }
    if let Some(p) = filter.place.as_ref().filter(|p| {
        alone(Filter {
            place: Some(p.to_string()),
            ..Filter::default()
        })
    }) {
        let places = events
            .iter()
            .filter_map(|e| e.place.as_ref().map(|p| p.to_string()))
            .collect();
        return format!(
            "no events at a place containing `{p}`; places in this store: {}",
            list(places)
        );
    }
    if let Some(t) = filter.tag.as_ref().filter(|t| {
        alone(Filter {
            tag: Some(t.to_string()),
            ..Filter::default()
        })
    }) {
        let tags = events.iter().flat_map(|e| e.tags.clone()).collect();
        return format!("no events tagged `{t}`; tags in this store: {}", list(tags));
    }
    "each filter keeps some events, but no event passes them all together".to_string()
}
