//! `annals timeline --format csv`: one row an event, for spreadsheets.

use petgraph::graph::NodeIndex;

use crate::graph::CausalGraph;
use crate::model::Actor;

const HEADER: [&str; 17] = [
    "id",
    "date",
    "earliest",
    "latest",
    "granularity",
    "title",
    "kind",
    "mode",
    "actors",
    "targets",
    "place",
    "killed",
    "injured",
    "tags",
    "confidence",
    "causes",
    "sources",
];

fn names(list: &[Actor]) -> String {
    let v: Vec<String> = list
        .iter()
        .map(|a| match &a.country {
            Some(c) => format!("{} ({c})", a.name),
            None => a.name.to_string(),
        })
        .collect();
    v.join("; ")
}

/// The CSV text: a header row, then the events in the given order. Lists
/// are joined with `; `; open date ends are empty.
///
/// ```
/// use annals::export::{select, table, Filter};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let csv = table::csv(&graph, &select(&graph, &Filter::default())?);
/// assert_eq!(csv.lines().count(), 1 + 14);
/// assert!(csv.starts_with("id,"));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn csv(graph: &CausalGraph<'_>, nodes: &[NodeIndex]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(HEADER);
    for &n in nodes {
        let e = graph.event(n);
        let day =
            |d: chrono::NaiveDate, open: bool| if open { String::new() } else { d.to_string() };
        let causes: Vec<String> = graph
            .causes(n)
            .iter()
            .map(|(m, l)| format!("{} ({})", graph.event(*m).id, l.relation))
            .collect();
        let sources: Vec<String> = e
            .sources
            .iter()
            .map(|c| format!("{}: {}", c.id, c.quote))
            .collect();
        let _ = w.write_record([
            e.id.to_string(),
            e.date.to_string(),
            day(e.date.earliest(), e.date.open_start()),
            day(e.date.latest(), e.date.open_end()),
            e.date.granularity().to_string(),
            e.title.clone(),
            e.kind.to_string(),
            e.mode.to_string(),
            names(&e.actors),
            names(&e.targets),
            e.place.as_deref().unwrap_or_default().to_string(),
            e.killed.map(|k| k.to_string()).unwrap_or_default(),
            e.injured.map(|k| k.to_string()).unwrap_or_default(),
            e.tags.join("; "),
            e.confidence.to_string(),
            causes.join("; "),
            sources.join(" | "),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
