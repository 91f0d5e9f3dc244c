//! The JSON timeline (`{"events": [...]}`) and TimelineJS's JSON.

use petgraph::graph::NodeIndex;
use serde::{Serialize, Serializer};
use serde_json::{json, Value};

use super::human;
use crate::graph::CausalGraph;
use rustc_hash::FxHashSet;

use crate::error::{Error, Result};
use crate::model::date::IsoDay;
use crate::model::{Actor, Citation, Discrepancy, Event, Granularity, Link, Source, Store};
use crate::rank::{Salience, Scorer};

/// A day as the JSON writes it, `YYYY-MM-DD` (chrono's `%Y-%m-%d` for
/// the years 1 to 9999 a date may name), serialized without building a
/// string or parsing a format for every event.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Day(chrono::NaiveDate);

impl Day {
    /// `d`, or `None` (`null`) for an open end.
    fn or_null(d: chrono::NaiveDate, open: bool) -> Option<Day> {
        (!open).then_some(Day(d))
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let day = IsoDay(self.0);
        match day.digits() {
            // Digits and dashes are UTF-8.
            Some(text) => s.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => s.collect_str(&day),
        }
    }
}

/// A neighbour in the causal graph, as the JSON names it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Related<'a> {
    /// The other event's id.
    pub id: &'a str,
    /// How the two are linked.
    pub relation: &'static str,
}

/// The causes or effects of an event as the JSON lists them ([`Related`]),
/// read from the graph as they are written.
pub(crate) struct Neighbours<'g, 's> {
    graph: &'g CausalGraph<'s>,
    list: Vec<(NodeIndex, &'s Link)>,
}

impl Serialize for Neighbours<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.list.iter().map(|&(m, l)| Related {
            id: &self.graph.event(m).id,
            relation: l.relation.as_str(),
        }))
    }
}

/// One event in the timeline JSON form: the stored fields plus the derived
/// `earliest`, `latest`, `granularity`, `causes` and `effects` (a list of
/// [`Related`], `R`). `annals extract --docs` prints the same form, with
/// `doc` added.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct EventJson<'a, R = Vec<Related<'a>>> {
    /// Event id.
    pub id: &'a str,
    /// The date as written.
    pub date: &'a str,
    /// First possible day, `null` when open.
    pub earliest: Option<Day>,
    /// Last possible day, `null` when open.
    pub latest: Option<Day>,
    /// Unit of the date.
    pub granularity: &'static str,
    /// One-line title.
    pub title: &'a str,
    /// Longer account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<&'a str>,
    /// Event kind.
    pub kind: &'static str,
    /// CAMEO event code, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cameo: Option<&'a str>,
    /// Whether it happened.
    pub mode: &'static str,
    /// Who acted.
    pub actors: &'a [Actor],
    /// On whom.
    pub targets: &'a [Actor],
    /// Where.
    pub place: Option<&'a str>,
    /// Killed, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub killed: Option<u32>,
    /// Injured, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub injured: Option<u32>,
    /// Labels.
    pub tags: &'a [String],
    /// Citations.
    pub sources: &'a [Citation],
    /// 0 to 1.
    pub confidence: f64,
    /// What the reports disagree on.
    #[serde(skip_serializing_if = "<[Discrepancy]>::is_empty")]
    pub discrepancies: &'a [Discrepancy],
    /// Events it followed from.
    pub causes: R,
    /// Events that followed from it.
    pub effects: R,
    /// How much it matters, 0 to 1 ([`crate::rank`]); in timelines only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salience: Option<f64>,
    /// Distinct sources citing it; in timelines only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reports: Option<usize>,
    /// Distinct outlets among them; in timelines only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlets: Option<usize>,
}

impl<'a, R> EventJson<'a, R> {
    /// The JSON form of `e`, with the causes and effects given.
    pub fn new(e: &'a Event, causes: R, effects: R) -> EventJson<'a, R> {
        EventJson {
            id: &e.id,
            date: e.date.as_str(),
            earliest: Day::or_null(e.date.earliest(), e.date.open_start()),
            latest: Day::or_null(e.date.latest(), e.date.open_end()),
            granularity: e.date.granularity().as_str(),
            title: &e.title,
            summary: e.summary.as_deref(),
            kind: e.kind.as_str(),
            cameo: e.cameo.as_deref(),
            mode: e.mode.as_str(),
            actors: &e.actors,
            targets: &e.targets,
            place: e.place.as_deref(),
            killed: e.killed,
            injured: e.injured,
            tags: &e.tags,
            sources: &e.sources,
            confidence: e.confidence,
            discrepancies: &e.discrepancies,
            causes,
            effects,
            salience: None,
            reports: None,
            outlets: None,
        }
    }

    /// The same with its salience and counts; the score rounded to three
    /// decimals, which is all a reader can use.
    pub fn ranked(self, s: &Salience) -> EventJson<'a, R> {
        EventJson {
            salience: Some((s.score * 1000.0).round() / 1000.0),
            reports: Some(s.reports),
            outlets: Some(s.outlets),
            ..self
        }
    }
}

impl<'g, 's> EventJson<'s, Neighbours<'g, 's>> {
    /// The JSON form of the event at `n`, its neighbours taken from the graph.
    pub fn from_graph(graph: &'g CausalGraph<'s>, n: NodeIndex) -> Self {
        let neighbours = |list| Neighbours { graph, list };
        EventJson::new(
            graph.event(n),
            neighbours(graph.causes(n)),
            neighbours(graph.effects(n)),
        )
    }
}

/// A record as one JSON line with `"type": kind`.
fn typed(kind: &str, record: impl Serialize) -> Result<String> {
    let mut v = serde_json::to_value(record).map_err(unwritable)?;
    if let Some(o) = v.as_object_mut() {
        o.insert("type".to_string(), Value::String(kind.to_string()));
    }
    Ok(v.to_string())
}

/// A link as one JSON line with `"type": "link"` and a derived `id`
/// ("FROM relation TO"): every line of JSON Lines output has an `id`, so
/// that a program can index the lines by it without asking their type
/// (the project's scorers do). Reading ignores it.
fn link_line(link: &Link) -> Result<String> {
    let mut v = serde_json::to_value(link).map_err(unwritable)?;
    if let Some(o) = v.as_object_mut() {
        let id = format!("{} {} {}", link.from, link.relation.as_str(), link.to);
        o.insert("id".to_string(), Value::String(id));
        o.insert("type".to_string(), Value::String("link".to_string()));
    }
    Ok(v.to_string())
}

/// A store as `annals extract --docs` and `annals merge` print it: its
/// sources (`"type": "source"`), then its events (the timeline JSON form,
/// with their causes and effects), then its links (`"type": "link"`) and
/// rejected ids (`"type": "rejected"`), one record a line, so that the
/// lines read back as the same store. `doc`, the article
/// id, is added to each event when given.
///
/// ```
/// use annals::export::json::store_lines;
/// use annals::extract::{extract, Article, Lexicon};
/// use chrono::NaiveDate;
///
/// let day = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
/// let article = Article::new("embassy", day, "Rockets hit the US embassy in Baghdad on Sunday.");
/// let lines = store_lines(Some("embassy"), &extract(&article, Lexicon::shipped()))?;
/// assert!(lines.starts_with(r#"{"id":"embassy""#));
/// assert!(lines.lines().nth(1).unwrap().contains(r#""doc":"embassy""#));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn store_lines(doc: Option<&str>, store: &Store) -> Result<String> {
    let mut records = Vec::new();
    for s in &store.sources {
        records.push(typed("source", s)?);
    }
    let events = event_lines(doc, store)?;
    let mut links = Vec::new();
    for l in &store.links {
        links.push(link_line(l)?);
    }
    for r in &store.rejected {
        links.push(typed("rejected", r)?);
    }
    let mut text = String::new();
    for r in records {
        text.push_str(&r);
        text.push('\n');
    }
    text.push_str(&events);
    for r in links {
        text.push_str(&r);
        text.push('\n');
    }
    Ok(text)
}

/// One event a line, in store order, in the timeline JSON form with the
/// article id as `doc` (when given) and the causes and effects its store's
/// links give.
pub(crate) fn event_lines(doc: Option<&str>, store: &Store) -> Result<String> {
    let mut text = String::new();
    for e in &store.events {
        let related = |pick: &dyn Fn(&'_ Link) -> Option<&str>| -> Vec<Related<'_>> {
            store
                .links
                .iter()
                .filter_map(|l| {
                    pick(l).map(|id| Related {
                        id,
                        relation: l.relation.as_str(),
                    })
                })
                .collect()
        };
        let causes = related(&|l| (l.to == e.id).then_some(l.from.as_str()));
        let effects = related(&|l| (l.from == e.id).then_some(l.to.as_str()));
        let mut v = serde_json::to_value(EventJson::new(e, causes, effects)).map_err(unwritable)?;
        if let Some(doc) = doc {
            v["doc"] = doc.into();
        }
        text.push_str(&v.to_string());
        text.push('\n');
    }
    Ok(text)
}

pub(crate) fn unwritable(e: serde_json::Error) -> Error {
    Error::Export(super::ExportError::Unwritable(e.to_string()))
}

/// The sources `nodes` cite, in store order: with the events and their
/// [`Links`], a store of their own.
fn cited_sources<'s>(graph: &CausalGraph<'s>, nodes: &[NodeIndex]) -> Vec<&'s Source> {
    let cited: FxHashSet<&str> = nodes
        .iter()
        .flat_map(|&n| graph.event(n).sources.iter().map(|c| c.id.as_str()))
        .collect();
    graph
        .store()
        .sources
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .collect()
}

/// The links between `nodes`: each event's effects that are among them,
/// event by event. Listed as they are written rather than gathered first
/// (a large store has two million).
struct Links<'g, 's> {
    graph: &'g CausalGraph<'s>,
    nodes: &'g [NodeIndex],
    shown: Vec<bool>,
}

impl<'g, 's> Links<'g, 's> {
    fn new(graph: &'g CausalGraph<'s>, nodes: &'g [NodeIndex]) -> Links<'g, 's> {
        let mut shown = vec![false; graph.graph().node_count()];
        for n in nodes {
            shown[n.index()] = true;
        }
        Links {
            graph,
            nodes,
            shown,
        }
    }

    fn iter(&self) -> impl Iterator<Item = &'s Link> + '_ {
        self.nodes
            .iter()
            .flat_map(|&n| self.graph.effects(n))
            .filter(|(m, _)| self.shown[m.index()])
            .map(|(_, l)| l)
    }
}

impl Serialize for Links<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// `annals timeline --format json`: `{"events": [...], "sources": [...],
/// "links": [...]}`, which `-` reads back as a store. [`write_timeline`]
/// writes the same text as it goes.
///
/// ```
/// use annals::export::{json, select, Filter};
/// use annals::extract::{extract, Article, Lexicon};
/// use annals::graph::CausalGraph;
/// use chrono::NaiveDate;
///
/// let day = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
/// let text = "Three rockets hit the US embassy in Baghdad on Sunday.";
/// let store = extract(&Article::new("embassy", day, text), Lexicon::shipped());
/// let graph = CausalGraph::new(&store);
/// let text = json::timeline(&graph, &select(&graph, &Filter::default())?)?;
/// let back: serde_json::Value = serde_json::from_str(&text).unwrap();
/// assert_eq!(back["events"][0]["date"], "2020-09-27");
/// # Ok::<(), annals::Error>(())
/// ```
pub fn timeline(graph: &CausalGraph<'_>, nodes: &[NodeIndex]) -> Result<String> {
    let mut out = Vec::new();
    write_timeline(graph, nodes, &mut out)?;
    // serde_json writes UTF-8.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// [`timeline`] written to `out` an event at a time, so that neither the
/// text nor a tree of it is held whole (it is handed to `out` in pieces
/// of about 64 KiB).
///
/// ```
/// use annals::export::{json, select, Filter};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let nodes = select(&graph, &Filter::default())?;
/// let mut out = std::io::BufWriter::new(Vec::new());
/// json::write_timeline(&graph, &nodes, &mut out)?;
/// let written = out.into_inner().unwrap();
/// assert_eq!(String::from_utf8(written).unwrap(), json::timeline(&graph, &nodes)?);
/// # Ok::<(), annals::Error>(())
/// ```
pub fn write_timeline(
    graph: &CausalGraph<'_>,
    nodes: &[NodeIndex],
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let scorer = Scorer::new(graph);
    let events = Events {
        graph,
        nodes,
        scorer: &scorer,
    };
    let document = Document {
        events,
        sources: cited_sources(graph, nodes),
        links: Links::new(graph, nodes),
    };
    super::layout::write(&document, out).map_err(|e| match e.is_io() {
        true => Error::io("<stdout>", e.into()),
        false => unwritable(e),
    })?;
    std::io::Write::write_all(out, b"\n")
        .and_then(|()| std::io::Write::flush(out))
        .map_err(|e| Error::io("<stdout>", e))
}

/// The JSON timeline document: its events, then the sources they cite and
/// the links between them.
#[derive(Serialize)]
struct Document<'g, 's> {
    events: Events<'g, 's>,
    sources: Vec<&'s Source>,
    links: Links<'g, 's>,
}

/// The events of the JSON timeline, each serialized as it is reached.
struct Events<'g, 's> {
    graph: &'g CausalGraph<'s>,
    nodes: &'g [NodeIndex],
    scorer: &'g Scorer<'g, 's>,
}

impl Serialize for Events<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(
            self.nodes
                .iter()
                .map(|&n| EventJson::from_graph(self.graph, n).ranked(&self.scorer.salience(n))),
        )
    }
}

/// `annals timeline --format jsonl`: JSON Lines, one record a line — the
/// cited sources (`"type": "source"`), then one event a line in the
/// timeline JSON form, then the links between them (`"type": "link"`) — so
/// `-` reads it back as the same store.
///
/// ```
/// use annals::export::{json, select, Filter};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let lines = json::jsonl(&graph, &select(&graph, &Filter::default())?)?;
/// let again = annals::store::parse("timeline.jsonl", &lines).0.store;
/// assert_eq!((again.events.len(), again.links.len()), (14, 12));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn jsonl(graph: &CausalGraph<'_>, nodes: &[NodeIndex]) -> Result<String> {
    let mut lines = Vec::new();
    for s in cited_sources(graph, nodes) {
        lines.push(typed("source", s)?);
    }
    let scorer = Scorer::new(graph);
    for &n in nodes {
        let e = EventJson::from_graph(graph, n).ranked(&scorer.salience(n));
        lines.push(serde_json::to_string(&e).map_err(unwritable)?);
    }
    for l in Links::new(graph, nodes).iter() {
        lines.push(link_line(l)?);
    }
    let mut s = lines.join("\n");
    if !s.is_empty() {
        s.push('\n');
    }
    Ok(s)
}

/// Escapes text for the HTML TimelineJS shows.
pub(crate) fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A TimelineJS date object with only the parts the granularity justifies.
fn tl_date(d: chrono::NaiveDate, g: Granularity) -> Value {
    use chrono::Datelike;
    match g {
        Granularity::Year | Granularity::Decade | Granularity::Century => json!({"year": d.year()}),
        Granularity::Day | Granularity::Week | Granularity::Range => {
            json!({"year": d.year(), "month": d.month(), "day": d.day()})
        }
        _ => json!({"year": d.year(), "month": d.month()}),
    }
}

/// `annals timeline --format timelinejs`: the JSON Knight Lab's TimelineJS
/// loads (`title`, `events` with `start_date`, `end_date`, `text`,
/// `group`, `display_date`, `unique_id`). Open-start events start at their
/// latest day; open-ended ones have no end.
///
/// ```
/// use annals::export::{json, select, Filter};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let page = json::timelinejs(&graph, &select(&graph, &Filter::default())?, "Baghdad")?;
/// let page: serde_json::Value = serde_json::from_str(&page).unwrap();
/// assert_eq!(page["events"].as_array().map(Vec::len), Some(14));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn timelinejs(graph: &CausalGraph<'_>, nodes: &[NodeIndex], title: &str) -> Result<String> {
    let events: Vec<Value> = nodes
        .iter()
        .map(|&n| {
            let e = graph.event(n);
            let g = e.date.granularity();
            let start = if e.date.open_start() {
                e.date.latest()
            } else {
                e.date.earliest()
            };
            let mut text = String::new();
            if let Some(s) = &e.summary {
                text.push_str(&format!("<p>{}</p>", html(s)));
            }
            let actors: Vec<&str> = e.actors.iter().map(|a| a.name.as_str()).collect();
            let targets: Vec<&str> = e.targets.iter().map(|a| a.name.as_str()).collect();
            if !actors.is_empty() || !targets.is_empty() {
                text.push_str(&format!(
                    "<p>{} → {}</p>",
                    html(&actors.join(", ")),
                    html(&targets.join(", "))
                ));
            }
            if e.mode != crate::model::Mode::Asserted {
                text.push_str(&format!("<p><em>{}</em></p>", e.mode));
            }
            for c in &e.sources {
                text.push_str(&format!("<blockquote>{}</blockquote>", html(&c.quote)));
            }
            let mut v = json!({
                "unique_id": e.id,
                "start_date": tl_date(start, g),
                "display_date": human::date(&e.date),
                "text": {"headline": html(&e.title), "text": text},
                "group": e.kind.as_str(),
            });
            if !e.date.open_start() && !e.date.open_end() && e.date.latest() != e.date.earliest() {
                v["end_date"] = tl_date(e.date.latest(), g);
            }
            v
        })
        .collect();
    let doc = json!({"title": {"text": {"headline": html(title), "text": ""}}, "events": events});
    let mut s = serde_json::to_string_pretty(&doc).map_err(unwritable)?;
    s.push('\n');
    Ok(s)
}
