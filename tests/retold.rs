//! One happening told several times in one article is one event
//! (`src/extract/retold.rs`), from `tests/data/retold_cases.toml`: the
//! trigger words of `one` are mentions of one event, those of `apart`
//! of as many events.

use annals::model::Event;
use serde::Deserialize;

use crate::extract_rules::{by_trigger, store};
use crate::util::root;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    rule: String,
    text: String,
    /// Trigger words that must be cited by one event.
    #[serde(default)]
    one: Vec<String>,
    /// Trigger words that must each be cited by an event of its own.
    #[serde(default)]
    apart: Vec<String>,
    /// The mode of the event of `one`.
    mode: Option<String>,
    /// Its date.
    date: Option<String>,
    /// Whether it is only an end of a causal link.
    link_end: Option<bool>,
}

fn check(c: &Case) -> Result<(), String> {
    let s = store(&c.text);
    let titles: Vec<&str> = s.events.iter().map(|e| e.title.as_str()).collect();
    let find = |w: &String| {
        by_trigger(&s, &c.text, w).ok_or_else(|| format!("no event at {w:?}; events: {titles:?}"))
    };
    let apart: Vec<&Event> = c.apart.iter().map(find).collect::<Result<_, _>>()?;
    for (i, a) in apart.iter().enumerate() {
        if let Some(b) = apart[i + 1..].iter().find(|b| b.id == a.id) {
            return Err(format!(
                "{:?} and {:?} are one event: {}",
                a.title, b.title, a.id
            ));
        }
    }
    let one: Vec<&Event> = c.one.iter().map(find).collect::<Result<_, _>>()?;
    let Some(first) = one.first() else {
        return Ok(());
    };
    if let Some(other) = one.iter().find(|e| e.id != first.id) {
        return Err(format!(
            "two events: {:?} and {:?}",
            first.title, other.title
        ));
    }
    if first.sources.len() < one.len() {
        return Err(format!(
            "{} cites {} mentions",
            first.id,
            first.sources.len()
        ));
    }
    if let Some(m) = &c.mode {
        if first.mode.as_str() != m {
            return Err(format!("mode {}", first.mode));
        }
    }
    if let Some(d) = &c.date {
        if first.date.as_str() != d {
            return Err(format!("date {}", first.date));
        }
    }
    if let Some(l) = c.link_end {
        if first.is_link_end() != l {
            return Err(format!("link end: {}", first.is_link_end()));
        }
    }
    if s.links.iter().any(|l| l.from == l.to) {
        return Err("a self-link".into());
    }
    Ok(())
}

#[test]
fn mentions_of_one_happening_are_one_event() {
    let text = std::fs::read_to_string(root().join("tests/data/retold_cases.toml")).unwrap();
    let cases: Cases = toml::from_str(&text).unwrap();
    let failed: Vec<String> = cases
        .case
        .iter()
        .filter_map(|c| check(c).err().map(|e| format!("{}: {e}", c.rule)))
        .collect();
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
