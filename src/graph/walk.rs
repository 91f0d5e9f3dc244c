//! Walks of the causal graph: the tree of causes or effects of an event,
//! the shortest causal path between two, and the causal neighbourhood of
//! one. Rendering them as text is [`crate::export::walk`]'s work.

use std::collections::{HashMap, HashSet};

use petgraph::algo::dijkstra;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{Bfs, EdgeRef, UndirectedAdaptor};
use petgraph::Direction::Incoming;

use super::CausalGraph;
use crate::model::Link;

/// Which way to walk from an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards causes: what led to the event.
    Causes,
    /// Towards effects: what followed from it.
    Effects,
}

/// One step of a tree walk: an event reached through `link` at `depth`
/// (1 for the root's neighbours), `again` when it was reached before (and
/// is not walked from a second time).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Step<'s> {
    /// The event reached.
    pub node: NodeIndex,
    /// The link that reached it.
    pub link: &'s Link,
    /// Links from the root.
    pub depth: usize,
    /// True when the event was met earlier in the walk.
    pub again: bool,
}

/// Everything that led to (or followed from) `root`, depth first, each
/// event's neighbours in chronological order. Each event is walked from
/// once; an event met again is a step with `again` set, so cycles and
/// diamonds end.
///
/// The walk keeps its own stack, so a chain of any length fits: petgraph's
/// `depth_first_search`, which reports the links a walk takes, recurses
/// once a level (docs/DESIGN.md, "Walks").
pub(crate) fn tree<'s>(
    graph: &CausalGraph<'s>,
    root: NodeIndex,
    direction: Direction,
) -> Vec<Step<'s>> {
    let next = |n: NodeIndex| match direction {
        Direction::Causes => graph.causes(n).into_iter(),
        Direction::Effects => graph.effects(n).into_iter(),
    };
    let mut steps = Vec::new();
    let mut seen = HashSet::from([root]);
    // One frame per level: the links of that level still to walk.
    let mut stack = vec![next(root)];
    while let Some(links) = stack.last_mut() {
        let Some((node, link)) = links.next() else {
            stack.pop();
            continue;
        };
        let again = !seen.insert(node);
        steps.push(Step {
            node,
            link,
            depth: stack.len(),
            again,
        });
        if !again {
            stack.push(next(node));
        }
    }
    steps
}

/// The shortest chain of links from `from` to `to`, following links
/// forwards; `None` when `to` cannot be reached. Among chains of the same
/// length, the one whose links come first in chronological order.
pub(crate) fn path<'s>(
    graph: &CausalGraph<'s>,
    from: NodeIndex,
    to: NodeIndex,
) -> Option<Vec<(NodeIndex, Option<&'s Link>)>> {
    let g = graph.graph();
    let mut reach = Bfs::new(g, from);
    let reached: Vec<NodeIndex> = std::iter::from_fn(|| reach.next(g)).collect();
    if !reach.discovered.contains(to.index()) {
        return None;
    }
    first_chain(&reached, from, |n| graph.effects(n), |n| n == to)
}

/// Breadth first from `start` over `nodes`, each node's steps taken in the
/// order `next` gives them (steps to nodes outside `nodes` are not
/// taken): the first chain that reaches a node `goal` accepts, each node
/// with the step that reached it (`None` for `start`).
///
/// The walk is petgraph's [`Bfs`] over a copy of the steps, [`ordered`]:
/// petgraph visits a node's neighbours in the order its graph stores them
/// (the last link added first), and the callers order the steps
/// (chronologically, by id) so that the chain found does not depend on
/// the order links were read.
pub(crate) fn first_chain<T: Copy>(
    nodes: &[NodeIndex],
    start: NodeIndex,
    next: impl Fn(NodeIndex) -> Vec<(NodeIndex, T)>,
    goal: impl Fn(NodeIndex) -> bool,
) -> Option<Vec<(NodeIndex, Option<T>)>> {
    let (g, start) = ordered(nodes, start, next)?;
    let mut bfs = Bfs::new(&g, start);
    // Each node's place in the visit.
    let mut visited = HashMap::new();
    while let Some(n) = bfs.next(&g) {
        visited.insert(n, visited.len());
        if goal(g[n]) {
            return Some(back(&g, &visited, start, n));
        }
    }
    None
}

/// The nodes of `nodes` as a graph whose node weights are the nodes and
/// whose every node lists its steps (edges) in `next`'s order, and the
/// node of `start` in it.
fn ordered<T>(
    nodes: &[NodeIndex],
    start: NodeIndex,
    next: impl Fn(NodeIndex) -> Vec<(NodeIndex, T)>,
) -> Option<(DiGraph<NodeIndex, T>, NodeIndex)> {
    let mut g = DiGraph::with_capacity(nodes.len(), nodes.len());
    let index: HashMap<NodeIndex, NodeIndex> = nodes.iter().map(|&n| (n, g.add_node(n))).collect();
    for &n in nodes {
        // petgraph lists a node's edges last added first.
        for (m, step) in next(n).into_iter().rev() {
            if let Some(&m) = index.get(&m) {
                g.add_edge(index[&n], m, step);
            }
        }
    }
    let start = *index.get(&start)?;
    Some((g, start))
}

/// The chain from `start` to `end` that a breadth-first walk took, read
/// backwards: a node was reached from the first visited node that links
/// to it, by the first of that node's steps to it (which comes first
/// among the node's incoming edges from it too, both lists being in the
/// reverse of the order the edges were added).
fn back<T: Copy>(
    g: &DiGraph<NodeIndex, T>,
    visited: &HashMap<NodeIndex, usize>,
    start: NodeIndex,
    end: NodeIndex,
) -> Vec<(NodeIndex, Option<T>)> {
    let mut chain = Vec::new();
    let mut cur = end;
    while cur != start {
        let Some(step) = g
            .edges_directed(cur, Incoming)
            .filter_map(|e| visited.get(&e.source()).map(|&place| (place, e)))
            .min_by_key(|&(place, _)| place)
            .map(|(_, e)| e)
        else {
            break;
        };
        chain.push((g[cur], Some(*step.weight())));
        cur = step.source();
    }
    chain.push((g[start], None));
    chain.reverse();
    chain
}

/// Events at most `depth` links from `root`, following links either way.
pub(crate) fn neighbourhood(
    graph: &CausalGraph<'_>,
    root: NodeIndex,
    depth: usize,
) -> HashSet<NodeIndex> {
    let links_away = dijkstra(UndirectedAdaptor(graph.graph()), root, None, |_| 1usize);
    links_away
        .into_iter()
        .filter(|&(_, d)| d <= depth)
        .map(|(n, _)| n)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walks on the shipped example store (`events/`).
    #[test]
    fn walks_of_the_example_store() {
        let store = crate::store::load("events").unwrap();
        let graph = CausalGraph::new(&store);
        let soleimani = graph
            .find("2020-01-03-soleimani-killed-at-baghdad-airport")
            .unwrap();
        let threat = graph
            .find("2020-09-22-pompeo-threatens-to-close-baghdad-embassy")
            .unwrap();
        // The rocket attacks, the shelling before them, Soleimani's killing
        // before that, and the roadside bombs.
        assert_eq!(tree(&graph, threat, Direction::Causes).len(), 4);
        assert_eq!(
            path(&graph, soleimani, threat).map(|chain| chain.len()),
            Some(4)
        );
        assert!(path(&graph, threat, soleimani).is_none());
        // Itself, the shelling it triggered, and the attacks that followed that.
        assert_eq!(neighbourhood(&graph, soleimani, 2).len(), 3);
    }
}
