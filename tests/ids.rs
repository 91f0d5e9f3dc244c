//! Event ids across articles, batches written with `--out`, and the JSON
//! Lines of `extract --docs` read back by every command.

use annals::extract::{extract, Article, Lexicon};
use chrono::NaiveDate;

use crate::util::{expect_code, run_in, with_stdin};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2011, 2, 12).unwrap()
}

const RESIGNS: &str = "Hosni Mubarak resigned on Friday after protests in Cairo.";

fn ids(id: &str, text: &str) -> Vec<String> {
    let store = extract(&Article::new(id, day(), text), Lexicon::shipped());
    store.events.into_iter().map(|e| e.id.into()).collect()
}

#[test]
fn ids_are_stable_and_never_collide_across_articles() {
    let a = ids("cnn-1", RESIGNS);
    assert!(!a.is_empty());
    assert_eq!(
        a,
        ids("cnn-1", RESIGNS),
        "the same input gives the same ids"
    );
    let b = ids("bbc-7", RESIGNS);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_ne!(x, y, "two articles with the same sentence");
        // Readable: the date and the words are the same, only the last
        // word (the report's key) differs.
        assert_eq!(x.rsplit_once('-').unwrap().0, y.rsplit_once('-').unwrap().0);
    }
    assert!(a.iter().any(|id| id.starts_with("2011-02-11-")), "{a:?}");
}

fn batch(lines: &[(&str, &str)]) -> String {
    lines
        .iter()
        .map(|(id, text)| {
            serde_json::json!({"id": id, "published": "2011-02-12", "outlet": "Wire", "text": text})
                .to_string()
                + "\n"
        })
        .collect()
}

fn event_ids(jsonl: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(jsonl)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v.get("type").is_none())
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn adding_an_unrelated_article_changes_no_id() {
    let dir = tempfile::tempdir().unwrap();
    let one = batch(&[("a", RESIGNS)]);
    let two = batch(&[
        ("z", "Rebels attacked a convoy near Homs on Monday."),
        ("a", RESIGNS),
    ]);
    std::fs::write(dir.path().join("one.jsonl"), one).unwrap();
    std::fs::write(dir.path().join("two.jsonl"), two).unwrap();
    let first = event_ids(&run_in(dir.path(), &["extract", "--docs", "one.jsonl"]).stdout);
    let second = event_ids(&run_in(dir.path(), &["extract", "--docs", "two.jsonl"]).stdout);
    assert!(!first.is_empty());
    for id in &first {
        assert!(second.contains(id), "{id} kept in {second:?}");
    }
}

/// Scorers and a user's own programs join events to their documents by
/// `doc`: it is the batch's `id` exactly, while the source id is its slug.
#[test]
fn printed_events_keep_the_documents_id_exactly_as_given() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("docs.jsonl"),
        batch(&[("Train_01 Ä/7", RESIGNS)]),
    )
    .unwrap();
    let out = run_in(dir.path(), &["extract", "--docs", "docs.jsonl"]);
    expect_code(&out, 0);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let events: Vec<_> = lines.iter().filter(|v| v.get("type").is_none()).collect();
    assert!(!events.is_empty());
    for e in events {
        assert_eq!(e["doc"], "Train_01 Ä/7", "{e}");
        assert_eq!(e["sources"][0]["id"], "train-01-7", "{e}");
    }
}

#[test]
fn a_bad_document_in_a_batch_is_reported_and_the_good_ones_written() {
    let dir = tempfile::tempdir().unwrap();
    let text = batch(&[("a", RESIGNS)])
        + "{\"id\": \"b\", \"published\": \"2011-02-30\", \"text\": \"x\"}\n"
        + &batch(&[(
            "c",
            "Police fired tear gas at protesters in Cairo on Tuesday.",
        )]);
    std::fs::write(dir.path().join("docs.jsonl"), text).unwrap();
    let out = run_in(
        dir.path(),
        &["extract", "--docs", "docs.jsonl", "--out", "store"],
    );
    expect_code(&out, 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("docs.jsonl:2:"), "{err}");
    assert!(dir.path().join("store/a.toml").exists(), "{err}");
    assert!(dir.path().join("store/c.toml").exists(), "{err}");
    assert!(!dir.path().join("store/b.toml").exists());
    expect_code(&run_in(dir.path(), &["check", "store"]), 0);
}

/// The JSON Lines `extract --docs` prints carry sources and links, and
/// every command reads them back; `timeline --format jsonl` prints the
/// same store again.
#[test]
fn extract_docs_lines_pipe_into_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let docs = batch(&[
        ("a", RESIGNS),
        (
            "b",
            "Troops fired on protesters in Cairo on Friday, sparking riots.",
        ),
    ]);
    std::fs::write(dir.path().join("docs.jsonl"), docs).unwrap();
    let out = run_in(dir.path(), &["extract", "--docs", "docs.jsonl"]);
    expect_code(&out, 0);
    let lines = out.stdout;
    let text = String::from_utf8_lossy(&lines);
    assert!(text.contains("\"type\":\"source\""), "{text}");
    assert!(text.contains("\"type\":\"link\""), "{text}");
    expect_code(&with_stdin(&["check", "-"], &lines), 0);
    let dot = with_stdin(&["dot", "-"], &lines);
    expect_code(&dot, 0);
    assert!(String::from_utf8_lossy(&dot.stdout).contains("->"));
    let again = with_stdin(&["timeline", "--format", "jsonl", "-"], &lines);
    expect_code(&again, 0);
    let links = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .matches("\"type\":\"link\"")
            .count()
    };
    assert_eq!(links(&again.stdout), links(&lines));
    let third = with_stdin(&["timeline", "--format", "jsonl", "-"], &again.stdout);
    assert_eq!(third.stdout, again.stdout, "a round trip changes nothing");
    for args in [
        &["timeline", "-"][..],
        &["why", &event_ids(&lines)[0], "-"][..],
        &["impact", &event_ids(&lines)[0], "-"][..],
        &["brief", "--format", "json", "-"][..],
        &["merge", "-"][..],
    ] {
        expect_code(&with_stdin(args, &lines), 0);
    }
}
