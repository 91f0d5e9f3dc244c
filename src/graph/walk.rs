//! Walks of the causal graph for `annals why`, `impact` and `path`, rendered
//! as plain text.

use std::collections::{HashSet, VecDeque};
use std::fmt::Write;

use petgraph::graph::NodeIndex;

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

/// The indented tree of everything that led to (or followed from) `root`,
/// one event a line with its date and the relation that joins it to its
/// parent. An event met again is printed once more, marked, and not
/// expanded, so cycles and diamonds end.
pub fn tree(graph: &CausalGraph<'_>, root: NodeIndex, direction: Direction) -> String {
    let mut out = String::new();
    let e = graph.event(root);
    let _ = writeln!(out, "{}  {}  [{}]", e.date, e.title, e.id);
    let mut seen = HashSet::from([root]);
    branch(graph, root, direction, 1, &mut seen, &mut out);
    out
}

fn branch(
    graph: &CausalGraph<'_>,
    node: NodeIndex,
    direction: Direction,
    depth: usize,
    seen: &mut HashSet<NodeIndex>,
    out: &mut String,
) {
    let next = match direction {
        Direction::Causes => graph.causes(node),
        Direction::Effects => graph.effects(node),
    };
    for (other, link) in next {
        let e = graph.event(other);
        let relation = match direction {
            Direction::Causes => format!("{} ←", link.relation),
            Direction::Effects => format!("→ {}", link.relation),
        };
        let again = !seen.insert(other);
        let _ = writeln!(
            out,
            "{}{relation}  {}  {}  [{}]{}",
            "    ".repeat(depth),
            e.date,
            e.title,
            e.id,
            if again { "  (see above)" } else { "" }
        );
        if !again {
            branch(graph, other, direction, depth + 1, seen, out);
        }
    }
}

/// The shortest chain of links from `from` to `to`, following links
/// forwards; `None` when `to` cannot be reached.
pub fn path<'s>(
    graph: &CausalGraph<'s>,
    from: NodeIndex,
    to: NodeIndex,
) -> Option<Vec<(NodeIndex, Option<&'s Link>)>> {
    let mut parent = std::collections::HashMap::new();
    let mut queue = VecDeque::from([from]);
    let mut seen = HashSet::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            // Walk back to `from`; each entry keeps the link that reaches it.
            let mut chain = Vec::new();
            let mut cur = n;
            while let Some(&(p, link)) = parent.get(&cur) {
                chain.push((cur, Some(link)));
                cur = p;
            }
            chain.push((from, None));
            chain.reverse();
            return Some(chain);
        }
        for (m, link) in graph.effects(n) {
            if seen.insert(m) {
                parent.insert(m, (n, link));
                queue.push_back(m);
            }
        }
    }
    None
}

/// A path as text: each event on its line, the relation between them.
pub fn render_path(graph: &CausalGraph<'_>, chain: &[(NodeIndex, Option<&Link>)]) -> String {
    let mut out = String::new();
    for (node, link) in chain {
        if let Some(l) = link {
            let _ = writeln!(out, "    ↓ {}  “{}”", l.relation, l.evidence);
        }
        let e = graph.event(*node);
        let _ = writeln!(out, "{}  {}  [{}]", e.date, e.title, e.id);
    }
    out
}
