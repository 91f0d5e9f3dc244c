//! The tagger, lemmatizer and parser: training on a treebank, the shipped
//! model on the sentences extraction depends on, and trees on any input.

use annals::text::{conllu, Doc, Model, TrainOptions, Upos};
use proptest::prelude::*;

fn tiny_treebank() -> Vec<conllu::TreebankSentence> {
    conllu::parse(include_str!("data/tiny.conllu"), "tests/data/tiny.conllu").unwrap()
}

#[test]
fn an_untagged_training_word_is_an_error_at_its_sentence_and_word() {
    let mut gold = tiny_treebank();
    gold[1].words[2].upos = "_".into();
    let options = TrainOptions {
        tagger_epochs: 1,
        parser_epochs: 1,
        seed: 1,
        min_weight: 0.0,
    };
    let Err(annals::Error::Text(e @ annals::text::TextError::UntaggedWord { .. })) =
        Model::train(&gold, &gold, options, |_| {})
    else {
        panic!("an untagged word is TextError::UntaggedWord");
    };
    let said = e.to_string();
    assert!(
        said.starts_with("sentence 2, word 3 of the training treebank: "),
        "{said}"
    );
    assert!(
        said.contains("train on a treebank with UPOS tags"),
        "{said}"
    );
}

#[test]
fn a_tiny_treebank_trains_a_model_that_reads_it_back() {
    let gold = tiny_treebank();
    let options = TrainOptions {
        tagger_epochs: 10,
        parser_epochs: 10,
        seed: 1,
        min_weight: 0.0,
    };
    let model = Model::train(&gold, &gold, options, |_| {}).unwrap();
    let again = Model::from_bytes(&model.to_bytes()).unwrap();
    let (mut n, mut tags, mut heads) = (0, 0, 0);
    for sentence in &gold {
        let mut words = sentence.words.clone();
        again.annotate(&mut words);
        for (g, s) in sentence.words.iter().zip(&words) {
            n += 1;
            tags += usize::from(g.upos == s.upos && g.xpos == s.xpos);
            heads += usize::from(g.head == s.head && g.deprel == s.deprel);
        }
    }
    assert!(tags * 10 >= n * 9, "tags right: {tags} of {n}");
    assert!(
        heads * 10 >= n * 8,
        "heads and relations right: {heads} of {n}"
    );
}

#[test]
fn training_is_deterministic_for_a_seed() {
    let gold = tiny_treebank();
    let options = TrainOptions {
        tagger_epochs: 3,
        parser_epochs: 3,
        seed: 9,
        min_weight: 1.0,
    };
    let a = Model::train(&gold, &gold, options, |_| {}).unwrap();
    let b = Model::train(&gold, &gold, options, |_| {}).unwrap();
    assert_eq!(a.to_bytes(), b.to_bytes());
}

#[test]
fn a_treebank_without_universal_tags_is_refused() {
    let mut gold = tiny_treebank();
    gold[0].words[0].upos = "NOUNISH".into();
    let err = Model::train(&gold, &gold, TrainOptions::default(), |_| {}).unwrap_err();
    assert!(err.to_string().contains("`Rebels`"), "{err}");
}

#[test]
fn a_malformed_treebank_line_is_an_error_naming_it() {
    let err = conllu::parse("1\tword\n", "bad.conllu")
        .unwrap_err()
        .to_string();
    assert!(err.contains("bad.conllu:1:1"), "{err}");
    let err = conllu::parse("1\ta\ta\tX\tX\t_\t7\tdep\t_\t_\n", "far.conllu")
        .unwrap_err()
        .to_string();
    assert!(err.contains("past the sentence"), "{err}");
}

#[test]
fn a_damaged_model_file_is_an_error() {
    let bytes = Model::shipped().to_bytes();
    for cut in [0, 10, 100, bytes.len() / 2, bytes.len() - 1] {
        assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut extended = bytes.clone();
    extended.push(0);
    assert!(Model::from_bytes(&extended).is_err());
}

fn word(doc: &Doc<'_>, form: &str) -> usize {
    (0..doc.words.len())
        .find(|&i| doc.form(i) == form)
        .unwrap_or_else(|| panic!("no `{form}`"))
}

#[test]
fn the_threat_sentence_has_pompeo_as_subject_and_the_embassy_as_object() {
    let doc = Doc::parse(
        "A week ago, U.S. Secretary of State Mike Pompeo threatened to close the U.S. embassy in Baghdad \
         during a telephone conversation with Iraqi President Barham Saleh, two sources in the Arab government said.",
    );
    let threatened = word(&doc, "threatened");
    assert_eq!(
        doc.subject(threatened).map(|s| doc.name(s)),
        Some("Mike Pompeo")
    );
    let close = word(&doc, "close");
    assert_eq!(doc.words[close].head, Some(threatened));
    assert_eq!(doc.words[close].deprel, "xcomp");
    assert_eq!(
        doc.objects(close)
            .iter()
            .map(|&o| doc.form(o))
            .collect::<Vec<_>>(),
        ["embassy"]
    );
    assert_eq!(doc.subject(close).map(|s| doc.name(s)), Some("Mike Pompeo"));
}

/// A clause reported before its reporting verb needs a finite verb too:
/// "Guerrillas wounded two soldiers, police said" has the wounding as the
/// clause the police report, with its subject and object, not "wounded"
/// as an adjective of the soldiers.
#[test]
fn a_clause_reported_before_its_verb_is_finite_with_its_subject() {
    let text = "Irish nationalist guerrillas wounded two British soldiers in a bomb attack on Thursday, police said.";
    let doc = Doc::parse(text);
    let v = word(&doc, "wounded");
    assert_eq!(doc.words[v].xpos, "VBD");
    assert_eq!(doc.words[v].deprel, "ccomp");
    assert_eq!(doc.form(doc.words[v].head.unwrap()), "said");
    assert_eq!(doc.subject(v).map(|s| doc.form(s)), Some("guerrillas"));
    let objects: Vec<&str> = doc.objects(v).iter().map(|&o| doc.form(o)).collect();
    assert_eq!(objects, ["soldiers"]);
}

/// A main clause needs a finite verb: a news verb right after a bare
/// subject, which the tagger first reads as a participle ("Police
/// arrested" as in "photos taken"), is read in the past tense with its
/// subject and object; fragments and questions whose finite verb comes
/// first keep their participle.
#[test]
fn a_news_verb_after_a_bare_subject_is_finite_with_its_subject() {
    for (text, verb, subject, object) in [
        (
            "Police fired tear gas at the crowd.",
            "fired",
            "Police",
            Some("gas"),
        ),
        (
            "Police arrested 12 people on Sunday.",
            "arrested",
            "Police",
            Some("people"),
        ),
        (
            "Police detained dozens of activists.",
            "detained",
            "Police",
            Some("dozens"),
        ),
        (
            "Police used tear gas to disperse the crowd.",
            "used",
            "Police",
            Some("gas"),
        ),
        (
            "Troops shelled the town.",
            "shelled",
            "Troops",
            Some("town"),
        ),
        (
            "Security forces fired on protesters who had gathered in the square.",
            "fired",
            "forces",
            None,
        ),
    ] {
        let doc = Doc::parse(text);
        let v = word(&doc, verb);
        assert_eq!(doc.words[v].xpos, "VBD", "{text}");
        assert_eq!(doc.words[v].head, None, "{text}");
        assert_eq!(doc.subject(v).map(|s| doc.form(s)), Some(subject), "{text}");
        let objects: Vec<&str> = doc.objects(v).iter().map(|&o| doc.form(o)).collect();
        assert_eq!(objects.first().copied(), object, "{text}");
    }
    for (text, participle) in [
        ("When was the embassy closed?", "closed"),
        ("Photos taken at the scene.", "taken"),
        ("Three people killed in Baghdad blast.", "killed"),
    ] {
        let doc = Doc::parse(text);
        assert_eq!(doc.words[word(&doc, participle)].xpos, "VBN", "{text}");
    }
}

#[test]
fn subjects_objects_auxiliaries_and_negation_come_from_the_parse() {
    let doc = Doc::parse(
        "Iraqi authorities fear the departure of diplomats. The militia did not attack the base.",
    );
    let fear = word(&doc, "fear");
    assert_eq!(doc.subject(fear).map(|s| doc.form(s)), Some("authorities"));
    assert_eq!(
        doc.objects(fear)
            .iter()
            .map(|&o| doc.form(o))
            .collect::<Vec<_>>(),
        ["departure"]
    );
    let attack = word(&doc, "attack");
    assert_eq!(doc.words[attack].upos, Upos::Verb);
    assert!(doc.is_negated(attack));
    assert!(!doc.is_negated(fear));
    assert_eq!(
        doc.auxiliaries(attack)
            .iter()
            .map(|&a| doc.form(a))
            .collect::<Vec<_>>(),
        ["did"]
    );
    assert_eq!(doc.sentences.len(), 2);
}

#[test]
fn a_date_is_governed_by_the_verb_of_its_clause() {
    let doc = Doc::parse("Washington said on Monday that it will close the embassy next week.");
    let monday = word(&doc, "Monday");
    assert_eq!(
        doc.governing_verb(monday).map(|v| doc.form(v)),
        Some("said")
    );
    let week = word(&doc, "week");
    assert_eq!(doc.governing_verb(week).map(|v| doc.form(v)), Some("close"));
}

#[test]
fn lemmas_follow_the_treebank() {
    let doc = Doc::parse("Soldiers were killed and rebels left the cities, chanting slogans.");
    let lemmas: Vec<&str> = doc.words.iter().map(|w| w.lemma.as_str()).collect();
    assert_eq!(
        lemmas,
        [
            "soldier", "be", "kill", "and", "rebel", "leave", "the", "city", ",", "chant",
            "slogan", "."
        ]
    );
}

/// Every sentence's parse is a tree: one root, heads inside the sentence,
/// no cycles.
fn assert_trees(doc: &Doc<'_>) {
    for s in &doc.sentences {
        let roots = s
            .tokens
            .clone()
            .filter(|&i| doc.words[i].head.is_none())
            .count();
        assert_eq!(roots, 1, "one root per sentence");
        for i in s.tokens.clone() {
            let mut w = i;
            for _ in 0..=s.tokens.len() {
                match doc.words[w].head {
                    Some(h) => {
                        assert!(s.tokens.contains(&h), "head inside the sentence");
                        w = h;
                    }
                    None => break,
                }
            }
            assert!(doc.words[w].head.is_none(), "no cycle through word {i}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_parses_into_trees_with_offsets_on_character_boundaries(text in "\\PC{0,300}") {
        let doc = Doc::parse(&text);
        for w in &doc.words {
            prop_assert!(text.is_char_boundary(w.token.start) && text.is_char_boundary(w.token.end));
            prop_assert_eq!(text[..w.token.start].chars().count(), w.token.cp_start);
        }
        assert_trees(&doc);
    }

    #[test]
    fn sentences_of_words_parse_into_trees(words in prop::collection::vec("[A-Za-z]{1,8}|[.,;:!?\"()-]|[0-9]{1,4}", 0..120)) {
        let text = words.join(" ");
        assert_trees(&Doc::parse(&text));
    }
}
