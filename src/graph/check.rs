//! What `annals check` adds to loading: the problems only the graph shows.

use std::collections::VecDeque;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{Dfs, DfsPostOrder, EdgeRef, Reversed, VisitMap};
use petgraph::Direction::Incoming;

use super::CausalGraph;
use crate::error::Diagnostic;
use crate::store::{Field, Loaded};

/// Self-links, cycles (each printed), time inversions (a cause whose
/// earliest day is after its effect's latest day), and the warnings: events
/// without a source, sources no event cites.
///
/// ```
/// let (loaded, _) = annals::store::parse(
///     "crisis.toml",
///     r#"
/// [[event]]
/// id = "rockets"
/// date = "2020-09-20"
/// title = "Rockets hit the embassy"
/// kind = "assault"
///
/// [[event]]
/// id = "closure"
/// date = "2020-09-22"
/// title = "Closure of the embassy threatened"
/// kind = "threaten"
///
/// [[link]]
/// from = "rockets"
/// to = "closure"
/// relation = "causes"
///
/// [[link]]
/// from = "closure"
/// to = "rockets"
/// relation = "causes"
/// "#,
/// );
/// let problems = annals::graph::check::check(&loaded);
/// assert!(problems.iter().any(|p| p.message.contains("cycle")), "{problems:?}");
/// ```
pub fn check(loaded: &Loaded) -> Vec<Diagnostic> {
    let store = &loaded.store;
    let graph = CausalGraph::new(store);
    let g = graph.graph();
    let mut diags = Vec::new();
    for edge in g.edge_references() {
        let link = &store.links[*edge.weight()];
        let at = || loaded.link_at(*edge.weight(), Field::To);
        if edge.source() == edge.target() {
            diags.push(
                Diagnostic::error(at(), format!("event `{}` is linked to itself", link.from))
                    .with_help("a link joins two different events; remove it or fix `to`"),
            );
            continue;
        }
        let (cause, effect) = (graph.event(edge.source()), graph.event(edge.target()));
        if cause.date.earliest() > effect.date.latest() {
            diags.push(
                Diagnostic::error(
                    at(),
                    format!(
                        "time inversion: `{}` ({}) {} `{}` ({}), which ends before it starts",
                        cause.id, cause.date, link.relation, effect.id, effect.date
                    ),
                )
                .with_help("a link points from the earlier event to the later: swap `from` and `to`, or fix a date"),
            );
        }
    }
    let (sccs, component) = tangles(g);
    let starts = smallest_ids(&graph, &component, sccs.len());
    for (k, &start) in starts.iter().enumerate() {
        let cycle = find_cycle(&graph, start, |n| component[n.index()] == k);
        let first_link = cycle_first_link(&graph, &cycle);
        let names: Vec<&str> = cycle.iter().map(|&n| graph.event(n).id.as_str()).collect();
        let at = first_link.and_then(|i| loaded.link_at(i, Field::From));
        diags.push(
            Diagnostic::error(
                at,
                format!("causal cycle: {} -> {}", names.join(" -> "), names[0]),
            )
            .with_help("an event cannot lead back to itself; remove or reverse one of these links"),
        );
    }
    let mut cited = vec![false; store.sources.len()];
    for (i, e) in store.events.iter().enumerate() {
        if e.sources.is_empty() {
            diags.push(
                Diagnostic::warning(loaded.event_at(i, Field::Id), format!("event `{}` has no source", e.id))
                    .with_help("add `sources = [{ id = \"...\", quote = \"...\" }]` so the briefing can cite it"),
            );
        }
        for c in &e.sources {
            if let Some(j) = graph.source_index(&c.id) {
                cited[j] = true;
            }
        }
    }
    for link in &store.links {
        if let Some(j) = link.source.as_ref().and_then(|s| graph.source_index(s)) {
            cited[j] = true;
        }
    }
    for (j, s) in store.sources.iter().enumerate() {
        if !cited[j] {
            diags.push(
                Diagnostic::warning(
                    loaded.source_at(j, Field::Id),
                    format!("source `{}` is not cited by any event", s.id),
                )
                .with_help("cite it from an event's `sources`, or remove it"),
            );
        }
    }
    diags
}

/// The strongly connected components of more than one event, in the order
/// petgraph's `kosaraju_scc` lists them (the same two walks, so messages
/// keep their order), and each node's number among them (`usize::MAX` for
/// the rest). The components of one event, nearly all of a store, are
/// never built: a million one-element lists would be most of the memory
/// `check` adds to loading.
fn tangles(g: &DiGraph<usize, usize>) -> (Vec<Vec<NodeIndex>>, Vec<usize>) {
    let mut dfs = DfsPostOrder::empty(g);
    let mut finished = Vec::with_capacity(g.node_count());
    for i in g.node_indices() {
        if dfs.discovered.is_visited(&i) {
            continue;
        }
        dfs.move_to(i);
        while let Some(n) = dfs.next(Reversed(g)) {
            finished.push(n);
        }
    }
    let mut dfs = Dfs::from_parts(dfs.stack, dfs.discovered);
    dfs.reset(g);
    let mut component = vec![usize::MAX; g.node_count()];
    let (mut sccs, mut scc) = (Vec::new(), Vec::new());
    for &i in finished.iter().rev() {
        if dfs.discovered.is_visited(&i) {
            continue;
        }
        dfs.move_to(i);
        scc.clear();
        while let Some(n) = dfs.next(g) {
            scc.push(n);
        }
        if scc.len() > 1 {
            for n in &scc {
                component[n.index()] = sccs.len();
            }
            sccs.push(std::mem::take(&mut scc));
        }
    }
    (sccs, component)
}

/// The event of smallest id in each of `count` components (`component`
/// numbers each node's, `usize::MAX` for none), where a cycle's message
/// starts so that it is the same on every run. One pass in the store's
/// order: a component's events lie scattered through the store, and
/// reading their ids in the walk's order missed the cache at each.
fn smallest_ids(graph: &CausalGraph<'_>, component: &[usize], count: usize) -> Vec<NodeIndex> {
    let mut smallest: Vec<Option<NodeIndex>> = vec![None; count];
    for (i, &k) in component.iter().enumerate() {
        let Some(slot) = smallest.get_mut(k) else {
            continue;
        };
        let n = NodeIndex::new(i);
        if slot.is_none_or(|m| graph.event(n).id < graph.event(m).id) {
            *slot = Some(n);
        }
    }
    smallest.into_iter().flatten().collect()
}

/// The cycle through `start` that a breadth-first walk from it, each
/// event's steps taken by id and only to events `inside` its component,
/// finds first: the shortest, and among the shortest the one whose ids
/// come first, step by step.
///
/// The walk itself would read the id of every event it reaches to order
/// its steps, and it reaches most of a component before a long cycle
/// closes. So the distances back to `start` are found first, by a walk
/// backwards that reads no id ([`links_back`]); then the cycle is
/// followed forwards, at each event the step of smallest id among those
/// one link nearer: the same cycle, ids read only along it.
fn find_cycle(
    graph: &CausalGraph<'_>,
    start: NodeIndex,
    inside: impl Fn(NodeIndex) -> bool,
) -> Vec<NodeIndex> {
    let g = graph.graph();
    let away = links_back(g, start, &inside);
    let mut cycle = vec![start];
    let (mut at, mut left) = (start, away[start.index()]);
    while left > 0 && left != u32::MAX {
        let nearer = g
            .neighbors(at)
            .filter(|&m| inside(m) && away[m.index()] == left - 1)
            .min_by(|&a, &b| graph.event(a).id.cmp(&graph.event(b).id));
        let Some(next) = nearer else {
            break;
        };
        cycle.push(next);
        (at, left) = (next, left - 1);
    }
    cycle
}

/// For each event `inside`, the fewest links from it to one that links
/// to `start` (0 for those), `u32::MAX` for the rest: breadth first
/// backwards from the events that close a cycle, ending as soon as
/// `start` is reached (every event nearer than it is then numbered).
fn links_back(
    g: &DiGraph<usize, usize>,
    start: NodeIndex,
    inside: impl Fn(NodeIndex) -> bool,
) -> Vec<u32> {
    let mut away = vec![u32::MAX; g.node_count()];
    let mut queue = VecDeque::new();
    for n in g.neighbors_directed(start, Incoming) {
        if inside(n) && away[n.index()] == u32::MAX {
            away[n.index()] = 0;
            queue.push_back(n);
        }
    }
    while let Some(n) = queue.pop_front() {
        if n == start {
            break;
        }
        let next = away[n.index()] + 1;
        for m in g.neighbors_directed(n, Incoming) {
            if inside(m) && away[m.index()] == u32::MAX {
                away[m.index()] = next;
                queue.push_back(m);
            }
        }
    }
    away
}

fn cycle_first_link(graph: &CausalGraph<'_>, cycle: &[NodeIndex]) -> Option<usize> {
    let (a, b) = (cycle[0], *cycle.get(1).unwrap_or(&cycle[0]));
    graph.graph().find_edge(a, b).map(|e| graph.graph()[e])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The cycle of the breadth-first walk itself (petgraph's `Bfs` over
    /// the component, each event's steps by id) that [`find_cycle`] must
    /// find without it.
    fn by_walk(
        graph: &CausalGraph<'_>,
        start: NodeIndex,
        inside: impl Fn(NodeIndex) -> bool,
    ) -> Vec<NodeIndex> {
        let next = |n: NodeIndex| {
            let mut next: Vec<(NodeIndex, ())> = graph
                .graph()
                .neighbors(n)
                .filter(|&m| inside(m))
                .map(|m| (m, ()))
                .collect();
            next.sort_by(|a, b| graph.event(a.0).id.cmp(&graph.event(b.0).id));
            next
        };
        let closes = |n: NodeIndex| graph.graph().neighbors(n).any(|m| m == start);
        crate::graph::walk::first_chain(graph.graph(), start, next, closes).map_or_else(
            || vec![start],
            |chain| chain.into_iter().map(|(n, _)| n).collect(),
        )
    }

    /// A store of `ids.len()` events and the links `links` (indices into
    /// `ids`), as TOML.
    fn store(ids: &[String], links: &[(usize, usize)]) -> String {
        let mut text = String::new();
        for id in ids {
            text += &format!("[[event]]\nid = \"{id}\"\ndate = \"2020-01-01\"\ntitle = \"t\"\nkind = \"other\"\n\n");
        }
        for &(a, b) in links {
            text += &format!(
                "[[link]]\nfrom = \"{}\"\nto = \"{}\"\nrelation = \"causes\"\n\n",
                ids[a], ids[b]
            );
        }
        text
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// Every component's cycle is the one the walk finds, on graphs
        /// with self-links, parallel links and several components.
        #[test]
        fn the_cycle_is_the_one_the_walk_finds(
            names in proptest::collection::btree_set("[a-e]{1,3}", 2..14),
            picks in proptest::collection::vec((0usize..100, 0usize..100), 1..40),
        ) {
            let ids: Vec<String> = names.into_iter().collect();
            let links: Vec<(usize, usize)> =
                picks.iter().map(|&(a, b)| (a % ids.len(), b % ids.len())).collect();
            let (loaded, _) = crate::store::parse("s.toml", &store(&ids, &links));
            let graph = CausalGraph::new(&loaded.store);
            let (sccs, component) = tangles(graph.graph());
            let starts = smallest_ids(&graph, &component, sccs.len());
            prop_assert_eq!(starts.len(), sccs.len());
            for (k, &start) in starts.iter().enumerate() {
                let inside = |n: NodeIndex| component[n.index()] == k;
                let smallest = sccs[k].iter().min_by_key(|&&n| &graph.event(n).id);
                prop_assert_eq!(Some(&start), smallest);
                prop_assert_eq!(find_cycle(&graph, start, inside), by_walk(&graph, start, inside));
            }
        }
    }
}
