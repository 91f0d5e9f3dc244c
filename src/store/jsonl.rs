//! The JSON Lines form of the store: one record a line, an event unless the
//! line says `"type": "source"` or `"type": "link"`.
//!
//! Lines printed by `annals timeline --format json` and by `annals extract
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
        if !super::RECORDS.contains(&kind.as_str()) {
            diags.push(
                Diagnostic::error(Some(at(1)), format!("unknown record type `{kind}`"))
                    .with_help("\"type\" is \"event\" (the default), \"source\" or \"link\""),
            );
            continue;
        }
        if let Err(e) = loaded.file(&kind, value, origin) {
            let message = e.to_string();
            let help = help_for(&message, &kind);
            diags.push(
                Diagnostic::error(Some(at(1)), format!("in this {kind}: {message}"))
                    .with_help(help),
            );
        }
    }
}
