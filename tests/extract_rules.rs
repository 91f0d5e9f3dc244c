//! The extractor's rules, one sentence each, from
//! `tests/data/extract_cases.toml`: roles, modes, dates, titles and links
//! read from the parse.

use annals::extract::{extract, Article, Lexicon};
use annals::model::{Event, Store};
use chrono::NaiveDate;
use serde::Deserialize;

use crate::util::root;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
    link: Vec<LinkCase>,
}

#[derive(Deserialize)]
struct Case {
    rule: String,
    text: String,
    trigger: String,
    #[serde(default)]
    absent: bool,
    kind: Option<String>,
    mode: Option<String>,
    actor: Option<String>,
    target: Option<String>,
    /// A name no target may contain.
    not_target: Option<String>,
    /// A name no actor may contain.
    not_actor: Option<String>,
    place: Option<String>,
    date: Option<String>,
    #[serde(default)]
    undated: bool,
    title: Option<String>,
    /// Whether the event is only an end of a causal link (tagged
    /// `link-end`) rather than a happening.
    link_end: Option<bool>,
}

#[derive(Deserialize)]
struct LinkCase {
    rule: String,
    text: String,
    from: String,
    to: String,
    relation: String,
}

fn cases() -> Cases {
    let text = std::fs::read_to_string(root().join("tests/data/extract_cases.toml")).unwrap();
    toml::from_str(&text).unwrap()
}

/// The store extracted from `text`, an article of 2020-09-29.
pub(crate) fn store(text: &str) -> Store {
    let day = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
    extract(&Article::new("case", day, text), Lexicon::shipped())
}

/// The event whose trigger is the word `word`.
pub(crate) fn by_trigger<'s>(store: &'s Store, text: &str, word: &str) -> Option<&'s Event> {
    let chars: Vec<char> = text.chars().collect();
    // A mention merged into another's event is cited by it.
    store.events.iter().find(|e| {
        e.sources.iter().any(|c| {
            c.trigger
                .is_some_and(|[b, end]| chars[b..end].iter().collect::<String>() == word)
        })
    })
}

fn check(c: &Case) -> Result<(), String> {
    let s = store(&c.text);
    let found = by_trigger(&s, &c.text, &c.trigger);
    if c.absent {
        return match found {
            Some(e) => Err(format!("an event {} was made", e.id)),
            None => Ok(()),
        };
    }
    let e = found.ok_or_else(|| {
        let titles: Vec<&str> = s.events.iter().map(|e| e.title.as_str()).collect();
        format!("no event at {:?}; events: {titles:?}", c.trigger)
    })?;
    let mut wrong = Vec::new();
    let mut expect = |what: &str, ok: bool, got: String| {
        if !ok {
            wrong.push(format!("{what}: got {got}"));
        }
    };
    if let Some(k) = &c.kind {
        expect("kind", e.kind.as_str() == k, e.kind.to_string());
    }
    if let Some(m) = &c.mode {
        expect("mode", e.mode.as_str() == m, e.mode.to_string());
    }
    if let Some(a) = &c.actor {
        let name = e.actors.first().map_or("", |x| x.name.as_str());
        expect(
            "actor",
            name.to_lowercase().contains(&a.to_lowercase()),
            name.into(),
        );
    }
    if let Some(t) = &c.target {
        let names: Vec<&str> = e.targets.iter().map(|x| x.name.as_str()).collect();
        expect(
            "target",
            names.iter().any(|n| n.contains(t.as_str())),
            format!("{names:?}"),
        );
    }
    if let Some(t) = &c.not_target {
        let names: Vec<&str> = e.targets.iter().map(|x| x.name.as_str()).collect();
        expect(
            "not_target",
            !names.iter().any(|n| n.contains(t.as_str())),
            format!("{names:?}"),
        );
    }
    if let Some(a) = &c.not_actor {
        let names: Vec<&str> = e.actors.iter().map(|x| x.name.as_str()).collect();
        expect(
            "not_actor",
            !names
                .iter()
                .any(|n| n.to_lowercase().contains(&a.to_lowercase())),
            format!("{names:?}"),
        );
    }
    if let Some(p) = &c.place {
        expect(
            "place",
            e.place.as_deref() == Some(p.as_str()),
            format!("{:?}", e.place),
        );
    }
    if let Some(d) = &c.date {
        expect("date", e.date.as_str() == d, e.date.to_string());
    }
    if c.undated {
        expect(
            "undated",
            e.tags.iter().any(|t| t == "undated"),
            e.date.to_string(),
        );
    }
    if let Some(t) = &c.title {
        expect("title", e.title == *t, e.title.clone());
    }
    if let Some(l) = c.link_end {
        expect("link_end", e.is_link_end() == l, format!("{:?}", e.tags));
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(wrong.join("; "))
    }
}

#[test]
fn every_rule_holds_on_its_sentence() {
    let failures: Vec<String> = cases()
        .case
        .iter()
        .filter_map(|c| {
            check(c)
                .err()
                .map(|e| format!("{} ({:?}): {e}", c.rule, c.text))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_link_rule_holds_on_its_sentence() {
    let mut failures = Vec::new();
    for c in cases().link {
        let s = store(&c.text);
        let (from, to) = (
            by_trigger(&s, &c.text, &c.from),
            by_trigger(&s, &c.text, &c.to),
        );
        // The link, and never its reverse.
        let ok = match (from, to) {
            (Some(a), Some(b)) => {
                s.links
                    .iter()
                    .any(|l| l.from == a.id && l.to == b.id && l.relation.as_str() == c.relation)
                    && !s.links.iter().any(|l| l.from == b.id && l.to == a.id)
            }
            _ => false,
        };
        if !ok {
            let links: Vec<String> = s
                .links
                .iter()
                .map(|l| format!("{} -{}-> {}", l.from, l.relation, l.to))
                .collect();
            failures.push(format!("{} ({:?}): links {links:?}", c.rule, c.text));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
