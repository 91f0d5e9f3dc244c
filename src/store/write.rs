//! Writing extracted stores: TOML for people, JSON for programs, written
//! atomically, and never over a person's edits.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Store;

use super::StoreError;

/// The store as a TOML store file, with a header saying where it came from.
///
/// ```
/// let store = annals::store::load("events")?;
/// let text = annals::store::write::toml_text(&store)?;
/// let (again, _) = annals::store::parse("again.toml", &text);
/// assert_eq!(again.store.events, store.events);
/// # Ok::<(), annals::Error>(())
/// ```
pub fn toml_text(store: &Store) -> Result<String> {
    let mut out = String::from("# Extracted by `annals extract`. Edit freely: `annals extract --update`\n# keeps what you change here and only adds new findings.\n\n");
    out.push_str(&records_toml(store)?);
    Ok(out)
}

/// The records of `store` as TOML tables, each serialized on its own: the
/// serializer's time grows with the square of one document's size, so a
/// large store is written as many small documents, which read as one.
pub(crate) fn records_toml(store: &Store) -> Result<String> {
    fn push<T: serde::Serialize>(out: &mut String, name: &str, records: &[T]) -> Result<()> {
        for r in records {
            let one = std::collections::BTreeMap::from([(name, [r])]);
            if !out.is_empty() {
                out.push('\n');
            }
            let text = toml::to_string_pretty(&one).map_err(|e| unwritable("TOML", &e))?;
            out.push_str(&text);
        }
        Ok(())
    }
    let mut out = String::new();
    push(&mut out, "source", &store.sources)?;
    push(&mut out, "event", &store.events)?;
    push(&mut out, "link", &store.links)?;
    push(&mut out, "rejected", &store.rejected)?;
    Ok(out)
}

/// The store as pretty JSON.
pub fn json_text(store: &Store) -> Result<String> {
    let mut s = serde_json::to_string_pretty(store).map_err(|e| unwritable("JSON", &e))?;
    s.push('\n');
    Ok(s)
}

/// The error for a store the serializer refuses (a value the format
/// cannot hold).
fn unwritable(format: &'static str, e: &dyn std::fmt::Display) -> Error {
    Error::Store(StoreError::Unwritable {
        format,
        reason: e.to_string(),
    })
}

/// The prefix of temporary files: hidden, so a store read never sees them,
/// and recognisable, so [`sweep`] can remove those a killed run left.
const TMP_PREFIX: &str = ".annals-tmp-";

/// How old a temporary file must be before [`sweep`] takes it for the
/// leftover of a killed run rather than a write in progress.
const STALE: std::time::Duration = std::time::Duration::from_secs(600);

/// Whether a write may replace an existing file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Only create: an existing file (even one created a moment ago by
    /// another run) is left alone and reported.
    CreateNew,
    /// Replace the file, keeping its permissions.
    Replace,
}

/// The exclusive lock of a store folder, held from reading a file to
/// renaming its replacement so that two `--update` runs take turns. It
/// lives in the hidden file `.annals.lock` of the folder (left there: the
/// lock is on the open file, not on its existence) and ends when dropped.
pub(crate) struct FolderLock {
    _file: std::fs::File,
}

/// Waits for and takes the lock of the store folder `dir`.
pub(crate) fn lock_folder(dir: &Path) -> Result<FolderLock> {
    let path = dir.join(".annals.lock");
    let shown = path.display().to_string();
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&shown, e))?;
    fs4::FileExt::lock(&file).map_err(|e| Error::io(&shown, e))?;
    Ok(FolderLock { _file: file })
}

/// Removes the temporary files a killed write left in `dir` (older than
/// ten minutes, so another run's write in progress is safe).
pub(crate) fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let ours = entry.file_name().to_string_lossy().starts_with(TMP_PREFIX);
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE);
        if ours && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The file a write to `path` must change: the target of a symbolic link
/// (so the link stays a link), else `path` itself.
fn real_target(path: &Path) -> std::path::PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        if let Ok(real) = std::fs::canonicalize(path) {
            return real;
        }
    }
    path.to_path_buf()
}

/// Writes `text` to `path` through a temporary file in the same folder,
/// flushed to disk, and a rename, so that a reader never sees half a file
/// and a crash leaves the old file or the new one. A symbolic link is
/// written through (its target changes); the file's permissions are kept,
/// and a new file gets the usual ones (as the umask allows). With
/// [`Mode::CreateNew`] the rename refuses to replace a file that appeared
/// meanwhile: no check-then-write race.
pub(crate) fn atomic_write(path: &Path, text: &str, mode: Mode) -> Result<()> {
    let shown = path.display().to_string();
    let io = |e| Error::io(&shown, e);
    let target = real_target(path);
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let old = std::fs::metadata(&target).ok();
    let mut builder = tempfile::Builder::new();
    builder.prefix(TMP_PREFIX);
    #[cfg(unix)]
    {
        // Applied at creation, through the umask: the usual mode of a new file.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    if let Some(m) = &old {
        tmp.as_file().set_permissions(m.permissions()).map_err(io)?;
    }
    tmp.write_all(text.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    match mode {
        Mode::CreateNew => tmp.persist_noclobber(&target).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                exists_error(path)
            } else {
                io(e.error)
            }
        })?,
        Mode::Replace => tmp.persist(&target).map_err(|e| io(e.error))?,
    };
    sync_dir(dir);
    Ok(())
}

/// Flushes a folder's entries, so a rename survives a crash (Unix; a no-op
/// where folders cannot be opened).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// True when `path` has other hard links, which a rename would break.
fn hard_linked(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).is_ok_and(|m| m.nlink() > 1)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Appends `addition` to the file at `path` in place, flushed to disk:
/// for a file with other hard links, which must all see the change.
fn append_in_place(path: &Path, addition: &str) -> Result<()> {
    let shown = path.display().to_string();
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(|e| Error::io(&shown, e))?;
    f.write_all(addition.as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(|e| Error::io(&shown, e))
}

/// Merges new findings into the store file at `path`: its text is kept as
/// it is, byte for byte, and only events whose ids it lacks, and links
/// between events it then has that it lacks, are appended. Returns how many
/// events and links were added. Hold the folder's lock ([`lock_folder`])
/// around it when another run may write the same file. A file with other
/// hard links is appended to in place, so every link sees the change (a
/// kill in the middle may then leave a partial addition, which `annals
/// check` reports); any other file is replaced atomically.
pub(crate) fn update(path: &Path, found: &Store) -> Result<(usize, usize)> {
    let shown = path.display().to_string();
    let existing_text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, e))?;
    let existing: Store = toml::from_str(&existing_text).map_err(|e| {
        Error::Store(super::StoreError::Invalid(vec![crate::error::toml_error(
            &shown,
            &existing_text,
            0,
            &e,
            |m| format!("cannot update: the file is not a valid store ({m})"),
        )
        .with_help(
            "fix the file (annals check shows every problem), then update it again",
        )]))
    })?;
    let ids: HashSet<&str> = existing.events.iter().map(|e| e.id.as_str()).collect();
    let mut add = Store::default();
    if existing
        .sources
        .iter()
        .all(|s| found.sources.iter().all(|f| f.id != s.id))
    {
        add.sources = found.sources.clone();
    }
    add.events = found
        .events
        .iter()
        .filter(|e| !ids.contains(e.id.as_str()))
        .cloned()
        .collect();
    let all: HashSet<&str> = ids
        .iter()
        .copied()
        .chain(add.events.iter().map(|e| e.id.as_str()))
        .collect();
    let have: HashSet<(&str, &str)> = existing
        .links
        .iter()
        .map(|l| (l.from.as_str(), l.to.as_str()))
        .collect();
    add.links = found
        .links
        .iter()
        .filter(|l| {
            all.contains(l.from.as_str())
                && all.contains(l.to.as_str())
                && !have.contains(&(l.from.as_str(), l.to.as_str()))
        })
        .cloned()
        .collect();
    let (events, links) = (add.events.len(), add.links.len());
    if events + links + add.sources.len() == 0 {
        return Ok((0, 0));
    }
    let mut addition = String::new();
    if !existing_text.ends_with('\n') {
        addition.push('\n');
    }
    addition.push_str("\n# Added by `annals extract --update`.\n");
    addition.push_str(&records_toml(&add)?);
    if hard_linked(path) {
        append_in_place(path, &addition)?;
    } else {
        atomic_write(path, &(existing_text + &addition), Mode::Replace)?;
    }
    Ok((events, links))
}

/// The error for an existing file that is to be created, not updated.
pub(crate) fn exists_error(path: &Path) -> Error {
    Error::Store(StoreError::Exists(vec![path.to_path_buf()]))
}

/// What writing one store file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file.
    pub path: PathBuf,
    /// Events written, or added to an existing file.
    pub events: usize,
    /// Links written, or added to an existing file.
    pub links: usize,
    /// True when an existing file was updated, not created.
    pub updated: bool,
}

/// The file a store is written to in the folder `dir`:
/// `<source-id>.toml`, or `article.toml` for a store without a source.
pub(crate) fn file_for(dir: &Path, store: &Store) -> PathBuf {
    let id = store.sources.first().map_or("article", |s| s.id.as_str());
    dir.join(format!("{id}.toml"))
}

/// Writes each store to its file in `dir` (`<source-id>.toml`), creating
/// the folder, and reports each file written to `done` as it is. Without
/// `update` no file may exist (checked up front, and again by each create,
/// so a file another run makes meanwhile is not overwritten); with it, the
/// folder is locked and each existing file read, merged (as `update` does) and
/// replaced in turn.
///
/// ```
/// use annals::extract::{extract, Article, Lexicon};
/// use annals::store::{write::write_stores, StoreError};
///
/// let published = chrono::NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
/// let article = Article::new("embassy", published, "Rockets hit the embassy on Sunday.");
/// let stores = [extract(&article, Lexicon::shipped())];
/// let dir = tempfile::tempdir().unwrap();
/// write_stores(dir.path(), &stores, false, &mut |w| assert!(!w.updated))?;
/// // Written once, the file is not overwritten but may be updated.
/// let again = write_stores(dir.path(), &stores, false, &mut |_| {});
/// assert!(matches!(again, Err(annals::Error::Store(StoreError::Exists(_)))));
/// write_stores(dir.path(), &stores, true, &mut |w| assert!(w.updated))?;
/// # Ok::<(), annals::Error>(())
/// ```
pub fn write_stores(
    dir: &Path,
    stores: &[Store],
    update_existing: bool,
    done: &mut dyn FnMut(&Written),
) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display().to_string(), e))?;
    let _lock = update_existing.then(|| lock_folder(dir)).transpose()?;
    sweep(dir);
    if !update_existing {
        let existing: Vec<PathBuf> = stores
            .iter()
            .map(|s| file_for(dir, s))
            .filter(|p| p.exists())
            .collect();
        if !existing.is_empty() {
            return Err(Error::Store(StoreError::Exists(existing)));
        }
    }
    for s in stores {
        let path = file_for(dir, s);
        let written = if update_existing && path.exists() {
            let (events, links) = update(&path, s)?;
            Written {
                path,
                events,
                links,
                updated: true,
            }
        } else {
            atomic_write(&path, &toml_text(s)?, Mode::CreateNew)?;
            Written {
                path,
                events: s.events.len(),
                links: s.links.len(),
                updated: false,
            }
        };
        done(&written);
    }
    Ok(())
}
