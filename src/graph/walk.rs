//! Walks of the causal graph: the tree of causes or effects of an event,
//! the shortest causal path between two, and the causal neighbourhood of
//! one. Rendering them as text is [`crate::export::walk`]'s work.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::algo::{dijkstra, has_path_connecting};
use petgraph::graph::NodeIndex;
use petgraph::visit::UndirectedAdaptor;

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
pub struct Step<'s> {
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
/// The walk keeps its own stack, so a chain of any length fits.
///
/// ```
/// use annals::graph::walk::{tree, Direction};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let threat = graph.find("2020-09-22-pompeo-threatens-to-close-baghdad-embassy")?;
/// // The rocket attacks, the shelling before them, Soleimani's killing
/// // before that, and the roadside bombs.
/// assert_eq!(tree(&graph, threat, Direction::Causes).len(), 4);
/// # Ok::<(), annals::Error>(())
/// ```
pub fn tree<'s>(graph: &CausalGraph<'s>, root: NodeIndex, direction: Direction) -> Vec<Step<'s>> {
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
///
/// ```
/// use annals::graph::{walk::path, CausalGraph};
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let from = graph.find("2020-01-03-soleimani-killed-at-baghdad-airport")?;
/// let to = graph.find("2020-09-22-pompeo-threatens-to-close-baghdad-embassy")?;
/// assert_eq!(path(&graph, from, to).map(|chain| chain.len()), Some(4));
/// assert!(path(&graph, to, from).is_none());
/// # Ok::<(), annals::Error>(())
/// ```
pub fn path<'s>(
    graph: &CausalGraph<'s>,
    from: NodeIndex,
    to: NodeIndex,
) -> Option<Vec<(NodeIndex, Option<&'s Link>)>> {
    if !has_path_connecting(graph.graph(), from, to, None) {
        return None;
    }
    first_chain(from, |n| graph.effects(n), |n| n == to)
}

/// Breadth first from `start`, each node's steps taken in the order `next`
/// gives them: the first chain that reaches a node `goal` accepts, each
/// node with the step that reached it (`None` for `start`). The callers
/// order the steps (chronologically, by id), which petgraph's `Bfs`, that
/// visits neighbours in storage order, cannot: the chain found would
/// depend on the order links were read.
pub(crate) fn first_chain<T: Copy>(
    start: NodeIndex,
    next: impl Fn(NodeIndex) -> Vec<(NodeIndex, T)>,
    goal: impl Fn(NodeIndex) -> bool,
) -> Option<Vec<(NodeIndex, Option<T>)>> {
    let mut parent = HashMap::new();
    let mut queue = VecDeque::from([start]);
    let mut seen = HashSet::from([start]);
    while let Some(n) = queue.pop_front() {
        if goal(n) {
            // Walk back to `start`; each entry keeps the step that reaches it.
            let mut chain = Vec::new();
            let mut cur = n;
            while let Some(&(p, step)) = parent.get(&cur) {
                chain.push((cur, Some(step)));
                cur = p;
            }
            chain.push((start, None));
            chain.reverse();
            return Some(chain);
        }
        for (m, step) in next(n) {
            if seen.insert(m) {
                parent.insert(m, (n, step));
                queue.push_back(m);
            }
        }
    }
    None
}

/// Events at most `depth` links from `root`, following links either way.
///
/// ```
/// use annals::graph::{walk::neighbourhood, CausalGraph};
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let soleimani = graph.find("2020-01-03-soleimani-killed-at-baghdad-airport")?;
/// // Itself, the shelling it triggered, and the attacks that followed that.
/// assert_eq!(neighbourhood(&graph, soleimani, 2).len(), 3);
/// # Ok::<(), annals::Error>(())
/// ```
pub fn neighbourhood(graph: &CausalGraph<'_>, root: NodeIndex, depth: usize) -> HashSet<NodeIndex> {
    let links_away = dijkstra(UndirectedAdaptor(graph.graph()), root, None, |_| 1usize);
    links_away
        .into_iter()
        .filter(|&(_, d)| d <= depth)
        .map(|(n, _)| n)
        .collect()
}
