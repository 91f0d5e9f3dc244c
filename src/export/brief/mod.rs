//! `annals brief`: the page an analyst hands over. A headline paragraph,
//! one line per key date, the causal chains among them, the sources.
//!
//! [`Brief::new`] makes the selection once; [`markdown`], [`html`] and
//! [`json`] only lay it out, so the three formats always agree.

mod html;
mod text;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use petgraph::graph::NodeIndex;

use crate::graph::CausalGraph;
use crate::model::{Event, Source};
use crate::rank::{self, KeyDate, Ranking};

pub use html::html;
pub use text::{json, markdown};

/// How many actors the headline names.
const MAIN_ACTORS: usize = 5;
/// How many chains the brief lists at most.
const MAX_CHAINS: usize = 10;

/// One key date as the brief prints it.
#[derive(Debug, Clone)]
pub struct Line {
    /// The day, its salience and its events.
    pub date: KeyDate,
    /// Its most salient event.
    pub headline: NodeIndex,
    /// Distinct outlets that reported the headline event.
    pub outlets: usize,
    /// Distinct sources that reported it.
    pub reports: usize,
    /// The events it followed from, earliest first.
    pub causes: Vec<NodeIndex>,
}

/// What a brief says, laid out by [`markdown`], [`html`] or [`json`].
#[derive(Debug)]
pub struct Brief<'g, 's> {
    /// The graph the brief is drawn from.
    pub graph: &'g CausalGraph<'s>,
    /// Its title.
    pub title: String,
    /// The key dates, in date order.
    pub lines: Vec<Line>,
    /// The actors named most often among the key dates' events, with how
    /// many of those events name them.
    pub actors: Vec<(String, usize)>,
    /// Distinct sources cited by the store's events.
    pub reports: usize,
    /// Distinct outlets among them.
    pub outlets: usize,
    /// Causal chains among the key dates' events (each at least two
    /// events, earliest first).
    pub chains: Vec<Vec<NodeIndex>>,
    /// The sources the headline events cite, in store order.
    pub sources: Vec<&'s Source>,
}

impl<'g, 's> Brief<'g, 's> {
    /// The brief of the `top` key dates of `graph`.
    ///
    /// ```
    /// use annals::export::brief::{markdown, Brief};
    /// use annals::graph::CausalGraph;
    ///
    /// let store = annals::store::load("events")?;
    /// let graph = CausalGraph::new(&store);
    /// let brief = Brief::new(&graph, 5, "Baghdad");
    /// // Three days carry an event dated to them (the rest are weeks,
    /// // ranges and months).
    /// assert_eq!(brief.lines.len(), 3);
    /// assert!(markdown(&brief).starts_with("# Baghdad"));
    /// # Ok::<(), annals::Error>(())
    /// ```
    pub fn new(graph: &'g CausalGraph<'s>, top: usize, title: &str) -> Brief<'g, 's> {
        let ranking = Ranking::new(graph);
        let all = graph.chronological();
        let lines: Vec<Line> = rank::key_dates(graph, &ranking, &all, top)
            .into_iter()
            .map(|date| line(graph, &ranking, date))
            .collect();
        let store = graph.store();
        let cited: BTreeSet<&str> = store
            .events
            .iter()
            .flat_map(|e| e.sources.iter().map(|c| c.id.as_str()))
            .collect();
        let outlets: BTreeSet<&str> = cited
            .iter()
            .filter_map(|id| graph.source(id))
            .map(Source::publisher)
            .filter(|o| !o.is_empty())
            .collect();
        Brief {
            graph,
            title: title.to_string(),
            actors: main_actors(graph, &lines),
            reports: cited.len(),
            outlets: outlets.len(),
            chains: chains(graph, &ranking, &lines),
            sources: sources(graph, &lines),
            lines,
        }
    }

    /// The first and last key dates.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.lines.first()?.date.day, self.lines.last()?.date.day))
    }

    /// The events a diagram of the brief shows: the headlines and the
    /// chains, in time order.
    pub fn diagram_nodes(&self) -> Vec<NodeIndex> {
        let mut v: BTreeSet<NodeIndex> = self.lines.iter().map(|l| l.headline).collect();
        v.extend(self.chains.iter().flatten());
        let mut v: Vec<NodeIndex> = v.into_iter().collect();
        v.sort_by(|&a, &b| self.graph.chrono_cmp(a, b));
        v
    }

    /// The event at a node.
    pub fn event(&self, n: NodeIndex) -> &'s Event {
        self.graph.event(n)
    }
}

/// The line of a key date. Its headline is, among the day's events that
/// happened (not only threatened, planned or feared) if any did, the one
/// the most documents report, then the most outlets, then the most
/// salient. Every event of the day shares its burstiness, so salience
/// would pick the headline by kind, casualties and consequences; but the
/// day is a key date because documents keep mentioning it, and what it
/// stands for is the happening most of them report (11 February 2011 is
/// Mubarak's resignation, not an injury two reports mention).
fn line(graph: &CausalGraph<'_>, ranking: &Ranking, date: KeyDate) -> Line {
    let happened: Vec<NodeIndex> = date
        .events
        .iter()
        .copied()
        .filter(|&n| !graph.event(n).mode.is_unrealised())
        .collect();
    let pool = if happened.is_empty() {
        &date.events
    } else {
        &happened
    };
    let mut headline = pool[0];
    for &n in &pool[1..] {
        let (s, best) = (ranking.get(n), ranking.get(headline));
        if (s.reports, s.outlets) > (best.reports, best.outlets) {
            headline = n;
        }
    }
    let s = ranking.get(headline);
    let causes = graph.causes(headline).into_iter().map(|(m, _)| m).collect();
    Line {
        headline,
        outlets: s.outlets,
        reports: s.reports,
        causes,
        date,
    }
}

/// Actors and targets named most often by the key dates' events; ties by
/// name.
fn main_actors(graph: &CausalGraph<'_>, lines: &[Line]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for l in lines {
        for &n in &l.date.events {
            let e = graph.event(n);
            let names: BTreeSet<&str> = e
                .actors
                .iter()
                .chain(&e.targets)
                .map(|a| a.name.as_str())
                .collect();
            for name in names {
                *counts.entry(name).or_insert(0) += 1;
            }
        }
    }
    let mut v: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(k, c)| (k.to_string(), c))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(MAIN_ACTORS);
    v
}

/// Chains of causal links among the key dates' events and the events the
/// headlines followed from: from each event no chosen cause leads to, the
/// most salient chosen effect, then its, and so on.
fn chains(graph: &CausalGraph<'_>, ranking: &Ranking, lines: &[Line]) -> Vec<Vec<NodeIndex>> {
    let chosen: BTreeSet<NodeIndex> = lines
        .iter()
        .flat_map(|l| l.date.events.iter().chain(&l.causes).copied())
        .collect();
    let next = |n: NodeIndex| -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = graph
            .effects(n)
            .into_iter()
            .filter(|(m, l)| l.relation.is_causal() && chosen.contains(m))
            .map(|(m, _)| m)
            .collect();
        v.sort_by(|&a, &b| ranking.cmp(graph, a, b));
        v
    };
    let has_cause = |n: NodeIndex| {
        graph
            .causes(n)
            .iter()
            .any(|(m, l)| l.relation.is_causal() && chosen.contains(m))
    };
    let mut starts: Vec<NodeIndex> = chosen.iter().copied().filter(|&n| !has_cause(n)).collect();
    starts.sort_by(|&a, &b| graph.chrono_cmp(a, b));
    let mut out = Vec::new();
    for start in starts {
        let mut chain = vec![start];
        while let Some(&m) = next(*chain.last().unwrap_or(&start))
            .iter()
            .find(|m| !chain.contains(m))
        {
            chain.push(m);
        }
        if chain.len() > 1 {
            out.push(chain);
        }
        if out.len() == MAX_CHAINS {
            break;
        }
    }
    out
}

/// The sources the headline events cite, in store order.
fn sources<'s>(graph: &CausalGraph<'s>, lines: &[Line]) -> Vec<&'s Source> {
    let cited: BTreeSet<&str> = lines
        .iter()
        .flat_map(|l| graph.event(l.headline).sources.iter())
        .map(|c| c.id.as_str())
        .collect();
    graph
        .store()
        .sources
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .collect()
}
