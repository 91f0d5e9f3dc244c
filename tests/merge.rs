//! Merging the reports of one happening: across articles, across stores,
//! and into an existing store with `extract --update`.

use std::path::Path;

use annals::merge::merge;
use annals::model::{Event, Link, Relation, Store};
use annals::store::write::toml_text;

use crate::util::{expect_code, run_in, snapshot, with_stdin};

const A: &str = "Mubarak resigns\n\nHosni Mubarak resigned on Friday after protests in Cairo. Police killed 12 people in Suez on Thursday.\n";
const B: &str = "Mubarak quits\n\nEgyptian President Hosni Mubarak resigned on Friday. Police killed 15 people in Suez on Thursday. Rebels attacked a convoy near Aswan on Monday.\n";

fn event(id: &str, date: &str, title: &str, actor: &str, source: &str) -> Event {
    let text = format!(
        r#"id = "{id}"
date = "{date}"
title = "{title}"
kind = "retreat"
actors = ["{actor}"]
sources = [{{ id = "{source}" }}]
"#
    );
    toml::from_str(&text).unwrap()
}

fn link(from: &str, to: &str, source: &str) -> Link {
    Link {
        from: from.into(),
        to: to.into(),
        relation: Relation::Causes,
        evidence: Default::default(),
        source: Some(source.into()),
        confidence: 0.6,
    }
}

fn sample() -> Store {
    let mut s = Store::default();
    for id in ["s1", "s2", "s3"] {
        s.sources
            .push(toml::from_str(&format!("id = \"{id}\"\npublished = \"2011-02-12\"")).unwrap());
    }
    s.events = vec![
        event(
            "a1",
            "2011-02-11",
            "Hosni Mubarak resigns",
            "Hosni Mubarak",
            "s1",
        ),
        event("a2", "2011-02", "Mubarak resigns", "Mubarak", "s2"),
        event("b1", "2011-02-12", "Army takes power", "Army", "s1"),
        event(
            "b2",
            "2011-02-12",
            "Army takes control",
            "Egyptian Army",
            "s2",
        ),
        event("c", "2011-02-12", "Army takes power", "Army", "s3"),
    ];
    s.events[4].kind = annals::model::Kind::Protest;
    s.links = vec![
        link("a1", "b1", "s1"),
        link("a2", "b2", "s2"),
        link("b2", "a2", "s2"),
        link("a1", "a2", "s1"),
    ];
    s
}

#[test]
fn reports_of_one_happening_become_one_event_citing_each() {
    let m = merge(sample());
    let ids: Vec<&str> = m.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(m.events.len(), 3, "{ids:?}");
    let resign = m
        .events
        .iter()
        .find(|e| e.id == "a1")
        .expect("the precise report's id");
    assert_eq!(
        resign.date.as_str(),
        "2011-02-11",
        "the most precise date agreed on"
    );
    let cited: Vec<&str> = resign.sources.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(cited, ["s1", "s2"]);
    assert!(
        resign.discrepancies.is_empty(),
        "a day inside the month agrees"
    );
    assert!(
        m.events.iter().any(|e| e.id == "c"),
        "another kind stays apart"
    );
    // a1 -> b1 and a2 -> b2 are one link; b2 -> a2 would close a cycle and
    // a1 -> a2 is now a self-link.
    assert_eq!(m.links.len(), 1, "{:?}", m.links);
    assert_eq!(
        (m.links[0].from.as_str(), m.links[0].to.as_str()),
        ("a1", "b1")
    );
}

#[test]
fn merging_is_deterministic_and_idempotent() {
    let once = merge(sample());
    let mut shuffled = sample();
    shuffled.events.reverse();
    shuffled.links.reverse();
    shuffled.sources.reverse();
    assert_eq!(
        toml_text(&merge(shuffled)).unwrap(),
        toml_text(&once).unwrap()
    );
    let twice = merge(once.clone());
    assert_eq!(toml_text(&twice).unwrap(), toml_text(&once).unwrap());
}

#[test]
fn disagreements_are_recorded_with_the_sources_on_each_side() {
    let mut s = sample();
    s.events.truncate(2);
    s.links.clear();
    s.events[0].killed = Some(12);
    s.events[1].killed = Some(15);
    s.events[1].date = "2011-W06".parse().unwrap(); // 7-13 February
    s.events[0].date = "2011-02-05/2011-02-08".parse().unwrap();
    let m = merge(s);
    assert_eq!(m.events.len(), 1);
    let e = &m.events[0];
    assert_eq!(e.killed, Some(15), "a tie keeps the larger count");
    let fields: Vec<&str> = e.discrepancies.iter().map(|d| d.field.as_str()).collect();
    assert_eq!(fields, ["date", "killed"]);
    let killed = &e.discrepancies[1].claims;
    assert_eq!(killed[0].value, "12");
    assert_eq!(killed[0].sources, ["s1"]);
    assert_eq!(killed[1].value, "15");
    assert_eq!(killed[1].sources, ["s2"]);
    // Merging again keeps what each source said.
    assert_eq!(merge(m.clone()), m);
}

#[test]
fn a_rejected_id_never_comes_back() {
    let mut s = sample();
    s.rejected.push(annals::model::Rejected {
        id: "a1".into(),
        ..Default::default()
    });
    let m = merge(s);
    assert!(m.events.iter().all(|e| e.id != "a1"));
    let resign = m
        .events
        .iter()
        .find(|e| e.id == "a2")
        .expect("the other report stays");
    let cited: Vec<&str> = resign.sources.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(cited, ["s2"]);
    assert_eq!(m.rejected.len(), 1);
}

#[test]
fn a_rejected_happening_is_dropped_whoever_reports_it() {
    let mut s = sample();
    // A person deleted s1's resignation; s2 and a new article s4 report it
    // under other ids, and s4 also reports another resignation.
    s.rejected.push(annals::model::Rejected::of(&s.events[0]));
    s.events.remove(0);
    s.events.push(event(
        "a4",
        "2011-02-11",
        "Mubarak resigned",
        "Hosni Mubarak",
        "s4",
    ));
    s.events.push(event(
        "d4",
        "2011-02-11",
        "Omar Suleiman resigns",
        "Omar Suleiman",
        "s4",
    ));
    let m = merge(s);
    let titles: Vec<&str> = m.events.iter().map(|e| e.title.as_str()).collect();
    assert!(
        !titles.iter().any(|t| t.contains("Mubarak")),
        "no report of the deleted happening: {titles:?}"
    );
    assert!(titles.contains(&"Omar Suleiman resigns"), "{titles:?}");
    assert_eq!(m.rejected.len(), 1);
    // An old record of an id alone still matches that id only.
    let mut old = sample();
    old.rejected.push(annals::model::Rejected {
        id: "a1".into(),
        ..Default::default()
    });
    assert!(merge(old).events.iter().any(|e| e.id == "a2"));
}

/// Sources `s1`..`s9`, each published on `published`.
fn sourced(published: &str, events: Vec<Event>) -> Store {
    let mut s = Store::default();
    for i in 1..=9 {
        s.sources
            .push(toml::from_str(&format!("id = \"s{i}\"\npublished = \"{published}\"")).unwrap());
    }
    s.events = events;
    s
}

fn titles(s: &Store) -> Vec<(String, usize)> {
    s.events
        .iter()
        .map(|e| (e.title.clone(), e.sources.len()))
        .collect()
}

#[test]
fn one_act_in_other_words_merges_by_its_cameo_root() {
    let pair = |codes: [Option<&str>; 2]| {
        let mut a = event(
            "a",
            "2011-02-11",
            "Hosni Mubarak resigns",
            "Hosni Mubarak",
            "s1",
        );
        let mut b = event(
            "b",
            "2011-02-11",
            "Hosni Mubarak steps down",
            "Hosni Mubarak",
            "s2",
        );
        a.cameo = codes[0].map(str::to_string);
        b.cameo = codes[1].map(str::to_string);
        merge(sourced("2011-02-12", vec![a, b])).events.len()
    };
    assert_eq!(pair([None, None]), 2, "no word in common");
    assert_eq!(pair([Some("083"), Some("0831")]), 1, "one CAMEO root");
    assert_eq!(pair([Some("083"), Some("0871")]), 2, "another act");
}

#[test]
fn generic_reports_need_a_named_participant_or_explicit_dates() {
    let nobody = |id: &str, date: &str, title: &str, source: &str| {
        let mut e = event(id, date, title, "x", source);
        e.actors.clear();
        e.kind = annals::model::Kind::Protest;
        e.place = Some("Egypt".into());
        e
    };
    // Undated reports of "protests in Egypt" in articles of three days:
    // nothing names one happening.
    let undated = sourced(
        "2011-01-28",
        vec![
            nobody("u1", "../2011-01-26", "Political protests in Egypt", "s1"),
            nobody("u2", "../2011-01-27", "Protests in Egypt", "s2"),
            nobody("u3", "../2011-01-28", "Political protests in Egypt", "s3"),
        ],
    );
    assert_eq!(merge(undated).events.len(), 3);
    // The same words with an explicit day in common do merge.
    let dated = sourced(
        "2011-01-28",
        vec![
            nobody("d1", "2011-01-28", "Political protests in Egypt", "s1"),
            nobody("d2", "2011-01-28", "Protests in Egypt", "s2"),
        ],
    );
    assert_eq!(merge(dated).events.len(), 1);
    // A lowercase group ("protesters") is no named participant.
    let mut g1 = event(
        "g1",
        "../2011-01-27",
        "Protesters march",
        "protesters",
        "s1",
    );
    let mut g2 = event(
        "g2",
        "../2011-01-28",
        "Protesters march",
        "protesters",
        "s2",
    );
    g1.kind = annals::model::Kind::Protest;
    g2.kind = annals::model::Kind::Protest;
    assert_eq!(merge(sourced("2011-01-28", vec![g1, g2])).events.len(), 2);
    // An undated report of a named participant joins the dated report.
    let named = sourced(
        "2011-02-12",
        vec![
            event(
                "n1",
                "2011-02-11",
                "Hosni Mubarak resigns",
                "Hosni Mubarak",
                "s1",
            ),
            event("n2", "../2011-02-12", "Mubarak resigns", "Mubarak", "s2"),
        ],
    );
    assert_eq!(merge(named).events.len(), 1);
}

#[test]
fn an_event_of_many_names_does_not_draw_in_every_report_of_one() {
    let mut many = event(
        "m",
        "2011-01-30",
        "Hillary Clinton urges restraint",
        "Hillary Clinton",
        "s1",
    );
    for name in ["Barack Obama", "Omar Suleiman", "Hosni Mubarak"] {
        many.actors
            .push(toml::from_str(&format!("name = \"{name}\"")).unwrap());
    }
    let one = event(
        "o",
        "2011-01-30",
        "Mubarak urges calm",
        "Hosni Mubarak",
        "s2",
    );
    let both = event(
        "b",
        "2011-01-30",
        "Clinton and Obama urge restraint",
        "Barack Obama",
        "s3",
    );
    let mut both = both;
    both.actors
        .push(toml::from_str("name = \"Hillary Clinton\"").unwrap());
    let m = merge(sourced("2011-01-31", vec![many, one, both]));
    assert_eq!(
        titles(&m),
        [
            ("Clinton and Obama urge restraint".to_string(), 2),
            ("Mubarak urges calm".to_string(), 1)
        ]
    );
}

/// An event of `kind` on 28 January 2011, its actors and targets named.
fn act(
    id: &str,
    kind: &str,
    title: &str,
    actors: &[&str],
    targets: &[&str],
    source: &str,
) -> Event {
    let list = |names: &[&str]| {
        let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        quoted.join(", ")
    };
    let text = format!(
        r#"id = "{id}"
date = "2011-01-28"
title = "{title}"
kind = "{kind}"
actors = [{}]
targets = [{}]
sources = [{{ id = "{source}" }}]
"#,
        list(actors),
        list(targets)
    );
    toml::from_str(&text).unwrap()
}

#[test]
fn an_actor_of_one_report_is_not_the_target_of_another_in_an_act_with_direction() {
    // A king's call to Mubarak and Mubarak's call on his government.
    let calls = vec![
        act(
            "k",
            "request",
            "Abdullah II calls Hosni Mubarak",
            &["Abdullah II"],
            &["Hosni Mubarak"],
            "s1",
        ),
        act(
            "m",
            "request",
            "Hosni Mubarak calls on government",
            &["Hosni Mubarak"],
            &["government"],
            "s2",
        ),
    ];
    assert_eq!(merge(sourced("2011-01-29", calls)).events.len(), 2);
    // The same role in both: one happening.
    let asked = vec![
        act(
            "a",
            "request",
            "Barack Obama calls Hosni Mubarak",
            &["Barack Obama"],
            &["Hosni Mubarak"],
            "s1",
        ),
        act(
            "b",
            "request",
            "Obama calls Mubarak",
            &["Obama"],
            &["Mubarak"],
            "s2",
        ),
    ];
    assert_eq!(merge(sourced("2011-01-29", asked)).events.len(), 1);
    // A meeting has no direction: who met whom is one happening.
    let met = vec![
        act(
            "x",
            "consult",
            "Abdullah II meets Hosni Mubarak",
            &["Abdullah II"],
            &["Hosni Mubarak"],
            "s1",
        ),
        act(
            "y",
            "consult",
            "Hosni Mubarak meets Abdullah II",
            &["Hosni Mubarak"],
            &["Abdullah II"],
            "s2",
        ),
    ];
    assert_eq!(merge(sourced("2011-01-29", met)).events.len(), 1);
}

#[test]
fn a_country_alone_is_a_weak_anchor() {
    let two = |a: (&str, &str), b: (&str, &str)| {
        let events = vec![
            act("a", "request", a.0, &[a.1], &[], "s1"),
            act("b", "request", b.0, &[b.1], &[], "s2"),
        ];
        merge(sourced("2011-01-29", events)).events.len()
    };
    // A person in common and a word of what happened: one happening.
    assert_eq!(
        two(
            ("Omar Suleiman demands reforms", "Omar Suleiman"),
            ("Suleiman demands apology", "Suleiman")
        ),
        1
    );
    // A country in common and the same one word: two reports of the topic.
    assert_eq!(
        two(
            ("Egypt demands reforms", "Egypt"),
            ("Egypt demands apology", "Egypt")
        ),
        2
    );
    // A country in common with most of the words and a day: one.
    assert_eq!(
        two(
            ("Egypt demands political reforms", "Egypt"),
            ("Egypt demands reforms", "Egypt")
        ),
        1
    );
    // Another country: never, whatever the words.
    assert_eq!(
        two(
            ("Egypt demands political reforms", "Egypt"),
            ("Tunisia demands political reforms", "Tunisia")
        ),
        2
    );
}

#[test]
fn every_named_actor_and_target_anchors_a_match() {
    // The participant in common is the second actor of one report.
    let events = vec![
        act(
            "a",
            "statement",
            "Ministers announce new cabinet",
            &["Ahmed Shafik", "Omar Suleiman"],
            &[],
            "s1",
        ),
        act(
            "b",
            "statement",
            "New cabinet announced",
            &["Omar Suleiman"],
            &[],
            "s2",
        ),
    ];
    assert_eq!(merge(sourced("2011-01-29", events)).events.len(), 1);
    // ... and the second target.
    let events = vec![
        act(
            "c",
            "request",
            "Protesters demand resignations",
            &["protesters"],
            &["Ahmed Nazif", "Habib el-Adly"],
            "s1",
        ),
        act(
            "d",
            "request",
            "Crowds demand resignations",
            &["crowds"],
            &["Habib el-Adly"],
            "s2",
        ),
    ];
    assert_eq!(merge(sourced("2011-01-29", events)).events.len(), 1);
}

fn articles(dir: &Path) {
    std::fs::write(dir.join("a.txt"), A).unwrap();
    std::fs::write(dir.join("b.txt"), B).unwrap();
}

fn events_of(dir: &Path, store: &str) -> Vec<serde_json::Value> {
    let out = run_in(dir, &["timeline", "--format", "json", store]);
    expect_code(&out, 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["events"].as_array().unwrap().clone()
}

#[test]
fn extract_merges_a_batch_and_merge_is_idempotent_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path());
    let args = ["extract", "a.txt", "b.txt", "--published", "2011-02-12"];
    expect_code(
        &run_in(dir.path(), &[&args[..], &["--out", "s"]].concat()),
        0,
    );
    expect_code(
        &run_in(
            dir.path(),
            &[&args[..], &["--out", "raw", "--no-merge"]].concat(),
        ),
        0,
    );
    let merged = events_of(dir.path(), "s");
    let raw = events_of(dir.path(), "raw");
    assert!(merged.len() < raw.len(), "{} < {}", merged.len(), raw.len());
    let resign = merged
        .iter()
        .find(|e| e["title"].as_str().unwrap().contains("Mubarak resign"))
        .unwrap();
    assert_eq!(resign["sources"].as_array().unwrap().len(), 2);
    expect_code(&run_in(dir.path(), &["merge", "raw", "--out", "m1"]), 0);
    expect_code(&run_in(dir.path(), &["merge", "m1", "--out", "m2"]), 0);
    let files = |d: &str| -> Vec<(std::path::PathBuf, Vec<u8>)> {
        let root = dir.path().join(d);
        snapshot(&root)
            .into_iter()
            .map(|(p, b)| (p.strip_prefix(&root).unwrap().to_path_buf(), b))
            .collect()
    };
    assert_eq!(
        files("m1"),
        files("m2"),
        "merging a merged store changes no byte"
    );
    assert_eq!(files("m1"), files("s"), "extract merges as merge does");
    expect_code(&run_in(dir.path(), &["check", "m1"]), 0);
    // JSON Lines: merge prints a store that merge and check read back.
    let lines = run_in(dir.path(), &["merge", "m1"]).stdout;
    expect_code(&with_stdin(&["check", "-"], &lines), 0);
    assert_eq!(with_stdin(&["merge", "-"], &lines).stdout, lines);
}

/// `text` without the event whose id starts with `id` and its links, as a
/// person deletes them.
fn without(text: &str, id: &str) -> String {
    let mut out = Vec::new();
    let mut skipping = false;
    for block in text.split("\n\n") {
        if block.starts_with("[[event]]") || block.starts_with("[[link]]") {
            skipping = block.contains(&format!("\"{id}"));
        }
        if !skipping {
            out.push(block);
        }
    }
    out.join("\n\n")
}

/// Article a extracted into store `s`, then a and b with `--update`.
const EXTRACT_A: [&str; 6] = [
    "extract",
    "a.txt",
    "--published",
    "2011-02-12",
    "--out",
    "s",
];
const UPDATE_WITH_B: [&str; 8] = [
    "extract",
    "a.txt",
    "b.txt",
    "--published",
    "2011-02-12",
    "--out",
    "s",
    "--update",
];

#[test]
fn update_attaches_new_reports_keeps_edits_and_remembers_deletions() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path());
    expect_code(&run_in(dir.path(), &EXTRACT_A), 0);
    let file = dir.path().join("s/a.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // A person retitles the resignation and deletes the Cairo event.
    let edited = text.replace(
        "title = \"Hosni Mubarak resigns\"",
        "title = \"Hosni Mubarak resigns after 30 years\" # edited",
    );
    // "Resigned on Friday after protests": the protests are not
    // Friday's, and undated ([dating] apart).
    let edited = without(&edited, "undated-protests");
    std::fs::write(&file, &edited).unwrap();
    let out = run_in(dir.path(), &UPDATE_WITH_B);
    expect_code(&out, 0);
    let events = events_of(dir.path(), "s");
    let goes = events
        .iter()
        .find(|e| e["title"] == "Hosni Mubarak resigns after 30 years")
        .expect("the edit kept");
    let cited: Vec<&str> = goes["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(cited, ["a", "b"], "b's report attached, not copied");
    let copies = events
        .iter()
        .filter(|e| e["title"].as_str().unwrap().contains("Mubarak resign"));
    assert_eq!(copies.count(), 1, "no copy of the resignation");
    assert!(
        !events.iter().any(|e| e["title"] == "Protests in Cairo"),
        "deleted stays deleted"
    );
    let rejected = std::fs::read_to_string(dir.path().join("s/rejected.toml")).unwrap();
    assert!(rejected.contains("protests-cairo"), "{rejected}");
    let after = std::fs::read_to_string(&file).unwrap();
    assert!(
        after.starts_with(&edited[..edited.find("[[event.sources]]").unwrap()]),
        "{after}"
    );
    assert!(after.contains("# edited"));
    // Again: nothing new, nothing changes.
    let before = snapshot(&dir.path().join("s"));
    expect_code(&run_in(dir.path(), &UPDATE_WITH_B), 0);
    assert_eq!(snapshot(&dir.path().join("s")), before);
    expect_code(&run_in(dir.path(), &["check", "s"]), 0);
}

#[test]
fn a_deleted_event_stays_deleted_when_a_new_article_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    articles(dir.path());
    expect_code(&run_in(dir.path(), &EXTRACT_A), 0);
    let file = dir.path().join("s/a.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, without(&text, "2011-02-11-hosni-mubarak-resigns")).unwrap();
    expect_code(&run_in(dir.path(), &UPDATE_WITH_B), 0);
    let titles: Vec<String> = events_of(dir.path(), "s")
        .iter()
        .map(|e| e["title"].as_str().unwrap().to_string())
        .collect();
    assert!(
        !titles.iter().any(|t| t.contains("resign")),
        "b's report of the deleted resignation stays out: {titles:?}"
    );
    assert!(titles.iter().any(|t| t.contains("Aswan")), "{titles:?}");
    let rejected = std::fs::read_to_string(dir.path().join("s/rejected.toml")).unwrap();
    assert!(rejected.contains("kind = \"retreat\""), "{rejected}");
    // Removing the record lets the happening back.
    std::fs::remove_file(dir.path().join("s/rejected.toml")).unwrap();
    std::fs::write(&file, &text).unwrap();
    expect_code(&run_in(dir.path(), &UPDATE_WITH_B), 0);
    let back = events_of(dir.path(), "s");
    assert!(back
        .iter()
        .any(|e| e["title"].as_str().unwrap().contains("resign")));
}

#[test]
fn extract_merges_one_act_said_in_other_words() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Mubarak goes\n\nHosni Mubarak resigned on Friday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Mubarak goes\n\nHosni Mubarak stepped down on Friday.\n",
    )
    .unwrap();
    let args = ["extract", "a.txt", "b.txt", "--published", "2011-02-12"];
    expect_code(
        &run_in(dir.path(), &[&args[..], &["--out", "s"]].concat()),
        0,
    );
    let events = events_of(dir.path(), "s");
    let codes: Vec<&str> = events.iter().filter_map(|e| e["cameo"].as_str()).collect();
    assert_eq!(codes.len(), 1, "{events:?}");
    assert!(codes[0].starts_with("083"), "{codes:?}");
    assert_eq!(events[0]["sources"].as_array().unwrap().len(), 2);
}

#[test]
fn an_act_with_direction_by_different_actors_is_different_happenings() {
    // Calls on Mubarak and demands that he go, one day, by different
    // actors; "President calls" and the actorless demand share words with
    // several, and would bridge them.
    let mut events = vec![
        act(
            "p",
            "request",
            "Protesters demand end to President Hosni Mubarak's rule",
            &["protesters"],
            &["Hosni Mubarak"],
            "s1",
        ),
        act(
            "a",
            "request",
            "Mahmoud Abbas calls Hosni Mubarak",
            &["Mahmoud Abbas"],
            &["Hosni Mubarak"],
            "s2",
        ),
        act(
            "k",
            "request",
            "Abdullah II calls Hosni Mubarak",
            &["Abdullah II"],
            &["Hosni Mubarak"],
            "s3",
        ),
        act(
            "q",
            "request",
            "President calls Hosni Mubarak",
            &["president"],
            &["Hosni Mubarak"],
            "s4",
        ),
        act(
            "n",
            "request",
            "Demand President Hosni Mubarak's rule end",
            &[],
            &["Hosni Mubarak"],
            "s5",
        ),
        act(
            "s",
            "request",
            "Saudi Arabia calls Hosni Mubarak",
            &["Saudi Arabia"],
            &["Hosni Mubarak"],
            "s6",
        ),
    ];
    for e in &mut events[1..4] {
        e.cameo = Some("041".into());
    }
    events[5].cameo = Some("041".into());
    let merged = merge(sourced("2011-01-29", events));
    let cites = |s: &str| -> Vec<String> {
        let e = merged
            .events
            .iter()
            .find(|e| e.sources.iter().any(|c| c.id == s));
        let mut v: Vec<String> = e
            .unwrap()
            .sources
            .iter()
            .map(|c| c.id.to_string())
            .collect();
        v.sort();
        v
    };
    // A country and a common noun ("president") are not told apart, but
    // a country is from a named person of another.
    let saudi = cites("s6");
    assert!(!saudi.contains(&"s2".to_string()) && !saudi.contains(&"s3".to_string()));
    for (one, alone) in [("s2", "Abbas"), ("s3", "the king")] {
        assert_eq!(
            cites(one),
            [one],
            "{alone}'s call stands alone: {:?}",
            titles(&merged)
        );
    }
    // The protesters' demand and the one that names no actor tell of one.
    assert!(
        cites("s1").contains(&"s5".to_string()),
        "{:?}",
        titles(&merged)
    );
    // The same actor in other words still merges.
    let same = vec![
        act(
            "x",
            "request",
            "Mahmoud Abbas calls Hosni Mubarak",
            &["Mahmoud Abbas"],
            &["Hosni Mubarak"],
            "s1",
        ),
        act(
            "y",
            "request",
            "Abbas calls Hosni Mubarak",
            &["Abbas", "Palestine"],
            &["Hosni Mubarak"],
            "s2",
        ),
    ];
    assert_eq!(merge(sourced("2011-01-29", same)).events.len(), 1);
}

/// An assault on `date` that names nobody, its place `place`.
fn clash(id: &str, date: &str, title: &str, place: Option<&str>, source: &str) -> Event {
    let mut e = act(id, "assault", title, &[], &[], source);
    e.date = date.parse().unwrap();
    e.place = place.map(Into::into);
    e
}

#[test]
fn one_act_named_by_one_word_on_one_explicit_day_is_one_happening() {
    // The 2 February 2011 clashes in four reports that share no name and
    // one word of what happened: "clash", the word of the act.
    let day = "2011-02-02";
    let toll = |mut e: Event, killed: u32, injured: u32| {
        (e.killed, e.injured) = (Some(killed), Some(injured));
        e
    };
    let reports = vec![
        toll(
            clash("a", day, "Anti-Mubarak supporters clash", None, "s1"),
            11,
            900,
        ),
        toll(
            clash(
                "b",
                day,
                "Clashes according to state television network",
                None,
                "s2",
            ),
            3,
            639,
        ),
        toll(
            clash("c", day, "Clashes in Cairo", Some("Cairo"), "s3"),
            3,
            639,
        ),
        clash(
            "d",
            day,
            "Clashes between anti-government demonstrators",
            Some("Cairo"),
            "s4",
        ),
    ];
    let merged = merge(sourced("2011-02-03", reports));
    assert_eq!(merged.events.len(), 1, "{:?}", titles(&merged));
    // The tolls differ: the count most sources give, and the disagreement.
    let one = &merged.events[0];
    assert_eq!(one.killed, Some(3));
    let killed = one.discrepancies.iter().find(|d| d.field == "killed");
    let claims: Vec<(&str, usize)> = killed
        .expect("a killed discrepancy")
        .claims
        .iter()
        .map(|c| (c.value.as_str(), c.sources.len()))
        .collect();
    assert_eq!(claims, [("11", 1), ("3", 2)]);
    let apart = |a: Event, b: Event| merge(sourced("2011-02-03", vec![a, b])).events.len();
    // Another day; another place; an undated report (its week is too wide).
    assert_eq!(
        apart(
            clash("a", day, "Clashes in Cairo", Some("Cairo"), "s1"),
            clash("b", "2011-02-03", "Clashes in Cairo", Some("Cairo"), "s2")
        ),
        2
    );
    assert_eq!(
        apart(
            clash("a", day, "Clashes in Cairo", Some("Cairo"), "s1"),
            clash("b", day, "Clashes in Alexandria", Some("Alexandria"), "s2")
        ),
        2
    );
    assert_eq!(
        apart(
            clash("a", day, "Clashes", None, "s1"),
            clash("b", "../2011-02-03", "Clashes", None, "s2")
        ),
        2
    );
    // The act's word alone, without a place in common, is not enough:
    // demonstrations in Cairo and in Milan on one Sunday.
    let protest = |mut e: Event| {
        e.kind = annals::model::Kind::Protest;
        e
    };
    let demonstrations = |place: Option<&str>| {
        apart(
            protest(clash("a", day, "Demonstrations", Some("Cairo"), "s1")),
            protest(clash("b", day, "Demonstrations", place, "s2")),
        )
    };
    assert_eq!(demonstrations(None), 2);
    assert_eq!(demonstrations(Some("Cairo")), 1, "the same place");
    assert_eq!(
        apart(
            clash("a", day, "Clashes", None, "s1"),
            clash("b", day, "Clashes on streets", None, "s2")
        ),
        2
    );
    // A shared word that names no act ("state") is not enough.
    assert_eq!(
        apart(
            clash("a", day, "State forces fire", None, "s1"),
            clash(
                "b",
                day,
                "Clashes according to state television",
                None,
                "s2"
            )
        ),
        2
    );
    // Named participants on both sides and none in common.
    let named = |id: &str, title: &str, actor: &str, source: &str| {
        let mut e = act(id, "assault", title, &[actor], &[], source);
        e.date = day.parse().unwrap();
        e
    };
    let egypt = named("a", "Brotherhood clashes", "Muslim Brotherhood", "s1");
    let other = named("b", "Hamas clashes", "Hamas", "s2");
    assert_eq!(apart(egypt, other), 2);
}

/// One report of an act as a happening makes the merged event one; only
/// when every report gives it as a purpose or an unrealised effect is it a
/// link end ([`annals::model::LINK_END`]).
#[test]
fn a_happening_in_one_report_is_a_happening_merged() {
    let mut s = sample();
    s.events[0].tags.push(annals::model::LINK_END.into());
    let m = merge(s.clone());
    let resign = m.events.iter().find(|e| e.id == "a1").unwrap();
    assert!(!resign.is_link_end(), "a2 reports it as a happening");
    s.events[1].tags.push(annals::model::LINK_END.into());
    let m = merge(s);
    let resign = m.events.iter().find(|e| e.id == "a1").unwrap();
    assert!(resign.is_link_end(), "{:?}", resign.tags);
    assert!(!m.clone().happenings().events.iter().any(|e| e.id == "a1"));
    assert!(
        !m.happenings()
            .links
            .iter()
            .any(|l| l.from == "a1" || l.to == "a1"),
        "its links go with it"
    );
}
