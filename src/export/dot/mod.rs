//! `annals dot`: a Graphviz diagram for a briefing slide.
//!
//! Time runs left to right along a ruler of dates: events starting on the
//! same day share a column, columns sit further apart the more time passed
//! between them, and long timelines wrap into rows (by the number of
//! columns that keeps the picture near 16:10, by month, or by a number of
//! events) stacked top to bottom. Links do not move events: they are drawn
//! over the time layout. Boxes are filled by kind (the `colour` column of
//! the kind table, a colour-blind-safe palette, and the kind is written in
//! the label), dashed when the date is uncertain, pale with an italic label
//! when the event did not happen; links are styled by relation. A compact
//! legend under the picture lists only what the diagram uses.
//!
//! Every string is escaped: quotes and backslashes, newlines, `&`, `<`,
//! `>`, and every non-ASCII character as a numeric entity, so any title
//! renders and the file is plain ASCII.

mod axis;
mod legend;
mod style;

use std::io;
use std::io::Write as _;

use petgraph::graph::NodeIndex;

pub use axis::Layout;

use crate::graph::CausalGraph;
use crate::scan::ByteSet;

/// How to lay the diagram out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Rows, a row per month, or one line.
    pub layout: Layout,
    /// With [`Layout::Rows`], at most this many events a row instead of
    /// the number that keeps the slide's proportions.
    pub per_row: Option<usize>,
}
/// Escapes text for a double-quoted DOT string. Graphviz reads `&...;`
/// entities in strings, so `&`, `<`, `>` and non-ASCII become entities;
/// a newline becomes the centred line break `\n`.
pub(crate) fn escape(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + 8);
    // Writing to memory cannot fail, and what is written is ASCII.
    let _ = escape_to(s, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// What [`escape_to`] changes: quotes, backslashes, `&`, `<`, `>`, ASCII
/// control characters and every byte of a non-ASCII character.
const SPECIAL: ByteSet = ByteSet::new(b"\"\\&<>\x7f", 0x20, 0x80);

/// [`escape`] written straight to `out`: the runs of characters that need
/// no escape go out as they are, in one write each.
pub(crate) fn escape_to(s: &str, out: &mut (impl io::Write + ?Sized)) -> io::Result<()> {
    let mut rest = s;
    while let Some(i) = SPECIAL.find(rest.as_bytes()) {
        out.write_all(&rest.as_bytes()[..i])?;
        let Some(c) = rest[i..].chars().next() else {
            break;
        };
        match c {
            '"' => out.write_all(b"\\\"")?,
            '\\' => out.write_all(b"\\\\")?,
            '\n' => out.write_all(b"\\n")?,
            '\r' => {}
            '&' => out.write_all(b"&amp;")?,
            '<' => out.write_all(b"&lt;")?,
            '>' => out.write_all(b"&gt;")?,
            c if c.is_ascii_control() => out.write_all(b" ")?,
            c => write!(out, "&#{};", c as u32)?,
        }
        rest = &rest[i + c.len_utf8()..];
    }
    out.write_all(rest.as_bytes())
}

const HEADER: &str = "digraph annals {
  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", nodesep=0.12, ranksep=0.3, outputorder=edgesfirst, splines=line];
  node [shape=box, fontname=\"Helvetica\", fontsize=10, width=2.4, margin=\"0.1,0.07\"];
  edge [arrowsize=0.7];
";

/// The DOT id of the tick at rank `rank` of row `row` (a space keeps it
/// apart from every event id, which is a slug).
fn tick_id(row: usize, rank: usize) -> TickId {
    TickId(row, rank)
}

/// A tick's DOT id, written where it is needed rather than built as a
/// string.
struct TickId(usize, usize);

impl std::fmt::Display for TickId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\"axis {}.{}\"", self.0, self.1)
    }
}

/// One entry of a rank's stack: the tick of a row's ruler (the rank is
/// the stack's) or an event, named only when the stack is written. Eight
/// bytes, as a million events make a million entries.
#[derive(Clone, Copy)]
enum Stacked {
    Tick(u32),
    Event(NodeIndex),
}

/// The DOT text for `nodes` (already filtered, in chronological order) and
/// the links between them; [`write_dot`] writes it as it goes.
///
/// Each row is a ruler: a tick at each rank (a column of the picture) up
/// to its last column, labelled where a column of events stands, invisible
/// in the gaps. Every rank's ticks and events are chained top to bottom,
/// row by row, so rows stack in order and each column hangs under its tick.
///
/// ```
/// use annals::export::dot::{dot, Options};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let text = dot(&graph, &graph.chronological(), Options::default());
/// assert!(text.starts_with("digraph"));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn dot(graph: &CausalGraph<'_>, nodes: &[NodeIndex], options: Options) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and what is written is ASCII.
    let _ = write_dot(graph, nodes, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`dot`] written to `out` a statement at a time, so that the text is
/// never held whole (put a buffer in front of an unbuffered `out`).
pub fn write_dot(
    graph: &CausalGraph<'_>,
    nodes: &[NodeIndex],
    options: Options,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    // Many small writes: buffered here, they need no call through `dyn`.
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let out = &mut out;
    out.write_all(HEADER.as_bytes())?;
    if options.layout == Layout::Rows && options.per_row.is_none() {
        // The rows come near the slide's proportions; this stretches the
        // rest of the way (height / width, the legend adds a little).
        out.write_all(b"  graph [ratio=0.58];\n")?;
    }
    let cols = axis::columns(graph, nodes);
    let rows = axis::rows(graph, &cols, options.layout, options.per_row);
    let mut stacks: Vec<Vec<Stacked>> = Vec::new();
    let mut node = style::Nodes::new();
    for (r, range) in rows.iter().enumerate() {
        let ranks = axis::ranks(&cols, range.clone());
        let mut at = ranks.iter().copied().zip(range.clone()).peekable();
        for k in 0..=ranks.last().copied().unwrap_or(0) {
            if stacks.len() <= k {
                stacks.push(Vec::new());
            }
            let id = tick_id(r, k);
            // Rows are fewer than events, which a graph counts in `u32`.
            stacks[k].push(Stacked::Tick(r as u32));
            match at.next_if(|&(rank, _)| rank == k) {
                Some((_, i)) => {
                    let prev = (i > range.start).then(|| cols[i - 1].day);
                    tick(&id, &axis::tick(prev, cols[i].day), out)?;
                    for &n in &cols[i].nodes {
                        out.write_all(b"  ")?;
                        node.write(graph, graph.event(n), out)?;
                        out.write_all(b"\n")?;
                        stacks[k].push(Stacked::Event(n));
                    }
                }
                None => {
                    writeln!(out, "  {id} [shape=point, width=0, height=0, style=invis];")?;
                }
            }
            if k > 0 {
                writeln!(
                    out,
                    "  {} -> {id} [arrowhead=none, color=\"#bbbbbb\", weight=100];",
                    tick_id(r, k - 1)
                )?;
            }
        }
    }
    for (k, stack) in stacks.iter().enumerate() {
        rank_line(graph, k, stack, out)?;
    }
    links(graph, nodes, out)?;
    out.write_all(legend::legend(graph, nodes).as_bytes())?;
    out.write_all(b"}\n")?;
    out.flush()
}

/// The statements that keep a rank's stack in one column, top to bottom:
/// `{ rank=same; a; b; }` and, for more than one, `a -> b [style=invis];`.
/// `rank` is the stack's, which its ticks stand at.
fn rank_line(
    graph: &CausalGraph<'_>,
    rank: usize,
    stack: &[Stacked],
    out: &mut impl io::Write,
) -> io::Result<()> {
    let names = |sep: &[u8], out: &mut dyn io::Write| -> io::Result<()> {
        for (i, s) in stack.iter().enumerate() {
            if i > 0 {
                out.write_all(sep)?;
            }
            match *s {
                Stacked::Tick(r) => write!(out, "{}", tick_id(r as usize, rank))?,
                Stacked::Event(n) => style::write_node_id(graph.event(n), out)?,
            }
        }
        Ok(())
    };
    out.write_all(b"  { rank=same; ")?;
    names(b"; ", out)?;
    out.write_all(b"; }\n")?;
    if stack.len() > 1 {
        // Flat edges order a rank: each tail above its head.
        out.write_all(b"  ")?;
        names(b" -> ", out)?;
        out.write_all(b" [style=invis];\n")?;
    }
    Ok(())
}

/// A labelled tick of the ruler; month and year ticks in bold.
fn tick(id: &TickId, label: &str, out: &mut impl io::Write) -> io::Result<()> {
    let font = if label.contains(' ') {
        "Helvetica-Bold"
    } else {
        "Helvetica"
    };
    writeln!(
        out,
        "  {id} [shape=plaintext, label=\"{}\", fontname=\"{font}\", fontsize=10, fontcolor=\"#444444\", width=0, height=0.25, margin=0];",
        escape(label)
    )
}

/// The links between shown events, drawn over the time layout as straight
/// lines under the boxes: routed splines would loop round the whole picture
/// between rows.
fn links(graph: &CausalGraph<'_>, nodes: &[NodeIndex], out: &mut impl io::Write) -> io::Result<()> {
    let mut shown = vec![false; graph.graph().node_count()];
    for n in nodes {
        shown[n.index()] = true;
    }
    for &n in nodes {
        for (m, link) in graph.effects(n) {
            if !shown[m.index()] {
                continue;
            }
            out.write_all(b"  ")?;
            style::write_node_id(graph.event(n), out)?;
            out.write_all(b" -> ")?;
            style::write_node_id(graph.event(m), out)?;
            out.write_all(b" [constraint=false, tooltip=\"")?;
            out.write_all(link.relation.as_str().as_bytes())?;
            if !link.evidence.is_empty() {
                out.write_all(b": ")?;
                escape_to(&link.evidence, out)?;
            }
            out.write_all(b"\", ")?;
            for piece in style::edge_style(link.relation).pieces() {
                out.write_all(piece.as_bytes())?;
            }
            out.write_all(b"];\n")?;
        }
    }
    Ok(())
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
