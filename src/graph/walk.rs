//! Walks of the causal graph for `annals why`, `impact` and `path`, rendered
//! as plain text.

use std::collections::{HashSet, VecDeque};
use std::fmt::Write;

use petgraph::graph::NodeIndex;

use super::CausalGraph;
use crate::export::human;
use crate::model::Link;

/// Which way to walk from an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Towards causes: what led to the event.
    Causes,
    /// Towards effects: what followed from it.
    Effects,
}

/// How many levels a tree indents; deeper levels are numbered instead, so
/// that a long chain prints in space linear in its length.
pub const MAX_INDENT: usize = 16;

/// The indented tree of everything that led to (or followed from) `root`,
/// one event a line with its date and the relation that joins it to its
/// parent. Each event is printed once; an event met again is a reference
/// (`see above`), not expanded, so cycles and diamonds end. Indentation
/// stops at [`MAX_INDENT`] levels, past which each line names its depth.
///
/// The walk keeps its own stack, so a chain of any length fits.
pub fn tree(graph: &CausalGraph<'_>, root: NodeIndex, direction: Direction) -> String {
    let mut out = String::new();
    let e = graph.event(root);
    let _ = writeln!(out, "{}  {}  [{}]", human::date(&e.date), e.title, e.id);
    let next = |n: NodeIndex| match direction {
        Direction::Causes => graph.causes(n).into_iter(),
        Direction::Effects => graph.effects(n).into_iter(),
    };
    let mut seen = HashSet::from([root]);
    // One frame per level: the links of that level still to print.
    let mut stack = vec![next(root)];
    while let Some(links) = stack.last_mut() {
        let Some((other, link)) = links.next() else {
            stack.pop();
            continue;
        };
        let depth = stack.len();
        let again = !seen.insert(other);
        line(graph, other, link, direction, depth, again, &mut out);
        if !again {
            stack.push(next(other));
        }
    }
    out
}

/// One line of a tree: indentation, relation, the event, `see above` for
/// a repeat.
fn line(
    graph: &CausalGraph<'_>,
    node: NodeIndex,
    link: &Link,
    direction: Direction,
    depth: usize,
    again: bool,
    out: &mut String,
) {
    let e = graph.event(node);
    out.push_str(&"    ".repeat(depth.min(MAX_INDENT)));
    if depth > MAX_INDENT {
        let _ = write!(out, "({depth}) ");
    }
    let _ = match direction {
        Direction::Causes => write!(out, "{} ←", link.relation),
        Direction::Effects => write!(out, "→ {}", link.relation),
    };
    if again {
        let _ = writeln!(out, "  [{}]  (see above)", e.id);
    } else {
        let _ = writeln!(out, "  {}  {}  [{}]", human::date(&e.date), e.title, e.id);
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
        let _ = writeln!(out, "{}  {}  [{}]", human::date(&e.date), e.title, e.id);
    }
    out
}
