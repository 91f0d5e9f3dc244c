//! The store and `annals check`: bad stores are reported, never changed.

use crate::util::{expect_code, root, run_in, snapshot};

/// Every `check-*` fixture, run through every command that reads a store:
/// no file below the fixtures may change, whatever the exit code.
#[test]
fn bad_stores_are_never_modified() {
    let cases = root().join("tests/cmd");
    let before = snapshot(&cases);
    for entry in std::fs::read_dir(&cases).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for args in [
            &["check", "."][..],
            &["timeline", "."],
            &["timeline", ".", "--format", "json"],
            &["dot", "."],
            &["why", "a", "."],
        ] {
            let out = run_in(&dir, args);
            assert!(
                out.status.code().is_some(),
                "{dir:?} {args:?} was killed by a signal"
            );
        }
    }
    assert_eq!(before, snapshot(&cases), "a command changed a fixture");
}

/// A bad store makes every reading command fail with exit 1 and the same
/// located message, not only `check`.
#[test]
fn commands_other_than_check_refuse_bad_stores() {
    let dir = root().join("tests/cmd/check-invalid-date.in");
    let out = run_in(&dir, &["timeline", "."]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("store.toml:10:8: error"), "{err}");
    assert!(err.contains("2020-02 has no day 30"), "{err}");
}

/// The shipped store is clean, and so is its JSON Lines form piped back in.
#[test]
fn shipped_events_check_clean_and_round_trip_through_json_lines() {
    let out = run_in(&root(), &["check", "events"]);
    expect_code(&out, 0);
    assert!(String::from_utf8_lossy(&out.stdout).ends_with(": ok\n"));

    let json = run_in(&root(), &["timeline", "events", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let mut lines = String::new();
    let sources = std::fs::read_to_string(root().join("events/sources.toml")).unwrap();
    let store: annals::model::Store = toml::from_str(&sources).unwrap();
    for s in &store.sources {
        let mut v = serde_json::to_value(s).unwrap();
        v["type"] = "source".into();
        lines.push_str(&format!("{v}\n"));
    }
    for e in value["events"].as_array().unwrap() {
        lines.push_str(&format!("{e}\n"));
    }
    let mut child = crate::util::annals()
        .args(["timeline", "-", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    let again = child.wait_with_output().unwrap();
    expect_code(&again, 0);
    // Links are not in the event lines, so compare events without them
    // (and without salience, which counts what follows along links).
    let strip = |v: &serde_json::Value| -> Vec<serde_json::Value> {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let mut e = e.clone();
                e.as_object_mut().unwrap().remove("causes");
                e.as_object_mut().unwrap().remove("effects");
                e.as_object_mut().unwrap().remove("salience");
                e
            })
            .collect()
    };
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    let (mut a, mut b) = (strip(&value), strip(&again));
    let key = |e: &serde_json::Value| e["id"].as_str().unwrap().to_string();
    a.sort_by_key(key);
    b.sort_by_key(key);
    assert_eq!(a, b);
}

/// The published JSON Schema is the one the code generates. After a
/// deliberate change to the model, regenerate it with
/// `ANNALS_BLESS=1 cargo test schema`.
#[test]
fn published_schema_matches_the_model() {
    let path = root().join("docs/annals.schema.json");
    let generated = annals::model::store_schema();
    if std::env::var_os("ANNALS_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(&path).expect("docs/annals.schema.json exists");
    assert_eq!(
        published, generated,
        "the model changed: regenerate with ANNALS_BLESS=1 cargo test schema"
    );
}

/// Every shipped store file satisfies the published schema's required
/// fields and names (checked through its JSON form).
#[test]
fn schema_names_every_store_field() {
    let schema: serde_json::Value = serde_json::from_str(&annals::model::store_schema()).unwrap();
    let defs = &schema["$defs"];
    for (def, fields) in [
        (
            "Event",
            &[
                "id",
                "date",
                "title",
                "kind",
                "mode",
                "actors",
                "targets",
                "sources",
                "confidence",
            ][..],
        ),
        (
            "Link",
            &["from", "to", "relation", "evidence", "confidence"],
        ),
        ("Source", &["id", "title", "outlet", "url", "published"]),
    ] {
        for f in fields {
            assert!(
                defs[def]["properties"].get(*f).is_some(),
                "{def}.{f} missing from the schema"
            );
        }
    }
}

/// JSON Lines are read in one pass: a wrong value is located at its own
/// column (characters, after a non-ASCII title), a record's problems at
/// the start of its line, and each line's records keep their line.
#[test]
fn json_lines_errors_point_at_the_value() {
    let text = concat!(
        "{\"id\":\"a\",\"date\":\"2020-09-28\",\"title\":\"Ça\",\"kind\":\"protest\",\"killed\":\"many\"}\n",
        "{\"type\":\"link\",\"from\":\"a\",\"to\":\"b\",\"relation\":\"causes\"}\n",
        "{\"date\":\"2020-09-28\",\"title\":\"B\",\"kind\":\"protest\"}\n",
    );
    let (_, diags) = annals::store::parse("s.jsonl", text);
    let shown: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    let column = text.lines().next().unwrap();
    let column = column[..column.find("\"many\"").unwrap()].chars().count() + 1;
    assert!(
        shown[0].starts_with(&format!(
            "s.jsonl:1:{column}: error: in this event: invalid type: string \"many\""
        )),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("s.jsonl:2:1: error: link `to` names unknown event `b`")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("s.jsonl:3:1: error: in this event: missing field `id`")),
        "{shown:#?}"
    );
}

#[test]
fn json_lines_read_the_same_whatever_the_order_of_their_keys() {
    // Type first and no spaces (read in one pass), then the same records
    // with the type last, spaced, or with derived fields (read in full).
    let plain = concat!(
        r#"{"type":"source","id":"s","title":"T","published":"2020-09-01"}"#,
        "\n",
        r#"{"id":"a","date":"2020-09-28","title":"A","kind":"protest","sources":[{"id":"s","quote":"q"}],"causes":[]}"#,
        "\n",
        r#"{"id":"b","date":"2020-09-29","title":"B","kind":"protest","sources":[{"id":"s"}]}"#,
        "\n",
        r#"{"type":"link","from":"a","to":"b","relation":"causes","evidence":"e"}"#,
        "\n",
    );
    let other = concat!(
        r#"{"id":"s","title":"T","published":"2020-09-01","type":"source"}"#,
        "\n",
        r#"{ "id": "a", "date": "2020-09-28", "title": "A", "kind": "protest", "sources": [{"id": "s", "quote": "q"}] }"#,
        "\n",
        r#"{"type":"event","id":"b","date":"2020-09-29","title":"B","kind":"protest","sources":[{"id":"s"}],"effects":[]}"#,
        "\n",
        r#"{"from":"a","to":"b","relation":"causes","evidence":"e","type":"link"}"#,
        "\n",
    );
    let (one, d1) = annals::store::parse("s.jsonl", plain);
    let (two, d2) = annals::store::parse("s.jsonl", other);
    assert!(d1.is_empty() && d2.is_empty(), "{d1:?} {d2:?}");
    assert_eq!(one.store, two.store);
    assert_eq!((one.store.events.len(), one.store.links.len()), (2, 1));
    // A later `type` decides, and text after the object is an error.
    let (three, d3) = annals::store::parse(
        "s.jsonl",
        concat!(
            r#"{"from":"a","to":"b","relation":"causes","type":"link"}"#,
            "\n",
            r#"{"type":"link","from":"a","to":"b","relation":"causes"} x"#,
            "\n",
        ),
    );
    assert_eq!(three.store.links.len(), 1);
    assert!(
        d3.iter()
            .any(|d| d.to_string().starts_with("s.jsonl:2:")
                && d.to_string().contains("invalid JSON")),
        "{d3:?}"
    );
}

/// Located problems come as their layer's kind, each holding its list,
/// and exit 1: a store that does not validate, a treebank with bad lines,
/// a batch with bad lines (in line order, whatever layer found them).
#[test]
fn located_problems_are_their_layers_kinds() {
    use annals::batch::BatchError;
    use annals::store::StoreError;
    use annals::text::{conllu, TextError};
    use annals::time::DocType;
    use annals::Error;

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[[event]]\nid = \"a\"\ntitle = \"No date\"\nkind = \"protest\"\n",
    )
    .unwrap();
    let e = annals::store::load(bad.to_str().unwrap()).unwrap_err();
    assert_eq!(e.exit_code(), 1);
    let Error::Store(StoreError::Invalid(problems)) = e else {
        panic!("a store that does not validate is StoreError::Invalid: {e}");
    };
    assert!(problems[0]
        .to_string()
        .contains("bad.toml:1:1: error: in this event: missing field `date`"));

    let e = conllu::parse("1\tRockets\n", "t.conllu").unwrap_err();
    assert_eq!(e.exit_code(), 1);
    let Error::Text(TextError::Treebank(problems)) = e else {
        panic!("a treebank with bad lines is TextError::Treebank: {e}");
    };
    assert!(problems[0].to_string().starts_with("t.conllu:1"));

    let batch = "{\"id\": \"a\"}\nnot json\n{\"id\": \"c\", \"dct\": \"2020-09-29\", \"text\": \"Monday.\"}\n";
    let e = annals::batch::timex_docs("b.jsonl", batch.as_bytes(), DocType::News, &mut Vec::new())
        .unwrap_err();
    assert_eq!(e.exit_code(), 1);
    let Error::Batch(BatchError::Lines(problems)) = e else {
        panic!("a batch's bad lines are BatchError::Lines: {e}");
    };
    let places: Vec<String> = problems
        .iter()
        .map(|p| p.to_string()[..9].to_string())
        .collect();
    assert_eq!(places, ["b.jsonl:1", "b.jsonl:2"]);
}

/// A discrepancy's claims are read again by the next merge: one that is not
/// a date (or a count), or a field a merge does not record, is an error at
/// the event, not a claim the merge would skip.
#[test]
fn a_discrepancy_claim_that_is_not_a_value_is_an_error() {
    let store = |field: &str, good: &str, value: &str| {
        format!(
            "[[source]]\nid = \"a\"\ntitle = \"A\"\npublished = 2011-02-10\n\n[[event]]\nid = \"e\"\ndate = \"2011-02-10\"\ntitle = \"E\"\nkind = \"protest\"\n\
             sources = [{{ id = \"a\" }}]\n\n[[event.discrepancies]]\nfield = \"{field}\"\n\
             claims = [{{ value = \"{good}\", sources = [\"a\"] }}, {{ value = \"{value}\", sources = [\"a\"] }}]\n"
        )
    };
    let errors = |text: String| -> Vec<String> {
        let (_, diags) = annals::store::parse("s.toml", &text);
        diags
            .iter()
            .filter(|d| d.severity == annals::Severity::Error)
            .map(|d| d.to_string())
            .collect()
    };
    assert_eq!(
        errors(store("date", "2011-02-10", "2011-02-11~")),
        Vec::<String>::new()
    );
    let bad = errors(store("date", "2011-02-10", "the eleventh"));
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(
        bad[0].contains("s.toml:7:") && bad[0].contains("`date` claim `the eleventh`"),
        "{bad:?}"
    );
    assert_eq!(errors(store("killed", "12", "15")), Vec::<String>::new());
    let bad = errors(store("killed", "12", "dozens"));
    assert!(
        bad.len() == 1 && bad[0].contains("`killed` claim `dozens` that is not a count"),
        "{bad:?}"
    );
    let bad = errors(store("place", "Cairo", "Giza"));
    assert!(
        bad.len() == 1 && bad[0].contains("discrepancy in `place`"),
        "{bad:?}"
    );
}
