//! The causal graph: events as nodes, links as edges, and the orders and
//! walks briefings need.
//!
//! The graph borrows the store: building it is one pass over events and
//! links, cheap enough to do per command.

pub mod check;
mod error;
pub(crate) mod walk;

pub use error::GraphError;
pub use walk::Direction;

use std::cmp::Ordering;
use std::sync::OnceLock;

use chrono::NaiveDate;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction::{Incoming, Outgoing};
use rustc_hash::FxHashMap;

use crate::model::{Event, Link, Source, Store};

/// The store as a directed graph. Node weights index `store.events`, edge
/// weights index `store.links`; links to unknown events are left out (the
/// loader reports them).
#[derive(Debug)]
pub struct CausalGraph<'s> {
    store: &'s Store,
    graph: DiGraph<usize, usize>,
    by_id: FxHashMap<&'s str, NodeIndex>,
    sources: FxHashMap<&'s str, usize>,
    /// The nodes sorted by [`CausalGraph::chrono_cmp`], and each node's
    /// rank in that order (equal for equal keys); made at first use.
    order: OnceLock<(Vec<NodeIndex>, Vec<u32>)>,
}

impl<'s> CausalGraph<'s> {
    /// Builds the graph of a store.
    ///
    /// ```
    /// use annals::graph::CausalGraph;
    ///
    /// let (loaded, problems) = annals::store::parse(
    ///     "crisis.toml",
    ///     r#"
    /// [[event]]
    /// id = "2020-09-20-rockets-hit-embassy"
    /// date = "2020-09-20"
    /// title = "Rockets hit the embassy"
    /// kind = "assault"
    ///
    /// [[event]]
    /// id = "2020-09-22-closure-threatened"
    /// date = "late 2020-W39"
    /// title = "Closure of the embassy threatened"
    /// kind = "threaten"
    ///
    /// [[link]]
    /// from = "2020-09-20-rockets-hit-embassy"
    /// to = "2020-09-22-closure-threatened"
    /// relation = "causes"
    /// "#,
    /// );
    /// assert!(problems.is_empty(), "{problems:?}");
    /// let graph = CausalGraph::new(&loaded.store);
    /// let first = graph.chronological()[0];
    /// assert_eq!(graph.event(first).id, "2020-09-20-rockets-hit-embassy");
    /// assert_eq!(graph.effects(first).len(), 1);
    /// ```
    pub fn new(store: &'s Store) -> CausalGraph<'s> {
        let mut graph = DiGraph::with_capacity(store.events.len(), store.links.len());
        let mut by_id = FxHashMap::with_capacity_and_hasher(store.events.len(), Default::default());
        for (i, e) in store.events.iter().enumerate() {
            let n = graph.add_node(i);
            by_id.entry(e.id.as_str()).or_insert(n);
        }
        for (i, l) in store.links.iter().enumerate() {
            if let (Some(&a), Some(&b)) = (by_id.get(l.from.as_str()), by_id.get(l.to.as_str())) {
                graph.add_edge(a, b, i);
            }
        }
        let mut sources =
            FxHashMap::with_capacity_and_hasher(store.sources.len(), Default::default());
        for (i, s) in store.sources.iter().enumerate() {
            sources.entry(s.id.as_str()).or_insert(i);
        }
        CausalGraph {
            store,
            graph,
            by_id,
            sources,
            order: OnceLock::new(),
        }
    }

    /// The store the graph was built from.
    pub fn store(&self) -> &'s Store {
        self.store
    }

    /// The underlying petgraph graph, for algorithms this module lacks.
    pub fn graph(&self) -> &DiGraph<usize, usize> {
        &self.graph
    }

    /// The node of an event id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// The node of an event id, or [`GraphError::UnknownEvent`] with the
    /// closest id in the store, for ids that come from a person.
    ///
    /// ```
    /// use annals::graph::{CausalGraph, GraphError};
    ///
    /// let (loaded, _) = annals::store::parse(
    ///     "s.toml",
    ///     "[[event]]\nid = \"rockets\"\ndate = 2020-09-20\ntitle = \"R\"\nkind = \"assault\"\n",
    /// );
    /// let graph = CausalGraph::new(&loaded.store);
    /// match graph.find("rocket") {
    ///     Err(annals::Error::Graph(GraphError::UnknownEvent { closest, .. })) => {
    ///         assert_eq!(closest.as_deref(), Some("rockets"))
    ///     }
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    pub fn find(&self, id: &str) -> crate::Result<NodeIndex> {
        self.node(id).ok_or_else(|| {
            let ids = self.store.events.iter().map(|e| e.id.as_str());
            crate::Error::Graph(GraphError::UnknownEvent {
                id: id.to_string(),
                closest: crate::suggest::suggest(id, ids).map(str::to_string),
            })
        })
    }

    /// The position in `store.sources` of the (first) source with this id.
    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.sources.get(id).copied()
    }

    /// The (first) source with this id.
    pub fn source(&self, id: &str) -> Option<&'s Source> {
        self.source_index(id).map(|i| &self.store.sources[i])
    }

    /// The event at a node.
    pub fn event(&self, n: NodeIndex) -> &'s Event {
        &self.store.events[self.graph[n]]
    }

    /// The events this one follows from, with the link, in chronological
    /// order.
    pub fn causes(&self, n: NodeIndex) -> Vec<(NodeIndex, &'s Link)> {
        self.neighbours(n, Incoming)
    }

    /// The events that follow from this one, with the link.
    pub fn effects(&self, n: NodeIndex) -> Vec<(NodeIndex, &'s Link)> {
        self.neighbours(n, Outgoing)
    }

    fn neighbours(&self, n: NodeIndex, dir: petgraph::Direction) -> Vec<(NodeIndex, &'s Link)> {
        let mut v: Vec<(NodeIndex, &'s Link)> = self
            .graph
            .edges_directed(n, dir)
            .map(|e| {
                let other = if dir == Incoming {
                    e.source()
                } else {
                    e.target()
                };
                (other, &self.store.links[*e.weight()])
            })
            .collect();
        // By rank, which orders as `chrono_cmp` does without comparing ids.
        let rank = &self.order().1;
        v.sort_by(|a, b| {
            rank[a.0.index()]
                .cmp(&rank[b.0.index()])
                .then_with(|| a.1.relation.cmp(&b.1.relation))
        });
        v
    }

    /// The nodes in `chrono_cmp` order (ties by node number) and each
    /// node's rank in it, equal keys sharing the rank of the first.
    fn order(&self) -> &(Vec<NodeIndex>, Vec<u32>) {
        self.order.get_or_init(|| {
            // By the dates first, as numbers kept beside each node, then
            // each run of equal dates by id: the same order, but a sort of
            // a million events by `chrono_cmp` read two events scattered
            // through memory at each of its twenty million comparisons.
            let mut dated: Vec<(NaiveDate, NaiveDate, NodeIndex)> = self
                .graph
                .node_indices()
                .map(|n| {
                    let date = &self.event(n).date;
                    (date.earliest(), date.latest(), n)
                })
                .collect();
            dated.sort_unstable();
            let mut by_key: Vec<NodeIndex> = Vec::with_capacity(dated.len());
            let mut rank = vec![0u32; dated.len()];
            for run in dated.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
                let start = by_key.len();
                by_key.extend(run.iter().map(|&(_, _, n)| n));
                let run = &mut by_key[start..];
                let id = |n: NodeIndex| self.event(n).id.as_str();
                if run.len() > 1 {
                    run.sort_unstable_by(|&a, &b| id(a).cmp(id(b)).then(a.cmp(&b)));
                }
                // The first of a run has a date no event before it has.
                rank[run[0].index()] = start as u32;
                for (p, w) in run.windows(2).enumerate() {
                    rank[w[1].index()] = match id(w[0]) == id(w[1]) {
                        true => rank[w[0].index()],
                        false => (start + p) as u32 + 1,
                    };
                }
            }
            (by_key, rank)
        })
    }

    /// Compares two events by date interval, then id. (Causes-before-effects
    /// for overlapping intervals is applied by [`CausalGraph::chronological`].)
    pub fn chrono_cmp(&self, a: NodeIndex, b: NodeIndex) -> Ordering {
        let (ea, eb) = (self.event(a), self.event(b));
        ea.date.chrono_cmp(&eb.date).then_with(|| ea.id.cmp(&eb.id))
    }

    /// Every event in chronological order: by interval (earliest, then
    /// latest), causes before effects where intervals overlap, then by id.
    ///
    /// A topological sort (Kahn's algorithm) whose queue is ordered by
    /// (earliest, latest, id), over the links whose ends overlap in time:
    /// an effect waits for its overlapping causes and nothing else moves.
    /// Links whose ends do not overlap already agree with the dates (or are
    /// time inversions, which `check` reports). Events caught in a cycle are
    /// released in date order once nothing else is ready.
    pub fn chronological(&self) -> Vec<NodeIndex> {
        use std::cmp::Reverse;
        use std::collections::BinaryHeap;

        let n = self.graph.node_count();
        let overlaps = |a: NodeIndex, b: NodeIndex| {
            let (x, y) = (&self.event(a).date, &self.event(b).date);
            x.earliest() <= y.latest() && y.earliest() <= x.latest()
        };
        let mut waiting = vec![0usize; n];
        for e in self.graph.edge_references() {
            if e.source() != e.target() && overlaps(e.source(), e.target()) {
                waiting[e.target().index()] += 1;
            }
        }
        // Every node's place in key order (earliest, latest, id, node)
        // stands for its key in the queue: ids are compared once, in the
        // sort of `order`, not at every push and pop.
        let by_key = &self.order().0;
        let mut place = vec![0u32; n];
        for (p, i) in by_key.iter().enumerate() {
            place[i.index()] = p as u32;
        }
        let mut ready: BinaryHeap<Reverse<u32>> = (0..n)
            .filter(|&p| waiting[by_key[p].index()] == 0)
            .map(|p| Reverse(p as u32))
            .collect();
        let mut done = vec![false; n];
        let mut order = Vec::with_capacity(n);
        let mut next_forced = 0;
        while order.len() < n {
            let node = match ready.pop() {
                Some(Reverse(p)) => by_key[p as usize],
                None => {
                    // Only cycles remain: release the earliest waiting event.
                    while done[by_key[next_forced].index()] {
                        next_forced += 1;
                    }
                    by_key[next_forced]
                }
            };
            if done[node.index()] {
                continue;
            }
            done[node.index()] = true;
            order.push(node);
            for e in self.graph.edges_directed(node, Outgoing) {
                let t = e.target();
                if t != node && !done[t.index()] && overlaps(node, t) {
                    waiting[t.index()] -= 1;
                    if waiting[t.index()] == 0 {
                        ready.push(Reverse(place[t.index()]));
                    }
                }
            }
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        /// The order sorts by the dates and then the ids of the events as
        /// `chrono_cmp` compares them, then by node, and ranks equal keys
        /// alike: checked against that sort on stores full of equal dates,
        /// overlapping intervals and ids written twice.
        #[test]
        fn the_order_is_the_sort_by_chrono_cmp(
            events in proptest::collection::vec((0..5usize, 0..6usize), 0..60)
        ) {
            let dates = ["2020-01-01", "2020-01", "2020-01-01~", "2020-W01", "2019"];
            let text: String = events
                .iter()
                .map(|&(d, id)| {
                    format!(
                        "{{\"id\":\"e{id}\",\"date\":\"{}\",\"title\":\"t\",\"kind\":\"protest\"}}\n",
                        dates[d]
                    )
                })
                .collect();
            let (loaded, _) = crate::store::parse("s.jsonl", &text);
            prop_assert_eq!(loaded.store.events.len(), events.len());
            let graph = CausalGraph::new(&loaded.store);
            let mut sorted: Vec<NodeIndex> = graph.graph.node_indices().collect();
            sorted.sort_by(|&a, &b| graph.chrono_cmp(a, b).then(a.cmp(&b)));
            let mut ranks = vec![0u32; sorted.len()];
            for (p, w) in sorted.windows(2).enumerate() {
                ranks[w[1].index()] = match graph.chrono_cmp(w[0], w[1]) {
                    Ordering::Equal => ranks[w[0].index()],
                    _ => p as u32 + 1,
                };
            }
            let (by_key, rank) = graph.order();
            prop_assert_eq!(by_key, &sorted);
            prop_assert_eq!(rank, &ranks);
        }
    }
}
