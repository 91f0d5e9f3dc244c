//! Reading the event store (a folder of TOML files, one file, or JSON Lines
//! on standard input) and writing it ([`write`](mod@write): atomically, never over a
//! person's edits).
//!
//! Loading never stops at the first problem. Every file is read, every table
//! deserialized on its own, and every problem comes back as a
//! [`Diagnostic`] with its `file:line:column`, so one run of `annals check`
//! shows all that needs fixing.

pub(crate) mod edit;
mod error;
mod jsonl;
mod origin;
mod plain;
mod toml_file;
mod validate;
pub mod write;

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Location, Result, Severity};
use crate::model::{Event, Link, Source, Store};

/// Where a record was read: a place number and the record's offset in it
/// (a byte offset, or a line number for JSON Lines).
type Mark = (usize, usize);

pub use error::StoreError;
pub(crate) use origin::{Field, Origins, Place, Places};

/// A store as read, with where each record came from (same order as the
/// store's vectors).
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The records.
    pub store: Store,
    /// Origins of `store.sources`.
    pub(crate) source_origins: Origins,
    /// Origins of `store.events`.
    pub(crate) event_origins: Origins,
    /// Origins of `store.links`.
    pub(crate) link_origins: Origins,
    /// The files (and documents) the origins point into.
    pub(crate) places: Places,
    /// How many files were read.
    pub files: usize,
    /// What store discovery passed over, and why (also among the warnings).
    pub skipped: Vec<Diagnostic>,
}

impl Loaded {
    /// Where source `i` has `field`, else where its table starts.
    pub(crate) fn source_at(&self, i: usize, field: Field) -> Option<Location> {
        self.places.at(&self.source_origins, i, Some(field))
    }

    /// Where event `i` has `field`, else where its table starts.
    pub(crate) fn event_at(&self, i: usize, field: Field) -> Option<Location> {
        self.places.at(&self.event_origins, i, Some(field))
    }

    /// Where link `i` has `field`, else where its table starts.
    pub(crate) fn link_at(&self, i: usize, field: Field) -> Option<Location> {
        self.places.at(&self.link_origins, i, Some(field))
    }

    /// Makes room for `counts` more sources, events and links where
    /// memory allows (else the vectors grow as they are filled).
    fn reserve(&mut self, [sources, events, links]: [usize; 3]) {
        let _ = self.store.sources.try_reserve(sources);
        self.source_origins.reserve(sources);
        let _ = self.store.events.try_reserve(events);
        self.event_origins.reserve(events);
        let _ = self.store.links.try_reserve(links);
        self.link_origins.reserve(links);
    }

    /// How many sources, events and links have been read.
    fn counts(&self) -> [usize; 3] {
        let s = &self.store;
        [s.sources.len(), s.events.len(), s.links.len()]
    }

    /// Forgets the records read after [`Loaded::counts`] gave `counts`.
    fn truncate(&mut self, [sources, events, links]: [usize; 3]) {
        self.store.sources.truncate(sources);
        self.source_origins.truncate(sources);
        self.store.events.truncate(events);
        self.event_origins.truncate(events);
        self.store.links.truncate(links);
        self.link_origins.truncate(links);
    }

    /// Deserializes one `[[source]]`, `[[event]]` or `[[link]]` record
    /// (`what`) and files it with its place and offset and those of its
    /// keys; TOML tables and JSON lines come through here alike.
    fn file<'de, D: serde::Deserializer<'de>>(
        &mut self,
        what: &str,
        de: D,
        mark: Mark,
        fields: Vec<(Field, usize)>,
    ) -> std::result::Result<(), D::Error> {
        use serde::Deserialize;
        match what {
            "source" => self.push_source(crate::model::Source::deserialize(de)?, mark, fields),
            "event" => self.push_event(crate::model::Event::deserialize(de)?, mark, fields),
            "rejected" => {
                let r = crate::model::Rejected::deserialize(de)?;
                self.store.rejected.push(r);
            }
            _ => self.push_link(crate::model::Link::deserialize(de)?, mark, fields),
        }
        Ok(())
    }

    /// Files a source read at `mark` (a place number and offset) with the
    /// offsets of its keys.
    fn push_source(&mut self, source: Source, (place, at): Mark, fields: Vec<(Field, usize)>) {
        self.store.sources.push(source);
        self.source_origins.push(place, at, fields);
    }

    /// Files an event as [`Loaded::push_source`] a source, its lists trimmed to their length:
    /// a list read by serde gets room for four at its first element, 480
    /// bytes an event for one actor and one citation, most of a large
    /// store's memory.
    fn push_event(&mut self, mut event: Event, (place, at): Mark, fields: Vec<(Field, usize)>) {
        event.actors.shrink_to_fit();
        event.targets.shrink_to_fit();
        event.tags.shrink_to_fit();
        event.sources.shrink_to_fit();
        self.store.events.push(event);
        self.event_origins.push(place, at, fields);
    }

    /// Files a link as [`Loaded::push_source`] a source.
    fn push_link(&mut self, link: Link, (place, at): Mark, fields: Vec<(Field, usize)>) {
        self.store.links.push(link);
        self.link_origins.push(place, at, fields);
    }
}

/// The record types a store holds.
const RECORDS: [&str; 4] = ["source", "event", "link", "rejected"];

/// Reads a store and validates it record by record: ids, duplicates, dates,
/// references between records. Returns the records that could be read and
/// every problem found; only I/O failures are an `Err`.
///
/// `path` is a folder (every `.toml` below it, in path order), a file, or
/// `-` for JSON Lines on standard input.
///
/// ```
/// use annals::Severity;
///
/// let (loaded, problems) = annals::store::read("events")?;
/// assert_eq!(loaded.store.events.len(), 14);
/// assert!(problems.iter().all(|p| p.severity != Severity::Error));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn read(path: &str) -> Result<(Loaded, Vec<Diagnostic>)> {
    let mut loaded = Loaded::default();
    let mut diags = Vec::new();
    if path == "-" {
        match stdin_file() {
            Some(file) => read_jsonl_file("<stdin>", file, &mut loaded, &mut diags)?,
            None => {
                let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin().lock());
                jsonl::read("<stdin>", stdin, &mut loaded, &mut diags)?;
            }
        }
        loaded.files = 1;
    } else {
        let mut files = Vec::new();
        collect(Path::new(path), &mut files, &mut loaded.skipped)?;
        diags.extend(loaded.skipped.iter().cloned());
        for file in &files {
            let shown = file.display().to_string();
            if is_json(&shown) {
                let f = std::fs::File::open(file).map_err(|e| Error::io(&shown, e))?;
                read_jsonl_file(&shown, f, &mut loaded, &mut diags)?;
                continue;
            }
            let bytes = std::fs::read(file).map_err(|e| Error::io(&shown, e))?;
            let text = match crate::input::utf8(&shown, bytes) {
                Ok(text) => text,
                Err(Error::Invalid(d)) => {
                    diags.extend(d);
                    continue;
                }
                Err(e) => return Err(e),
            };
            read_text(&shown, &text, &mut loaded, &mut diags);
        }
        loaded.files = files.len();
        if !Path::new(path).is_dir() {
            folder_context(Path::new(path), &mut loaded);
        }
    }
    loaded.store.sources.shrink_to_fit();
    loaded.store.events.shrink_to_fit();
    loaded.store.links.shrink_to_fit();
    validate::validate(&loaded, &mut diags);
    diags.sort_by(|a, b| {
        (a.severity, &a.location)
            .cmp(&(b.severity, &b.location))
            .then_with(|| a.message.cmp(&b.message))
    });
    Ok((loaded, diags))
}

/// Standard input as a file of its own (the same open file, read from
/// where standard input stands), so that [`read_jsonl_file`] can count its
/// records when it is a file rather than a pipe.
#[cfg(unix)]
fn stdin_file() -> Option<std::fs::File> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    Some(std::fs::File::from(fd))
}

/// Standard input is read as it comes where it cannot be had as a file.
#[cfg(not(unix))]
fn stdin_file() -> Option<std::fs::File> {
    None
}

/// Reads the JSON Lines of `file` (named `shown` in messages) into
/// `loaded`; when it is a regular file, its records are counted first and
/// the store's vectors made at their size. Grown by doubling as a large
/// store is read, the vector of a million events would be copied into
/// fresh memory twenty times over, and the kernel clears every page of
/// every copy: that was half the CPU time of loading such a store, most of
/// it system time. Counting costs one more read of the file, which the
/// page cache holds.
fn read_jsonl_file(
    shown: &str,
    mut file: std::fs::File,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) -> Result<()> {
    use std::io::{BufReader, Seek, SeekFrom};
    if file.metadata().is_ok_and(|m| m.is_file()) {
        let io = |e| Error::io(shown, e);
        let start = file.stream_position().map_err(io)?;
        let counts = jsonl::count(BufReader::with_capacity(1 << 16, &mut file)).map_err(io)?;
        file.seek(SeekFrom::Start(start)).map_err(io)?;
        loaded.reserve(counts);
    }
    jsonl::read(
        shown,
        BufReader::with_capacity(1 << 16, file),
        loaded,
        diags,
    )
}

/// Reads the text of one store file as [`read`] reads each file, and
/// validates it as a store of that one file. `name` names it in messages;
/// its extension chooses JSON Lines (`.jsonl`, `.json`) or else TOML.
///
/// ```
/// let text = r#"
/// [[event]]
/// id = "rockets-hit-a-house"
/// date = 2020-09-28
/// title = "Rockets hit a house"
/// kind = "assault"
///
/// [[event]]
/// id = "a-protest"
/// title = "A protest"
/// kind = "protest"
/// "#;
/// let (loaded, problems) = annals::store::parse("crisis.toml", text);
/// assert_eq!(loaded.store.events.len(), 1);
/// let missing = "crisis.toml:8:1: error: in this event: missing field `date`";
/// assert!(problems.iter().any(|p| p.to_string().starts_with(missing)));
/// ```
pub fn parse(name: &str, text: &str) -> (Loaded, Vec<Diagnostic>) {
    let mut loaded = Loaded {
        files: 1,
        ..Loaded::default()
    };
    let mut diags = Vec::new();
    read_text(
        name,
        crate::input::without_bom(text),
        &mut loaded,
        &mut diags,
    );
    validate::validate(&loaded, &mut diags);
    (loaded, diags)
}

/// True for a file of JSON Lines (or a timeline document), by its name.
fn is_json(name: &str) -> bool {
    name.ends_with(".jsonl") || name.ends_with(".json")
}

fn read_text(name: &str, text: &str, loaded: &mut Loaded, diags: &mut Vec<Diagnostic>) {
    if is_json(name) {
        // Reading from memory cannot fail.
        let _ = jsonl::read(name, text.as_bytes(), loaded, diags);
    } else {
        toml_file::read(name, text, loaded, diags);
    }
}

/// When one file of a store is read, what its folder holds for it: the
/// sources its events cite that it lacks, taken from the other `.toml`
/// files of its folder (the shipped store keeps them in `sources.toml`),
/// and its links to events of those files, which lead out of the file and
/// are left out. Problems in the other files are theirs and not reported;
/// a source still missing is, by validation.
fn folder_context(file: &Path, loaded: &mut Loaded) {
    let folder = match file.parent() {
        Some(p) if p.as_os_str().is_empty() => Path::new("."),
        Some(p) => p,
        None => return,
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut others: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && p.is_file())
        .filter(|p| !same_file(p, file))
        .collect();
    others.sort();
    // Ids looked up once per source of the other files, through sets built
    // once: a folder of 20,000 sources costs no more than one of a few.
    let cited: HashSet<String> = loaded
        .store
        .events
        .iter()
        .flat_map(|e| e.sources.iter().map(|c| c.id.to_string()))
        .collect();
    let mut have: HashSet<String> = loaded.store.sources.iter().map(|s| s.id.clone()).collect();
    let mut elsewhere = HashSet::new();
    for other in others {
        let Ok(text) = std::fs::read_to_string(&other) else {
            continue;
        };
        let mut scratch = Loaded::default();
        toml_file::read(
            &other.display().to_string(),
            &text,
            &mut scratch,
            &mut Vec::new(),
        );
        elsewhere.extend(scratch.store.events.into_iter().map(|e| e.id));
        let mut shift = None;
        for (i, source) in scratch.store.sources.into_iter().enumerate() {
            if cited.contains(&source.id) && have.insert(source.id.clone()) {
                let shift = *shift.get_or_insert_with(|| {
                    loaded.places.append(std::mem::take(&mut scratch.places))
                });
                let place = scratch.source_origins.place(i) + shift;
                loaded
                    .source_origins
                    .copy(&scratch.source_origins, i, place);
                loaded.store.sources.push(source);
            }
        }
    }
    let here: HashSet<&str> = loaded.store.events.iter().map(|e| e.id.as_str()).collect();
    let outside = |id: &str| !here.contains(id) && elsewhere.contains(id);
    let keep: Vec<bool> = loaded
        .store
        .links
        .iter()
        .map(|l| !outside(&l.from) && !outside(&l.to))
        .collect();
    let mut flags = keep.iter();
    loaded
        .store
        .links
        .retain(|_| *flags.next().unwrap_or(&true));
    loaded
        .link_origins
        .retain(|i| keep.get(i).copied().unwrap_or(true));
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Loads a store, failing with every error found ([`StoreError::Invalid`]);
/// warnings are dropped, except that files discovery skipped are noted on
/// standard error. See [`read`] for what `path` may be.
///
/// ```
/// let store = annals::store::load("events")?;
/// assert!(store.events.len() > 10);
/// let missing = annals::store::load("no/such/folder").unwrap_err();
/// assert_eq!(missing.exit_code(), 2);
/// # Ok::<(), annals::Error>(())
/// ```
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
        Err(StoreError::Invalid(errors).into())
    }
}

/// The store files below `path`, in path order: `.toml` regular files of
/// every folder not hidden. A symbolic link is followed, but each real
/// folder and file is read once, so links that loop end; a FIFO, socket
/// or device named `*.toml` is skipped, as is a broken link, each with a
/// note in `skipped`. `path` itself may be any file.
pub(crate) fn collect(
    path: &Path,
    out: &mut Vec<PathBuf>,
    skipped: &mut Vec<Diagnostic>,
) -> Result<()> {
    let shown = |p: &Path| p.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(shown(path), e))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut seen = HashSet::new();
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
