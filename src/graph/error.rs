//! What can go wrong in the graph layer.

/// A question the graph cannot answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GraphError {
    /// An event id that the store does not have, with the closest id it
    /// has when one is close enough to be a likely typo.
    #[error("no event `{id}` in the store{}", .closest.as_ref().map_or_else(String::new, |c| format!("; did you mean `{c}`?")))]
    UnknownEvent {
        /// The id asked for.
        id: String,
        /// The closest id of the store, if any is close.
        closest: Option<String>,
    },
}
