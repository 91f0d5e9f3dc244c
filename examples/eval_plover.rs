//! Event-kind accuracy and source/target precision and recall on PLOVER
//! gold sentences (`{"text", "event", "source": [{"actorText", "code"}],
//! "target": [...]}` a line).
//!
//! `cargo run --release --example eval_plover -- ../shared/data/plover-gsr.dev.jsonl`
//!
//! Each sentence is extracted as an article of its own; the first event
//! found is compared with the gold. An actor matches a gold actor when
//! either name contains the other (case-insensitive) or their country codes
//! agree. PLOVER's DEMAND and FIGHT count as `request` and `assault`.

use std::io::BufRead;

use annals::extract::{extract, Article, Lexicon};
use serde_json::Value;

/// The gold actors of a field, which may be a list, one object or a string.
fn gold_actors(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.clone(),
        Value::Object(_) => vec![v.clone()],
        Value::String(s) => vec![serde_json::json!({ "actorText": s })],
        _ => Vec::new(),
    }
}

fn matches(found: &annals::model::Actor, gold: &Value) -> bool {
    let text = gold["actorText"].as_str().unwrap_or("").to_lowercase();
    let code = gold["code"].as_str().unwrap_or("");
    let name = found.name.to_lowercase();
    (!text.is_empty() && (name.contains(&text) || text.contains(&name)))
        || (code.len() >= 3 && found.country.as_deref() == Some(&code[..3]))
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("give the PLOVER JSON Lines file");
    let file = std::fs::File::open(&path).expect("readable file");
    let lexicon = Lexicon::shipped();
    let (mut n, mut kind_ok, mut no_event) = (0, 0, 0);
    let mut confusion = std::collections::BTreeMap::new();
    // (true positives, predicted, gold) for sources and targets
    let (mut src, mut tgt) = ((0, 0, 0), (0, 0, 0));
    for line in std::io::BufReader::new(file).lines() {
        let Ok(v) = serde_json::from_str::<Value>(&line.unwrap_or_default()) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or("").to_string();
        // PLOVER's DEMAND and FIGHT are annals' `request` and `assault`.
        let gold_kind = match v["event"].as_str().unwrap_or("").to_lowercase().as_str() {
            "demand" => "request".to_string(),
            "fight" => "assault".to_string(),
            other => other.to_string(),
        };
        let article = Article::new(
            "s",
            chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            text,
        );
        let store = extract(&article, lexicon);
        n += 1;
        let Some(e) = store.events.first() else {
            no_event += 1;
            src.2 += gold_actors(&v["source"]).len();
            tgt.2 += gold_actors(&v["target"]).len();
            continue;
        };
        if e.kind.as_str() == gold_kind {
            kind_ok += 1;
        }
        *confusion
            .entry((gold_kind.clone(), e.kind.as_str()))
            .or_insert(0) += 1;
        for (found, gold, counts) in [
            (&e.actors, &v["source"], &mut src),
            (&e.targets, &v["target"], &mut tgt),
        ] {
            let gold = gold_actors(gold);
            counts.1 += found.len();
            counts.2 += gold.len();
            counts.0 += found
                .iter()
                .filter(|f| gold.iter().any(|g| matches(f, g)))
                .count();
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!("sentences {n}, no event found {no_event}");
    println!(
        "event-kind accuracy {:.1}% ({kind_ok}/{n})",
        pct(kind_ok, n)
    );
    println!(
        "source P {:.1}% R {:.1}%",
        pct(src.0, src.1),
        pct(src.0, src.2)
    );
    println!(
        "target P {:.1}% R {:.1}%",
        pct(tgt.0, tgt.1),
        pct(tgt.0, tgt.2)
    );
    if std::env::args().any(|a| a == "--confusion") {
        for ((g, p), c) in confusion {
            println!("{g:>12} -> {p:<12} {c}");
        }
    }
}
