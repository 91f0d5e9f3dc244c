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
use std::io::{Read, Write};
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
    /// What store discovery passed over, and why (also among the warnings).
    pub skipped: Vec<Diagnostic>,
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
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
        match crate::input::utf8("<stdin>", bytes) {
            Ok(text) => jsonl::read("<stdin>", &text, &mut loaded, &mut diags),
            Err(Error::Invalid(d)) => diags.extend(d),
            Err(e) => return Err(e),
        }
        loaded.files = 1;
    } else {
        let mut files = Vec::new();
        collect(Path::new(path), &mut files, &mut loaded.skipped)?;
        diags.extend(loaded.skipped.iter().cloned());
        for file in &files {
            let shown = file.display().to_string();
            let bytes = std::fs::read(file).map_err(|e| Error::io(&shown, e))?;
            let text = match crate::input::utf8(&shown, bytes) {
                Ok(text) => text,
                Err(Error::Invalid(d)) => {
                    diags.extend(d);
                    continue;
                }
                Err(e) => return Err(e),
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
/// warnings are dropped, except that files discovery skipped are noted on
/// standard error. See [`read`] for what `path` may be.
pub fn load(path: &str) -> Result<Store> {
    let (loaded, diags) = read(path)?;
    for note in &loaded.skipped {
        let _ = writeln!(std::io::stderr(), "{note}");
    }
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

/// The store files below `path`, in path order: `.toml` regular files of
/// every folder not hidden. A symbolic link is followed, but each real
/// folder and file is read once, so links that loop end; a FIFO, socket
/// or device named `*.toml` is skipped, as is a broken link, each with a
/// note in `skipped`. `path` itself may be any file.
fn collect(path: &Path, out: &mut Vec<PathBuf>, skipped: &mut Vec<Diagnostic>) -> Result<()> {
    let shown = |p: &Path| p.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(shown(path), e))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut seen = std::collections::HashSet::new();
    let mut skip = |p: &Path, why: &str| {
        skipped.push(
            Diagnostic::warning(Some(Location::Path(shown(p))), format!("skipped: {why}"))
                .with_help("only regular .toml files and folders are read"),
        )
    };
    // Paths still to visit, the next one last.
    let mut stack = vec![path.to_path_buf()];
    while let Some(p) = stack.pop() {
        let Ok(meta) = std::fs::metadata(&p) else {
            skip(&p, "a broken symbolic link");
            continue;
        };
        let is_toml = p.extension().is_some_and(|e| e == "toml");
        if !meta.is_dir() && !is_toml {
            continue;
        }
        if !meta.is_dir() && !meta.is_file() {
            skip(&p, "not a regular file (a FIFO, socket or device)");
            continue;
        }
        let real = std::fs::canonicalize(&p).map_err(|e| Error::io(shown(&p), e))?;
        if !seen.insert(real) {
            skip(&p, "already read through another path (a symbolic link)");
            continue;
        }
        if meta.is_file() {
            out.push(p);
            continue;
        }
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&p)
            .map_err(|e| Error::io(shown(&p), e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|e| {
                !e.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        entries.sort();
        stack.extend(entries.into_iter().rev());
    }
    Ok(())
}
