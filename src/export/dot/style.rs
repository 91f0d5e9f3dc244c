//! How an event and a link look: fill by kind, a dashed border for an
//! uncertain date, a pale fill and an italic label for what did not happen,
//! line style by relation.

use std::io;

use super::escape_to;
use crate::export::human;
use crate::graph::CausalGraph;
use crate::model::{Event, Kind, Relation};

/// Characters a title line holds before it wraps.
const WRAP: usize = 28;
/// Title lines shown; the rest is in the tooltip.
const MAX_TITLE_LINES: usize = 4;
/// How much of the kind's colour a not-happened event's pale fill keeps.
const PALE: f64 = 0.35;

/// Walks the words of a title as they wrap into at most
/// [`MAX_TITLE_LINES`] lines of about [`WRAP`] characters, at spaces:
/// `each(line, word)` for every word shown, `line` counted from 0. Returns
/// how many lines there are and whether the title was cut (its last line
/// then ends with `…`).
fn wrap<E>(
    s: &str,
    mut each: impl FnMut(usize, &str) -> Result<(), E>,
) -> Result<(usize, bool), E> {
    let (mut line, mut len) = (0, 0);
    for word in s.split_whitespace() {
        let w = word.chars().count();
        if len > 0 && len + 1 + w > WRAP {
            line += 1;
            len = 0;
            if line == MAX_TITLE_LINES {
                return Ok((line, true));
            }
        }
        if len > 0 {
            len += 1;
        }
        len += w;
        each(line, word)?;
    }
    Ok((line + usize::from(len > 0), false))
}

/// Writes an event's label, escaped: date and kind, the wrapped title,
/// and the mode when the event did not (or not yet) happen, a line each.
/// `date` is room for the date's text.
fn write_label(
    e: &Event,
    kind: &str,
    date: &mut String,
    out: &mut impl io::Write,
) -> io::Result<()> {
    date.clear();
    // Writing to a `String` cannot fail.
    let _ = human::write_date(&e.date, date);
    escape_to(date, out)?;
    escape_to(" · ", out)?;
    escape_to(kind, out)?;
    let mut current = None;
    let (_, cut) = wrap(&e.title, |line, word| {
        let gap: &[u8] = if current == Some(line) { b" " } else { b"\\n" };
        current = Some(line);
        out.write_all(gap)?;
        escape_to(word, out)
    })?;
    if cut {
        escape_to(" …", out)?;
    }
    if e.mode.is_unrealised() {
        for piece in ["\\n(", e.mode.as_str(), ")"] {
            out.write_all(piece.as_bytes())?;
        }
    }
    Ok(())
}

/// How many lines [`write_label`] writes, counted without writing them
/// (the row layout asks for every event).
pub fn label_line_count(e: &Event) -> usize {
    1 + wrapped_lines(&e.title) + usize::from(e.mode.is_unrealised())
}

/// How many lines [`wrap`] cuts `s` into.
fn wrapped_lines(s: &str) -> usize {
    let counted: Result<_, std::convert::Infallible> = wrap(s, |_, _| Ok(()));
    counted.map_or(0, |(lines, _)| lines)
}

/// True when the border is dashed: the date is approximate or uncertain
/// (`~`, `?`, `%`). A range or a month is a stated precision, not doubt.
pub fn uncertain(e: &Event) -> bool {
    e.date.certainty().is_qualified()
}

/// `#rrggbb` as three bytes; black for anything else (the kind table is
/// checked when it loads, so that does not happen).
fn rgb(hex: &str) -> [u8; 3] {
    let byte = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    [byte(1), byte(3), byte(5)]
}

/// The kind's colour mixed with white, keeping `share` of the colour.
fn tint(hex: &str, share: f64) -> String {
    let c = rgb(hex).map(|v| (255.0 - (255.0 - f64::from(v)) * share).round() as u8);
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// Black text on light fills, white on dark ones (relative luminance).
pub fn text_colour(fill: &str) -> &'static str {
    let lin = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb(fill);
    let y = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    if y < 0.18 {
        "white"
    } else {
        "black"
    }
}

/// The fill of an event of kind `kind`: its colour, pale when it did
/// not happen (`unrealised`).
fn fill(kind: Kind, unrealised: bool) -> String {
    let colour = &kind.info().colour;
    if unrealised {
        tint(colour, PALE)
    } else {
        colour.to_lowercase()
    }
}

/// What a node statement takes from its event's kind and mode, worked out
/// once a diagram for each kind instead of once an event (the colour's
/// luminance, its text), and room for a label's date.
pub struct Nodes {
    /// By kind, in [`Kind::ALL`] order: its name and, for happened and
    /// not happened, the fill and the text colour on it.
    kinds: Vec<(&'static str, [(String, &'static str); 2])>,
    date: String,
}

impl Nodes {
    pub fn new() -> Nodes {
        let kinds = Kind::ALL
            .iter()
            .map(|&k| {
                let pair = |unrealised| {
                    let fill = fill(k, unrealised);
                    let text = text_colour(&fill);
                    (fill, text)
                };
                (k.as_str(), [pair(false), pair(true)])
            })
            .collect();
        Nodes {
            kinds,
            date: String::new(),
        }
    }

    /// The node statement of an event, without indentation, written to
    /// `out`.
    pub fn write(
        &mut self,
        graph: &CausalGraph<'_>,
        e: &Event,
        out: &mut impl io::Write,
    ) -> io::Result<()> {
        let style = if uncertain(e) {
            "filled,rounded,dashed"
        } else {
            "filled,rounded"
        };
        let index = Kind::ALL.iter().position(|&k| k == e.kind).unwrap_or(0);
        let Some((name, colours)) = self.kinds.get(index) else {
            return Ok(());
        };
        let (fill, colour) = &colours[usize::from(e.mode.is_unrealised())];
        let url = e
            .sources
            .iter()
            .filter_map(|c| graph.source(&c.id))
            .map(|s| s.url.as_str())
            .find(|u| !u.is_empty());
        write_node_id(e, out)?;
        out.write_all(b" [label=\"")?;
        write_label(e, name, &mut self.date, out)?;
        for piece in [
            "\", fillcolor=\"",
            fill,
            "\", fontcolor=\"",
            colour,
            "\", style=\"",
            style,
            "\", tooltip=\"",
        ] {
            out.write_all(piece.as_bytes())?;
        }
        match e.sources.first() {
            Some(c) => {
                escape_to(&c.id, out)?;
                out.write_all(b": ")?;
                escape_to(&c.quote, out)?;
            }
            None => escape_to(&e.title, out)?,
        }
        out.write_all(b"\"")?;
        if e.mode.is_unrealised() {
            out.write_all(b", fontname=\"Helvetica-Oblique\"")?;
        }
        if let Some(u) = url {
            out.write_all(b", URL=\"")?;
            escape_to(u, out)?;
            out.write_all(b"\"")?;
        }
        out.write_all(b"];")
    }
}

/// The quoted DOT id of an event, written to `out`.
pub fn write_node_id(e: &Event, out: &mut (impl io::Write + ?Sized)) -> io::Result<()> {
    out.write_all(b"\"")?;
    escape_to(&e.id, out)?;
    out.write_all(b"\"")
}

/// The colour of a relation's lines (Paul Tol's colour-blind-safe sets).
pub fn edge_colour(r: Relation) -> &'static str {
    match r {
        Relation::Causes => "#cc3311",
        Relation::Enables => "#0077bb",
        Relation::Triggers => "#ee7733",
        Relation::RespondsTo => "#555555",
        Relation::Precedes => "#999999",
        Relation::Prevents => "#009988",
    }
}

/// Line style, width and head of a relation; colour from [`edge_colour`].
pub fn edge_style(r: Relation) -> EdgeStyle {
    EdgeStyle(r)
}

/// The attributes of a link of one relation, written where they are
/// needed rather than built as a string.
pub struct EdgeStyle(Relation);

impl EdgeStyle {
    /// The attributes in pieces, to be written one after another (a DOT
    /// file of a million events has two million links).
    pub fn pieces(&self) -> [&'static str; 4] {
        let shape = match self.0 {
            Relation::Causes => "style=solid, penwidth=1.6",
            Relation::Enables => "style=solid, penwidth=1.2",
            Relation::Triggers => "style=bold, penwidth=2.6",
            Relation::RespondsTo => "style=dashed, penwidth=1.2",
            Relation::Precedes => "style=dotted, penwidth=1.2",
            Relation::Prevents => "style=solid, penwidth=1.2, arrowhead=tee",
        };
        [shape, ", color=\"", edge_colour(self.0), "\""]
    }
}

impl std::fmt::Display for EdgeStyle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.pieces().iter().try_for_each(|p| f.write_str(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_as_wrap_cuts_them() {
        let long = "word ".repeat(40);
        for title in [
            "",
            "  ",
            "Rockets hit the embassy",
            "Twenty-eight characters, so! then more words after",
            "abcdefghijklmnopqrstuvwxyzabcdefgh overlong first word",
            "é à ü ß ç ñ ø å é à ü ß ç ñ ø å é à ü ß ç ñ ø å é",
            long.as_str(),
        ] {
            let mut e = crate::store::load("events").unwrap().events.remove(0);
            e.title = title.to_string();
            let mut out = Vec::new();
            write_label(&e, "k", &mut String::new(), &mut out).unwrap();
            let label = String::from_utf8(out).unwrap();
            assert_eq!(label.split("\\n").count(), label_line_count(&e), "{label}");
        }
    }

    #[test]
    fn pale_keeps_a_share_of_the_colour() {
        assert_eq!(tint("#000000", 0.35), "#a6a6a6");
        assert_eq!(tint("#FFFFFF", 0.35), "#ffffff");
    }

    #[test]
    fn text_is_white_only_on_dark_fills() {
        assert_eq!(text_colour("#222255"), "white");
        assert_eq!(text_colour("#ffffff"), "black");
        assert_eq!(text_colour("#e69f00"), "black");
    }

    #[test]
    fn long_titles_stop_after_four_lines() {
        let mut lines = vec![String::new()];
        let counted: Result<_, ()> = wrap(&"word ".repeat(60), |line, word| {
            if line == lines.len() {
                lines.push(String::new());
            }
            lines[line].push_str(word);
            Ok(())
        });
        assert_eq!(counted, Ok((MAX_TITLE_LINES, true)));
        assert_eq!(lines.len(), MAX_TITLE_LINES);
    }
}
