//! The data model: events, their dates and kinds, sources and links.

pub mod date;
pub mod event;
pub mod kind;
pub mod role;

pub use date::{season_start, Certainty, DateError, EventDate, Granularity, Part, Season, Unit};
pub use event::{is_valid_id, Actor, Citation, Event, Link, Mode, Relation, Source, Store};
pub use kind::{kind_table, Kind, KindInfo};
pub use role::{Role, UnknownRole};

/// The JSON Schema of a store (`{"source": [...], "event": [...], "link":
/// [...]}`), the same shape as a TOML store file. Published as
/// `docs/annals.schema.json` so that other tools can validate what they
/// write for annals; a test keeps the file in step with the code.
pub fn store_schema() -> String {
    let schema = schemars::schema_for!(Store);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
