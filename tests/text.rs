//! The text layer: tokens as the English Web Treebank writes them,
//! sentences, windows, offsets.

use annals::text::{tokenize, Tokenized};
use proptest::prelude::*;

fn forms(text: &str) -> Vec<&str> {
    tokenize(text).tokens.iter().map(|t| t.form(text)).collect()
}

fn sentences(text: &str) -> Vec<&str> {
    tokenize(text)
        .sentences
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect()
}

#[test]
fn clitics_split_as_the_treebank_does() {
    assert_eq!(
        forms("I don't know, we can't go; John's they're we'll I've she'd I'm"),
        [
            "I", "do", "n't", "know", ",", "we", "ca", "n't", "go", ";", "John", "'s", "they",
            "'re", "we", "'ll", "I", "'ve", "she", "'d", "I", "'m"
        ]
    );
    assert_eq!(forms("won’t Iraq’s"), ["wo", "n’t", "Iraq", "’s"]);
    assert_eq!(
        forms("cannot O'Brien countries'"),
        ["can", "not", "O'Brien", "countries", "'"]
    );
}

#[test]
fn hyphens_split_except_after_prefixes_and_in_codes() {
    assert_eq!(
        forms("a well-known e-mail in mid-November, non-profit"),
        [
            "a",
            "well",
            "-",
            "known",
            "e-mail",
            "in",
            "mid-November",
            ",",
            "non-profit"
        ]
    );
    assert_eq!(
        forms("1957-58 2020-09-22 713-853-3989"),
        ["1957", "-", "58", "2020-09-22", "713-853-3989"]
    );
    assert_eq!(forms("U.S.-led"), ["U.S.", "-", "led"]);
}

#[test]
fn numbers_abbreviations_and_addresses_stay_whole() {
    assert_eq!(
        forms("It cost $1,000.50 at 10:30 a.m. on 9/29/2020, up 5%."),
        [
            "It",
            "cost",
            "$",
            "1,000.50",
            "at",
            "10:30",
            "a.m.",
            "on",
            "9/29/2020",
            ",",
            "up",
            "5",
            "%",
            "."
        ]
    );
    assert_eq!(
        forms("the 1990s, 21st, 5pm"),
        ["the", "1990s", ",", "21st", ",", "5", "pm"]
    );
    assert_eq!(
        forms("Dr. J. Smith of the U.S. (see https://example.org/a?b=1.) or mail me@example.com."),
        [
            "Dr.",
            "J.",
            "Smith",
            "of",
            "the",
            "U.S.",
            "(",
            "see",
            "https://example.org/a?b=1",
            ".",
            ")",
            "or",
            "mail",
            "me@example.com",
            "."
        ]
    );
    assert_eq!(forms("No. 5 said no."), ["No.", "5", "said", "no", "."]);
    assert_eq!(
        forms("Wait... what?! \"Yes.\""),
        ["Wait", "...", "what", "?!", "\"", "Yes", ".", "\""]
    );
}

#[test]
fn sentences_end_at_marks_but_not_after_abbreviations_or_initials() {
    assert_eq!(
        sentences("Mr. Smith met Gen. J. Austin on Sept. 5. They talked. \"Why?\" he asked. It rose 3.5 percent."),
        ["Mr. Smith met Gen. J. Austin on Sept. 5.", "They talked.", "\"Why?\" he asked.", "It rose 3.5 percent."]
    );
    assert_eq!(
        sentences("He lives in the U.S. The U.S. Embassy is closed. Acme Inc. The firm said so."),
        [
            "He lives in the U.S.",
            "The U.S. Embassy is closed.",
            "Acme Inc.",
            "The firm said so."
        ]
    );
}

#[test]
fn lines_headings_bullets_and_datelines_end_sentences() {
    let text = "Embassy to close\nBAGHDAD, Sept. 29 (Reuters) - The U.S. will close its embassy\nif attacks go on.\n\nKey points\n- rockets hit the zone\n- talks stall\nA wrapped line that goes on and on for a while and then continues\non the next line.";
    assert_eq!(
        sentences(text),
        [
            "Embassy to close",
            "BAGHDAD, Sept. 29 (Reuters) -",
            "The U.S. will close its embassy\nif attacks go on.",
            "Key points",
            "- rockets hit the zone",
            "- talks stall",
            "A wrapped line that goes on and on for a while and then continues\non the next line."
        ]
    );
    assert_eq!(
        sentences("no stop here\n\nnor here"),
        ["no stop here", "nor here"]
    );
}

#[test]
fn long_sentences_are_cut_into_bounded_windows() {
    let clause = "the rain fell on the plain and the wind blew ";
    let text = format!("{}, {}", clause.repeat(30), "word ".repeat(1000));
    let t = tokenize(&text);
    assert!(t.sentences.len() > 5);
    assert!(t.sentences.iter().all(|s| s.tokens.len() <= 160));
    assert!(!t.sentences[0].continues && t.sentences[1..].iter().all(|s| s.continues));
    // The first cut falls before a conjunction, not in mid-clause.
    let second = &t.sentences[1];
    assert!(matches!(
        t.tokens[second.tokens.start].form(&text),
        "and" | ","
    ));
}

#[test]
fn offsets_count_bytes_and_code_points() {
    let text = "Café “Ünïcode” 東京 ok";
    let t = tokenize(text);
    let cps: Vec<char> = text.chars().collect();
    for tok in &t.tokens {
        let by_cp: String = cps[tok.cp_start..tok.cp_end].iter().collect();
        assert_eq!(by_cp, tok.form(text));
    }
    assert_eq!(forms(text), ["Café", "“", "Ünïcode", "”", "東京", "ok"]);
}

fn check(text: &str, t: &Tokenized) {
    let mut last = 0;
    let mut cp = 0;
    for tok in &t.tokens {
        assert!(tok.start >= last && tok.start < tok.end, "{tok:?}");
        assert!(text.is_char_boundary(tok.start) && text.is_char_boundary(tok.end));
        assert!(!tok.form(text).chars().any(char::is_whitespace));
        assert!(text[last..tok.start].chars().all(char::is_whitespace));
        cp += text[last..tok.start].chars().count();
        assert_eq!(tok.cp_start, cp);
        cp += tok.form(text).chars().count();
        assert_eq!(tok.cp_end, cp);
        last = tok.end;
    }
    assert!(text[last..].chars().all(char::is_whitespace));
    let mut next = 0;
    for s in &t.sentences {
        assert_eq!(s.tokens.start, next);
        assert!(!s.tokens.is_empty() && s.tokens.len() <= 160);
        assert_eq!(
            (s.start, s.end),
            (
                t.tokens[s.tokens.start].start,
                t.tokens[s.tokens.end - 1].end
            )
        );
        next = s.tokens.end;
    }
    assert_eq!(next, t.tokens.len());
}

proptest! {
    #[test]
    fn any_unicode_tokenizes_with_consistent_offsets(text in "\\PC{0,200}") {
        check(&text, &tokenize(&text));
    }

    #[test]
    fn text_like_input_tokenizes_with_consistent_offsets(
        text in "([A-Za-z]{1,6}|[0-9]{1,4}|[.,;:!?'’\"()@/#$%-]|U\\.S\\.|Dr\\.|n't|https://a\\.b|\\.\\.\\.|[ \n]{1,3}|é|東){0,80}"
    ) {
        check(&text, &tokenize(&text));
    }
}
