//! Reading the event store: a folder of TOML files, one file, or JSON Lines.
//!
//! (First cut: plain serde, no positions. To be replaced by the spanned
//! loader that reports every problem with file:line:column.)

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Location, Result};
use crate::model::Store;

/// Loads a store from a folder (every `.toml` below it, in path order), a
/// single file, or `-` for JSON Lines on standard input.
pub fn load(path: &str) -> Result<Store> {
    if path == "-" {
        return Err(Error::Usage(
            "reading JSON Lines from standard input is not supported yet".into(),
        ));
    }
    let mut files = Vec::new();
    collect(Path::new(path), &mut files)?;
    let mut store = Store::default();
    let mut diags = Vec::new();
    for file in files {
        let shown = file.display().to_string();
        let text = std::fs::read_to_string(&file).map_err(|e| Error::io(&shown, e))?;
        match toml::from_str::<Store>(&text) {
            Ok(s) => {
                store.sources.extend(s.sources);
                store.events.extend(s.events);
                store.links.extend(s.links);
            }
            Err(e) => diags.push(Diagnostic::error(
                Some(Location::Path(shown)),
                e.message().to_string(),
            )),
        }
    }
    if diags.is_empty() {
        Ok(store)
    } else {
        Err(Error::Invalid(diags))
    }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path.display().to_string(), e))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Error::io(path.display().to_string(), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
    Ok(())
}
