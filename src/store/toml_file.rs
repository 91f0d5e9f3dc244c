//! One TOML file of the store: `[[source]]`, `[[event]]` and `[[link]]`
//! tables, each deserialized on its own so that one bad table does not hide
//! the problems of the next.

use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

use super::position::LineIndex;
use super::{Loaded, Origin};
use crate::error::Diagnostic;

const FIELDS_HELP: &str = "a store file holds only [[source]], [[event]] and [[link]] tables";

/// Reads `text` (from `path`) into `loaded`, pushing every problem.
pub fn read(path: &str, text: &str, loaded: &mut Loaded, diags: &mut Vec<Diagnostic>) {
    let lines = LineIndex::new(path, text);
    let (doc, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for e in errors {
            let at = e.span().map_or(0, |s| s.start);
            diags.push(
                Diagnostic::error(
                    Some(lines.location(at)),
                    format!("invalid TOML: {}", e.message().trim()),
                )
                .with_help("fix the TOML syntax; see https://toml.io for the rules"),
            );
        }
        return;
    }
    for (key, value) in doc.into_inner() {
        let name: &str = key.get_ref().as_ref();
        let DeValue::Array(items) = value.into_inner() else {
            diags.push(
                Diagnostic::error(
                    Some(lines.location(key.span().start)),
                    format!("unexpected top-level key `{name}`"),
                )
                .with_help(FIELDS_HELP),
            );
            continue;
        };
        if !super::RECORDS.contains(&name) {
            diags.push(
                Diagnostic::error(
                    Some(lines.location(key.span().start)),
                    format!("unknown table `[[{name}]]`"),
                )
                .with_help(FIELDS_HELP),
            );
            continue;
        }
        for item in items {
            record(&lines, item, name, loaded, diags);
        }
    }
}

/// Deserializes one table into `loaded`, recording where each of its keys is.
fn record(
    lines: &LineIndex<'_>,
    item: Spanned<DeValue<'_>>,
    what: &str,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) {
    let mut origin = Origin {
        table: Some(lines.location(item.span().start)),
        ..Origin::default()
    };
    let Some(table) = item.get_ref().as_table() else {
        diags.push(
            Diagnostic::error(origin.table.clone(), format!("`{what}` must be a table"))
                .with_help(format!("write each {what} as a [[{what}]] table")),
        );
        return;
    };
    for (k, v) in table.iter() {
        origin
            .fields
            .insert(k.get_ref().to_string(), lines.location(v.span().start));
        if let Some(citations) = v.get_ref().as_array().filter(|_| k.get_ref() == "sources") {
            for (i, c) in citations.iter().enumerate() {
                let at = c
                    .get_ref()
                    .as_table()
                    .and_then(|t| t.get("id"))
                    .map_or(c.span().start, |id| id.span().start);
                origin
                    .fields
                    .insert(format!("sources.{i}.id"), lines.location(at));
            }
        }
    }
    let table_start = item.span().start;
    if let Err(e) = loaded.file(what, ValueDeserializer::from(item), origin) {
        let at = e.span().map_or(table_start, |s| s.start);
        let message = e.message().trim().to_string();
        let help = help_for(&message, what);
        diags.push(
            Diagnostic::error(
                Some(lines.location(at)),
                format!("in this {what}: {message}"),
            )
            .with_help(help),
        );
    }
}

/// A hint for a serde message, naming the fields a record may have.
pub fn help_for(message: &str, what: &str) -> String {
    let fields = match what {
        "source" => "id, title, outlet, url, published, author",
        "link" => "from, to, relation, evidence, source, confidence",
        _ => "id, date, title, summary, kind, mode, actors, targets, place, killed, injured, tags, sources, confidence",
    };
    if message.starts_with("unknown field") {
        "remove the field or fix its spelling".to_string()
    } else if message.starts_with("missing field") {
        format!("add the field; {} {what} has: {fields}", article(what))
    } else if message.contains(crate::model::date::DATE_FORMS) {
        "fix the date; the message lists the forms a date may take".to_string()
    } else if message.contains("invalid date") {
        crate::model::date::DATE_FORMS.to_string()
    } else if message.contains("unknown variant") {
        "use one of the values the message lists".to_string()
    } else {
        format!(
            "{} {what} has: {fields}; see the README for each field's type",
            article(what)
        )
    }
}

fn article(what: &str) -> &'static str {
    if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
