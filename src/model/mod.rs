//! The data model: events, their dates and kinds, sources and links.

pub mod date;
pub mod event;
pub mod kind;

pub use date::{Certainty, DateError, EventDate, Granularity, Part};
pub use event::{is_valid_id, Actor, Citation, Event, Link, Mode, Relation, Source, Store};
pub use kind::{kind_table, Kind, KindInfo};
