//! What `annals check` adds to loading: the problems only the graph shows.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{Dfs, DfsPostOrder, EdgeRef, Reversed, VisitMap};

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
    for (k, scc) in sccs.iter().enumerate() {
        let cycle = find_cycle(&graph, scc, |n| component[n.index()] == k);
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

/// One cycle through the strongly connected component `scc`, starting at its
/// smallest event id so the message is the same on every run. `inside` tells
/// in constant time whether a node belongs to `scc`, so the search is linear
/// in the component's size.
fn find_cycle(
    graph: &CausalGraph<'_>,
    scc: &[NodeIndex],
    inside: impl Fn(NodeIndex) -> bool,
) -> Vec<NodeIndex> {
    let start = *scc
        .iter()
        .min_by(|a, b| graph.event(**a).id.cmp(&graph.event(**b).id))
        .unwrap_or(&scc[0]);
    // Breadth first, neighbours by id, to the first event that leads back
    // to `start`.
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
    super::walk::first_chain(graph.graph(), start, next, closes).map_or_else(
        || vec![start],
        |chain| chain.into_iter().map(|(n, _)| n).collect(),
    )
}

fn cycle_first_link(graph: &CausalGraph<'_>, cycle: &[NodeIndex]) -> Option<usize> {
    let (a, b) = (cycle[0], *cycle.get(1).unwrap_or(&cycle[0]));
    graph.graph().find_edge(a, b).map(|e| graph.graph()[e])
}
