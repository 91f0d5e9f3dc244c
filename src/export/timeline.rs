//! The briefing: Markdown for documents, aligned text for terminals.

use std::collections::HashMap;
use std::fmt::Write;

use chrono::{Datelike, NaiveDate};
use petgraph::graph::NodeIndex;

use super::human;
use crate::graph::CausalGraph;
use crate::model::{Actor, Event, Mode};

/// Escapes the characters Markdown would read as markup.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn who(list: &[Actor]) -> String {
    let v: Vec<String> = list
        .iter()
        .map(|a| match &a.country {
            Some(c) if !a.name.eq_ignore_ascii_case(c) => format!("{} ({c})", md(&a.name)),
            _ => md(&a.name),
        })
        .collect();
    v.join(", ")
}

/// The line under an event's title: actors → targets, place, casualties.
fn details(e: &Event) -> Vec<String> {
    let mut parts = Vec::new();
    match (e.actors.is_empty(), e.targets.is_empty()) {
        (true, true) => {}
        (false, true) => parts.push(who(&e.actors)),
        (true, false) => parts.push(format!("→ {}", who(&e.targets))),
        (false, false) => parts.push(format!("{} → {}", who(&e.actors), who(&e.targets))),
    }
    if let Some(p) = &e.place {
        parts.push(md(p));
    }
    if let Some(k) = e.killed {
        parts.push(format!("{k} killed"));
    }
    if let Some(i) = e.injured {
        parts.push(format!("{i} injured"));
    }
    parts
}

/// Numbers citations (source, quote) in order of first use.
struct Citations<'g, 's> {
    graph: &'g CausalGraph<'s>,
    numbers: HashMap<(&'s str, &'s str), usize>,
    order: Vec<(&'s str, &'s str)>,
}

impl<'s> Citations<'_, 's> {
    fn number(&mut self, id: &'s str, quote: &'s str) -> usize {
        if let Some(&n) = self.numbers.get(&(id, quote)) {
            return n;
        }
        self.order.push((id, quote));
        self.numbers.insert((id, quote), self.order.len());
        self.order.len()
    }

    fn render(&self, out: &mut String) {
        if self.order.is_empty() {
            return;
        }
        out.push_str("\n## Sources\n\n");
        for (i, (id, quote)) in self.order.iter().enumerate() {
            let _ = write!(out, "{}. ", i + 1);
            if !quote.is_empty() {
                let _ = write!(out, "“{}” — ", md(quote));
            }
            match self.graph.source(id) {
                Some(s) => {
                    let mut bits = Vec::new();
                    if !s.outlet.is_empty() {
                        bits.push(md(&s.outlet));
                    }
                    if !s.title.is_empty() {
                        bits.push(format!("*{}*", md(&s.title)));
                    }
                    bits.push(human::day(s.published));
                    if !s.url.is_empty() {
                        bits.push(format!(
                            "<{}>",
                            s.url
                                .replace('<', "%3C")
                                .replace('>', "%3E")
                                .replace(' ', "%20")
                        ));
                    }
                    let _ = writeln!(out, "{}.", bits.join(", "));
                }
                None => {
                    let _ = writeln!(out, "`{}`.", id.replace('`', "'"));
                }
            }
        }
    }
}

/// The section an event goes in: the month of its earliest day, or
/// "Earlier and ongoing" when it has no known start or started before the
/// briefing's window (`--from`): a reader who asks from September expects
/// the briefing to open with September, and what was already under way at
/// the top, not under the month years back it began.
fn section(e: &Event, window: Option<NaiveDate>) -> String {
    if e.date.open_start() || window.is_some_and(|w| e.date.earliest() < w) {
        "Earlier and ongoing".to_string()
    } else {
        human::month_heading(e.date.earliest())
    }
}

/// `annals timeline --format md`: a title, a section per month, one entry
/// per event (date as a reader says it, title, mode when not asserted,
/// actors → targets, place, casualties, what it followed from, numbered
/// citations), then the numbered sources with their quotes. `window` is
/// the first day asked for (`--from`), if any.
///
/// ```
/// use annals::export::timeline::markdown;
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let md = markdown(&graph, &graph.chronological(), "Baghdad, September 2020", None);
/// assert!(md.starts_with("# Baghdad, September 2020"));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn markdown(
    graph: &CausalGraph<'_>,
    nodes: &[NodeIndex],
    title: &str,
    window: Option<NaiveDate>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(title));
    if nodes.is_empty() {
        out.push_str("No events.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{} event{}. Dates are local to where the event happened: ~ marks an approximate date, ? an uncertain one. \
         Events that did not (yet) happen are marked as threatened, planned, conditional, feared or denied.",
        nodes.len(),
        if nodes.len() == 1 { "" } else { "s" }
    );
    let mut cites = Citations {
        graph,
        numbers: HashMap::new(),
        order: Vec::new(),
    };
    let mut current = String::new();
    let mut seen_sections: Vec<String> = Vec::new();
    for &n in nodes {
        let e = graph.event(n);
        let s = section(e, window);
        if s != current {
            // A section met again after a long-running event: repeat the
            // heading as "(continued)" rather than merge out of order.
            let heading = if seen_sections.contains(&s) {
                format!("{s} (continued)")
            } else {
                s.clone()
            };
            let _ = writeln!(out, "\n## {heading}\n");
            seen_sections.push(s.clone());
            current = s;
        }
        let _ = write!(
            out,
            "- **{}** — {}",
            md(&human::date(&e.date)),
            md(&e.title)
        );
        if e.mode != Mode::Asserted {
            let _ = write!(out, " *({})*", e.mode);
        }
        for c in &e.sources {
            let k = cites.number(&c.id, &c.quote);
            let _ = write!(out, " [{k}]");
        }
        out.push('\n');
        let d = details(e);
        if !d.is_empty() {
            let _ = writeln!(out, "  - {}", d.join(" · "));
        }
        let causes = graph.causes(n);
        if !causes.is_empty() {
            let list: Vec<String> = causes
                .iter()
                .map(|(m, l)| {
                    let c = graph.event(*m);
                    format!(
                        "{} ({}, {})",
                        md(&c.title),
                        l.relation,
                        md(&human::date(&c.date))
                    )
                })
                .collect();
            let _ = writeln!(out, "  - Followed from: {}", list.join("; "));
        }
    }
    cites.render(&mut out);
    out
}

/// `annals timeline --format text`: one aligned line an event, for a
/// terminal: date, kind, title, mode when not asserted.
pub fn text(graph: &CausalGraph<'_>, nodes: &[NodeIndex]) -> String {
    let dates: Vec<String> = nodes
        .iter()
        .map(|&n| human::date(&graph.event(n).date))
        .collect();
    let width = dates.iter().map(|d| d.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    let mut year = None;
    for (&n, d) in nodes.iter().zip(&dates) {
        let e = graph.event(n);
        let y = (!e.date.open_start()).then(|| e.date.earliest().year());
        if y != year && y.is_some() && year.is_some() {
            out.push('\n');
        }
        year = y.or(year);
        let pad = width - d.chars().count();
        let _ = write!(
            out,
            "{d}{}  {:<11} {}",
            " ".repeat(pad),
            e.kind.as_str(),
            e.title.replace(['\n', '\r'], " ")
        );
        if e.mode != Mode::Asserted {
            let _ = write!(out, " ({})", e.mode);
        }
        out.push('\n');
    }
    out
}
