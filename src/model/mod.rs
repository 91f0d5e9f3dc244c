//! The data model: events, their dates and kinds, sources and links.

pub mod date;
mod event;
pub(crate) mod kind;
mod role;

pub use date::{Certainty, DateError, EventDate, Granularity, Part, Season, Unit};
pub(crate) use event::is_valid_id;
pub use event::{
    Actor, Citation, Claim, Discrepancy, Event, Link, Mode, Rejected, Relation, Source, Store,
    LINK_END,
};
pub(crate) use kind::kind_table;
pub use kind::Kind;
pub use role::{Role, UnknownRole};

/// The text of a short field that a store repeats for every record: ids,
/// actor names and countries, places, a citation's source id and quote, a
/// link's ends and evidence. Up to 24 bytes it is kept in place (most such
/// fields are that short), so a store of a million events does not make
/// ten small allocations an event; longer text lives on the heap as a
/// `String` would. It reads as a `str` (`&*text`, `text.as_str()`) and is
/// made from one with `.into()`.
pub type Text = compact_str::CompactString;

/// A name that is not one of a closed set: an unknown event kind or mode.
/// `FromStr` of [`Kind`] and [`Mode`] returns it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{name}`; use one of {}", .choices.join(", "))]
pub struct UnknownName {
    /// What was named: `kind`, `mode`.
    pub what: &'static str,
    /// The name given, trimmed and lowercased.
    pub name: String,
    /// The names there are.
    pub choices: Vec<&'static str>,
}

/// `Display` as the name, and `FromStr` from it ([`by_name`]), for a
/// closed set with `ALL` and `as_str`.
macro_rules! named {
    ($t:ident, $what:literal) => {
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $t {
            type Err = $crate::model::UnknownName;
            fn from_str(s: &str) -> Result<$t, $crate::model::UnknownName> {
                $crate::model::by_name($what, s, &$t::ALL, $t::as_str)
            }
        }
    };
}
use named;

/// The one of `all` whose name (`name_of`) is `text`, ignoring case and
/// surrounding space.
fn by_name<T: Copy>(
    what: &'static str,
    text: &str,
    all: &[T],
    name_of: fn(T) -> &'static str,
) -> Result<T, UnknownName> {
    let name = text.trim().to_ascii_lowercase();
    all.iter()
        .copied()
        .find(|x| name_of(*x) == name)
        .ok_or_else(|| UnknownName {
            what,
            name,
            choices: all.iter().map(|x| name_of(*x)).collect(),
        })
}

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
