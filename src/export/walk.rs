//! Walks of the causal graph as plain text: `annals why`, `impact` and
//! `path`.

use std::fmt::Write;

use petgraph::graph::NodeIndex;

use super::human;
use crate::graph::walk::{self, Step};
use crate::graph::{CausalGraph, Direction};

/// How many levels a tree indents; deeper levels are numbered instead, so
/// that a long chain prints in space linear in its length.
pub(crate) const MAX_INDENT: usize = 16;

/// The indented tree of everything that led to (or followed from) `root`
/// (depth first, each event's neighbours in chronological order, each
/// event walked from once), one event a line with its date and the relation that
/// joins it to its parent; an event met again is a reference (`see
/// above`). Indentation stops at 16 levels, past which each
/// line names its depth.
///
/// ```
/// use annals::graph::{CausalGraph, Direction};
///
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
/// "#,
/// );
/// let graph = CausalGraph::new(&loaded.store);
/// let closure = graph.find("closure")?;
/// let text = annals::export::walk::tree(&graph, closure, Direction::Causes);
/// assert!(text.contains("Rockets hit the embassy"), "{text}");
/// # Ok::<(), annals::Error>(())
/// ```
pub fn tree(graph: &CausalGraph<'_>, root: NodeIndex, direction: Direction) -> String {
    let mut out = String::new();
    let e = graph.event(root);
    let _ = writeln!(out, "{}  {}  [{}]", human::date(&e.date), e.title, e.id);
    for step in walk::tree(graph, root, direction) {
        line(graph, &step, direction, &mut out);
    }
    out
}

/// One line of a tree: indentation, relation, the event, `see above` for
/// a repeat.
fn line(graph: &CausalGraph<'_>, step: &Step<'_>, direction: Direction, out: &mut String) {
    let e = graph.event(step.node);
    out.push_str(&"    ".repeat(step.depth.min(MAX_INDENT)));
    if step.depth > MAX_INDENT {
        let _ = write!(out, "({}) ", step.depth);
    }
    let _ = match direction {
        Direction::Causes => write!(out, "{} ←", step.link.relation),
        Direction::Effects => write!(out, "→ {}", step.link.relation),
    };
    if step.again {
        let _ = writeln!(out, "  [{}]  (see above)", e.id);
    } else {
        let _ = writeln!(out, "  {}  {}  [{}]", human::date(&e.date), e.title, e.id);
    }
}

/// The shortest causal chain from `from` to `to` as text, following links
/// forwards: each event on its line, the relation and evidence between
/// them; `None` when `to` cannot be reached. Among chains of the same
/// length, the one whose links come first in chronological order.
///
/// ```
/// use annals::export::walk;
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let from = graph.find("2020-01-03-soleimani-killed-at-baghdad-airport")?;
/// let to = graph.find("2020-09-22-pompeo-threatens-to-close-baghdad-embassy")?;
/// let text = walk::path(&graph, from, to).expect("linked");
/// assert_eq!(text.matches('↓').count(), 3);
/// assert!(walk::path(&graph, to, from).is_none());
/// # Ok::<(), annals::Error>(())
/// ```
pub fn path(graph: &CausalGraph<'_>, from: NodeIndex, to: NodeIndex) -> Option<String> {
    let chain = walk::path(graph, from, to)?;
    let mut out = String::new();
    for (node, link) in chain {
        if let Some(l) = link {
            let _ = writeln!(out, "    ↓ {}  “{}”", l.relation, l.evidence);
        }
        let e = graph.event(node);
        let _ = writeln!(out, "{}  {}  [{}]", human::date(&e.date), e.title, e.id);
    }
    Some(out)
}
