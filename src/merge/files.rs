//! A merged store written as a store folder: one file a source, as
//! `annals extract --out` writes ([`by_source`](super::by_source)), and
//! the rejected list in [`REJECTED_FILE`].

use std::path::Path;

use crate::error::Result;
use crate::model::{Rejected, Store};
use crate::store::write::{self, Written};

/// The file of a store folder that holds its `[[rejected]]` list.
pub const REJECTED_FILE: &str = "rejected.toml";

/// The rejected list as a store file.
pub fn rejected_text(rejected: &[Rejected]) -> Result<String> {
    let store = Store {
        rejected: rejected.to_vec(),
        ..Store::default()
    };
    let body = write::records_toml(&store)?;
    Ok(format!(
        "# Events deleted from this store: `annals extract --update` and\n# `annals merge` never bring them back. Remove a table to allow it again.\n\n{body}"
    ))
}

/// Writes `store` (merged) into the folder `dir`, which must not hold any
/// of its files, each file reported to `done`.
pub fn write_new(dir: &Path, store: Store, done: &mut dyn FnMut(&Written)) -> Result<()> {
    let (stores, rejected) = super::by_source(store);
    write::write_stores(dir, &stores, false, done)?;
    if !rejected.is_empty() {
        let path = dir.join(REJECTED_FILE);
        write::atomic_write(&path, &rejected_text(&rejected)?, write::Mode::CreateNew)?;
    }
    Ok(())
}
