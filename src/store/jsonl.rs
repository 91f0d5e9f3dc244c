//! The JSON Lines form of the store: one record a line, an event unless the
//! line says `"type": "source"` or `"type": "link"`.
//!
//! Lines printed by `annals timeline --format json` and by `annals extract
//! --docs` carry derived fields (`earliest`, `latest`, `granularity`,
//! `causes`, `effects`, `doc`); they are accepted and ignored, so either can
//! be piped back into any command.

use serde::de::DeserializeOwned;
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

/// Reads every line of `text` (from `path`) into `loaded`.
pub fn read(path: &str, text: &str, loaded: &mut Loaded, diags: &mut Vec<Diagnostic>) {
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = |column: usize| Location::File {
            path: path.to_string(),
            line: i + 1,
            column,
        };
        let mut value: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                diags.push(
                    Diagnostic::error(Some(at(e.column().max(1))), format!("invalid JSON: {e}"))
                        .with_help("each line must be one JSON object"),
                );
                continue;
            }
        };
        let Some(object) = value.as_object_mut() else {
            diags.push(
                Diagnostic::error(Some(at(1)), "a line must be a JSON object")
                    .with_help("write one record per line as {...}"),
            );
            continue;
        };
        let kind = object
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("event")
            .to_string();
        for key in DERIVED {
            object.remove(key);
        }
        let origin = Origin {
            table: Some(at(1)),
            ..Origin::default()
        };
        match kind.as_str() {
            "event" => push(
                value,
                "event",
                origin,
                diags,
                &mut loaded.store.events,
                &mut loaded.event_origins,
            ),
            "source" => push(
                value,
                "source",
                origin,
                diags,
                &mut loaded.store.sources,
                &mut loaded.source_origins,
            ),
            "link" => push(
                value,
                "link",
                origin,
                diags,
                &mut loaded.store.links,
                &mut loaded.link_origins,
            ),
            other => diags.push(
                Diagnostic::error(Some(at(1)), format!("unknown record type `{other}`"))
                    .with_help("\"type\" is \"event\" (the default), \"source\" or \"link\""),
            ),
        }
    }
}

fn push<T: DeserializeOwned>(
    value: Value,
    what: &str,
    origin: Origin,
    diags: &mut Vec<Diagnostic>,
    records: &mut Vec<T>,
    origins: &mut Vec<Origin>,
) {
    match serde_json::from_value(value) {
        Ok(r) => {
            records.push(r);
            origins.push(origin);
        }
        Err(e) => {
            let message = e.to_string();
            let help = help_for(&message, what);
            diags.push(
                Diagnostic::error(origin.table, format!("in this {what}: {message}"))
                    .with_help(help),
            );
        }
    }
}
