//! The temporal tagger: pinned resolutions of each kind of expression, the
//! article's dates, the CLI's JSON Lines, and no panic on any input.

use annals::time::{tag, DocType};
use chrono::NaiveDate;
use proptest::prelude::*;

use crate::util::{root, run_in};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The pinned cases of `tests/data/timex_cases.toml`: one table a case.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    pinned: Vec<Pinned>,
    in_context: Vec<InContext>,
    untagged: Vec<Untagged>,
    story: Vec<Story>,
}

/// A whole text tagged against `dct` as `doc_type` (narrative unless
/// given): its expressions, in order, are `found`, each as its text and
/// value (none at all when `found` is empty).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Story {
    text: String,
    dct: String,
    doc_type: Option<String>,
    found: Vec<(String, String)>,
}

/// A word that is no temporal expression where it stands: no expression
/// found in `text` (tagged as news against `dct`) contains `word`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Untagged {
    text: String,
    dct: String,
    word: String,
}

/// A sentence tagged as news against `dct`: the expression `expr` has
/// this type, value, mod and (when given) store date.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Pinned {
    text: String,
    dct: String,
    expr: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(rename = "mod")]
    modifier: Option<String>,
    date: Option<String>,
}

/// The words around an expression decide which day, month or year it
/// is: the expression whose text contains `expr` has `value`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct InContext {
    text: String,
    dct: String,
    expr: String,
    value: String,
}

fn cases() -> CaseFile {
    let path = root().join("tests/data/timex_cases.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn each_kind_of_expression_resolves_as_pinned() {
    let cases = cases().pinned;
    assert!(cases.len() > 40);
    for c in cases {
        let found = tag(&c.text, day(&c.dct), DocType::News);
        let expr = &c.expr;
        let t = found
            .iter()
            .find(|t| t.text == *expr)
            .unwrap_or_else(|| panic!("{expr:?} not found in {:?}: {found:?}", c.text));
        assert_eq!(t.kind.to_string(), c.kind, "{expr}");
        assert_eq!(t.value, c.value, "{expr}");
        assert_eq!(t.modifier, c.modifier, "{expr}");
        if let Some(d) = &c.date {
            assert_eq!(
                t.date.as_ref().map(|d| d.to_string()).as_ref(),
                Some(d),
                "{expr}"
            );
        }
    }
}

#[test]
fn words_that_refer_to_no_time_where_they_stand_are_untagged() {
    let cases = cases().untagged;
    assert!(!cases.is_empty());
    for c in cases {
        let found = tag(&c.text, day(&c.dct), DocType::News);
        let hit = found.iter().find(|t| t.text.contains(&c.word));
        assert!(
            hit.is_none(),
            "{:?} tagged in {:?}: {hit:?}",
            c.word,
            c.text
        );
    }
}

#[test]
fn a_happening_the_text_dated_anchors_what_is_counted_from_it() {
    let text = "The envoy was shot dead last Oct. 23 outside his home. \
                On Tuesday, officials discussed the shooting. \
                A neighbour noticed a van ten days before the shooting, and again \
                at 6 a.m. five days before the shooting. \
                Police searched the street the day after his death.";
    let found = tag(text, day("1999-04-19"), DocType::News);
    let value = |e: &str| found.iter().find(|t| t.text == e).map(|t| t.value.clone());
    // The first dating holds: Tuesday's discussion does not move it.
    assert_eq!(
        value("ten days before the shooting").as_deref(),
        Some("1998-10-13")
    );
    // A clock time takes the day that follows it.
    assert_eq!(
        value("6 a.m. five days before the shooting").as_deref(),
        Some("1998-10-18T06:00")
    );
    assert_eq!(
        value("the day after his death").as_deref(),
        Some("1998-10-24")
    );
    // "In the weeks before" it: about its month.
    let found = tag(
        "Prosecutors on Thursday charged a man with the killing. The judge was \
         shot on the night of Oct. 23. A grey van was seen in the weeks before \
         the shooting.",
        day("1999-05-06"),
        DocType::News,
    );
    let weeks = found
        .iter()
        .find(|t| t.text == "the weeks before the shooting")
        .unwrap_or_else(|| panic!("{found:?}"));
    // The day written with its number outranks Thursday's mention.
    assert_eq!(weeks.value, "1998-10");
    // A clock time beside it, with no day of its own, is on its day.
    let found = tag(
        "The mayor was shot dead last Oct. 23. He was shot at 10 p.m. outside his office.",
        day("1999-04-19"),
        DocType::News,
    );
    let clock = found.iter().find(|t| t.text == "10 p.m.").unwrap();
    assert_eq!(clock.value, "1998-10-23T22:00");
    // Undated, it stays a length of time.
    let found = tag(
        "They met two weeks before the election.",
        day("2020-09-29"),
        DocType::News,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].value, "P2W");
}

#[test]
fn each_story_tells_its_dates_in_order() {
    let cases = cases().story;
    assert!(cases.len() > 30);
    for c in cases {
        let doc_type = c
            .doc_type
            .as_deref()
            .unwrap_or("narrative")
            .parse()
            .unwrap();
        let found: Vec<(String, String)> = tag(&c.text, day(&c.dct), doc_type)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect();
        assert_eq!(found, c.found, "{:?}", c.text);
    }
}

#[test]
fn context_decides_the_day_month_and_year() {
    let cases = cases().in_context;
    assert!(cases.len() > 100);
    for c in cases {
        let found = tag(&c.text, day(&c.dct), DocType::News);
        let expr = &c.expr;
        let t = found
            .iter()
            .find(|t| t.text.contains(expr.as_str()))
            .unwrap_or_else(|| panic!("{expr:?} not found in {:?}: {found:?}", c.text));
        assert_eq!(t.value, c.value, "{expr:?} in {:?}", c.text);
    }
}

#[test]
fn conversation_reads_a_forward_cue_anywhere_in_the_sentence() {
    // In news, only the clause that governs the day counts (a present
    // copula says nothing, so the day is the last one; a present verb
    // would tell a fixture, "Friday works for me"); in conversation any
    // forward cue in the sentence does.
    let text = "Friday is fine for me, and my brother will bring his old car for the trip.";
    let value = |doc_type| {
        tag(text, day("2020-09-29"), doc_type)
            .into_iter()
            .find(|t| t.text == "Friday")
            .map(|t| t.value)
    };
    assert_eq!(value(DocType::News).as_deref(), Some("2020-09-25"));
    assert_eq!(value(DocType::Colloquial).as_deref(), Some("2020-10-02"));
}

#[test]
fn narrative_text_counts_from_the_last_date_it_mentioned() {
    let text = "On March 3, 1918, the treaty was signed. Two days later, fighting stopped. On Monday, troops left.";
    let found = tag(text, day("2020-01-01"), DocType::Narrative);
    let value = |e: &str| found.iter().find(|t| t.text == e).map(|t| t.value.clone());
    assert_eq!(value("March 3, 1918").as_deref(), Some("1918-03-03"));
    // A gap after a date names the day it reaches: a date.
    let gap = found.iter().find(|t| t.text == "Two days later").unwrap();
    assert_eq!(gap.value, "1918-03-05");
    assert_eq!(
        gap.date.as_ref().map(|d| (d.earliest(), d.latest())),
        Some((day("1918-03-05"), day("1918-03-05")))
    );
    // The story moves forward: the Monday after the last day it told of.
    assert_eq!(value("Monday").as_deref(), Some("1918-03-11"));
    let news = tag(
        "On Monday, troops left.",
        day("2020-01-01"),
        DocType::Narrative,
    );
    assert_eq!(
        news[0].value, "XXXX-WXX-1",
        "no date mentioned yet: underspecified, not invented"
    );
}

#[test]
fn the_article_resolves_against_its_publication_date() {
    let out = run_in(
        &root(),
        &[
            "timex",
            "--dct",
            "2020-09-29",
            "examples/2020-09-29-us-iraq-embassy-evacuation.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let find = |text: &str| {
        lines
            .iter()
            .find(|l| l["text"] == text)
            .unwrap_or_else(|| panic!("{text} missing"))
    };
    let a_week_ago = find("A week ago");
    assert_eq!(a_week_ago["value"], "2020-09-22");
    assert_eq!(a_week_ago["earliest"], "2020-09-20");
    assert_eq!(a_week_ago["latest"], "2020-09-24");
    let late = find("Late last week");
    assert_eq!(
        (late["value"].as_str(), late["mod"].as_str()),
        (Some("2020-W39"), Some("END"))
    );
    assert_eq!(
        (late["earliest"].as_str(), late["latest"].as_str()),
        (Some("2020-09-25"), Some("2020-09-27"))
    );
    assert_eq!(find("last Monday")["value"], "2020-09-28");
    assert_eq!(find("January 3, 2020")["value"], "2020-01-03");
    assert_eq!(find("recent weeks")["value"], "PAST_REF");
    assert_eq!(find("last week")["value"], "2020-W39");
    // Offsets are code points: the curly quotes before them are one each.
    let text =
        std::fs::read_to_string(root().join("examples/2020-09-29-us-iraq-embassy-evacuation.txt"))
            .unwrap();
    let chars: Vec<char> = text.chars().collect();
    let (b, e) = (
        a_week_ago["begin"].as_u64().unwrap() as usize,
        a_week_ago["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[b..e].iter().collect::<String>(), "A week ago");
}

#[test]
fn a_bad_batch_line_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("docs.jsonl");
    std::fs::write(
        &path,
        "{\"id\": \"a\", \"dct\": \"2020-09-29\", \"text\": \"It rained yesterday.\"}\n{\"id\": \"b\", \"dct\": \"2020-02-30\", \"text\": \"x\"}\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["timex", "--docs", "docs.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"doc\":\"a\""));
    assert!(String::from_utf8_lossy(&out.stderr).contains("docs.jsonl:2:1: error"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn no_input_panics_and_spans_are_inside_the_text(text in "(\\PC|[0-9 /:.'-]|May|Monday|last|week|ago){0,200}") {
        let found = tag(&text, day("2020-09-29"), DocType::News);
        let chars = text.chars().count();
        let mut last_end = 0;
        for t in &found {
            prop_assert!(t.begin < t.end && t.end <= chars);
            prop_assert!(t.begin >= last_end, "overlap");
            prop_assert!(text.is_char_boundary(t.byte_begin) && text.is_char_boundary(t.byte_end));
            prop_assert_eq!(&text[t.byte_begin..t.byte_end], t.text.as_str());
            last_end = t.end;
        }
    }

    /// Random sentences made of the words the rules look for, so that the
    /// rules themselves (not only the scanner) meet odd neighbours.
    #[test]
    fn temporal_word_salad_does_not_panic(
        words in prop::collection::vec(prop::sample::select(SALAD), 0..40),
        doc_type in prop::sample::select(&[DocType::News, DocType::Narrative, DocType::Colloquial][..]),
    ) {
        let text = words.join(" ");
        let found = tag(&text, day("2020-09-29"), doc_type);
        let mut last_end = 0;
        for t in &found {
            prop_assert!(t.begin < t.end && t.begin >= last_end);
            prop_assert_eq!(&text[t.byte_begin..t.byte_end], t.text.as_str());
            last_end = t.end;
        }
    }

    #[test]
    fn long_inputs_do_not_panic(word in "[A-Za-z0-9]{1,12}", n in 1usize..2000) {
        let text = format!("{word} ").repeat(n);
        let _ = tag(&text, day("2020-09-29"), DocType::Colloquial);
    }
}

/// The vocabulary of [`temporal_word_salad_does_not_panic`].
const SALAD: &[&str] = &[
    "until",
    "by",
    "since",
    "as",
    "soon",
    "early",
    "mid",
    "-",
    "late",
    "the",
    "end",
    "of",
    "a",
    "an",
    "couple",
    "same",
    "period",
    "that",
    "earlier",
    "later",
    "in",
    "day",
    "week",
    "month",
    "year",
    "quarter",
    "quarters",
    "half",
    "first",
    "last",
    "next",
    "this",
    "past",
    "ago",
    "November",
    "May",
    "Friday",
    "Sunday",
    "night",
    "morning",
    "spring",
    ",",
    ".",
    ";",
    "10",
    "p.m.",
    "0800",
    "UTC",
    "GMT",
    "1990",
    "2020",
    "29",
    "9/29/2020",
    "nineteen",
    "ninety-four",
    "two",
    "thousand",
    "and",
    "has",
    "have",
    "been",
    "will",
    "said",
    "to",
    "be",
    "had",
    "was",
    "'",
    "s",
    "'80s",
    "1990s",
    "century",
    "decade",
    "weeks",
    "six",
    "consecutive",
    "noon",
    "midnight",
    "Christmas",
    "Easter",
    "fiscal",
    "ended",
    "year-end",
    "now",
    "recent",
    "every",
    "daily",
    "1/2",
    "Sept.",
    "(Reuters)",
    "BAGHDAD",
];
