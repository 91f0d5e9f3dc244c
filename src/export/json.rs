//! The JSON timeline (`{"events": [...]}`) and TimelineJS's JSON.

use petgraph::graph::NodeIndex;
use serde_json::{json, Map, Value};

use super::human;
use crate::graph::CausalGraph;
use crate::model::{Event, Granularity, Link};

/// A day for JSON, `null` for an open end.
fn day_or_null(d: chrono::NaiveDate, open: bool) -> Value {
    if open {
        Value::Null
    } else {
        Value::String(d.format("%Y-%m-%d").to_string())
    }
}

/// One event in the timeline JSON form, with the causes and effects given.
/// `annals extract --docs` prints the same form (with `doc` added).
pub fn event_value(e: &Event, causes: &[(&str, &Link)], effects: &[(&str, &Link)]) -> Value {
    let mut v = Map::new();
    v.insert("id".into(), json!(e.id));
    v.insert("date".into(), json!(e.date.as_str()));
    v.insert(
        "earliest".into(),
        day_or_null(e.date.earliest(), e.date.open_start()),
    );
    v.insert(
        "latest".into(),
        day_or_null(e.date.latest(), e.date.open_end()),
    );
    v.insert("granularity".into(), json!(e.date.granularity().as_str()));
    v.insert("title".into(), json!(e.title));
    if let Some(s) = &e.summary {
        v.insert("summary".into(), json!(s));
    }
    v.insert("kind".into(), json!(e.kind.as_str()));
    v.insert("mode".into(), json!(e.mode.as_str()));
    v.insert("actors".into(), json!(e.actors));
    v.insert("targets".into(), json!(e.targets));
    v.insert("place".into(), json!(e.place));
    if let Some(k) = e.killed {
        v.insert("killed".into(), json!(k));
    }
    if let Some(i) = e.injured {
        v.insert("injured".into(), json!(i));
    }
    v.insert("tags".into(), json!(e.tags));
    v.insert("sources".into(), json!(e.sources));
    v.insert("confidence".into(), json!(e.confidence));
    let rel = |list: &[(&str, &Link)]| -> Value {
        list.iter()
            .map(|(id, l)| json!({"id": id, "relation": l.relation.as_str()}))
            .collect()
    };
    v.insert("causes".into(), rel(causes));
    v.insert("effects".into(), rel(effects));
    Value::Object(v)
}

fn graph_event_value(graph: &CausalGraph<'_>, n: NodeIndex) -> Value {
    let ids = |list: Vec<(NodeIndex, &'_ Link)>| -> Vec<(String, Link)> {
        list.into_iter()
            .map(|(m, l)| (graph.event(m).id.clone(), l.clone()))
            .collect()
    };
    let (c, f) = (ids(graph.causes(n)), ids(graph.effects(n)));
    let c: Vec<(&str, &Link)> = c.iter().map(|(i, l)| (i.as_str(), l)).collect();
    let f: Vec<(&str, &Link)> = f.iter().map(|(i, l)| (i.as_str(), l)).collect();
    event_value(graph.event(n), &c, &f)
}

/// `annals timeline --format json`.
pub fn timeline(graph: &CausalGraph<'_>, nodes: &[NodeIndex]) -> String {
    let events: Vec<Value> = nodes.iter().map(|&n| graph_event_value(graph, n)).collect();
    let mut s = serde_json::to_string_pretty(&json!({ "events": events })).unwrap_or_default();
    s.push('\n');
    s
}

/// Escapes text for the HTML TimelineJS shows.
fn html(s: &str) -> String {
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
pub fn timelinejs(graph: &CausalGraph<'_>, nodes: &[NodeIndex], title: &str) -> String {
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
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
