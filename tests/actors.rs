//! The actor dictionary compiled from the Phoenix dictionaries
//! (`src/extract/actors.tsv`, `agents.tsv`) and actor roles in stores.

use annals::extract::{Actors, ExtractError};
use annals::model::Role;
use annals::Location;
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The lower-cased token forms of `text`, as the extractor will give them.
fn lower(text: &str) -> Vec<String> {
    let t = annals::text::tokenize(text);
    t.tokens
        .iter()
        .map(|k| k.form(text).to_lowercase())
        .collect()
}

/// The name found at word `i` of `text`, its length in tokens, and its
/// coding on `on`.
fn find(
    text: &str,
    i: usize,
    on: NaiveDate,
) -> Option<(usize, String, Option<String>, Option<Role>)> {
    let words = lower(text);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let actors = Actors::shipped();
    let (n, r) = actors.longest_at(&words, i)?;
    let c = actors.coded(r, on);
    Some((n, c.name.to_string(), c.country.map(str::to_string), c.role))
}

#[test]
fn the_shipped_dictionary_loads() {
    let text = |p: &str| {
        std::fs::read_to_string(format!("{}/src/extract/{p}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    let actors = Actors::parse(&text("actors.tsv"), &text("agents.tsv"))
        .expect("the shipped dictionary parses");
    assert!(actors.len() > 25_000, "{} actors", actors.len());
    assert_eq!(actors.len(), Actors::shipped().len());
}

#[test]
fn a_country_whose_every_code_is_dated_keeps_its_country() {
    // Iraq's codes in Phoenix end in 2003 and start again in 2006, and its
    // people and bodies are coded IRQ… with dates too: still Iraqi.
    let samarra = find("near Samarra", 1, day(2000, 1, 1)).unwrap();
    assert_eq!(
        (samarra.1.as_str(), samarra.2.as_deref()),
        ("Iraq", Some("IRQ"))
    );
    let kuwait = find("Kuwait said", 0, day(1995, 1, 1)).unwrap();
    assert_eq!(kuwait.2.as_deref(), Some("KWT"));
}

#[test]
fn gaddafi_is_libya_s_government_until_august_2011() {
    let before = find("Muammar Gaddafi said", 0, day(2011, 3, 20)).unwrap();
    assert_eq!(
        before,
        (
            2,
            "Muammar Gaddafi".into(),
            Some("LBY".into()),
            Some(Role::Government)
        )
    );
    let after = find("Muammar Gaddafi said", 0, day(2011, 9, 15)).unwrap();
    assert_eq!(
        after,
        (2, "Muammar Gaddafi".into(), Some("LBY".into()), None)
    );
    let spelling = find("Moammar Gadhafi", 0, day(2011, 3, 20)).unwrap();
    assert_eq!(spelling.1, "Muammar Gaddafi");
    let c = Actors::shipped().coded(
        Actors::shipped().longest_at(&["gaddafi"], 0).unwrap().1,
        day(2011, 3, 1),
    );
    assert_eq!(c.cameo, Some("LBYGOV"));
}

#[test]
fn mubarak_is_egypt_s_government_in_january_2011_and_an_elite_after() {
    let jan = find("Hosni Mubarak resigned", 0, day(2011, 1, 28)).unwrap();
    assert_eq!(
        jan,
        (
            2,
            "Hosni Mubarak".into(),
            Some("EGY".into()),
            Some(Role::Government)
        )
    );
    let later = find("Hosni Mubarak", 0, day(2012, 6, 2)).unwrap();
    assert_eq!(later.3, Some(Role::Elite));
}

#[test]
fn the_united_nations_is_an_igo_of_no_country() {
    let un = find("the United Nations said", 1, day(2011, 3, 17)).unwrap();
    assert_eq!(un, (2, "United Nations".into(), None, Some(Role::Igo)));
}

#[test]
fn the_longest_name_wins() {
    let on = day(2011, 1, 1);
    let fund = find("the United Nations Children's Fund warned", 1, on).unwrap();
    assert_eq!(
        (fund.0, fund.1.as_str()),
        (5, "United Nations Children's Fund")
    );
    assert_eq!(find("President Hosni Mubarak", 0, on).unwrap().0, 3);
    assert_eq!(find("Hosni Mubarak", 0, on).unwrap().0, 2);
    assert_eq!(find("Mubarak", 0, on).unwrap().1, "Hosni Mubarak");
}

#[test]
fn a_possessive_is_not_part_of_the_name() {
    let words = lower("Gaddafi's forces shelled Misrata");
    assert_eq!(words[1], "'s");
    let hit = find("Gaddafi's forces shelled Misrata", 0, day(2011, 4, 1)).unwrap();
    assert_eq!((hit.0, hit.1.as_str()), (1, "Muammar Gaddafi"));
    assert!(find("Gaddafi's forces", 1, day(2011, 4, 1)).is_none());
}

#[test]
fn common_words_are_not_actors() {
    for word in ["us", "car", "youth", "said", "the"] {
        assert!(Actors::shipped().longest_at(&[word], 0).is_none(), "{word}");
    }
    assert_eq!(
        find("U.S.", 0, day(2011, 1, 1)).unwrap().2.as_deref(),
        Some("USA")
    );
}

#[test]
fn generic_agents_have_roles() {
    let a = Actors::shipped();
    for (word, role) in [
        ("police", Role::Police),
        ("protesters", Role::Protesters),
        ("protester", Role::Protesters),
        ("demonstrators", Role::Protesters),
        ("rebels", Role::Rebels),
        ("troops", Role::Military),
        ("soldiers", Role::Military),
        ("militants", Role::ArmedGroup),
    ] {
        assert_eq!(a.agent(word), Some(role), "{word}");
    }
    assert_eq!(a.agent("table"), None);
    let words = ["riot", "police", "fired"];
    assert_eq!(a.agent_at(&words, 0), Some((2, Role::Police)));
}

#[test]
fn a_malformed_line_is_an_error_with_its_line_number() {
    let good = "# comment\nHosni Mubarak\tEGYGOV/EGY/government/1981-10-14/2011-02-11\tMubarak\n";
    assert!(Actors::parse(good, "").is_ok());
    let cases = [
        (
            format!("{good}Someone\tXYZ\n"),
            3,
            "three tab-separated columns",
        ),
        (
            format!("{good}Someone\tEGYGOV/EGY/government/2011-13-01/\t\n"),
            3,
            "not a date",
        ),
        (
            format!("{good}Someone\tEGYGOV/EGY/chief//\t\n"),
            3,
            "unknown role",
        ),
        (
            format!("{good}\nSomeone\tegy//government//\t\n"),
            4,
            "not a CAMEO code",
        ),
        (
            format!("{good}Someone\tEGYGOV/EGY/government/2011-02-11/1981-10-14\t\n"),
            3,
            "ends before it starts",
        ),
    ];
    let at = |e: &ExtractError| match e {
        ExtractError::Lexicon(d) => d[0].location.clone(),
        other => panic!("not a lexicon error: {other:?}"),
    };
    let line_of = |path: &str, line| {
        Some(Location::File {
            path: path.into(),
            line,
            column: 1,
        })
    };
    for (text, line, says) in cases {
        let e = Actors::parse(&text, "").unwrap_err();
        assert_eq!(at(&e), line_of("actors.tsv", line), "{e}");
        assert!(e.to_string().contains(says), "{e}");
        assert!(
            e.to_string().contains("help: lines of actors.tsv are NAME"),
            "{e}"
        );
    }
    let e = Actors::parse(good, "police\tCOP\tpolice\nchiefs\tGOV\tchief\n").unwrap_err();
    assert_eq!(at(&e), line_of("agents.tsv", 2));
    assert!(
        e.to_string()
            .starts_with("agents.tsv:2:1: error: unknown role `chiefs`"),
        "{e}"
    );
}

#[test]
fn stores_accept_an_actor_role_in_toml_and_json_lines() {
    let toml = r#"
[[source]]
id = "s"
title = "T"
published = 2011-03-20

[[event]]
id = "e"
date = 2011-03-20
title = "Gaddafi speaks"
kind = "statement"
actors = [{ name = "Muammar Gaddafi", country = "LBY", role = "government" }, "Someone"]
targets = [{ name = "Rebels", role = "armed-group" }]
sources = [{ id = "s", quote = "q" }]
"#;
    let (loaded, diags) = annals::store::parse("s.toml", toml);
    assert!(
        diags.iter().all(|d| d.severity != annals::Severity::Error),
        "{diags:?}"
    );
    let e = &loaded.store.events[0];
    assert_eq!(e.actors[0].role, Some(Role::Government));
    assert_eq!(e.actors[1].role, None);
    assert_eq!(e.targets[0].role, Some(Role::ArmedGroup));
    let json = serde_json::to_string(&e.actors).unwrap();
    assert_eq!(
        json,
        r#"[{"name":"Muammar Gaddafi","country":"LBY","role":"government"},{"name":"Someone"}]"#
    );
    let bad = toml.replace("\"armed-group\"", "\"warlords\"");
    let (_, diags) = annals::store::parse("s.toml", &bad);
    let says = |d: &annals::Diagnostic, what: &str| {
        d.severity == annals::Severity::Error && d.message.contains(what)
    };
    let unknown = "unknown variant `warlords`, expected one of `government`";
    assert!(diags.iter().any(|d| says(d, unknown)), "{diags:?}");
    let bad = toml.replace("\"Someone\"", "5");
    let (_, diags) = annals::store::parse("s.toml", &bad);
    let expected = "expected a name, or a table { name, country, role }";
    assert!(diags.iter().any(|d| says(d, expected)), "{diags:?}");
}

#[test]
fn json_lines_stores_carry_the_role_through() {
    let text = concat!(
        r#"{"type":"source","id":"s","title":"T","published":"2011-03-20"}"#,
        "\n",
        r#"{"id":"e","date":"2011-03-20","title":"Police fire on protesters","kind":"assault","actors":[{"name":"Police","country":"EGY","role":"police"}],"targets":[{"name":"Protesters","role":"protesters"}],"sources":[{"id":"s","quote":"q"}]}"#,
        "\n"
    );
    let (loaded, diags) = annals::store::parse("s.jsonl", text);
    assert!(
        diags.iter().all(|d| d.severity != annals::Severity::Error),
        "{diags:?}"
    );
    let e = &loaded.store.events[0];
    assert_eq!(e.actors[0].role, Some(Role::Police));
    assert_eq!(e.targets[0].role, Some(Role::Protesters));
}

#[test]
fn names_come_without_their_article_and_militant_groups_without_a_country() {
    let on = day(2014, 6, 10);
    let is = find("the Islamic State seized Mosul", 1, on).unwrap();
    assert_eq!(
        is,
        (2, "Islamic State".into(), None, Some(Role::ArmedGroup))
    );
    assert!(find("the Islamic State", 0, on).is_none());
    // IMGMUSALQ: MUS is the religion here, not Mauritius.
    let aq = find("al-Qaeda claimed the attack", 0, on).unwrap();
    assert_eq!(aq, (3, "Al Qa'ida".into(), None, Some(Role::ArmedGroup)));
}
