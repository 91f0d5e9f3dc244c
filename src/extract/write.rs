//! Writing extracted stores: TOML for people, JSON for programs, written
//! atomically, and never over a person's edits.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use crate::error::{Diagnostic, Error, Location, Result};
use crate::model::Store;

/// The store as a TOML store file, with a header saying where it came from.
pub fn toml_text(store: &Store) -> String {
    let mut out = String::from("# Extracted by `annals extract`. Edit freely: `annals extract --update`\n# keeps what you change here and only adds new findings.\n\n");
    out.push_str(&toml::to_string_pretty(store).unwrap_or_default());
    out
}

/// The store as pretty JSON.
pub fn json_text(store: &Store) -> String {
    let mut s = serde_json::to_string_pretty(store).unwrap_or_default();
    s.push('\n');
    s
}

/// Writes `text` to `path` through a temporary file in the same folder and
/// a rename, so that a reader never sees half a file.
pub fn atomic_write(path: &Path, text: &str) -> Result<()> {
    let shown = path.display().to_string();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(&shown, e))?;
    tmp.write_all(text.as_bytes())
        .map_err(|e| Error::io(&shown, e))?;
    tmp.persist(path).map_err(|e| Error::io(&shown, e.error))?;
    Ok(())
}

/// Merges new findings into the store file at `path`: its text is kept as
/// it is, byte for byte, and only events whose ids it lacks, and links
/// between events it then has that it lacks, are appended. Returns how many
/// events and links were added.
pub fn update(path: &Path, found: &Store) -> Result<(usize, usize)> {
    let shown = path.display().to_string();
    let existing_text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, e))?;
    let existing: Store = toml::from_str(&existing_text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        Error::Invalid(vec![Diagnostic::error(
            Some(crate::store::LineIndex::new(&shown, &existing_text).location(at)),
            format!(
                "cannot update: the file is not a valid store ({})",
                e.message().trim()
            ),
        )
        .with_help(
            "fix the file (annals check shows every problem), then run --update again",
        )])
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
    let mut text = existing_text;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("\n# Added by `annals extract --update`.\n");
    text.push_str(&toml::to_string_pretty(&add).unwrap_or_default());
    atomic_write(path, &text)?;
    Ok((events, links))
}

/// The error for an existing file without `--update`.
pub fn exists_error(path: &Path) -> Error {
    Error::Invalid(vec![Diagnostic::error(Some(Location::Path(path.display().to_string())), "the file exists; nothing was written")
        .with_help("run again with --update to add new findings and keep your edits, or choose another --out folder")])
}
