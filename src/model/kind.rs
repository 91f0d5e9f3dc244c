//! What an event is: the PLOVER categories, with their CAMEO roots and
//! intensities shipped as data in `kinds.toml`.
//!
//! PLOVER is the successor of CAMEO used by current political event data
//! projects; its 18 categories are coarse enough to code reliably from one
//! sentence and fine enough to tell a threat from an attack. `statement` and
//! `other` catch what PLOVER leaves out.

use std::sync::OnceLock;

use crate::error::Diagnostic;

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
    pub(crate) fn info(self) -> &'static KindInfo {
        let i = Kind::ALL.iter().position(|k| *k == self).unwrap_or(0);
        &kind_table()[i]
    }
}

super::named!(Kind, "kind");

/// One row of `kinds.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct KindInfo {
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
    /// False for an act done together, where who is the actor and who the
    /// target tells nothing ("A meets B" is "B meets A"); true (the
    /// default) for an act with a direction, whose actor and target are
    /// different participants ("A calls on B" is not "B calls on A").
    #[serde(default = "directed")]
    pub directed: bool,
}

fn directed() -> bool {
    true
}

/// The shipped kind table, parsed once. A unit test checks that it lists
/// every [`Kind`] in order, so the lookup in [`Kind::info`] cannot miss.
pub(crate) fn kind_table() -> &'static [KindInfo] {
    static TABLE: OnceLock<Vec<KindInfo>> = OnceLock::new();
    TABLE.get_or_init(|| crate::error::shipped(load_shipped_table()))
}

/// Parses the shipped kind table: what is wrong with it, located.
pub(crate) fn load_shipped_table() -> Result<Vec<KindInfo>, Diagnostic> {
    load_table(PATH, include_str!("kinds.toml"))
}

/// Where the shipped kind table is, for messages.
const PATH: &str = "src/model/kinds.toml";

/// Parses a kind table read from `path`: a table that does not parse, or
/// does not list every [`Kind`] in order, is an error located in the file.
pub(crate) fn load_table(path: &str, text: &str) -> Result<Vec<KindInfo>, Diagnostic> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        kind: Vec<KindInfo>,
    }
    let file = toml::from_str::<File>(text).map_err(|e| {
        crate::error::toml_error(path, text, 0, &e, |m| format!("bad kind table: {m}"))
            .with_help("each [[kind]] has the fields of the shipped src/model/kinds.toml")
    })?;
    // The names serde gives the kinds, which the rows must be, in order.
    let names: Vec<String> = Kind::ALL
        .iter()
        .filter_map(|k| serde_json::to_value(k).ok()?.as_str().map(str::to_string))
        .collect();
    for n in 0..file.kind.len().max(names.len()) {
        let have = file.kind.get(n).map(|r| r.name.as_str());
        let want = names.get(n).map(String::as_str);
        if have != want {
            return Err(misplaced(path, text, n, have, want));
        }
    }
    Ok(file.kind)
}

/// The error for row `n` of a kind table, which has `have` where the
/// kinds' order wants `want` (`None`: no row).
fn misplaced(
    path: &str,
    text: &str,
    n: usize,
    have: Option<&str>,
    want: Option<&str>,
) -> Diagnostic {
    let offset = text
        .match_indices("[[kind]]")
        .nth(n)
        .map_or(text.len(), |(i, _)| i);
    let said =
        |name: Option<&str>| name.map_or_else(|| "nothing".to_string(), |k| format!("`{k}`"));
    Diagnostic::error(
        Some(crate::error::FileLines::new(path, text).location(offset)),
        format!(
            "kind {} of the table is {}, expected {}",
            n + 1,
            said(have),
            said(want)
        ),
    )
    .with_help("list every kind once, in the order of model::Kind")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_out_of_order_is_an_error_at_its_row() {
        let shipped = include_str!("kinds.toml");
        let swapped = shipped.replacen("name = \"agree\"", "name = \"other\"", 1);
        let e = load_table("kinds.toml", &swapped).unwrap_err().to_string();
        assert!(e.starts_with("kinds.toml:"), "{e}");
        assert!(
            e.contains("kind 1 of the table is `other`, expected `agree`"),
            "{e}"
        );
        let cut = &shipped[..shipped.rfind("[[kind]]").unwrap()];
        let e = load_table("kinds.toml", cut).unwrap_err().to_string();
        assert!(e.contains("is nothing, expected `other`"), "{e}");
        let typo = shipped.replacen("\nintensity =", "\nintensty =", 1);
        let e = load_table("kinds.toml", &typo).unwrap_err().to_string();
        assert!(e.contains("bad kind table") && e.contains("help:"), "{e}");
    }

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
