//! One TOML file of the store: `[[source]]`, `[[event]]` and `[[link]]`
//! tables, each deserialized on its own so that one bad table does not hide
//! the problems of the next.

use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

use super::{Field, FileLines, Loaded, Place};
use crate::error::Diagnostic;

const FIELDS_HELP: &str = "a store file holds only [[source]], [[event]] and [[link]] tables";

/// Reads `text` (from `path`) into `loaded`, pushing every problem.
pub fn read(path: &str, text: &str, loaded: &mut Loaded, diags: &mut Vec<Diagnostic>) {
    let place = loaded.places.add(Place::Text(FileLines::new(path, text)));
    let at = |loaded: &Loaded, offset: usize| loaded.places.location(place, offset);
    let (doc, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for e in errors {
            let offset = e.span().map_or(0, |s| s.start);
            diags.push(
                Diagnostic::error(
                    at(loaded, offset),
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
                    at(loaded, key.span().start),
                    format!("unexpected top-level key `{name}`"),
                )
                .with_help(FIELDS_HELP),
            );
            continue;
        };
        if !super::RECORDS.contains(&name) {
            diags.push(
                Diagnostic::error(
                    at(loaded, key.span().start),
                    format!("unknown table `[[{name}]]`"),
                )
                .with_help(FIELDS_HELP),
            );
            continue;
        }
        for item in items {
            record(place, item, name, loaded, diags);
        }
    }
}

/// Deserializes one table of place `place` into `loaded`, keeping where
/// the keys messages name are.
fn record(
    place: usize,
    item: Spanned<DeValue<'_>>,
    what: &str,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) {
    let table_start = item.span().start;
    let at = |loaded: &Loaded, offset: usize| loaded.places.location(place, offset);
    let Some(table) = item.get_ref().as_table() else {
        diags.push(
            Diagnostic::error(at(loaded, table_start), format!("`{what}` must be a table"))
                .with_help(format!("write each {what} as a [[{what}]] table")),
        );
        return;
    };
    let mut fields = Vec::new();
    for (k, v) in table.iter() {
        if let Some(field) = Field::of_key(k.get_ref()) {
            fields.push((field, v.span().start));
        }
        if let Some(citations) = v.get_ref().as_array().filter(|_| k.get_ref() == "sources") {
            for (i, c) in citations.iter().enumerate() {
                let offset = c
                    .get_ref()
                    .as_table()
                    .and_then(|t| t.get("id"))
                    .map_or(c.span().start, |id| id.span().start);
                fields.push((Field::Citation(i), offset));
            }
        }
    }
    let de = ValueDeserializer::from(item);
    if let Err(e) = loaded.file(what, de, (place, table_start), fields) {
        let offset = e.span().map_or(table_start, |s| s.start);
        let message = e.message().trim().to_string();
        let help = help_for(&message, what);
        diags.push(
            Diagnostic::error(at(loaded, offset), format!("in this {what}: {message}"))
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
