//! `annals dot`: a Graphviz diagram read left to right in time.
//!
//! Events are boxes filled by kind (the `colour` column of the kind table),
//! dashed when the date is uncertain or the event did not (yet) happen;
//! links are styled by relation. An invisible chain through the events in
//! chronological order keeps time flowing left to right whatever the links
//! do. Every string is escaped: quotes and backslashes, newlines, `&`, `<`,
//! `>`, and every non-ASCII character as a numeric entity, so any title
//! renders and the file is plain ASCII.

use std::collections::BTreeMap;
use std::fmt::Write;

use petgraph::graph::NodeIndex;

use super::human;
use crate::graph::CausalGraph;
use crate::model::{Event, Kind, Relation};

/// How events are grouped into boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Cluster {
    /// One box per month of the earliest day.
    #[default]
    Month,
    /// One box per first actor.
    Actor,
    /// No boxes.
    None,
}

/// Past this many events Graphviz's layout takes minutes; the command warns.
pub const SLOW_LAYOUT: usize = 1000;

/// Escapes text for a double-quoted DOT string. Graphviz reads `&...;`
/// entities in strings, so `&`, `<`, `>` and non-ASCII become entities;
/// a newline becomes the centred line break `\n`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if c.is_ascii_control() => out.push(' '),
            c if c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "&#{};", c as u32);
            }
        }
    }
    out
}

/// Breaks a title into lines of about `width` characters, at spaces.
fn wrap(s: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

fn edge_style(r: Relation) -> &'static str {
    match r {
        Relation::Causes => "style=solid, penwidth=1.6, color=\"#b2182b\"",
        Relation::Enables => "style=solid, color=\"#2166ac\"",
        Relation::Triggers => "style=bold, penwidth=2.2, color=\"#d6604d\"",
        Relation::RespondsTo => "style=dashed, color=\"#4d4d4d\"",
        Relation::Precedes => "style=dotted, color=\"#878787\"",
        Relation::Prevents => "style=solid, arrowhead=tee, color=\"#1b7837\"",
    }
}

fn node_id(e: &Event) -> String {
    format!("\"{}\"", escape(&e.id))
}

fn node_line(graph: &CausalGraph<'_>, e: &Event) -> String {
    let mut style = vec!["filled", "rounded"];
    if e.date.is_uncertain() || e.mode.is_unrealised() {
        style.push("dashed");
    }
    let mut label = format!("{}\n{}", human::date(&e.date), wrap(&e.title, 28));
    if e.mode.is_unrealised() {
        label.push_str(&format!("\n({})", e.mode));
    }
    let tooltip = e
        .sources
        .first()
        .map_or_else(|| e.title.clone(), |c| format!("{}: {}", c.id, c.quote));
    let url = e
        .sources
        .iter()
        .filter_map(|c| graph.store().sources.iter().find(|s| s.id == c.id))
        .map(|s| s.url.as_str())
        .find(|u| !u.is_empty());
    let mut line = format!(
        "{} [label=\"{}\", fillcolor=\"{}\", style=\"{}\", tooltip=\"{}\"",
        node_id(e),
        escape(&label),
        escape(&e.kind.info().colour),
        style.join(","),
        escape(&tooltip)
    );
    if let Some(u) = url {
        let _ = write!(line, ", URL=\"{}\"", escape(u));
    }
    line.push_str("];");
    line
}

/// The DOT text for `nodes` (already filtered, in chronological order) and
/// the links between them.
pub fn dot(graph: &CausalGraph<'_>, nodes: &[NodeIndex], cluster: Cluster) -> String {
    let mut out = String::new();
    out.push_str("digraph annals {\n");
    out.push_str("  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", fontsize=11, nodesep=0.3, ranksep=0.4];\n");
    out.push_str("  node [shape=box, fontname=\"Helvetica\", fontsize=10, margin=\"0.1,0.05\"];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    let mut groups: BTreeMap<String, Vec<NodeIndex>> = BTreeMap::new();
    let mut ungrouped = Vec::new();
    for &n in nodes {
        let e = graph.event(n);
        let key = match cluster {
            Cluster::Month if !e.date.open_start() => {
                Some(e.date.earliest().format("%Y-%m").to_string())
            }
            Cluster::Actor => e.actors.first().map(|a| a.name.clone()),
            _ => None,
        };
        match key {
            Some(k) => groups.entry(k).or_default().push(n),
            None => ungrouped.push(n),
        }
    }
    for (i, (key, members)) in groups.iter().enumerate() {
        let label = match cluster {
            Cluster::Month => human::month_heading(graph.event(members[0]).date.earliest()),
            _ => key.clone(),
        };
        let _ = writeln!(
            out,
            "  subgraph cluster_{i} {{\n    label=\"{}\"; style=\"rounded\"; color=\"#bdbdbd\";",
            escape(&label)
        );
        for &n in members {
            let _ = writeln!(out, "    {}", node_line(graph, graph.event(n)));
        }
        out.push_str("  }\n");
    }
    for &n in &ungrouped {
        let _ = writeln!(out, "  {}", node_line(graph, graph.event(n)));
    }
    // Time runs left to right: an invisible chain in chronological order.
    for pair in nodes.windows(2) {
        let _ = writeln!(
            out,
            "  {} -> {} [style=invis, weight=10];",
            node_id(graph.event(pair[0])),
            node_id(graph.event(pair[1]))
        );
    }
    let shown: std::collections::HashSet<NodeIndex> = nodes.iter().copied().collect();
    for &n in nodes {
        for (m, link) in graph.effects(n) {
            if !shown.contains(&m) {
                continue;
            }
            let tip = if link.evidence.is_empty() {
                link.relation.to_string()
            } else {
                link.evidence.clone()
            };
            let _ = writeln!(
                out,
                "  {} -> {} [label=\"{}\", tooltip=\"{}\", {}];",
                node_id(graph.event(n)),
                node_id(graph.event(m)),
                escape(link.relation.as_str()),
                escape(&tip),
                edge_style(link.relation)
            );
        }
    }
    legend(graph, nodes, &mut out);
    out.push_str("}\n");
    out
}

/// A box listing the kinds shown (by fill) and every relation (by line).
fn legend(graph: &CausalGraph<'_>, nodes: &[NodeIndex], out: &mut String) {
    let mut kinds: Vec<Kind> = nodes.iter().map(|&n| graph.event(n).kind).collect();
    kinds.sort();
    kinds.dedup();
    out.push_str("  subgraph cluster_legend {\n    label=\"Legend\"; style=\"rounded\"; color=\"#bdbdbd\"; fontsize=10;\n");
    out.push_str(
        "    node [shape=box, style=\"filled,rounded\", fontsize=9, width=0, height=0];\n",
    );
    for k in &kinds {
        let _ = writeln!(
            out,
            "    \"legend-kind-{k}\" [label=\"{k}\", fillcolor=\"{}\", tooltip=\"{}\"];",
            escape(&k.info().colour),
            escape(&k.info().description)
        );
    }
    out.push_str("    \"legend-uncertain\" [label=\"dashed: uncertain date\\nor not (yet) happened\", style=\"dashed,rounded\", fillcolor=\"white\"];\n");
    for r in Relation::ALL {
        let _ = writeln!(
            out,
            "    \"legend-{r}-a\" [label=\"\", shape=point, width=0.05];"
        );
        let _ = writeln!(
            out,
            "    \"legend-{r}-b\" [label=\"{r}\", shape=plaintext, style=\"\"];"
        );
        let _ = writeln!(
            out,
            "    \"legend-{r}-a\" -> \"legend-{r}-b\" [{}];",
            edge_style(r)
        );
    }
    out.push_str("  }\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_it_embeds() {
        assert_eq!(
            escape("a \"q\" \\ b\nc <d> & é"),
            "a \\\"q\\\" \\\\ b\\nc &lt;d&gt; &amp; &#233;"
        );
    }
}
