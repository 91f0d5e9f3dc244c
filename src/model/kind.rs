//! What an event is: the PLOVER categories, with their CAMEO roots and
//! intensities shipped as data in `kinds.toml`.
//!
//! PLOVER is the successor of CAMEO used by current political event data
//! projects; its 18 categories are coarse enough to code reliably from one
//! sentence and fine enough to tell a threat from an attack. `statement` and
//! `other` catch what PLOVER leaves out.

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

super::named!(Kind, "kind");

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

    /// CIE L*a*b* of an sRGB colour as seen with `m` applied in linear RGB
    /// (the identity, or a Machado et al. 2009 dichromacy simulation).
    fn lab(hex: &str, m: &[[f64; 3]; 3]) -> [f64; 3] {
        let lin = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let rgb = [lin(1), lin(3), lin(5)];
        let [r, g, b] = m.map(|row| (0..3).map(|k| row[k] * rgb[k]).sum::<f64>().clamp(0.0, 1.0));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        let (fx, fy, fz) = (f(x), f(y), f(z));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    #[test]
    fn every_kind_colour_stays_apart_for_colour_blind_readers() {
        let vision: [(&str, [[f64; 3]; 3]); 4] = [
            (
                "normal",
                [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
            ),
            (
                "protan",
                [
                    [0.152286, 1.052583, -0.204868],
                    [0.114503, 0.786281, 0.099216],
                    [-0.003882, -0.048116, 1.051998],
                ],
            ),
            (
                "deutan",
                [
                    [0.367322, 0.860646, -0.227968],
                    [0.280085, 0.672501, 0.047413],
                    [-0.011820, 0.042940, 0.968881],
                ],
            ),
            (
                "tritan",
                [
                    [1.255528, -0.076749, -0.178779],
                    [-0.078411, 0.930809, 0.147602],
                    [0.004733, 0.691367, 0.303900],
                ],
            ),
        ];
        let table = kind_table();
        for (i, a) in table.iter().enumerate() {
            for b in &table[i + 1..] {
                for (name, m) in &vision {
                    let (p, q) = (lab(&a.colour, m), lab(&b.colour, m));
                    let de = (0..3).map(|k| (p[k] - q[k]).powi(2)).sum::<f64>().sqrt();
                    assert!(
                        de >= 10.0,
                        "{} and {} differ by only {de:.1} (CIE76) in {name} vision",
                        a.name,
                        b.name
                    );
                }
            }
        }
    }
}
