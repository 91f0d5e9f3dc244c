//! Whatever the text, the extractor writes a store that `annals check`
//! accepts: unique valid ids, no self-links, no link and its reverse, no
//! cycles, no time inversions, titles of one line, exact quote spans.

use annals::extract::{extract, Article, Lexicon};
use annals::store::write;
use annals::Severity;
use proptest::prelude::*;

/// The errors `annals check` finds in the store extracted from `text`.
fn check_errors(text: &str) -> Vec<String> {
    let day = chrono::NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
    let article = Article::new("p", day, text);
    let store = extract(&article, Lexicon::shipped());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, write::toml_text(&store).unwrap()).unwrap();
    let (loaded, mut diags) = annals::store::read(path.to_str().unwrap()).unwrap();
    diags.extend(annals::graph::check::check(&loaded));
    let mut errors: Vec<String> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    let chars: Vec<char> = article.text.chars().collect();
    for e in &store.events {
        for c in &e.sources {
            let [b, end] = c.span.expect("the extractor records spans");
            let quoted: String = chars[b..end].iter().collect();
            if quoted != c.quote {
                errors.push(format!("{}: span {b}..{end} is not the quote", e.id));
            }
        }
    }
    errors
}

const WORDS: &str = "(Protesters|marched|attacked|killed|struck|bombed|arrested|Police|the army|Iran|Iraq|\
Baghdad|troops|withdrew|retaliated|after|following|because of|in response to|led to|prompted|\
caused|then|Then|which led to, after all,|prompted by|As a result|on Monday|yesterday|last week|on September 28, 2020|in 2019|\
September 27|the next day|said|and|,|\\.|;|\n| ){0,120}";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn any_text_extracts_to_a_store_that_checks_clean(text in WORDS) {
        let errors = check_errors(&text);
        prop_assert!(errors.is_empty(), "{text:?}\n{}", errors.join("\n"));
    }

    #[test]
    fn any_characters_extract_to_a_store_that_checks_clean(text in "(\\PC|attacked|after|led to|\n|\\.){0,200}") {
        let errors = check_errors(&text);
        prop_assert!(errors.is_empty(), "{text:?}\n{}", errors.join("\n"));
    }
}

/// Found by hand: two sentences linking the same two events each way.
#[test]
fn a_link_and_its_reverse_are_never_both_written() {
    let text = "Iran attacked Iraq on Monday after Iraq bombed Iran on Monday. \
Iraq bombed Iran on Monday after Iran attacked Iraq on Monday.";
    assert_eq!(check_errors(text), Vec::<String>::new());
}

/// Hundreds of identical sentences: ids stay unique, and the sentence
/// told 400 times in one article tells one happening: one event citing
/// every sentence (3,000 sentences took 16 s of a debug test run and
/// checked nothing more).
#[test]
fn identical_sentences_get_distinct_ids() {
    let text = "Police arrested protesters in Baghdad on Monday. ".repeat(400);
    let day = chrono::NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
    let store = extract(&Article::new("p", day, text), Lexicon::shipped());
    let ids: std::collections::HashSet<&str> = store.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), store.events.len());
    assert!(!store.events.is_empty());
    for e in &store.events {
        assert_eq!(e.sources.len(), 400, "{}", e.title);
    }
}

/// Two cues between the same two events, pointing opposite ways.
#[test]
fn two_cues_between_two_events_give_one_link() {
    for text in [
        "Protesters attacked the police, which led to, after all, troops withdrew.",
        "Troops struck Baghdad on Monday, prompted by the army after police attacked on Monday.",
    ] {
        assert_eq!(check_errors(text), Vec::<String>::new(), "{text}");
    }
}

/// A text without sentence punctuation: each event quotes a bounded window
/// of it, not the whole text, and its span still names exactly the quote.
#[test]
fn quotes_of_endless_sentences_are_bounded() {
    // 2,200 words without a full stop: fourteen windows of the sentence
    // splitter (160 tokens each), each longer than a quote (600 bytes).
    let text = "police arrested protesters in baghdad and troops attacked the army ".repeat(200);
    let day = chrono::NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
    let store = extract(&Article::new("p", day, text.clone()), Lexicon::shipped());
    assert!(!store.events.is_empty());
    let chars: Vec<char> = text.chars().collect();
    for c in store.events.iter().flat_map(|e| &e.sources) {
        assert!(c.quote.len() <= 600, "{} bytes", c.quote.len());
        let [b, end] = c.span.unwrap();
        assert_eq!(chars[b..end].iter().collect::<String>(), c.quote);
    }
    for l in &store.links {
        assert!(l.evidence.len() <= 600);
    }
    // One happening told in many windows is one event citing each.
    let citations: usize = store.events.iter().map(|e| e.sources.len()).sum();
    assert!(write::toml_text(&store).unwrap().len() < citations * 2000);
}
