//! Where each record of a store was read, kept compactly: a file number
//! and byte offsets, turned into `file:line:column` only when a message
//! names the place. A store of a million events keeps 16 bytes a record
//! and 8 a remembered key, and no copy of any path.

use crate::error::{FileLines, Location};

/// A key of a record whose place messages name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `id` (events and sources).
    Id,
    /// `title`.
    Title,
    /// `confidence`.
    Confidence,
    /// `actors`.
    Actors,
    /// `targets`.
    Targets,
    /// `from` (links).
    From,
    /// `to` (links).
    To,
    /// `source` (links).
    Source,
    /// The `id` of an event's `n`-th citation (`sources[n].id`).
    Citation(usize),
}

/// The top-level keys whose places are kept, in [`Field::code`] order.
const KEYS: [&str; 8] = [
    "id",
    "title",
    "confidence",
    "actors",
    "targets",
    "from",
    "to",
    "source",
];

impl Field {
    /// The field a top-level key names, if messages ever point at it.
    pub fn of_key(key: &str) -> Option<Field> {
        const FIELDS: [Field; 8] = [
            Field::Id,
            Field::Title,
            Field::Confidence,
            Field::Actors,
            Field::Targets,
            Field::From,
            Field::To,
            Field::Source,
        ];
        KEYS.iter().position(|&k| k == key).map(|i| FIELDS[i])
    }

    fn code(self) -> u32 {
        match self {
            Field::Id => 0,
            Field::Title => 1,
            Field::Confidence => 2,
            Field::Actors => 3,
            Field::Targets => 4,
            Field::From => 5,
            Field::To => 6,
            Field::Source => 7,
            Field::Citation(n) => u32::try_from(n).map_or(u32::MAX, |n| n.saturating_add(8)),
        }
    }
}

/// One place records were read from: a file with where its lines start,
/// a file of JSON Lines, or a name alone (a record of a JSON document,
/// `<stdin>: events[3]`).
#[derive(Debug, Clone)]
pub enum Place {
    /// A text file; marks are byte offsets.
    Text(FileLines),
    /// JSON Lines, named by their path: a record is a whole line, so its
    /// mark is the line's number and no text or index is kept.
    Lines(String),
    /// A place without lines.
    Named(String),
}

impl Place {
    fn location(&self, offset: usize) -> Location {
        match self {
            Place::Text(lines) => lines.location(offset),
            Place::Lines(path) => Location::File {
                path: path.clone(),
                line: offset,
                column: 1,
            },
            Place::Named(name) => Location::Path(name.clone()),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Record {
    place: u32,
    first: u32,
    at: usize,
}

/// Where each record of one kind was read: its place and table offset,
/// and the offsets of its keys that messages name (as distances from the
/// table, in one vector for all records).
#[derive(Debug, Clone, Default)]
pub struct Origins {
    records: Vec<Record>,
    fields: Vec<(u32, u32)>,
}

impl Origins {
    /// Files a record read at byte `at` of place number `place`, with the
    /// offsets of its keys (each at or after `at`).
    pub fn push(
        &mut self,
        place: usize,
        at: usize,
        fields: impl IntoIterator<Item = (Field, usize)>,
    ) {
        let first = u32::try_from(self.fields.len()).unwrap_or(u32::MAX);
        for (field, offset) in fields {
            if let Ok(delta) = u32::try_from(offset.saturating_sub(at)) {
                self.fields.push((field.code(), delta));
            }
        }
        self.records.push(Record {
            place: u32::try_from(place).unwrap_or(u32::MAX),
            first,
            at,
        });
    }

    /// The place number of record `i`.
    pub fn place(&self, i: usize) -> usize {
        self.records[i].place as usize
    }

    /// How many records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    fn keys(&self, i: usize) -> &[(u32, u32)] {
        let first = self.records[i].first as usize;
        let end = self
            .records
            .get(i + 1)
            .map_or(self.fields.len(), |r| r.first as usize);
        self.fields.get(first..end).unwrap_or(&[])
    }

    /// The place number and byte offset of record `i`'s `field`, else of
    /// its table.
    fn mark(&self, i: usize, field: Option<Field>) -> Option<(usize, usize)> {
        let r = self.records.get(i)?;
        let delta = field
            .and_then(|f| self.keys(i).iter().find(|k| k.0 == f.code()))
            .map_or(0, |k| k.1 as usize);
        Some((r.place as usize, r.at + delta))
    }

    /// Makes room for `n` more records where memory allows.
    pub fn reserve(&mut self, n: usize) {
        let _ = self.records.try_reserve(n);
    }

    /// Keeps the first `n` records.
    pub fn truncate(&mut self, n: usize) {
        if let Some(r) = self.records.get(n) {
            self.fields.truncate(r.first as usize);
            self.records.truncate(n);
        }
    }

    /// Keeps the records for which `keep(i)` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        let mut kept = Origins::default();
        for i in 0..self.len() {
            if keep(i) {
                kept.copy(self, i, self.place(i));
            }
        }
        *self = kept;
    }

    /// Appends record `i` of `other`, its place renumbered `place`.
    pub fn copy(&mut self, other: &Origins, i: usize, place: usize) {
        let at = other.records[i].at;
        let fields: Vec<(u32, u32)> = other.keys(i).to_vec();
        let first = u32::try_from(self.fields.len()).unwrap_or(u32::MAX);
        self.fields.extend(fields);
        self.records.push(Record {
            place: u32::try_from(place).unwrap_or(u32::MAX),
            first,
            at,
        });
    }
}

/// The places a store was read from, numbered as [`Origins`] refer to
/// them.
#[derive(Debug, Clone, Default)]
pub struct Places(Vec<Place>);

impl Places {
    /// Adds a place and returns its number.
    pub fn add(&mut self, place: Place) -> usize {
        self.0.push(place);
        self.0.len() - 1
    }

    /// The location of byte `offset` of place `place`.
    pub fn location(&self, place: usize, offset: usize) -> Option<Location> {
        self.0.get(place).map(|p| p.location(offset))
    }

    /// Where record `i` of `origins` has `field` (else its table).
    pub fn at(&self, origins: &Origins, i: usize, field: Option<Field>) -> Option<Location> {
        let (place, offset) = origins.mark(i, field)?;
        self.location(place, offset)
    }

    /// Appends every place of `other`; returns the number the first gets
    /// here, to add to `other`'s numbers.
    pub fn append(&mut self, other: Places) -> usize {
        let first = self.0.len();
        self.0.extend(other.0);
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lines: &FileLines, offset: usize) -> String {
        lines.location(offset).to_string()
    }

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let text = "ab\nçé = 1\n\nlast";
        let lines = FileLines::new("s.toml", text);
        assert_eq!(at(&lines, 0), "s.toml:1:1");
        assert_eq!(at(&lines, 3), "s.toml:2:1");
        // `=` is the fifth byte of line 2 but its fourth character.
        assert_eq!(at(&lines, 3 + text[3..].find('=').unwrap()), "s.toml:2:4");
        assert_eq!(at(&lines, text.len()), "s.toml:4:5");
    }

    #[test]
    fn a_field_without_a_mark_falls_back_to_its_table() {
        let mut places = Places::default();
        let p = places.add(Place::Text(FileLines::new(
            "s.toml",
            "[[event]]\nid = \"a\"\n",
        )));
        let mut origins = Origins::default();
        origins.push(p, 0, [(Field::Id, 15)]);
        let loc = |f| places.at(&origins, 0, f).unwrap().to_string();
        assert_eq!(loc(Some(Field::Id)), "s.toml:2:6");
        assert_eq!(loc(Some(Field::Title)), "s.toml:1:1");
        origins.retain(|_| false);
        assert_eq!(origins.len(), 0);
    }
}
