//! Salience: how much an event matters to a briefing, from 0 to 1.
//!
//! A briefing has room for twenty things out of thousands, so every event
//! gets a score made of five terms, each from 0 to 1 and each there for a
//! reason a news editor would give:
//!
//! - **corroboration** — reports (distinct documents citing it) and outlets
//!   (distinct publishers among them). What many independent newsrooms
//!   carry happened and mattered; a lone sentence may be a misreading.
//! - **burstiness** — how many distinct documents mention the event's day
//!   against the topic's usual daily volume: a day that many articles
//!   date something to, on the day or looking back ("since the protests
//!   of 25 January"), is a day the story turned on. Documents, not events,
//!   are counted, so one long article cannot make its day. This is the
//!   date-reference signal of timeline summarisation (Kessler et al. 2012;
//!   Tran et al. 2013; Martschat & Markert 2018).
//! - **intensity** — the magnitude of the kind's Goldstein value (a war
//!   outweighs a meeting, a treaty a statement) and the casualties.
//! - **centrality** — how much follows from it: the events reachable along
//!   causal links (not `precedes`, which only orders) in the petgraph graph.
//! - **precision** — a factor, not a term: a day beats a week beats a month
//!   beats a year, and an event the extractor could not date (tagged
//!   `undated`, dated only by its publication) ranks low, since a briefing
//!   cannot place it.
//!
//! `score = precision × (0.35 burstiness + 0.25 corroboration + 0.20
//! centrality + 0.20 intensity)`. The weights put the two signals of what
//! the press treated as news first and give the two of what the event is
//! an equal, smaller say; they were set from these reasons, not fitted to a
//! benchmark. Corroboration, burstiness and centrality are scaled against
//! the store's own maximum on a log scale, so a topic of ten articles and
//! one of ten thousand are ranked alike.

mod dates;
mod terms;

use std::cmp::Ordering;

use petgraph::graph::NodeIndex;

use crate::graph::CausalGraph;
use crate::model::Event;

pub use dates::{key_dates, KeyDate};
pub(crate) use terms::DayVolume;

/// The weights of the four additive terms (see the module documentation).
const WEIGHTS: Terms = Terms {
    corroboration: 0.25,
    burst: 0.35,
    intensity: 0.20,
    centrality: 0.20,
    precision: 1.0,
};

/// The terms of one event's salience, each from 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Terms {
    /// Distinct documents and outlets among its citations.
    pub corroboration: f64,
    /// Documents mentioning its day against the usual daily volume.
    pub burst: f64,
    /// Goldstein magnitude of its kind and its casualties.
    pub intensity: f64,
    /// How much follows from it in the causal graph.
    pub centrality: f64,
    /// How exactly it is dated (a factor on the rest).
    pub precision: f64,
}

/// One event's salience and the counts it is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Salience {
    /// From 0 to 1: higher matters more.
    pub score: f64,
    /// Distinct source ids among its citations.
    pub reports: usize,
    /// Distinct outlets among the cited sources (an outlet, else the
    /// host of the source's url; sources with neither are not counted).
    pub outlets: usize,
    /// The terms the score is made of.
    pub terms: Terms,
}

/// Distinct source ids among `e`'s citations.
pub fn reports(e: &Event) -> usize {
    distinct(e.sources.iter().map(|c| c.id.as_str()))
}

/// Distinct outlets of the sources `e` cites: each source's `outlet`, or
/// the host of its `url` when it names none ([`Source::publisher`]); a
/// source with neither is not counted.
///
/// [`Source::publisher`]: crate::model::Source::publisher
pub fn outlets(graph: &CausalGraph<'_>, e: &Event) -> usize {
    distinct(
        e.sources
            .iter()
            .filter_map(|c| graph.source(&c.id))
            .map(|s| s.publisher())
            .filter(|o| !o.is_empty()),
    )
}

/// How many different strings `items` yields. An event cites a source or
/// two, so this sorts a short list (no allocation for one) rather than
/// building a set a million times over in a large store.
fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> usize {
    let mut items = items.peekable();
    let Some(first) = items.next() else {
        return 0;
    };
    if items.peek().is_none() {
        return 1;
    }
    let mut all: Vec<&str> = std::iter::once(first).chain(items).collect();
    all.sort_unstable();
    all.dedup();
    all.len()
}

/// The salience of every event of a graph, indexed by node.
#[derive(Debug, Clone)]
pub struct Ranking {
    scores: Vec<Salience>,
}

impl Ranking {
    /// Scores every event of `graph`.
    ///
    /// ```
    /// use annals::graph::CausalGraph;
    /// use annals::rank::Ranking;
    ///
    /// let store = annals::store::load("events")?;
    /// let graph = CausalGraph::new(&store);
    /// let ranking = Ranking::new(&graph);
    /// let top = ranking.top(&graph, &graph.chronological(), 3);
    /// assert_eq!(top.len(), 3);
    /// assert!(top.iter().all(|&n| ranking.get(n).score > 0.0));
    /// # Ok::<(), annals::Error>(())
    /// ```
    pub fn new(graph: &CausalGraph<'_>) -> Ranking {
        let scorer = Scorer::new(graph);
        let scores = graph
            .graph()
            .node_indices()
            .map(|n| scorer.salience(n))
            .collect();
        Ranking { scores }
    }

    /// The salience of the event at `n`.
    pub fn get(&self, n: NodeIndex) -> &Salience {
        &self.scores[n.index()]
    }

    /// Orders two events most salient first: by score, then reports, then
    /// date and id, so that equal scores always come out the same way.
    pub fn cmp(&self, graph: &CausalGraph<'_>, a: NodeIndex, b: NodeIndex) -> Ordering {
        let (x, y) = (self.get(a), self.get(b));
        y.score
            .total_cmp(&x.score)
            .then_with(|| y.reports.cmp(&x.reports))
            .then_with(|| graph.chrono_cmp(a, b))
    }

    /// The `n` most salient of `nodes`, in the order `nodes` gives them.
    ///
    /// A day's burstiness is shared among the events chosen from it: the
    /// `k`-th event taken from one day counts `1/k` of the day's
    /// burstiness, since what makes a day news is said by its first event
    /// and only in part by each further one. So a few days with many
    /// reports do not fill the selection on their burstiness alone, while
    /// a day whose further events are salient on their own (corroborated,
    /// intense, central) still gives several. Chosen greedily, most
    /// salient first; the shares only lower scores, so a score taken from
    /// the queue that is still current is the best left (lazy greedy).
    pub fn top(&self, graph: &CausalGraph<'_>, nodes: &[NodeIndex], n: usize) -> Vec<NodeIndex> {
        use std::collections::{BinaryHeap, HashMap};
        let day = |i: usize| terms::exact_day(graph.event(nodes[i]));
        let mut taken: HashMap<chrono::NaiveDate, u32> = HashMap::new();
        let mut order: Vec<usize> = (0..nodes.len()).collect();
        order.sort_by(|&a, &b| self.cmp(graph, nodes[a], nodes[b]));
        let mut heap: BinaryHeap<Candidate> = order
            .iter()
            .enumerate()
            .map(|(rank, &i)| Candidate {
                score: self.get(nodes[i]).score,
                rank,
                index: i,
                seen: 0,
            })
            .collect();
        let mut keep = Vec::with_capacity(n.min(nodes.len()));
        while keep.len() < n {
            let Some(mut c) = heap.pop() else { break };
            let d = day(c.index);
            let now = d.map_or(0, |d| taken.get(&d).copied().unwrap_or(0));
            if now != c.seen {
                c.seen = now;
                c.score = self.shared(nodes[c.index], now);
                heap.push(c);
                continue;
            }
            if let Some(d) = d {
                *taken.entry(d).or_default() += 1;
            }
            keep.push(c.index);
        }
        keep.sort_unstable();
        keep.into_iter().map(|i| nodes[i]).collect()
    }

    /// The score of the event at `n` when `before` events of its day were
    /// chosen before it: its burstiness term divided by `before + 1`.
    fn shared(&self, n: NodeIndex, before: u32) -> f64 {
        let t = self.get(n).terms;
        combine(&Terms {
            burst: t.burst / f64::from(before + 1),
            ..t
        })
    }
}

/// What every event's salience is computed from: the mentions of each
/// day, each event's reach and counts, and their maxima. An export that
/// prints each event's salience as it writes the event (the JSON
/// timeline) scores it then, instead of keeping a [`Ranking`] of 64 bytes
/// an event beside a store of a million (9 bytes an event here).
pub(crate) struct Scorer<'g, 's> {
    graph: &'g CausalGraph<'s>,
    volume: DayVolume,
    reach: Vec<u8>,
    /// Each event's reports and outlets.
    counts: Vec<(u32, u32)>,
    max_reports: usize,
    max_outlets: usize,
    max_reach: u8,
}

impl<'g, 's> Scorer<'g, 's> {
    /// Counts what the scores of `graph`'s events are scaled against.
    pub(crate) fn new(graph: &'g CausalGraph<'s>) -> Self {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let counts: Vec<(u32, u32)> = graph
            .graph()
            .node_indices()
            .map(|n| {
                let e = graph.event(n);
                (count(reports(e)), count(outlets(graph, e)))
            })
            .collect();
        let max = |of: fn(&(u32, u32)) -> u32| counts.iter().map(of).max().unwrap_or(0) as usize;
        let (max_reports, max_outlets) = (max(|c| c.0), max(|c| c.1));
        let reach = terms::reach(graph);
        Scorer {
            graph,
            volume: DayVolume::new(graph),
            max_reach: reach.iter().copied().max().unwrap_or(0),
            reach,
            counts,
            max_reports,
            max_outlets,
        }
    }

    /// The salience of the event at `n`.
    pub(crate) fn salience(&self, n: NodeIndex) -> Salience {
        let e = self.graph.event(n);
        let (reports, outlets) = self.counts[n.index()];
        let (reports, outlets) = (reports as usize, outlets as usize);
        let terms = Terms {
            corroboration: terms::corroboration(
                (reports, self.max_reports),
                (outlets, self.max_outlets),
            ),
            burst: self.volume.burst(e),
            intensity: terms::intensity(e),
            centrality: terms::log_share(self.reach[n.index()].into(), self.max_reach.into()),
            precision: terms::precision(e),
        };
        Salience {
            score: combine(&terms),
            reports,
            outlets,
            terms,
        }
    }
}

/// An event waiting to be chosen by [`Ranking::top`]: the highest score
/// first, ties to the earlier in the full ranking.
struct Candidate {
    score: f64,
    rank: usize,
    index: usize,
    /// How many events of its day were chosen when `score` was computed.
    seen: u32,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.rank.cmp(&self.rank))
    }
}

/// The score of a set of terms: the weighted sum times the precision.
fn combine(t: &Terms) -> f64 {
    let w = &WEIGHTS;
    let sum = w.burst * t.burst
        + w.corroboration * t.corroboration
        + w.centrality * t.centrality
        + w.intensity * t.intensity;
    (t.precision * sum).clamp(0.0, 1.0)
}
