//! Reading the event store: a folder of TOML files, one file, or JSON Lines
//! on standard input.
//!
//! Loading never stops at the first problem. Every file is read, every table
//! deserialized on its own, and every problem comes back as a
//! [`Diagnostic`] with its `file:line:column`, so one run of `annals check`
//! shows all that needs fixing.

mod jsonl;
mod position;
mod toml_file;
mod validate;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Location, Result, Severity};
use crate::model::Store;

pub use position::LineIndex;
pub use validate::suggest;

/// Where a record was written: its table, and each of its keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The table (`[[event]]` header) or JSON line.
    pub table: Option<Location>,
    /// The value of each top-level key, and `sources.N.id` for citations.
    pub fields: BTreeMap<String, Location>,
}

impl Origin {
    /// The location of a key's value, else of the table.
    pub fn at(&self, field: &str) -> Option<Location> {
        self.fields.get(field).or(self.table.as_ref()).cloned()
    }
}

/// A store as read, with where each record came from (same order as the
/// store's vectors).
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The records.
    pub store: Store,
    /// Origins of `store.sources`.
    pub source_origins: Vec<Origin>,
    /// Origins of `store.events`.
    pub event_origins: Vec<Origin>,
    /// Origins of `store.links`.
    pub link_origins: Vec<Origin>,
    /// How many files were read.
    pub files: usize,
}

impl Loaded {
    /// Deserializes one `[[source]]`, `[[event]]` or `[[link]]` record
    /// (`what`) and files it with its origin; TOML tables and JSON lines
    /// come through here alike.
    fn file<'de, D: serde::Deserializer<'de>>(
        &mut self,
        what: &str,
        de: D,
        origin: Origin,
    ) -> std::result::Result<(), D::Error> {
        use serde::Deserialize;
        match what {
            "source" => {
                self.store
                    .sources
                    .push(crate::model::Source::deserialize(de)?);
                self.source_origins.push(origin);
            }
            "event" => {
                self.store
                    .events
                    .push(crate::model::Event::deserialize(de)?);
                self.event_origins.push(origin);
            }
            _ => {
                self.store.links.push(crate::model::Link::deserialize(de)?);
                self.link_origins.push(origin);
            }
        }
        Ok(())
    }
}

/// The record types a store holds.
const RECORDS: [&str; 3] = ["source", "event", "link"];

/// Reads a store and validates it record by record: ids, duplicates, dates,
/// references between records. Returns the records that could be read and
/// every problem found; only I/O failures are an `Err`.
///
/// `path` is a folder (every `.toml` below it, in path order), a file, or
/// `-` for JSON Lines on standard input.
pub fn read(path: &str) -> Result<(Loaded, Vec<Diagnostic>)> {
    let mut loaded = Loaded::default();
    let mut diags = Vec::new();
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Error::io("<stdin>", e))?;
        jsonl::read("<stdin>", &text, &mut loaded, &mut diags);
        loaded.files = 1;
    } else {
        let mut files = Vec::new();
        collect(Path::new(path), true, &mut files)?;
        for file in &files {
            let shown = file.display().to_string();
            let bytes = std::fs::read(file).map_err(|e| Error::io(&shown, e))?;
            let Ok(text) = String::from_utf8(bytes) else {
                diags.push(
                    Diagnostic::error(Some(Location::Path(shown)), "the file is not UTF-8 text")
                        .with_help("save it as UTF-8"),
                );
                continue;
            };
            if file
                .extension()
                .is_some_and(|e| e == "jsonl" || e == "json")
            {
                jsonl::read(&shown, &text, &mut loaded, &mut diags);
            } else {
                toml_file::read(&shown, &text, &mut loaded, &mut diags);
            }
        }
        loaded.files = files.len();
    }
    validate::validate(&loaded, &mut diags);
    diags.sort_by(|a, b| {
        (a.severity, &a.location)
            .cmp(&(b.severity, &b.location))
            .then_with(|| a.message.cmp(&b.message))
    });
    Ok((loaded, diags))
}

/// Loads a store, failing with every error found ([`Error::Invalid`]);
/// warnings are dropped. See [`read`] for what `path` may be.
pub fn load(path: &str) -> Result<Store> {
    let (loaded, diags) = read(path)?;
    let errors: Vec<Diagnostic> = diags
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        Ok(loaded.store)
    } else {
        Err(Error::Invalid(errors))
    }
}

fn collect(path: &Path, top: bool, out: &mut Vec<PathBuf>) -> Result<()> {
    let shown = || path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(shown(), e))?;
    if !meta.is_dir() {
        if top {
            out.push(path.to_path_buf());
        }
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Error::io(shown(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            collect(&p, false, out)?;
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
    Ok(())
}
