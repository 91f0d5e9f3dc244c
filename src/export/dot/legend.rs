//! The legend: one compact table under the diagram listing only the kinds,
//! relations and encodings the diagram uses. It is the graph's label, so it
//! takes no place in the layout and never pushes the events aside.

use std::collections::BTreeSet;
use std::fmt::Write;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::style;
use crate::graph::CausalGraph;
use crate::model::{Kind, Mode, Relation};

/// Kinds a legend line holds before the next.
const PER_LINE: usize = 10;

/// A line sample for a relation, in the characters of its DOT style.
fn sample(r: Relation) -> &'static str {
    match r {
        Relation::Causes => "&#9472;&#9472;&#9654;",
        Relation::Enables => "&#9472;&#9472;&#9654;",
        Relation::Triggers => "<B>&#9473;&#9473;&#9654;</B>",
        Relation::RespondsTo => "- - &#9654;",
        Relation::Precedes => "&#183;&#183;&#183;&#9654;",
        Relation::Prevents => "&#9472;&#9472;&#9475;",
    }
}

/// What the legend needs to explain.
#[derive(Default)]
struct Used {
    kinds: BTreeSet<Kind>,
    relations: BTreeSet<Relation>,
    modes: Vec<Mode>,
    uncertain: bool,
}

fn used(graph: &CausalGraph<'_>, nodes: &[NodeIndex]) -> Used {
    let mut shown = vec![false; graph.graph().node_count()];
    for n in nodes {
        shown[n.index()] = true;
    }
    let mut u = Used::default();
    for &n in nodes {
        let e = graph.event(n);
        u.kinds.insert(e.kind);
        u.uncertain |= style::uncertain(e);
        if e.mode.is_unrealised() && !u.modes.contains(&e.mode) {
            u.modes.push(e.mode);
        }
        // A set: the order of the links does not matter here.
        for edge in graph.graph().edges(n) {
            if shown[edge.target().index()] {
                u.relations
                    .insert(graph.store().links[*edge.weight()].relation);
            }
        }
    }
    u
}

/// The graph's label: the legend as lines of HTML-like text, left-aligned
/// (text rather than a table, whose cells Graphviz would stretch), or
/// nothing for no events.
pub fn legend(graph: &CausalGraph<'_>, nodes: &[NodeIndex]) -> String {
    if nodes.is_empty() {
        return String::new();
    }
    let u = used(graph, nodes);
    let mut lines: Vec<String> = Vec::new();
    let kinds: Vec<Kind> = u.kinds.iter().copied().collect();
    for chunk in kinds.chunks(PER_LINE) {
        let cells: Vec<String> = chunk
            .iter()
            .map(|k| {
                format!(
                    "<FONT COLOR=\"{}\" POINT-SIZE=\"14\">&#9632;</FONT> {k}",
                    k.info().colour.to_lowercase()
                )
            })
            .collect();
        lines.push(cells.join("&#160;&#160;&#160;"));
    }
    let relations: Vec<String> = u
        .relations
        .iter()
        .map(|&r| {
            format!(
                "<FONT COLOR=\"{}\">{}</FONT> {r}",
                style::edge_colour(r),
                sample(r)
            )
        })
        .collect();
    if !relations.is_empty() {
        lines.push(relations.join("&#160;&#160;&#160;"));
    }
    let mut notes = Vec::new();
    if u.uncertain {
        notes.push("&#9476;&#9476; dashed border: date uncertain".to_string());
    }
    if !u.modes.is_empty() {
        let modes: Vec<&str> = Mode::ALL
            .iter()
            .filter(|m| u.modes.contains(m))
            .map(|m| m.as_str())
            .collect();
        notes.push(format!(
            "<I>pale fill, italic: did not happen ({})</I>",
            modes.join(", ")
        ));
    }
    if !notes.is_empty() {
        lines.push(notes.join("&#160;&#160;&#183;&#160;&#160;"));
    }
    let mut out = String::from("  graph [labelloc=\"b\", labeljust=\"l\", fontsize=10, label=<");
    for line in lines {
        let _ = write!(out, "{line}<BR ALIGN=\"LEFT\"/>");
    }
    out.push_str(">];\n");
    out
}
