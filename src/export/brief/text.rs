//! The brief as Markdown and as JSON.

use std::fmt::Write;

use chrono::NaiveDate;
use petgraph::graph::NodeIndex;
use serde::Serialize;

use super::{Brief, Line};
use crate::error::Result;
use crate::export::{human, json::unwritable, timeline::md};
use crate::model::Mode;

/// A day as a reader says it: `Tuesday 25 January 2011`.
pub fn spoken_day(d: NaiveDate) -> String {
    d.format("%A %-d %B %Y").to_string()
}

/// The opening paragraph: the span, the count of reports, the main actors.
pub fn headline(b: &Brief<'_, '_>) -> String {
    let Some((first, last)) = b.span() else {
        return "The store has no event dated to a day, so there is nothing to brief.".to_string();
    };
    let dates = match b.lines.len() {
        1 => "1 key date".to_string(),
        n => format!("{n} key dates"),
    };
    let span = if first == last {
        format!("On {}", spoken_day(first))
    } else {
        format!("From {} to {}", spoken_day(first), spoken_day(last))
    };
    let mut s = format!(
        "{span}: {dates} drawn from {} report{}",
        b.reports,
        if b.reports == 1 { "" } else { "s" }
    );
    if b.outlets > 0 {
        let _ = write!(s, " by {} outlet{}", b.outlets, plural(b.outlets));
    } else if b.reports > 0 {
        s.push_str(" (their outlets are unknown: no source names an outlet or a url)");
    }
    s.push('.');
    if !b.actors.is_empty() {
        let names: Vec<&str> = b.actors.iter().map(|(n, _)| n.as_str()).collect();
        let _ = write!(s, " Main actors: {}.", names.join(", "));
    }
    s
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// How many reported the headline event: `3 outlets, 12 reports`.
pub fn coverage(l: &Line) -> String {
    let reports = format!("{} report{}", l.reports, plural(l.reports));
    if l.outlets == 0 {
        reports
    } else {
        format!("{} outlet{}, {reports}", l.outlets, plural(l.outlets))
    }
}

/// An event as a phrase: its title, its mode when it did not (yet)
/// happen.
pub fn phrase(b: &Brief<'_, '_>, n: NodeIndex) -> String {
    let e = b.event(n);
    if e.mode == Mode::Asserted || e.mode == Mode::Reported {
        e.title.clone()
    } else {
        format!("{} ({})", e.title, e.mode)
    }
}

/// What the headline event followed from: titles with their dates.
pub fn followed_from(b: &Brief<'_, '_>, l: &Line) -> Option<String> {
    let list: Vec<String> = l
        .causes
        .iter()
        .map(|&m| format!("{} ({})", phrase(b, m), human::date(&b.event(m).date)))
        .collect();
    (!list.is_empty()).then(|| list.join("; "))
}

/// A chain as `A (date) → B (date)`.
pub fn chain(b: &Brief<'_, '_>, chain: &[NodeIndex]) -> String {
    let steps: Vec<String> = chain
        .iter()
        .map(|&n| format!("{} ({})", phrase(b, n), human::date(&b.event(n).date)))
        .collect();
    steps.join(" → ")
}

/// `annals brief --format md`.
pub fn markdown(b: &Brief<'_, '_>) -> String {
    let mut out = format!("# {}\n\n{}\n", md(&b.title), md(&headline(b)));
    if !b.lines.is_empty() {
        out.push_str("\n## Key dates\n\n");
    }
    for l in &b.lines {
        let _ = write!(
            out,
            "- **{}** — {} — {}.",
            spoken_day(l.date.day),
            md(&phrase(b, l.headline)),
            coverage(l)
        );
        if let Some(f) = followed_from(b, l) {
            let _ = write!(out, " Followed from: {}.", md(&f));
        }
        out.push('\n');
    }
    if !b.chains.is_empty() {
        out.push_str("\n## Causal chains\n\n");
        for c in &b.chains {
            let _ = writeln!(out, "- {}", md(&chain(b, c)));
        }
    }
    if !b.sources.is_empty() {
        out.push_str("\n## Sources\n\n");
        for s in &b.sources {
            let _ = writeln!(out, "- {}", md(&source_line(s)));
        }
    }
    out
}

/// A source as `Title — Outlet, 3 Jan 2020, url`.
pub fn source_line(s: &crate::model::Source) -> String {
    let mut parts = vec![if s.title.is_empty() {
        s.id.clone()
    } else {
        s.title.clone()
    }];
    let mut tail = Vec::new();
    if !s.outlet.is_empty() {
        tail.push(s.outlet.clone());
    }
    tail.push(human::day(s.published));
    if !s.url.is_empty() {
        tail.push(s.url.clone());
    }
    parts.push(tail.join(", "));
    parts.join(" — ")
}

/// `annals brief --format json`: `{"key_dates": [{"date", "salience",
/// "events"}]}` in date order, the events most salient first.
///
/// ```
/// use annals::export::brief::{json, Brief};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let days: serde_json::Value = serde_json::from_str(&json(&Brief::new(&graph, 3, "Baghdad"))?).unwrap();
/// assert_eq!(days["key_dates"].as_array().map(Vec::len), Some(3));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn json(b: &Brief<'_, '_>) -> Result<String> {
    #[derive(Serialize)]
    struct Day<'a> {
        date: String,
        salience: f64,
        events: Vec<&'a str>,
    }
    #[derive(Serialize)]
    struct Doc<'a> {
        key_dates: Vec<Day<'a>>,
    }
    let key_dates = b
        .lines
        .iter()
        .map(|l| Day {
            date: l.date.day.format("%Y-%m-%d").to_string(),
            salience: (l.date.salience * 1000.0).round() / 1000.0,
            events: l
                .date
                .events
                .iter()
                .map(|&n| b.event(n).id.as_str())
                .collect(),
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&Doc { key_dates }).map_err(unwritable)?;
    s.push('\n');
    Ok(s)
}
