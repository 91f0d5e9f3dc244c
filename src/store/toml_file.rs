//! One TOML file of the store: `[[source]]`, `[[event]]` and `[[link]]`
//! tables, each deserialized on its own so that one bad table does not hide
//! the problems of the next.

use toml::de::{DeTable, DeValue, ValueDeserializer};
use toml::Spanned;

use super::{Field, Loaded, Place};
use crate::error::Diagnostic;
use crate::error::FileLines;

const FIELDS_HELP: &str = "a store file holds only [[source]], [[event]] and [[link]] tables";

/// Reads `text` (from `path`) into `loaded`, pushing every problem. Each
/// `[[...]]` table is parsed on its own, so a store of a million events
/// never holds more than one table's syntax tree; a file with a syntax
/// error anywhere gives only its syntax errors, as when it was parsed whole.
pub fn read(path: &str, text: &str, loaded: &mut Loaded, diags: &mut Vec<Diagnostic>) {
    let place = loaded.places.add(Place::Text(FileLines::new(path, text)));
    let before = (loaded.counts(), diags.len());
    let mut broken = false;
    for span in tables(text) {
        broken |= !chunk(place, span.start, &text[span], loaded, diags);
    }
    if broken {
        loaded.truncate(before.0);
        let mut n = 0;
        diags.retain(|d| {
            n += 1;
            n <= before.1 || d.message.starts_with(SYNTAX)
        });
    }
}

const SYNTAX: &str = "invalid TOML: ";

/// Where the tables of `text` are: the text before the first `[[name]]`
/// header, then from each such header to the next. Headers are found among
/// the TOML lexer's tokens, at the start of a line and outside any array
/// or inline table, so a `[[` inside a multi-line string or array is not
/// one; a dotted header (`[[event.sources]]`) belongs to the table above it.
fn tables(text: &str) -> Vec<std::ops::Range<usize>> {
    use toml_parser::lexer::TokenKind as T;
    enum State {
        Body,
        Open(usize),
        Key(usize, bool),
    }
    let mut starts = vec![0];
    let (mut state, mut depth, mut line_start) = (State::Body, 0usize, true);
    for token in toml_parser::Source::new(text).lex() {
        let (kind, at) = (token.kind(), token.span().start());
        if matches!(kind, T::Whitespace | T::Comment | T::Newline) {
            line_start |= kind == T::Newline;
            continue;
        }
        state = match (state, kind) {
            (State::Body, T::LeftSquareBracket) if line_start && depth == 0 => State::Open(at),
            (State::Open(h), T::LeftSquareBracket) if at == h + 1 => State::Key(h, false),
            (State::Key(h, _), T::Dot) => State::Key(h, true),
            (State::Key(h, dotted), T::RightSquareBracket) => {
                if !dotted {
                    starts.push(h);
                }
                State::Body
            }
            (State::Key(h, dotted), _) => State::Key(h, dotted),
            (_, T::LeftSquareBracket | T::LeftCurlyBracket) => {
                depth += 1;
                State::Body
            }
            (_, T::RightSquareBracket | T::RightCurlyBracket) => {
                depth = depth.saturating_sub(1);
                State::Body
            }
            _ => State::Body,
        };
        line_start = false;
    }
    starts.dedup();
    let mut spans: Vec<_> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    spans.push(starts[starts.len() - 1]..text.len());
    spans
}

/// Reads the tables of `chunk`, which starts at byte `shift` of place
/// `place`; false when it is not valid TOML (its errors pushed).
fn chunk(
    place: usize,
    shift: usize,
    chunk: &str,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let at = |loaded: &Loaded, offset: usize| loaded.places.location(place, shift + offset);
    let (doc, errors) = DeTable::parse_recoverable(chunk);
    if !errors.is_empty() {
        for e in errors {
            let offset = e.span().map_or(0, |s| s.start);
            diags.push(
                Diagnostic::error(
                    at(loaded, offset),
                    format!("{SYNTAX}{}", e.message().trim()),
                )
                .with_help("fix the TOML syntax; see https://toml.io for the rules"),
            );
        }
        return false;
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
            record((place, shift), item, name, loaded, diags);
        }
    }
    true
}

/// Deserializes one table of place `place`, in a chunk that starts at
/// byte `shift` of it, into `loaded`, keeping where the keys messages name
/// are.
fn record(
    (place, shift): (usize, usize),
    item: Spanned<DeValue<'_>>,
    what: &str,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) {
    let table_start = shift + item.span().start;
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
            fields.push((field, shift + v.span().start));
        }
        if let Some(citations) = v.get_ref().as_array().filter(|_| k.get_ref() == "sources") {
            for (i, c) in citations.iter().enumerate() {
                let offset = c
                    .get_ref()
                    .as_table()
                    .and_then(|t| t.get("id"))
                    .map_or(c.span().start, |id| id.span().start);
                fields.push((Field::Citation(i), shift + offset));
            }
        }
    }
    let de = ValueDeserializer::from(item);
    if let Err(e) = loaded.file(what, de, (place, table_start), fields) {
        let offset = e.span().map_or(table_start, |s| shift + s.start);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_start_at_top_level_headers_only() {
        let text = "x = 1\n[[event]]\nsummary = \"\"\"\n[[link]]\n\"\"\"\ntags = [\n[\"a\"]]\n[[event.sources]]\nid = \"s\"\n  [[link]] # two\n";
        let starts: Vec<&str> = tables(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(starts.len(), 3, "{starts:#?}");
        assert_eq!(starts[0], "x = 1\n");
        assert!(starts[1].starts_with("[[event]]") && starts[1].contains("[[event.sources]]"));
        assert_eq!(starts[2], "[[link]] # two\n");
    }
}
