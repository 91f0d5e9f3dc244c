//! Exports: Graphviz accepts every diagram without a warning, and every
//! format is byte-for-byte deterministic.

use crate::util::{graphviz, root, run_in};

/// Renders DOT text with the real Graphviz; panics on any error or warning.
fn render(dot: &[u8], what: &str) {
    let svg = graphviz(dot, "-Tsvg", what);
    assert!(
        String::from_utf8_lossy(&svg).contains("<svg"),
        "{what}: no SVG"
    );
}

#[test]
fn graphviz_renders_every_diagram_cleanly() {
    let cases: [(&str, &[&str]); 5] = [
        ("events", &["dot", "events"]),
        ("events by month", &["dot", "events", "--layout", "months"]),
        ("events on a line", &["dot", "events", "--layout", "line"]),
        ("escaping store", &["dot", "tests/cmd/store.in"]),
        (
            "around",
            &[
                "dot",
                "events",
                "--around",
                "2020-09-22-pompeo-threatens-to-close-baghdad-embassy",
                "--depth",
                "1",
            ],
        ),
    ];
    for (what, args) in cases {
        let out = run_in(&root(), args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stdout.is_ascii(),
            "{what}: DOT output must be ASCII, non-ASCII escaped"
        );
        render(&out.stdout, what);
    }
}

#[test]
fn the_label_full_of_quotes_and_newlines_is_escaped() {
    let out = run_in(&root(), &["dot", "tests/cmd/store.in"]);
    let dot = String::from_utf8(out.stdout).unwrap();
    assert!(dot.contains(r#"Minister says \"no\" to"#), "{dot}");
    assert!(dot.contains(r"C:\\deal &lt;draft&gt; &amp;"), "{dot}");
    assert!(dot.contains("&#8212;"), "the em dash is an entity");
    assert!(
        dot.contains(r#"He said: \"No.\nNever\""#),
        "the quote's newline is a DOT line break"
    );
}

#[test]
fn every_format_is_deterministic_whatever_the_file_order() {
    let dir = tempfile::tempdir().unwrap();
    // The same records split over files whose names sort the other way.
    let text = std::fs::read_to_string(root().join("events/2020-09-embassy-crisis.toml")).unwrap();
    std::fs::write(dir.path().join("a-crisis.toml"), text).unwrap();
    std::fs::copy(
        root().join("events/2020-01-soleimani.toml"),
        dir.path().join("b-soleimani.toml"),
    )
    .unwrap();
    std::fs::copy(
        root().join("events/sources.toml"),
        dir.path().join("c-sources.toml"),
    )
    .unwrap();
    for args in [
        &["timeline", "--format", "md"][..],
        &["timeline", "--format", "text"],
        &["timeline", "--format", "json"],
        &["timeline", "--format", "csv"],
        &["timeline", "--format", "timelinejs"],
        &["dot"],
    ] {
        let shipped = run_in(&root(), &[args, &["events"]].concat());
        let again = run_in(&root(), &[args, &["events"]].concat());
        let moved = run_in(dir.path(), &[args, &["."]].concat());
        assert_eq!(shipped.status.code(), Some(0));
        assert_eq!(
            shipped.stdout, again.stdout,
            "{args:?} differs between runs"
        );
        assert_eq!(
            shipped.stdout, moved.stdout,
            "{args:?} depends on file order"
        );
    }
}

#[test]
fn markdown_briefing_reads_like_a_briefing() {
    let out = run_in(&root(), &["timeline", "events"]);
    let md = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "## January 2020",
        "## September 2020",
        "- **3 Jan 2020** — US strike kills IRGC Quds Force commander",
        "- **~22 Sep 2020** — Pompeo threatens to close the US embassy",
        "- **late 2020-W39** — Washington begins direct preparations",
        "*(planned)*",
        "Mike Pompeo (USA) → Barham Salih (IRQ) · Baghdad",
        "Followed from: Pompeo threatens",
        "## Sources",
        "1. “Washington accuses Tehran",
    ] {
        assert!(md.contains(expected), "missing {expected:?} in\n{md}");
    }
}

#[test]
fn a_citation_has_one_number_however_many_events_quote_it() {
    let (loaded, problems) = annals::store::parse(
        "s.toml",
        r#"
[[source]]
id = "wire"
outlet = "Wire"
published = 2020-09-30

[[event]]
id = "a"
date = 2020-09-20
title = "First"
kind = "assault"
sources = [{ id = "wire", quote = "Rockets hit." }, { id = "wire", quote = "Sirens sounded." }]

[[event]]
id = "b"
date = 2020-09-21
title = "Second"
kind = "assault"
sources = [{ id = "wire", quote = "Sirens sounded." }, { id = "wire", quote = "Rockets hit." }, { id = "wire" }]
"#,
    );
    assert!(problems.is_empty(), "{problems:?}");
    let graph = annals::graph::CausalGraph::new(&loaded.store);
    let md = annals::export::timeline::markdown(&graph, &graph.chronological(), "T", None);
    assert!(md.contains("First [1] [2]\n"), "{md}");
    assert!(md.contains("Second [2] [1] [3]\n"), "{md}");
    let sources = md.split("## Sources").nth(1).unwrap();
    assert_eq!(
        sources.trim(),
        "1. “Rockets hit.” — Wire, 30 Sep 2020.\n2. “Sirens sounded.” — Wire, 30 Sep 2020.\n3. Wire, 30 Sep 2020."
    );
}
