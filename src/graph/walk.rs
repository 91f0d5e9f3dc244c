//! Walks of the causal graph: the tree of causes or effects of an event,
//! the shortest causal path between two, and the causal neighbourhood of
//! one. Rendering them as text is [`crate::export::walk`]'s work.

use std::collections::HashSet;

use petgraph::algo::dijkstra;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::{Bfs, GraphBase, GraphRef, IntoNeighbors, UndirectedAdaptor, Visitable};
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
    first_chain(graph.graph(), from, |n| graph.effects(n), |n| n == to)
}

/// Breadth first from `start` over `g`, each node's steps taken in the
/// order `next` gives them (a caller leaves out of `next` the steps it
/// does not want taken): the first chain that reaches a node `goal`
/// accepts, each node with the step that reached it (`None` for `start`).
///
/// The walk is petgraph's [`Bfs`] over [`Steps`], a view of `g` whose
/// nodes list their neighbours in `next`'s order: petgraph's own graph
/// lists them in the order it stores them (the last link added first),
/// and the callers order the steps (chronologically, by id) so that the
/// chain found does not depend on the order links were read. Nothing is
/// copied, so the walk costs what it visits.
pub(crate) fn first_chain<T: Copy>(
    g: &DiGraph<usize, usize>,
    start: NodeIndex,
    next: impl Fn(NodeIndex) -> Vec<(NodeIndex, T)>,
    goal: impl Fn(NodeIndex) -> bool,
) -> Option<Vec<(NodeIndex, Option<T>)>> {
    let steps = Steps { g, next: &next };
    let mut bfs = Bfs::new(steps, start);
    // Each node's place in the visit (`u32::MAX` for the unvisited).
    let mut place = vec![u32::MAX; g.node_count()];
    let mut visited = 0;
    while let Some(n) = bfs.next(steps) {
        place[n.index()] = visited;
        visited += 1;
        if goal(n) {
            return Some(back(g, &next, &place, start, n));
        }
    }
    None
}

/// The chain from `start` to `end` that a breadth-first walk took, read
/// backwards: a node was reached from the first visited node that has a
/// step to it, by the first of that node's steps to it.
fn back<T: Copy>(
    g: &DiGraph<usize, usize>,
    next: impl Fn(NodeIndex) -> Vec<(NodeIndex, T)>,
    place: &[u32],
    start: NodeIndex,
    end: NodeIndex,
) -> Vec<(NodeIndex, Option<T>)> {
    let mut chain = Vec::new();
    let mut cur = end;
    while cur != start {
        let mut before: Vec<NodeIndex> = g
            .neighbors_directed(cur, Incoming)
            .filter(|p| place[p.index()] != u32::MAX)
            .collect();
        before.sort_unstable_by_key(|p| place[p.index()]);
        let Some((from, step)) = before.into_iter().find_map(|p| {
            let step = next(p).into_iter().find(|&(m, _)| m == cur);
            step.map(|(_, step)| (p, step))
        }) else {
            break;
        };
        chain.push((cur, Some(step)));
        cur = from;
    }
    chain.push((start, None));
    chain.reverse();
    chain
}

/// The causal graph as petgraph's walks see it, each node's neighbours
/// the ends of its steps in `next`'s order.
struct Steps<'a, F> {
    g: &'a DiGraph<usize, usize>,
    next: &'a F,
}

impl<F> Clone for Steps<'_, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F> Copy for Steps<'_, F> {}

impl<F> GraphBase for Steps<'_, F> {
    type NodeId = NodeIndex;
    type EdgeId = EdgeIndex;
}

impl<F> GraphRef for Steps<'_, F> {}

impl<F> Visitable for Steps<'_, F> {
    type Map = <DiGraph<usize, usize> as Visitable>::Map;

    fn visit_map(&self) -> Self::Map {
        self.g.visit_map()
    }

    fn reset_map(&self, map: &mut Self::Map) {
        self.g.reset_map(map);
    }
}

impl<T, F: Fn(NodeIndex) -> Vec<(NodeIndex, T)>> IntoNeighbors for Steps<'_, F> {
    type Neighbors =
        std::iter::Map<std::vec::IntoIter<(NodeIndex, T)>, fn((NodeIndex, T)) -> NodeIndex>;

    fn neighbors(self, n: NodeIndex) -> Self::Neighbors {
        (self.next)(n).into_iter().map(|(m, _)| m)
    }
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
