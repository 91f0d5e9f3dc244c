//! The causal graph: events as nodes, links as edges, and the orders and
//! walks briefings need.
//!
//! (First cut: build, chronological order, causes and effects. Checks and
//! walks come with the spine.)

use std::cmp::Ordering;
use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use crate::model::{Event, Link, Store};

/// The store as a directed graph. Node weights index `store.events`, edge
/// weights index `store.links`; links to unknown events are left out (the
/// loader reports them).
#[derive(Debug)]
pub struct CausalGraph<'s> {
    store: &'s Store,
    graph: DiGraph<usize, usize>,
    by_id: HashMap<&'s str, NodeIndex>,
}

impl<'s> CausalGraph<'s> {
    /// Builds the graph of a store.
    pub fn new(store: &'s Store) -> CausalGraph<'s> {
        let mut graph = DiGraph::with_capacity(store.events.len(), store.links.len());
        let mut by_id = HashMap::with_capacity(store.events.len());
        for (i, e) in store.events.iter().enumerate() {
            let n = graph.add_node(i);
            by_id.entry(e.id.as_str()).or_insert(n);
        }
        for (i, l) in store.links.iter().enumerate() {
            if let (Some(&a), Some(&b)) = (by_id.get(l.from.as_str()), by_id.get(l.to.as_str())) {
                graph.add_edge(a, b, i);
            }
        }
        CausalGraph {
            store,
            graph,
            by_id,
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

    /// The event at a node.
    pub fn event(&self, n: NodeIndex) -> &'s Event {
        &self.store.events[self.graph[n]]
    }

    /// The events this one follows from, with the link, in chronological
    /// order.
    pub fn causes(&self, n: NodeIndex) -> Vec<(NodeIndex, &'s Link)> {
        self.neighbours(n, Direction::Incoming)
    }

    /// The events that follow from this one, with the link.
    pub fn effects(&self, n: NodeIndex) -> Vec<(NodeIndex, &'s Link)> {
        self.neighbours(n, Direction::Outgoing)
    }

    fn neighbours(&self, n: NodeIndex, dir: Direction) -> Vec<(NodeIndex, &'s Link)> {
        let mut v: Vec<(NodeIndex, &'s Link)> = self
            .graph
            .edges_directed(n, dir)
            .map(|e| {
                let other = if dir == Direction::Incoming {
                    e.source()
                } else {
                    e.target()
                };
                (other, &self.store.links[*e.weight()])
            })
            .collect();
        v.sort_by(|a, b| {
            self.chrono_cmp(a.0, b.0)
                .then_with(|| a.1.relation.cmp(&b.1.relation))
        });
        v
    }

    /// Compares two events by date interval, then id. (Causes-before-effects
    /// for overlapping intervals is applied by [`CausalGraph::chronological`].)
    pub fn chrono_cmp(&self, a: NodeIndex, b: NodeIndex) -> Ordering {
        let (ea, eb) = (self.event(a), self.event(b));
        ea.date.chrono_cmp(&eb.date).then_with(|| ea.id.cmp(&eb.id))
    }

    /// Every event in chronological order: by interval (earliest, then
    /// latest), causes before effects where intervals overlap, then by id.
    pub fn chronological(&self) -> Vec<NodeIndex> {
        let mut v: Vec<NodeIndex> = self.graph.node_indices().collect();
        v.sort_by(|&a, &b| self.chrono_cmp(a, b));
        v
    }
}
