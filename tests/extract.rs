//! `annals extract`: the pinned article, the readers, writing store files
//! safely, batches, and no panic on any input.

use annals::extract::{extract, Article, Lexicon, Overrides};
use annals::model::{Kind, Mode, Store};
use proptest::prelude::*;

use crate::util::{expect_code, root, run_in};

const ARTICLE: &str = "examples/2020-09-29-us-iraq-embassy-evacuation.txt";

fn article_store() -> Store {
    let a = Article::from_path(&root().join(ARTICLE), &Overrides::default()).unwrap();
    assert_eq!(
        a.published.to_string(),
        "2020-09-29",
        "the byline gives the publication date"
    );
    extract(&a, Lexicon::shipped())
}

fn find<'s>(store: &'s Store, kind: Kind, quote_has: &str) -> &'s annals::model::Event {
    store
        .events
        .iter()
        .find(|e| e.kind == kind && e.sources.iter().any(|c| c.quote.contains(quote_has)))
        .unwrap_or_else(|| panic!("no {kind} event from a sentence with {quote_has:?}"))
}

#[test]
fn the_article_yields_its_dated_events_with_their_modes() {
    let s = article_store();
    let soleimani = s
        .events
        .iter()
        .find(|e| e.kind == Kind::Assault && e.date.as_str() == "2020-01-03")
        .expect("the strike that killed Soleimani, 3 January 2020");
    assert!(soleimani.sources[0].quote.contains("Suleimani"));

    let threat = find(&s, Kind::Threaten, "Pompeo threatened");
    assert_eq!(threat.date.as_str(), "2020-09-22~");
    assert_eq!(threat.actors[0].name, "Mike Pompeo");
    assert!(matches!(threat.mode, Mode::Asserted | Mode::Reported));

    let preparations = find(&s, Kind::Retreat, "began direct preparations");
    assert_eq!(preparations.date.as_str(), "late 2020-W39");
    assert_eq!(preparations.mode, Mode::Planned);
    assert_eq!(preparations.actors[0].country.as_deref(), Some("USA"));
    // Withdrawal, reduction of the presence, evacuation, departure: one
    // retreat, by `[withdrawing]` and the within-article merge.
    assert_eq!(preparations.sources.len(), 5, "{:?}", preparations.sources);

    // "Threatened to close the U.S. embassy", "might close its embassy":
    // closing one's own embassy is a retreat, one threatened closure.
    let closure = find(&s, Kind::Retreat, "Pompeo threatened");
    assert_eq!(closure.mode, Mode::Threatened);
    assert_eq!(closure.date.as_str(), "2020-09-22~");
    assert_eq!(closure.sources.len(), 2, "{:?}", closure.sources);

    let sadr = find(&s, Kind::Request, "al-Sadr");
    assert_eq!(sadr.date.as_str(), "2020-W39");
    assert_eq!(sadr.actors[0].name, "Muqtada al-Sadr");

    let rockets = find(&s, Kind::Assault, "two rockets");
    assert_eq!(rockets.date.as_str(), "2020-09-28");
    assert_eq!(rockets.killed, Some(5));
    assert_eq!(rockets.place.as_deref(), Some("Baghdad"));
    assert_eq!(
        rockets.mode,
        Mode::Reported,
        "Iraqi military officials said it"
    );

    let convoys = find(&s, Kind::Assault, "convoys");
    assert_eq!(
        convoys.date.granularity(),
        annals::model::Granularity::Range,
        "in recent weeks"
    );
    assert!(convoys.date.latest().to_string() == "2020-09-29");
    find(&s, Kind::Assault, "green zone");

    let order = find(&s, Kind::Mobilize, "ordered to harshly halt");
    assert_eq!(order.mode, Mode::Reported);

    // Threatened, feared, conditional: never written as things that happened.
    for e in s.events.iter().filter(|e| e.kind == Kind::Retreat) {
        assert!(
            e.mode.is_unrealised(),
            "{} is a withdrawal that did not happen, not {}",
            e.title,
            e.mode
        );
    }
    let feared = find(&s, Kind::Assault, "fear the departure");
    assert_eq!(feared.mode, Mode::Feared);
}

/// The article's events, happenings and link ends: no more than 20 in
/// all, each of `events/` among them (the test above).
#[test]
fn the_article_gives_twenty_events() {
    let s = article_store();
    let link_ends = s.events.iter().filter(|e| e.is_link_end()).count();
    let titles: Vec<&str> = s.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        (s.events.len() - link_ends, link_ends),
        (18, 2),
        "{titles:#?}"
    );
}

#[test]
fn the_article_orders_soleimanis_death_before_the_shelling() {
    let s = article_store();
    let death = s
        .events
        .iter()
        .find(|e| e.date.as_str() == "2020-01-03" && e.title.to_lowercase().contains("death"))
        .expect("the death of Soleimani, 3 January 2020");
    let link = s
        .links
        .iter()
        .find(|l| l.from == death.id)
        .expect("a link from the death");
    // "Shelling became more frequent after the death…": "after" alone
    // orders two events; it does not say that one caused the other.
    assert_eq!(link.relation, annals::model::Relation::Precedes);
    let shelling = s.events.iter().find(|e| e.id == link.to).unwrap();
    assert!(shelling.title.starts_with("Shell"), "{}", shelling.title);
    assert_eq!(shelling.date.earliest().to_string(), "2020-01-03");
}

#[test]
fn every_event_cites_its_sentence_by_span() {
    let s = article_store();
    let text: Vec<char> = std::fs::read_to_string(root().join(ARTICLE))
        .unwrap()
        .chars()
        .collect();
    for e in &s.events {
        let c = &e.sources[0];
        let [b, end] = c.span.unwrap();
        assert_eq!(text[b..end].iter().collect::<String>(), c.quote, "{}", e.id);
        assert_eq!(c.id, s.sources[0].id);
    }
}

#[test]
fn extracted_store_passes_check_and_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let art = root().join(ARTICLE);
    let art = art.to_str().unwrap();
    let first = run_in(dir.path(), &["extract", art]);
    let again = run_in(dir.path(), &["extract", art]);
    expect_code(&first, 0);
    assert_eq!(first.stdout, again.stdout);
    std::fs::write(dir.path().join("x.toml"), &first.stdout).unwrap();
    let check = run_in(dir.path(), &["check", "x.toml"]);
    expect_code(&check, 0);
}

#[test]
fn out_refuses_to_overwrite_and_update_keeps_edits() {
    let dir = tempfile::tempdir().unwrap();
    let art = root().join(ARTICLE);
    let art = art.to_str().unwrap();
    let out = run_in(dir.path(), &["extract", art, "--out", "store"]);
    expect_code(&out, 0);
    let file = dir
        .path()
        .join("store/2020-09-29-us-iraq-embassy-evacuation.toml");
    let written = std::fs::read_to_string(&file).unwrap();

    let refused = run_in(dir.path(), &["extract", art, "--out", "store"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--update"));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        written,
        "nothing written"
    );

    // A person edits a title, deletes an event and adds a link.
    let first_title = written
        .lines()
        .find(|l| l.starts_with("title = ") && !l.contains("Diplomatic evacuation"))
        .unwrap();
    let mut edited = written.replacen(first_title, "title = \"My own wording\"", 1);
    edited.push_str("\n# my note\n");
    std::fs::write(&file, &edited).unwrap();
    let updated = run_in(dir.path(), &["extract", art, "--out", "store", "--update"]);
    expect_code(&updated, 0);
    let after = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        after, edited,
        "nothing new: the person's file is untouched, byte for byte"
    );
    assert!(after.contains("My own wording") && after.contains("# my note"));
    let check = run_in(dir.path(), &["check", "store"]);
    expect_code(&check, 0);
}

#[test]
fn readers_take_markdown_and_html() {
    let md = Article::from_path(
        &root().join("tests/data/articles/talks.md"),
        &Overrides::default(),
    )
    .unwrap();
    assert_eq!(md.title, "Talks collapse in Geneva");
    assert_eq!(md.published.to_string(), "2021-03-10");
    assert_eq!(md.author.as_deref(), Some("A. Reporter"));
    let s = extract(&md, Lexicon::shipped());
    let reject = s
        .events
        .iter()
        .find(|e| e.kind == Kind::Reject)
        .expect("Russia rejected the proposal");
    assert_eq!(
        reject.date.as_str(),
        "2021-03-08",
        "on Monday, before the 10th"
    );
    assert_eq!(reject.actors[0].country.as_deref(), Some("RUS"));

    let html = Article::from_path(
        &root().join("tests/data/articles/page.html"),
        &Overrides::default(),
    )
    .unwrap();
    assert_eq!(html.title, "Protests spread to Alexandria");
    assert_eq!(html.published.to_string(), "2011-01-28");
    assert_eq!(html.outlet, "Example News");
    assert_eq!(html.url, "https://example.org/protests");
    assert!(html.text.contains("Thousands of protesters marched"));
    for noise in [
        "tracking",
        "color",
        "Home",
        "Related",
        "Copyright",
        "arrested the editor",
    ] {
        assert!(
            !html.text.contains(noise),
            "{noise} leaked into the text: {}",
            html.text
        );
    }
}

#[test]
fn missing_dates_and_binary_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let undated = root().join("tests/data/articles/undated.txt");
    let out = run_in(
        dir.path(),
        &["extract", undated.to_str().unwrap(), "--out", "store"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("undated.txt") && err.contains("--published"),
        "{err}"
    );
    assert!(
        !dir.path().join("store/undated.toml").exists(),
        "nothing written"
    );
    let ok = run_in(
        dir.path(),
        &[
            "extract",
            undated.to_str().unwrap(),
            "--published",
            "2020-05-04",
        ],
    );
    assert_eq!(ok.status.code(), Some(0));

    let binary = root().join("tests/data/articles/binary.txt");
    let out = run_in(dir.path(), &["extract", binary.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("binary.txt:2:1:"), "{err}");
    assert!(err.contains("error: the file is not UTF-8"), "{err}");
}

#[test]
fn batches_stream_events_and_report_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("docs.jsonl"),
        concat!(
            "{\"id\": \"a\", \"published\": \"2011-01-28\", \"text\": \"Police fired tear gas at protesters in Cairo on Tuesday.\"}\n",
            "{\"id\": \"b\", \"published\": \"not a date\", \"text\": \"x\"}\n",
        ),
    )
    .unwrap();
    let out = run_in(dir.path(), &["extract", "--docs", "docs.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("docs.jsonl:2:"));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0]["type"], "source",
        "the article's source comes first"
    );
    assert_eq!(lines[0]["id"], "a");
    let line = &lines[1];
    assert_eq!(line["sources"][0]["id"], "a");
    assert_eq!(line["kind"], "coerce");
    assert_eq!(line["date"], "2011-01-25");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_text_panics_the_extractor(text in "(\\PC|[.,;()\"'-]| |said|attacked|Iraq|U\\.S\\.|last week|\n){0,300}") {
        let a = Article::new("p", chrono::NaiveDate::from_ymd_opt(2020, 9, 29).unwrap(), text);
        let s = extract(&a, Lexicon::shipped());
        let ids: std::collections::HashSet<&str> = s.events.iter().map(|e| e.id.as_str()).collect();
        prop_assert_eq!(ids.len(), s.events.len(), "ids are unique");
        // Written and read back, the store has no problems: every id is
        // valid, every link and citation resolves.
        let text = annals::store::write::toml_text(&s).expect("serializable");
        let (_, problems) = annals::store::parse("extracted.toml", &text);
        prop_assert!(problems.is_empty(), "{:?}\n{}", problems, text);
    }

    #[test]
    fn no_markup_panics_the_html_reader(html in "(<[a-z/!]{0,8}[^>]{0,20}>?|[^<]{0,30}|<meta property=\"article:published_time\" content=\"[0-9T:-]{0,20}\">){0,30}") {
        let _ = Article::from_text(&html, "page.html", "page", &Overrides::default());
    }
}

/// Each document's store of a `--docs` batch (JSON Lines), in order.
fn extract_batch(lines: &str) -> Vec<Store> {
    let mut stores = Vec::new();
    annals::batch::extract_docs(
        "docs.jsonl",
        lines.as_bytes(),
        Lexicon::shipped(),
        &mut |x| {
            stores.push(x.store);
            Ok(())
        },
    )
    .unwrap();
    stores
}

/// The quote of each event of a store, the sentence it was read from.
fn quotes(store: &Store) -> Vec<&str> {
    store
        .events
        .iter()
        .map(|e| e.sources[0].quote.as_str())
        .collect()
}

#[test]
fn a_sentence_repeated_across_a_batch_is_furniture() {
    let furniture = "Police arrested the moderators of the comment section in Cairo.";
    let lines: String = (0..6)
        .map(|i| {
            let text = format!("Troops shelled village {i} on Monday. {furniture}");
            format!("{{\"id\": \"d{i}\", \"published\": \"2011-01-28\", \"text\": \"{text}\"}}\n")
        })
        .collect();
    let stores = extract_batch(&lines);
    assert_eq!(stores.len(), 6);
    for s in &stores {
        let quotes = quotes(s);
        assert!(quotes.iter().any(|q| q.contains("shelled")), "{quotes:?}");
        assert!(
            !quotes.iter().any(|q| q.contains("moderators")),
            "{quotes:?}"
        );
    }
    // One article alone has no furniture: the same sentence is read.
    let one = extract(
        &Article::new(
            "one",
            chrono::NaiveDate::from_ymd_opt(2011, 1, 28).unwrap(),
            furniture,
        ),
        Lexicon::shipped(),
    );
    assert!(one
        .events
        .iter()
        .any(|e| e.sources[0].quote.contains("moderators")));
}

#[test]
fn a_teaser_of_another_story_on_the_page_is_not_read() {
    // Every page is about Cairo; each also carries a teaser of its own
    // about somewhere else, which names nothing of the batch's topic (a
    // lone one between two sentences of the topic would stay). No
    // sentence repeats: none is furniture.
    let elsewhere = ["Somalia", "Nigeria", "Belgium", "Peru", "Chile", "Fiji"];
    let lines: String = (0..6)
        .map(|i| {
            let text = format!(
                "Police in Cairo arrested {} protesters on Monday. \
                 Mubarak met the army chief in Cairo on day {i}. \
                 Rebels in {} attacked a convoy near {}.",
                10 + i,
                elsewhere[i],
                elsewhere[(i + 1) % 6]
            );
            format!("{{\"id\": \"d{i}\", \"published\": \"2011-01-28\", \"text\": \"{text}\"}}\n")
        })
        .collect();
    let stores = extract_batch(&lines);
    for s in &stores {
        let quotes = quotes(s);
        assert!(quotes.iter().any(|q| q.contains("arrested")), "{quotes:?}");
        assert!(quotes.iter().any(|q| q.contains("met")), "{quotes:?}");
        assert!(!quotes.iter().any(|q| q.contains("convoy")), "{quotes:?}");
    }
}

/// The scorers of the project (and programs like them) read `extract
/// --docs` output a line at a time: every line has an `id`, and every
/// event its `doc`, even when two documents report the same happening.
#[test]
fn printed_batches_keep_each_documents_events_with_their_doc() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Police arrested the opposition leader in Cairo on Monday.";
    std::fs::write(
        dir.path().join("docs.jsonl"),
        format!(
            "{{\"id\": \"a\", \"published\": \"2011-01-28\", \"text\": \"{text}\"}}\n\
             {{\"id\": \"b\", \"published\": \"2011-01-28\", \"text\": \"{text}\"}}\n"
        ),
    )
    .unwrap();
    let out = run_in(dir.path(), &["extract", "--docs", "docs.jsonl"]);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.iter().all(|l| l["id"].is_string()), "{lines:?}");
    let events: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l.get("type").is_none()).collect();
    for doc in ["a", "b"] {
        assert!(
            events.iter().any(|e| e["doc"] == doc),
            "no event of {doc}: {events:?}"
        );
    }
}

/// A purpose is no happening but the reason of an act: the store keeps it
/// as an end of its link, planned and tagged `link-end`; `dot` and `why`
/// show it, the timeline does not unless asked with `--tag link-end`
/// (the brief drops it as the timeline does, [`Store::happenings`]).
#[test]
fn a_purpose_is_a_node_of_the_graph_not_a_line_of_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Police in Cairo\n\nPolice fired tear gas on Monday to disperse the protesters in Tahrir Square.\n";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let run = |args: &[&str]| {
        let out = run_in(dir.path(), args);
        expect_code(&out, 0);
        String::from_utf8(out.stdout).unwrap()
    };
    run(&[
        "extract",
        "a.txt",
        "--published",
        "2011-02-01",
        "--out",
        "store",
    ]);
    let store = annals::store::load(dir.path().join("store").to_str().unwrap()).unwrap();
    let id = |word: &str| {
        store
            .events
            .iter()
            .find(|e| e.id.contains(word))
            .unwrap_or_else(|| panic!("no event {word}: {:?}", store.events))
    };
    let (fired, disperse) = (id("fire"), id("disperse"));
    assert!(!fired.is_link_end() && fired.mode == Mode::Asserted);
    assert!(disperse.is_link_end() && disperse.mode == Mode::Planned);
    assert!(store
        .links
        .iter()
        .any(|l| l.from == disperse.id && l.to == fired.id));
    let timeline = run(&["timeline", "store", "--format", "json"]);
    assert!(timeline.contains(fired.id.as_str()) && !timeline.contains(disperse.id.as_str()));
    let nodes = run(&["timeline", "store", "--tag", "link-end", "--format", "json"]);
    let nodes: serde_json::Value = serde_json::from_str(&nodes).unwrap();
    let ids: Vec<&str> = nodes["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert!(ids.contains(&disperse.id.as_str()) && !ids.contains(&fired.id.as_str()));
    assert!(run(&["dot", "store"]).contains(disperse.id.as_str()));
    assert!(run(&["why", fired.id.as_str(), "store"]).contains("isperse"));
}
