//! The JSON timeline document written field by field with [`Pretty`]: the
//! same bytes as serde_json's pretty printer gives for
//! [`EventJson`](super::json::EventJson) and the store's records, in the
//! same order, without building a value for each event.

use std::io::{self, Write};

use petgraph::graph::NodeIndex;

use super::json::iso_day;
use super::pretty::Pretty;
use crate::graph::CausalGraph;
use crate::model::{Actor, Citation, Discrepancy, Link, Source};
use crate::rank::{Ranking, Salience};

/// `{"events": [...], "sources": [...], "links": [...]}` and a line end.
pub(crate) fn write<W: Write>(
    out: W,
    graph: &CausalGraph<'_>,
    nodes: &[NodeIndex],
    ranking: &Ranking,
    records: (Vec<&Source>, Vec<&Link>),
) -> io::Result<()> {
    let mut p = Pretty::new(out);
    document(&mut p, graph, nodes, ranking, records)?;
    p.into_inner().write_all(b"\n")
}

fn document<W: Write>(
    p: &mut Pretty<W>,
    graph: &CausalGraph<'_>,
    nodes: &[NodeIndex],
    ranking: &Ranking,
    (sources, links): (Vec<&Source>, Vec<&Link>),
) -> io::Result<()> {
    p.open(b'{')?;
    p.key("events")?;
    p.open(b'[')?;
    for &n in nodes {
        p.item()?;
        event(p, graph, n, ranking.get(n))?;
    }
    p.close(b']')?;
    p.key("sources")?;
    p.open(b'[')?;
    for s in sources {
        p.item()?;
        source(p, s)?;
    }
    p.close(b']')?;
    p.key("links")?;
    p.open(b'[')?;
    for l in links {
        p.item()?;
        link(p, l)?;
    }
    p.close(b']')?;
    p.close(b'}')
}

/// A day, or `null` for an open end.
fn day<W: Write>(p: &mut Pretty<W>, d: chrono::NaiveDate, open: bool) -> io::Result<()> {
    match open {
        true => p.null(),
        false => p.string(&iso_day(d)),
    }
}

/// One event as [`EventJson::from_graph`](super::json::EventJson::from_graph)
/// `.ranked(s)` serializes.
fn event<W: Write>(
    p: &mut Pretty<W>,
    graph: &CausalGraph<'_>,
    n: NodeIndex,
    s: &Salience,
) -> io::Result<()> {
    let e = graph.event(n);
    p.open(b'{')?;
    p.field("id", &e.id)?;
    p.field("date", e.date.as_str())?;
    p.key("earliest")?;
    day(p, e.date.earliest(), e.date.open_start())?;
    p.key("latest")?;
    day(p, e.date.latest(), e.date.open_end())?;
    p.field("granularity", e.date.granularity().as_str())?;
    p.field("title", &e.title)?;
    if let Some(summary) = &e.summary {
        p.field("summary", summary)?;
    }
    p.field("kind", e.kind.as_str())?;
    if let Some(cameo) = &e.cameo {
        p.field("cameo", cameo)?;
    }
    p.field("mode", e.mode.as_str())?;
    p.key("actors")?;
    actors(p, &e.actors)?;
    p.key("targets")?;
    actors(p, &e.targets)?;
    p.key("place")?;
    p.opt_string(e.place.as_deref())?;
    for (key, count) in [("killed", e.killed), ("injured", e.injured)] {
        if let Some(count) = count {
            p.key(key)?;
            p.uint(count.into())?;
        }
    }
    p.key("tags")?;
    p.strings(e.tags.iter().map(String::as_str))?;
    p.key("sources")?;
    citations(p, &e.sources)?;
    p.key("confidence")?;
    p.float(e.confidence)?;
    if !e.discrepancies.is_empty() {
        p.key("discrepancies")?;
        discrepancies(p, &e.discrepancies)?;
    }
    p.key("causes")?;
    related(p, graph, graph.causes(n))?;
    p.key("effects")?;
    related(p, graph, graph.effects(n))?;
    p.key("salience")?;
    p.float((s.score * 1000.0).round() / 1000.0)?;
    p.key("reports")?;
    p.uint(s.reports as u64)?;
    p.key("outlets")?;
    p.uint(s.outlets as u64)?;
    p.close(b'}')
}

fn actors<W: Write>(p: &mut Pretty<W>, list: &[Actor]) -> io::Result<()> {
    p.open(b'[')?;
    for a in list {
        p.item()?;
        p.open(b'{')?;
        p.field("name", &a.name)?;
        if let Some(country) = &a.country {
            p.field("country", country)?;
        }
        if let Some(role) = a.role {
            p.field("role", role.as_str())?;
        }
        p.close(b'}')?;
    }
    p.close(b']')
}

fn citations<W: Write>(p: &mut Pretty<W>, list: &[Citation]) -> io::Result<()> {
    p.open(b'[')?;
    for c in list {
        p.item()?;
        p.open(b'{')?;
        p.field("id", &c.id)?;
        if !c.quote.is_empty() {
            p.field("quote", &c.quote)?;
        }
        for (key, pair) in [("span", c.span), ("trigger", c.trigger)] {
            if let Some(pair) = pair {
                p.key(key)?;
                p.pair(pair)?;
            }
        }
        p.close(b'}')?;
    }
    p.close(b']')
}

fn discrepancies<W: Write>(p: &mut Pretty<W>, list: &[Discrepancy]) -> io::Result<()> {
    p.open(b'[')?;
    for d in list {
        p.item()?;
        p.open(b'{')?;
        p.field("field", &d.field)?;
        p.key("claims")?;
        p.open(b'[')?;
        for claim in &d.claims {
            p.item()?;
            p.open(b'{')?;
            p.field("value", &claim.value)?;
            p.key("sources")?;
            p.strings(claim.sources.iter().map(String::as_str))?;
            p.close(b'}')?;
        }
        p.close(b']')?;
        p.close(b'}')?;
    }
    p.close(b']')
}

/// Causes or effects as `{"id", "relation"}` objects.
fn related<W: Write>(
    p: &mut Pretty<W>,
    graph: &CausalGraph<'_>,
    list: Vec<(NodeIndex, &Link)>,
) -> io::Result<()> {
    p.open(b'[')?;
    for (m, l) in list {
        p.item()?;
        p.open(b'{')?;
        p.field("id", &graph.event(m).id)?;
        p.field("relation", l.relation.as_str())?;
        p.close(b'}')?;
    }
    p.close(b']')
}

fn source<W: Write>(p: &mut Pretty<W>, s: &Source) -> io::Result<()> {
    p.open(b'{')?;
    p.field("id", &s.id)?;
    p.field("title", &s.title)?;
    p.field("outlet", &s.outlet)?;
    p.field("url", &s.url)?;
    // As chrono serializes a day: its `Display`.
    p.field("published", &s.published.to_string())?;
    if let Some(author) = &s.author {
        p.field("author", author)?;
    }
    p.close(b'}')
}

fn link<W: Write>(p: &mut Pretty<W>, l: &Link) -> io::Result<()> {
    p.open(b'{')?;
    p.field("from", &l.from)?;
    p.field("to", &l.to)?;
    p.field("relation", l.relation.as_str())?;
    p.field("evidence", &l.evidence)?;
    if let Some(source) = &l.source {
        p.field("source", source)?;
    }
    p.key("confidence")?;
    p.float(l.confidence)?;
    p.close(b'}')
}
