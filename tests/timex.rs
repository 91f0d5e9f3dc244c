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
fn the_next_day_needs_a_day_to_follow() {
    let found = tag(
        "The envoy left the next day.",
        day("2020-09-30"),
        DocType::News,
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_age_is_not_a_decade() {
    for text in ["She is in her 30s.", "men in their early 20s"] {
        let found = tag(text, day("2020-09-29"), DocType::News);
        assert!(found.is_empty(), "{text:?}: {found:?}");
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
fn threats_of_ambiguity_are_not_dates() {
    for text in [
        "Baker said on ABC's This Week that talks go on.",
        "You may go.",
        "They march on.",
        "A 6-year-old boy.",
        "It cost $2000.",
        "He paid 1500 dollars.",
        "They joined the March on Washington.",
        "Guards stood there 24 hours a day, seven days a week.",
        "It was seen in the days before the vote.",
        "The store is open 365 days a year and 24 hours a day.",
        "Between 1500 and 2000 people marched.",
        "She gave an interview to '60 Minutes.",
        "They marched in the Summer of Peace rallies.",
    ] {
        let found = tag(text, day("2020-09-29"), DocType::News);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
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

/// Values of the expressions of a narrative text, in order.
fn story(text: &str) -> Vec<(String, String)> {
    tag(text, day("2009-12-19"), DocType::Narrative)
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn a_story_moves_forward_across_the_turn_of_the_year() {
    // Months told without a year follow the story forward: January after
    // November is the next year's; "later that month" and "the following
    // year" count from where the story stands.
    assert_eq!(
        story("In October 1942 the offensive began. In November the army crossed the river. In January, the siege ended. On 2 February the last units surrendered. Later that month, the front moved west. The following year, the army took Kiev."),
        pairs(&[
            ("October 1942", "1942-10"),
            ("November", "1942-11"),
            ("January", "1943-01"),
            ("2 February", "1943-02-02"),
            ("Later that month", "1943-02"),
            ("The following year", "1944"),
        ])
    );
}

#[test]
fn a_story_takes_its_year_from_the_last_date_it_told() {
    // A year alone moves the story; a month-day without a year takes it.
    assert_eq!(
        story("In 1940 the army advanced. On June 10, Italy declared war. Twelve days later, France signed."),
        pairs(&[
            ("1940", "1940"),
            ("June 10", "1940-06-10"),
            ("Twelve days later", "1940-06-22"),
        ])
    );
}

#[test]
fn a_story_moves_forward_to_the_next_year_only_when_far_behind() {
    // "April" after September 1939 is the next April...
    assert_eq!(
        story("On September 1, 1939, Germany attacked Poland. In April, it invaded Norway."),
        pairs(&[("September 1, 1939", "1939-09-01"), ("April", "1940-04")])
    );
    // ...but a month a little behind stays in the story's year: no move
    // backward into the last year without a reason.
    assert_eq!(
        story("In September 1940 the Blitz began. Italy had attacked Malta in June, and Greece in October."),
        pairs(&[
            ("September 1940", "1940-09"),
            ("June", "1940-06"),
            ("October", "1940-10"),
        ])
    );
}

#[test]
fn a_story_counts_later_that_month_and_the_following_year_from_its_point() {
    assert_eq!(
        story("The landing began on July 9, 1943. Later that month, Mussolini fell. The following year, Rome was taken. The previous year had been worse."),
        pairs(&[
            ("July 9, 1943", "1943-07-09"),
            ("Later that month", "1943-07"),
            ("The following year", "1944"),
            ("The previous year", "1943"),
        ])
    );
}

#[test]
fn the_same_month_and_the_same_year_are_the_storys() {
    assert_eq!(
        story("The crisis began on August 23, 1958. In the same month, the fleet sailed. It ended in November of the same year. That same year, talks began."),
        pairs(&[
            ("August 23, 1958", "1958-08-23"),
            ("the same month", "1958-08"),
            ("November of the same year", "1958-11"),
            ("That same year", "1958"),
        ])
    );
}

#[test]
fn an_aside_does_not_move_the_story() {
    // "since 513 BC" bounds a state; the story stays in 492 BC.
    assert_eq!(
        story("The first campaign, in 492 BC, re-subjugated Thrace, which had been Persian since 513 BC. The following year, envoys were sent."),
        pairs(&[
            ("492 BC", "BC0492"),
            ("513 BC", "BC0513"),
            ("The following year", "BC0491"),
        ])
    );
    // A plan for a later year does not move the story there either.
    assert_eq!(
        story("On 10 March 1975 the offensive began, so that the coast would be open for a campaign in 1976. On 11 March, the defence collapsed."),
        pairs(&[
            ("10 March 1975", "1975-03-10"),
            ("1976", "1976"),
            ("11 March", "1975-03-11"),
        ])
    );
}

#[test]
fn what_a_bound_governs_does_not_move_the_story() {
    // The date inside "until the fall of …" ends a state; the story stays
    // in 1944, so July after it is July 1944, not 1945.
    assert_eq!(
        story("In September 1944, the Soviets launched an assault against Hungary that lasted until the fall of Budapest in February 1945. By the start of July, the Japanese had captured Changsha."),
        pairs(&[
            ("September 1944", "1944-09"),
            ("February 1945", "1945-02"),
            ("the start of July", "1944-07"),
        ])
    );
    assert_eq!(
        story("In June 1944, the Allies landed. The war in Europe went on until the fall of Berlin in May 1945. In August, Paris was freed."),
        pairs(&[
            ("June 1944", "1944-06"),
            ("May 1945", "1945-05"),
            ("August", "1944-08"),
        ])
    );
}

#[test]
fn a_perfect_bounded_by_a_month_looks_forward() {
    // "had been repulsed by January": the state reached by then, after
    // December 1944; a past perfect alone still looks back ("had attacked
    // Malta in June" in September 1940 is June 1940).
    assert_eq!(
        story("On December 16, 1944, Germany attacked in the Ardennes. The offensive had been repulsed by January with no objectives fulfilled."),
        pairs(&[("December 16, 1944", "1944-12-16"), ("January", "1945-01")])
    );
    assert_eq!(
        story("On December 16, 1944, Germany attacked. The offensive had stalled by the end of January."),
        pairs(&[
            ("December 16, 1944", "1944-12-16"),
            ("the end of January", "1945-01"),
        ])
    );
}

#[test]
fn a_winter_without_its_year_leaves_the_story_in_its_year() {
    // The winter the story stands in: January after it is still 1905's,
    // not the January after a December 1905.
    assert_eq!(
        story("In 1905 the campaign resumed. The severe winter halted the armies. On January 25, the Second Army attacked."),
        pairs(&[
            ("1905", "1905"),
            ("winter", "1905-WI"),
            ("January 25", "1905-01-25"),
        ])
    );
}

#[test]
fn years_in_a_range_are_years() {
    assert_eq!(
        story("The Eastern Theater 1861-1863 and the battle of 2007-08 were long."),
        pairs(&[
            ("1861", "1861"),
            ("1863", "1863"),
            ("2007", "2007"),
            ("08", "2008"),
        ])
    );
    let news = tag("Sales rose in 1957-58.", day("1960-01-01"), DocType::News);
    let v: Vec<&str> = news.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(v, ["1957", "1958"]);
}

#[test]
fn a_range_of_days_takes_its_month() {
    assert_eq!(
        story("In 1915 the armies met on April 6-7 and again on 13-15 May."),
        pairs(&[
            ("1915", "1915"),
            ("April 6", "1915-04-06"),
            ("7", "1915-04-07"),
            ("13", "1915-05-13"),
            ("15 May", "1915-05-15"),
        ])
    );
}

#[test]
fn a_range_of_months_starts_before_it_ends() {
    assert_eq!(
        story("They landed in March 1945. The army fought from October to March, then took Rangoon by May 3."),
        pairs(&[
            ("March 1945", "1945-03"),
            ("October", "1944-10"),
            ("March", "1945-03"),
            ("May 3", "1945-05-03"),
        ])
    );
}

#[test]
fn what_counts_from_the_time_of_speaking_leaves_the_story_where_it_is() {
    assert_eq!(
        story("On 1 May 1975 he said: \"Two years ago we were strong.\" On 25 April, Saigon fell. With the fall of the city, the war ended."),
        pairs(&[
            ("1 May 1975", "1975-05-01"),
            ("Two years ago", "1973"),
            ("25 April", "1975-04-25"),
        ])
    );
}

#[test]
fn the_next_morning_needs_a_day_of_the_stories_month() {
    // The story has moved on to 1904: 1903's day is no longer its day.
    assert_eq!(
        story("On 3 March 1903 talks began. In February 1904 the fleet sailed. The next morning, it attacked."),
        pairs(&[("3 March 1903", "1903-03-03"), ("February 1904", "1904-02")])
    );
}

#[test]
fn a_rate_per_calendar_unit_is_a_set_and_a_speed_is_not() {
    let found = tag(
        "Attacks averaged 30 per day, and the river ran at 40 feet per second.",
        day("2005-01-01"),
        DocType::News,
    );
    let v: Vec<(&str, &str)> = found
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(v, [("per day", "P1D")]);
}

#[test]
fn in_a_history_today_is_the_time_of_writing() {
    assert_eq!(
        story("On 1 May 1961 the plan was signed. The province is today part of Vietnam."),
        pairs(&[("1 May 1961", "1961-05-01"), ("today", "PRESENT_REF")])
    );
}

#[test]
fn the_night_of_a_day_tells_the_story_its_day() {
    assert_eq!(
        story("The attack came on the night of 8 February 1904. The next morning, the fleet withdrew."),
        pairs(&[
            ("the night of 8 February 1904", "1904-02-08TNI"),
            ("The next morning", "1904-02-09TMO"),
        ])
    );
}

#[test]
fn a_look_back_does_not_move_the_story() {
    assert_eq!(
        story("Japan attacked on December 7, 1941, as it had planned the previous year. In January, Manila fell."),
        pairs(&[
            ("December 7, 1941", "1941-12-07"),
            ("the previous year", "1940"),
            ("January", "1942-01"),
        ])
    );
}

#[test]
fn years_in_a_list_are_years() {
    // News reaches back less far than a history, but a year listed with
    // another year is a year wherever it falls.
    let found: Vec<(String, String)> = tag(
        "The war of 1898 and 1899 ended; prices of 1998, 1999 or 2000 differ.",
        day("2020-09-29"),
        DocType::News,
    )
    .into_iter()
    .map(|t| (t.text, t.value))
    .collect();
    assert_eq!(
        found,
        pairs(&[
            ("1898", "1898"),
            ("1899", "1899"),
            ("1998", "1998"),
            ("1999", "1999"),
            ("2000", "2000"),
        ])
    );
}

#[test]
fn a_year_alone_moves_the_story_and_months_follow_it() {
    // A bare year moves the story; a month told after it is in that year,
    // and a later month of the same year stays in it.
    assert_eq!(
        story("In June 1941 the invasion began. In 1943 the tide turned. In July, the largest tank battle was fought. In December, Kiev was retaken."),
        pairs(&[
            ("June 1941", "1941-06"),
            ("1943", "1943"),
            ("July", "1943-07"),
            ("December", "1943-12"),
        ])
    );
}

#[test]
fn days_counted_later_cross_the_month_and_the_story_follows() {
    // "Twelve days later" is a date reached from the story's last day,
    // across the end of the month; the next day told without a year
    // follows from it, forward.
    assert_eq!(
        story("On 25 June 1950 the North attacked. Twelve days later, the first troops arrived. On 20 July, Taejon fell."),
        pairs(&[
            ("25 June 1950", "1950-06-25"),
            ("Twelve days later", "1950-07-07"),
            ("20 July", "1950-07-20"),
        ])
    );
}

#[test]
fn a_range_of_years_before_the_era_is_two_years() {
    assert_eq!(
        story("The Ionian Revolt (499-493 BC) failed."),
        pairs(&[("499", "BC0499"), ("493 BC", "BC0493")])
    );
}

#[test]
fn a_month_joined_to_a_dated_one_takes_its_year() {
    assert_eq!(
        story("Diem took power in 1954. In April and June 1955, Diem moved. The spring and early summer of 1943 were quiet."),
        pairs(&[
            ("1954", "1954"),
            ("April", "1955-04"),
            ("June 1955", "1955-06"),
            ("spring", "1943-SP"),
            ("early summer of 1943", "1943-SU"),
        ])
    );
}

#[test]
fn a_flashback_in_the_past_perfect_looks_back_from_the_story() {
    // Without "had", a spring behind the story's September is next year's.
    assert_eq!(
        story("In September 1919 Yudenich attacked. He had spent the spring organizing an army."),
        pairs(&[("September 1919", "1919-09"), ("spring", "1919-SP")])
    );
}

#[test]
fn the_day_before_told_alone_is_the_day_before_the_stories() {
    assert_eq!(
        story("The Soviets took Rostov on 23 February 1918. The day before, the army left."),
        pairs(&[
            ("23 February 1918", "1918-02-23"),
            ("The day before", "1918-02-22"),
        ])
    );
}

#[test]
fn a_year_that_holds_the_storys_day_leaves_it_there() {
    // "1941" completing the sentence's "December 7" tells nothing new: the
    // story stays there, and January after it is the next year's, not 1941's.
    assert_eq!(
        story("In June 1941 the embargo began. On December 7 (December 8 in Asian time zones), 1941, Japan attacked. In January, Manila fell."),
        pairs(&[
            ("June 1941", "1941-06"),
            ("December 7", "1941-12-07"),
            ("December 8", "1941-12-08"),
            ("1941", "1941"),
            ("January", "1942-01"),
        ])
    );
}
