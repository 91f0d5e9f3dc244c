//! What an event is: the PLOVER categories, with their CAMEO roots and
//! intensities shipped as data in `kinds.toml`.
//!
//! PLOVER is the successor of CAMEO used by current political event data
//! projects; its 18 categories are coarse enough to code reliably from one
//! sentence and fine enough to tell a threat from an attack. `statement` and
//! `other` catch what PLOVER leaves out.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// An event kind: one of the 18 PLOVER categories, `statement` or `other`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Kind {
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Investigate,
    Request,
    Disapprove,
    Reject,
    Threaten,
    Sanction,
    Protest,
    Crime,
    Mobilize,
    Coerce,
    Assault,
    Statement,
    Other,
}

impl Kind {
    /// Every kind, in the order of `kinds.toml`.
    pub const ALL: [Kind; 20] = [
        Kind::Agree,
        Kind::Consult,
        Kind::Support,
        Kind::Concede,
        Kind::Cooperate,
        Kind::Aid,
        Kind::Retreat,
        Kind::Investigate,
        Kind::Request,
        Kind::Disapprove,
        Kind::Reject,
        Kind::Threaten,
        Kind::Sanction,
        Kind::Protest,
        Kind::Crime,
        Kind::Mobilize,
        Kind::Coerce,
        Kind::Assault,
        Kind::Statement,
        Kind::Other,
    ];

    /// The lowercase name used in the store.
    pub fn as_str(self) -> &'static str {
        self.info().name.as_str()
    }

    /// The kind's row in the shipped table.
    pub fn info(self) -> &'static KindInfo {
        let i = Kind::ALL.iter().position(|k| *k == self).unwrap_or(0);
        &kind_table()[i]
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Kind, String> {
        let s = s.trim().to_ascii_lowercase();
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown kind `{s}`; use one of {}", names.join(", "))
            })
    }
}

/// One row of `kinds.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KindInfo {
    /// The kind's name.
    pub name: String,
    /// What it covers, for `--help` and the README.
    pub description: String,
    /// CAMEO codes (roots or full codes) the kind covers.
    pub cameo: Vec<String>,
    /// Goldstein-style intensity, -10 (most hostile) to +10.
    pub intensity: f64,
    /// Fill colour in DOT diagrams.
    pub colour: String,
}

/// The shipped kind table, parsed once. A unit test checks that it lists
/// every [`Kind`] in order, so the lookup in [`Kind::info`] cannot miss.
pub fn kind_table() -> &'static [KindInfo] {
    static TABLE: OnceLock<Vec<KindInfo>> = OnceLock::new();
    TABLE.get_or_init(|| {
        #[derive(Deserialize)]
        struct File {
            kind: Vec<KindInfo>,
        }
        toml::from_str::<File>(include_str!("kinds.toml"))
            .map(|f| f.kind)
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lists_every_kind_in_order() {
        let table = kind_table();
        assert_eq!(table.len(), Kind::ALL.len());
        for (k, row) in Kind::ALL.iter().zip(table) {
            let expected = serde_json::to_value(k).unwrap();
            assert_eq!(expected.as_str(), Some(row.name.as_str()));
        }
    }
}
