//! What an actor is: a government, its armed forces, rebels, an
//! international organisation… The roles of the CAMEO actor codes, as the
//! Phoenix dictionaries give them, in plain words.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! roles {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// The role an actor plays, written in lower case kebab form
        /// (`government`, `armed-group`, `igo`).
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            JsonSchema,
        )]
        #[serde(rename_all = "kebab-case")]
        pub enum Role {
            $($(#[$doc])* $variant,)*
        }

        impl Role {
            /// Every role, in declaration order.
            pub const ALL: &'static [Role] = &[$(Role::$variant,)*];

            /// The role's name as written in files (`armed-group`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Role::$variant => $name,)*
                }
            }
        }
    };
}

roles! {
    /// The executive: heads of state and government, ministers, officials
    /// (CAMEO `GOV`).
    Government = "government",
    /// Armed forces of a state (`MIL`).
    Military = "military",
    /// Police and security forces (`COP`).
    Police = "police",
    /// Rebels and separatists (`REB`, `SEP`).
    Rebels = "rebels",
    /// Insurgents (`INS`).
    Insurgents = "insurgents",
    /// Militias, militants and other armed groups of no state (`UAF`,
    /// `IMG`).
    ArmedGroup = "armed-group",
    /// The political opposition (`OPP`).
    Opposition = "opposition",
    /// Protesters and demonstrators (agents such as "protester").
    Protesters = "protesters",
    /// Political parties (`PTY`).
    Party = "party",
    /// Parliaments and their members (`LEG`).
    Legislature = "legislature",
    /// Courts and judges (`JUD`).
    Judiciary = "judiciary",
    /// Intelligence services (`SPY`).
    Intelligence = "intelligence",
    /// Civilians (`CVL`).
    Civilians = "civilians",
    /// Companies and business people (`BUS`, `MNC`).
    Business = "business",
    /// The press (`MED`).
    Media = "media",
    /// Intergovernmental organisations (`IGO`).
    Igo = "igo",
    /// Non-governmental organisations (`NGO`, `NGM`).
    Ngo = "ngo",
    /// Trade unions and workers (`LAB`).
    Labor = "labor",
    /// Schools, universities, students (`EDU`).
    Education = "education",
    /// Health workers and services (`HLH`).
    Health = "health",
    /// Refugees (`REF`).
    Refugees = "refugees",
    /// Criminals (`CRM`).
    Criminals = "criminals",
    /// Elites out of office: former leaders, prominent figures (`ELI`).
    Elite = "elite",
    /// Religious bodies and leaders (`REL`).
    Religious = "religious",
    /// Human rights and environmental activists (`HRI`, `ENV`).
    Activists = "activists",
    /// Farmers (`AGR`).
    Agriculture = "agriculture",
    /// Development workers and agencies (`DEV`).
    Development = "development",
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is no [`Role`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role `{0}`: expected one of government, military, police, rebels, …")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Role, UnknownRole> {
        Role::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRole(s.to_string()))
    }
}
