//! Editing a person's store files in place: citations added to events
//! that are already written, every other byte of the file kept (what
//! `annals extract --update` does to a known happening's event).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::StoreError;
use crate::error::{Diagnostic, Error, FileLines, Location, Result};
use crate::model::Citation;

/// The TOML document of the store file `path`, for editing; a file that
/// does not parse is an error at its line and column (it changed since it
/// was loaded, or holds what the editor cannot keep).
fn parse(path: &str, text: &str) -> Result<toml_edit::DocumentMut> {
    text.parse().map_err(|e: toml_edit::TomlError| {
        let at = FileLines::new(path, text).location(e.span().map_or(0, |s| s.start));
        Error::Store(StoreError::Invalid(vec![Diagnostic::error(
            Some(at),
            format!(
                "cannot add new sources to this file, it is not TOML: {}",
                e.message().trim()
            ),
        )
        .with_help(
            "fix the TOML syntax (see https://toml.io), then update again",
        )]))
    })
}

/// Adds `cites` to the event `id` of the TOML document `doc`, read from
/// `path`; false when the document has no such event.
fn attach_in(
    doc: &mut toml_edit::DocumentMut,
    path: &str,
    id: &str,
    cites: &[Citation],
) -> Result<bool> {
    let at = || Some(Location::Path(path.to_string()));
    let Some(events) = doc
        .get_mut("event")
        .and_then(|e| e.as_array_of_tables_mut())
    else {
        return Ok(false);
    };
    let Some(event) = events
        .iter_mut()
        .find(|t| t.get("id").and_then(|v| v.as_str()) == Some(id))
    else {
        return Ok(false);
    };
    let mut list = match event.remove("sources") {
        Some(toml_edit::Item::ArrayOfTables(a)) => a,
        Some(other) => {
            event.insert("sources", other);
            return Err(Error::Store(StoreError::Invalid(vec![Diagnostic::error(
                at(),
                format!("cannot add sources to event `{id}`: its `sources` is not written as [[event.sources]] tables"),
            )
            .with_help("write its sources as [[event.sources]] tables, then update again")])));
        }
        None => toml_edit::ArrayOfTables::new(),
    };
    let unwritable = |e: &dyn std::fmt::Display| {
        Error::Store(StoreError::Invalid(vec![Diagnostic::error(
            at(),
            format!("a citation of event `{id}` cannot be written: {e}"),
        )
        .with_help(
            "this is a bug in annals: please report it with the article",
        )]))
    };
    for c in cites {
        let text = toml::to_string(c).map_err(|e| unwritable(&e))?;
        let table: toml_edit::DocumentMut = text.parse().map_err(|e| unwritable(&e))?;
        list.push(table.as_table().clone());
    }
    event.insert("sources", toml_edit::Item::ArrayOfTables(list));
    Ok(true)
}

/// Adds the citations of `attach` to their events in the store files of
/// `dir`, each file changed replaced atomically, every other byte kept.
pub(crate) fn attach_all(dir: &Path, attach: &BTreeMap<String, Vec<Citation>>) -> Result<()> {
    let mut files: Vec<PathBuf> = Vec::new();
    crate::store::collect(dir, &mut files, &mut Vec::new())?;
    let mut left: BTreeMap<&str, &Vec<Citation>> =
        attach.iter().map(|(k, v)| (k.as_str(), v)).collect();
    for path in files {
        if left.is_empty() {
            break;
        }
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&shown, e))?;
        let mut doc = parse(&shown, &text)?;
        let mut changed = false;
        let ids: Vec<&str> = left.keys().copied().collect();
        for id in ids {
            if attach_in(&mut doc, &shown, id, left[id])? {
                changed = true;
                left.remove(id);
            }
        }
        if changed {
            super::write::atomic_write(&path, &doc.to_string(), super::write::Mode::Replace)?;
        }
    }
    match left.keys().next() {
        None => Ok(()),
        Some(id) => Err(Error::Store(StoreError::Invalid(vec![Diagnostic::error(
            Some(Location::Path(dir.display().to_string())),
            format!("event `{id}` was not found in any store file to add its new sources"),
        )
        .with_help("the folder changed while it was updated (an event removed or renamed): run the update again")]))),
    }
}

#[cfg(test)]
mod tests {
    use super::attach_all;
    use crate::model::Citation;
    use std::collections::BTreeMap;

    const EVENT: &str = "[[event]]\nid = \"e\"\ndate = 2020-09-27\ntitle = \"Rockets hit\"\nkind = \"assault\"\n\n[[event.sources]]\nid = \"a\"\n";

    fn citation(id: &str) -> BTreeMap<String, Vec<Citation>> {
        let cite = Citation {
            id: "b".into(),
            quote: "Rockets hit.".into(),
            span: None,
            trigger: None,
        };
        BTreeMap::from([(id.to_string(), vec![cite])])
    }

    #[test]
    fn a_file_that_is_not_toml_is_an_error_at_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let (good, bad) = (dir.path().join("a.toml"), dir.path().join("b.toml"));
        std::fs::write(&good, EVENT).unwrap();
        std::fs::write(&bad, "# changed\n[[event]]\nid = \"f\n").unwrap();
        let e = attach_all(dir.path(), &citation("f"))
            .unwrap_err()
            .to_string();
        let at = format!("{}:3:", bad.display());
        assert!(e.contains(&at) && e.contains("not TOML"), "{e}");
        assert_eq!(std::fs::read_to_string(&good).unwrap(), EVENT);
    }

    #[test]
    fn a_citation_is_added_and_every_other_byte_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        let text = format!("# a person's note\n{EVENT}quote = \"kept  as written\"\n");
        std::fs::write(&path, &text).unwrap();
        attach_all(dir.path(), &citation("e")).unwrap();
        let after = std::fs::read_to_string(&path).unwrap();
        let added = "\n[[event.sources]]\nid = \"b\"\nquote = \"Rockets hit.\"\n";
        assert_eq!(after, format!("{text}{added}"));
    }
}
