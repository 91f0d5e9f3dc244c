//! The JSON Lines form of the store: one record a line, an event unless the
//! line says `"type": "source"` or `"type": "link"`.
//!
//! The document `annals timeline --format json` prints is read too. Lines
//! printed by `annals timeline --format jsonl` and by `annals extract
//! --docs` carry derived fields (`earliest`, `latest`, `granularity`,
//! `causes`, `effects`, `doc`); they are accepted and ignored, so either can
//! be piped back into any command.

use serde_json::Value;

use super::toml_file::help_for;
use super::{Loaded, Origin};
use crate::error::{Diagnostic, Location};

const DERIVED: [&str; 7] = [
    "earliest",
    "latest",
    "granularity",
    "causes",
    "effects",
    "doc",
    "type",
];

/// Reads `text` (from `path`): a JSON document `{"events": [...],
/// "sources": [...], "links": [...]}` as `annals timeline --format json`
/// prints it, else JSON Lines.
pub fn read(path: &str, text: &str, loaded: &mut Loaded, diags: &mut Vec<Diagnostic>) {
    if text.trim_start().starts_with('{') {
        if let Ok(Value::Object(doc)) = serde_json::from_str::<Value>(text) {
            if doc.contains_key("events") {
                return document(path, doc, loaded, diags);
            }
        }
    }
    lines(path, text, loaded, diags);
}

/// The records of a timeline document; a record is located by its place
/// in its array (`<stdin>: events[3]`).
fn document(
    path: &str,
    mut doc: serde_json::Map<String, Value>,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) {
    for (key, kind) in [
        ("sources", "source"),
        ("events", "event"),
        ("links", "link"),
    ] {
        let at = |i: Option<usize>| {
            Location::Path(match i {
                Some(i) => format!("{path}: {key}[{i}]"),
                None => format!("{path}: {key}"),
            })
        };
        match doc.remove(key) {
            None => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.into_iter().enumerate() {
                    record(kind, item, at(Some(i)), loaded, diags);
                }
            }
            Some(_) => diags.push(
                Diagnostic::error(Some(at(None)), format!("`{key}` must be an array"))
                    .with_help("write it as [ {...}, {...} ]"),
            ),
        }
    }
}

/// Reads every line of `text` (from `path`) into `loaded`.
fn lines(path: &str, text: &str, loaded: &mut Loaded, diags: &mut Vec<Diagnostic>) {
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |column: usize| Location::File {
            path: path.to_string(),
            line: i + 1,
            column,
        };
        let value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                diags.push(
                    Diagnostic::error(Some(at(e.column().max(1))), format!("invalid JSON: {e}"))
                        .with_help("each line must be one JSON object"),
                );
                continue;
            }
        };
        let kind = value
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("event")
            .to_string();
        record(&kind, value, at(1), loaded, diags);
    }
}

/// Files one JSON record of type `kind`, its derived fields dropped.
fn record(
    kind: &str,
    mut value: Value,
    at: Location,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(object) = value.as_object_mut() else {
        diags.push(
            Diagnostic::error(Some(at), "a record must be a JSON object")
                .with_help("write one record per line as {...}"),
        );
        return;
    };
    for key in DERIVED {
        object.remove(key);
    }
    if !super::RECORDS.contains(&kind) {
        diags.push(
            Diagnostic::error(Some(at), format!("unknown record type `{kind}`"))
                .with_help("\"type\" is \"event\" (the default), \"source\" or \"link\""),
        );
        return;
    }
    let origin = Origin {
        table: Some(at.clone()),
        ..Origin::default()
    };
    if let Err(e) = loaded.file(kind, value, origin) {
        let message = e.to_string();
        let help = help_for(&message, kind);
        diags.push(
            Diagnostic::error(Some(at), format!("in this {kind}: {message}")).with_help(help),
        );
    }
}
