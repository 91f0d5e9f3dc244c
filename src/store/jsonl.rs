//! The JSON Lines form of the store: one record a line, an event unless the
//! line says `"type": "source"` or `"type": "link"`.
//!
//! The document `annals timeline --format json` prints is read too. Lines
//! printed by `annals timeline --format jsonl` and by `annals extract
//! --docs` carry derived fields (`earliest`, `latest`, `granularity`,
//! `causes`, `effects`, `doc`, `salience`, `reports`, `outlets`, and a
//! link's `id`); they are accepted and ignored, so either can be piped
//! back into any command.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::io::BufRead;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;

use super::plain;
use super::toml_file::help_for;
use super::{Loaded, Place};
use crate::error::{Diagnostic, Error, Location, Result};
use crate::input::{LentLine, Lines, RawLines};

const DERIVED: [&str; 10] = [
    "earliest",
    "latest",
    "granularity",
    "causes",
    "effects",
    "doc",
    "type",
    "salience",
    "reports",
    "outlets",
];

/// Whether `key` names a derived field, which reading skips: one of
/// [`DERIVED`], or a link's `id`.
pub(super) fn derived(key: &str, link: bool) -> bool {
    DERIVED.contains(&key) || link && key == "id"
}

/// Reads JSON Lines from `reader` (named `path` in messages) a line at a
/// time, so that the text is never held whole; or, when the first line
/// opens a JSON document `{"events": [...], "sources": [...], "links":
/// [...]}` as `annals timeline --format json` prints it, that document.
/// Only an I/O failure is an `Err`.
pub fn read<R: BufRead>(
    path: &str,
    mut reader: R,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) -> Result<()> {
    let place = loaded.places.add(Place::Lines(path.to_string()));
    let unescaped = &mut String::new();
    let mut lines = Lines::new(path, &mut reader);
    let first = match lines.next_line().transpose()? {
        Some((n, Ok(line))) if opens_document(line) => Some((n, line.to_string())),
        Some(item) => {
            one_line(path, item, place, loaded, diags, unescaped);
            None
        }
        None => return Ok(()),
    };
    let Some((n, head)) = first else {
        while let Some(item) = lines.next_line() {
            one_line(path, item?, place, loaded, diags, unescaped);
        }
        return Ok(());
    };
    lines.release();
    let mut text = "\n".repeat(n - 1) + &head + "\n";
    let mut rest = Vec::new();
    reader
        .read_to_end(&mut rest)
        .map_err(|e| Error::io(path, e))?;
    match crate::input::utf8(path, rest) {
        Ok(rest) => text.push_str(&rest),
        Err(Error::Invalid(d)) => {
            diags.extend(d);
            return Ok(());
        }
        Err(e) => return Err(e),
    }
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(doc)) if doc.contains_key("events") => document(path, doc, loaded, diags),
        _ => {
            let mut lines = Lines::new(path, text.as_bytes());
            while let Some(item) = lines.next_line() {
                one_line(path, item?, place, loaded, diags, unescaped);
            }
        }
    }
    Ok(())
}

/// How many sources, events and links the lines of `reader` hold, by how
/// each line starts: `{"type":"source"` and `{"type":"link"` as the plain
/// reader ([`plain::record`]) takes them, any other line opening an object
/// an event. The counts only size the store's vectors before they are
/// filled: a line written another way (a link whose `type` comes later, a
/// record after spaces, a timeline document) is counted wrongly or not at
/// all, and reading grows a vector past its count when it must.
pub(super) fn count<R: BufRead>(reader: R) -> std::io::Result<[usize; 3]> {
    let mut counts = [0; 3];
    let mut lines = RawLines::new(reader);
    while let Some(line) = lines.next_raw() {
        let line = line?;
        let kind = match line.strip_prefix(br#"{"type":""#) {
            Some(rest) if rest.starts_with(br#"source","#) => 0,
            Some(rest) if rest.starts_with(br#"link","#) => 2,
            _ if line.starts_with(b"{") => 1,
            _ => continue,
        };
        counts[kind] += 1;
    }
    Ok(counts)
}

/// True when a first line may open a timeline document rather than hold a
/// record: it starts an object it does not close, or one with `events`.
fn opens_document(line: &str) -> bool {
    line.trim_start().starts_with('{')
        && serde_json::from_str::<Members>(line)
            .map_or(true, |m| m.0.iter().any(|(k, _)| k == "events"))
}

/// Files the record of one line (number and text, or why it could not be
/// read) of place `place`.
fn one_line(
    path: &str,
    (n, line): LentLine<'_>,
    place: usize,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
    unescaped: &mut String,
) {
    let at = |column: usize| Location::File {
        path: path.to_string(),
        line: n,
        column,
    };
    let result = line.and_then(
        |line| match plain::record(line, (place, n), loaded, unescaped) {
            true => Ok(()),
            false => line_record(line, (place, n), at, loaded),
        },
    );
    if let Err(d) = result {
        diags.push(d);
    }
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
                    document_record(kind, item, at(Some(i)), loaded, diags);
                }
            }
            Some(_) => diags.push(
                Diagnostic::error(Some(at(None)), format!("`{key}` must be an array"))
                    .with_help("write it as [ {...}, {...} ]"),
            ),
        }
    }
}

/// The keys of one JSON object and the text of each value, in the order
/// written: one pass over the line that builds no tree of values.
struct Members<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

/// A key, borrowed from the line unless it holds escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> de::Deserialize<'de> for Members<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut members = Vec::with_capacity(12);
                while let Some((Key(k), v)) = map.next_entry::<Key<'de>, &'de RawValue>()? {
                    members.push((k, v));
                }
                Ok(Members(members))
            }
        }
        d.deserialize_map(V)
    }
}

/// The members of a record as a map for the record's own deserializer,
/// derived fields and `type` left out; remembers where in the line the
/// value being read starts, so that an error inside it can point there.
struct Fields<'a, 'b> {
    members: std::slice::Iter<'b, (Cow<'a, str>, &'a RawValue)>,
    /// A link's `id` is derived too (written so that every line has one).
    link: bool,
    value: Option<&'a RawValue>,
    line: &'a str,
    at: &'b Cell<usize>,
}

impl<'de> MapAccess<'de> for Fields<'de, '_> {
    type Error = serde_json::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        for (key, value) in self.members.by_ref() {
            if derived(key, self.link) {
                continue;
            }
            self.value = Some(value);
            return next_key(seed, key);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value without its key"))?;
        let offset = (value.get().as_ptr() as usize).saturating_sub(self.line.as_ptr() as usize);
        self.at.set(offset);
        seed.deserialize(value)
    }
}

/// `key` handed to `seed` as a record's next key, for both readings.
fn next_key<'de, K: DeserializeSeed<'de>, E: de::Error>(
    seed: K,
    key: &str,
) -> Result<Option<K::Value>, E> {
    let key: de::value::StrDeserializer<'_, E> = key.into_deserializer();
    seed.deserialize(key).map(Some)
}

/// Reads one line of JSON Lines, line `mark.1` of place `mark.0`, into
/// `loaded`, or says what is wrong with it (`at(column)`
/// locates a column of the line).
pub(super) fn line_record(
    line: &str,
    mark: (usize, usize),
    at: impl Fn(usize) -> Location,
    loaded: &mut Loaded,
) -> Result<(), Diagnostic> {
    let members = match serde_json::from_str::<Members>(line) {
        Ok(m) => m,
        Err(e) if e.is_data() => {
            return Err(not_an_object(at(1)));
        }
        Err(e) => return Err(invalid(&e, at(e.column().max(1)))),
    };
    let kind = members
        .0
        .iter()
        .rev()
        .find(|m| m.0 == "type")
        .and_then(|m| serde_json::from_str::<Cow<str>>(m.1.get()).ok())
        .unwrap_or(Cow::Borrowed("event"));
    if !super::RECORDS.contains(&kind.as_ref()) {
        return Err(unknown_type(&kind, at(1)));
    }
    let value_at = Cell::new(0);
    let fields = Fields {
        members: members.0.iter(),
        link: kind == "link",
        value: None,
        line,
        at: &value_at,
    };
    let de = de::value::MapAccessDeserializer::new(fields);
    loaded.file(&kind, de, mark, Vec::new()).map_err(|e| {
        // An error inside a value is placed at the value; one about the
        // record as a whole (a missing field) at the line's start.
        let full = e.to_string();
        let (message, column) = match e.line() {
            0 => (full, 1),
            _ => {
                let suffix = format!(" at line {} column {}", e.line(), e.column());
                let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
                let before = line.get(..value_at.get()).unwrap_or(line);
                (message, before.chars().count() + 1)
            }
        };
        record_error(&kind, &message, at(column))
    })
}

fn invalid(e: &serde_json::Error, at: Location) -> Diagnostic {
    Diagnostic::error(Some(at), format!("invalid JSON: {e}"))
        .with_help("each line must be one JSON object")
}

fn not_an_object(at: Location) -> Diagnostic {
    Diagnostic::error(Some(at), "a record must be a JSON object")
        .with_help("write one record per line as {...}")
}

fn unknown_type(kind: &str, at: Location) -> Diagnostic {
    Diagnostic::error(Some(at), format!("unknown record type `{kind}`"))
        .with_help("\"type\" is \"event\" (the default), \"source\" or \"link\"")
}

fn record_error(kind: &str, message: &str, at: Location) -> Diagnostic {
    let help = help_for(message, kind);
    Diagnostic::error(Some(at), format!("in this {kind}: {message}")).with_help(help)
}

/// Files one record of a timeline document, of type `kind`, its derived
/// fields dropped; `at` names its place in the document.
fn document_record(
    kind: &str,
    mut value: Value,
    at: Location,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(object) = value.as_object_mut() else {
        diags.push(not_an_object(at));
        return;
    };
    for key in DERIVED {
        object.remove(key);
    }
    let place = loaded.places.add(Place::Named(at.to_string()));
    if let Err(e) = loaded.file(kind, value, (place, 0), Vec::new()) {
        diags.push(record_error(kind, &e.to_string(), at));
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_records_by_how_their_lines_start() {
        let lines = concat!(
            "{\"type\":\"source\",\"id\":\"s\"}\n",
            "{\"id\":\"a\"}\n",
            "\n",
            "  {\"id\":\"spaced\"}\n",
            "{\"type\":\"link\",\"from\":\"a\",\"to\":\"b\"}\r\n",
            "{\"from\":\"a\",\"type\":\"link\"}\n",
            "{\"type\":\"linked\",\"id\":\"c\"}\n",
            "  \"events\": [\n",
            "{\"type\":\"link\",\"from\":\"b\",\"to\":\"c\"}",
        );
        assert_eq!(count(lines.as_bytes()).unwrap(), [1, 3, 2]);
        assert_eq!(count(&b""[..]).unwrap(), [0, 0, 0]);
    }
}
