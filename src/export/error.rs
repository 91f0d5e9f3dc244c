//! What can go wrong in the export layer.

/// An export that cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// serde refused a record (what it said): nothing is written rather
    /// than an empty or partial record.
    #[error("the record cannot be written as JSON: {0} (a bug in annals: please report it with the store)")]
    Unwritable(String),
}
