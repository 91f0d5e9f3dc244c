//! Salience: each term moves the score the way its reason says, `--top`
//! keeps the most salient in time order, `--min-reports` drops the lone
//! reports, and key dates follow what documents mention.

use annals::export::{select, Filter};
use annals::graph::CausalGraph;
use annals::model::Store;
use annals::rank::{key_dates, Ranking};

/// Sources `s1`..`s4` of outlets A, B, C and A, published on the given day.
fn sources(published: &str) -> String {
    let mut s = String::new();
    for (i, outlet) in ["A", "B", "C", "A"].iter().enumerate() {
        s.push_str(&format!(
            "[[source]]\nid = \"s{}\"\noutlet = \"{outlet}\"\npublished = \"{published}\"\n\n",
            i + 1
        ));
    }
    s
}

/// An event of `kind` on `date` citing the given sources, with `extra`
/// TOML lines.
fn event(id: &str, date: &str, kind: &str, cites: &[&str], extra: &str) -> String {
    let mut s = format!(
        "[[event]]\nid = \"{id}\"\ndate = \"{date}\"\ntitle = \"{id}\"\nkind = \"{kind}\"\n{extra}\n"
    );
    for c in cites {
        s.push_str(&format!("[[event.sources]]\nid = \"{c}\"\n"));
    }
    s.push('\n');
    s
}

fn store(text: &str) -> Store {
    let (loaded, problems) = annals::store::parse("rank.toml", text);
    assert!(problems.is_empty(), "{problems:?}");
    loaded.store
}

fn score(store: &Store, id: &str) -> (f64, usize, usize) {
    let graph = CausalGraph::new(store);
    let s = Ranking::new(&graph).get(graph.node(id).unwrap()).to_owned();
    (s.score, s.reports, s.outlets)
}

#[test]
fn corroboration_counts_distinct_documents_and_outlets() {
    let text = sources("2021-03-02")
        + &event(
            "many",
            "2021-03-01",
            "consult",
            &["s1", "s2", "s3", "s4", "s4"],
            "",
        )
        + &event("one", "2021-03-05", "consult", &["s1"], "");
    let st = store(&text);
    let (many, reports, outlets) = score(&st, "many");
    assert_eq!(
        (reports, outlets),
        (4, 3),
        "s4 twice is one report; A twice one outlet"
    );
    let (one, reports, outlets) = score(&st, "one");
    assert_eq!((reports, outlets), (1, 1));
    assert!(many > one, "{many} > {one}");
}

#[test]
fn precision_puts_days_before_months_and_undated_last() {
    let text = sources("2021-03-02")
        + &event("day", "2021-02-10", "assault", &["s1"], "")
        + &event("month", "2021-02", "assault", &["s2"], "")
        + &event(
            "undated",
            "../2021-03-02",
            "assault",
            &["s3"],
            "tags = [\"undated\"]",
        );
    let st = store(&text);
    let (d, m, u) = (
        score(&st, "day").0,
        score(&st, "month").0,
        score(&st, "undated").0,
    );
    assert!(d > m && m > u, "day {d} > month {m} > undated {u}");
}

#[test]
fn intensity_and_casualties_raise_the_score() {
    let text = sources("2021-03-02")
        + &event("talks", "2021-02-10", "consult", &["s1"], "")
        + &event("fight", "2021-02-11", "assault", &["s1"], "")
        + &event("massacre", "2021-02-12", "assault", &["s1"], "killed = 300");
    let st = store(&text);
    let (t, f, m) = (
        score(&st, "talks").0,
        score(&st, "fight").0,
        score(&st, "massacre").0,
    );
    assert!(t < f && f < m, "talks {t} < fight {f} < massacre {m}");
}

#[test]
fn what_follows_from_an_event_raises_it_but_precedes_does_not() {
    let link = |from: &str, to: &str, rel: &str| {
        format!("[[link]]\nfrom = \"{from}\"\nto = \"{to}\"\nrelation = \"{rel}\"\n\n")
    };
    let text = sources("2021-03-02")
        + &event("cause", "2021-02-10", "assault", &["s1"], "")
        + &event("before", "2021-02-10", "assault", &["s2"], "")
        + &event("plain", "2021-02-10", "assault", &["s3"], "")
        + &event("e1", "2021-02-11", "protest", &["s1"], "")
        + &event("e2", "2021-02-12", "protest", &["s1"], "")
        + &link("cause", "e1", "causes")
        + &link("e1", "e2", "triggers")
        + &link("before", "e2", "precedes");
    let st = store(&text);
    let (c, b, p) = (
        score(&st, "cause").0,
        score(&st, "before").0,
        score(&st, "plain").0,
    );
    assert!(c > p, "two effects down the chain: {c} > {p}");
    assert_eq!(b, p, "precedes only orders");
}

#[test]
fn top_keeps_the_most_salient_in_time_order_and_min_reports_the_corroborated() {
    let text = sources("2021-03-02")
        + &event(
            "late-big",
            "2021-02-20",
            "assault",
            &["s1", "s2", "s3"],
            "killed = 40",
        )
        + &event(
            "early-big",
            "2021-02-01",
            "assault",
            &["s1", "s2"],
            "killed = 10",
        )
        + &event("small", "2021-02-10", "consult", &["s4"], "");
    let st = store(&text);
    let graph = CausalGraph::new(&st);
    let ids = |f: Filter| -> Vec<String> {
        let nodes = select(&graph, &f).unwrap();
        nodes
            .iter()
            .map(|&n| graph.event(n).id.to_string())
            .collect()
    };
    let top = Filter {
        top: Some(2),
        ..Filter::default()
    };
    assert_eq!(ids(top), ["early-big", "late-big"]);
    let min = Filter {
        min_reports: 3,
        ..Filter::default()
    };
    assert_eq!(ids(min), ["late-big"]);
}

#[test]
fn key_dates_are_the_days_documents_keep_mentioning() {
    // Three documents mention 1 March (one of them a week later), two
    // mention 2 March and one 3 March, in three events: documents count,
    // not events.
    let mut text = String::new();
    for (id, day) in [
        ("a", "2021-03-01"),
        ("b", "2021-03-01"),
        ("c", "2021-03-02"),
        ("d", "2021-03-10"),
    ] {
        text.push_str(&format!(
            "[[source]]\nid = \"{id}\"\npublished = \"{day}\"\n\n"
        ));
    }
    text += &event("first", "2021-03-01", "protest", &["a"], "");
    text += &event("first-again", "2021-03-01", "protest", &["b"], "");
    text += &event("first-recalled", "2021-03-01", "protest", &["d"], "");
    text += &event("second", "2021-03-02", "protest", &["c", "d"], "");
    text += &event("third", "2021-03-03", "protest", &["c"], "");
    text += &event("third-again", "2021-03-03", "protest", &["c"], "");
    text += &event("third-more", "2021-03-03", "protest", &["c"], "");
    let st = store(&text);
    let graph = CausalGraph::new(&st);
    let ranking = Ranking::new(&graph);
    let all = graph.chronological();
    let days = |n| -> Vec<String> {
        key_dates(&graph, &ranking, &all, n)
            .iter()
            .map(|k| k.day.to_string())
            .collect()
    };
    assert_eq!(days(1), ["2021-03-01"]);
    assert_eq!(days(2), ["2021-03-01", "2021-03-02"], "in date order");
    assert_eq!(days(9).len(), 3);
}

#[test]
fn top_shares_a_busy_days_burstiness_among_its_events() {
    // Eight documents mention 1 March in four events; three other days
    // are mentioned by two documents each. Every event has two reports.
    let mut text = String::new();
    for i in 1..=8 {
        text.push_str(&format!(
            "[[source]]\nid = \"s{i}\"\npublished = \"2021-03-10\"\n\n"
        ));
    }
    for i in 1..=4 {
        let cites = [format!("s{}", 2 * i - 1), format!("s{}", 2 * i)];
        let cites: Vec<&str> = cites.iter().map(String::as_str).collect();
        text += &event(&format!("busy{i}"), "2021-03-01", "consult", &cites, "");
    }
    for (id, day, cites) in [
        ("other1", "2021-03-03", ["s1", "s2"]),
        ("other2", "2021-03-05", ["s3", "s4"]),
        ("other3", "2021-03-07", ["s5", "s6"]),
    ] {
        text += &event(id, day, "consult", &cites, "");
    }
    let st = store(&text);
    let graph = CausalGraph::new(&st);
    let ranking = Ranking::new(&graph);
    let busy = graph.node("busy1").unwrap();
    let other = graph.node("other1").unwrap();
    assert!(
        ranking.get(busy).score > ranking.get(other).score,
        "alone, an event of the busy day ranks first"
    );
    let top: Vec<String> = ranking
        .top(&graph, &graph.chronological(), 3)
        .iter()
        .map(|&n| graph.event(n).id.to_string())
        .collect();
    let from_busy = top.iter().filter(|id| id.starts_with("busy")).count();
    assert_eq!(from_busy, 2, "the busy day gives two, not all: {top:?}");
    assert_eq!(top.len(), 3);
    let all: Vec<String> = ranking
        .top(&graph, &graph.chronological(), 7)
        .iter()
        .map(|&n| graph.event(n).id.to_string())
        .collect();
    assert_eq!(all.len(), 7, "asking for all gives all");
}

#[test]
fn a_source_without_an_outlet_counts_by_its_urls_host() {
    let mut text = String::new();
    for (id, url) in [
        ("a", "https://www.bbc.co.uk/news/1"),
        ("b", "http://bbc.co.uk/news/2"),
        ("c", "https://edition.cnn.com/2011/02/11/x.html"),
        ("d", ""),
    ] {
        text.push_str(&format!(
            "[[source]]\nid = \"{id}\"\nurl = \"{url}\"\npublished = \"2011-02-12\"\n\n"
        ));
    }
    text += &event("e", "2011-02-11", "retreat", &["a", "b", "c", "d"], "");
    let (_, reports, outlets) = score(&store(&text), "e");
    assert_eq!(
        (reports, outlets),
        (4, 2),
        "bbc.co.uk twice, cnn once, d none"
    );
}

#[test]
fn key_dates_are_days_events_are_dated_to_not_publication_days() {
    // Six articles published on 10 March report undated events (dated
    // only by their publication, tagged undated, and events of a week);
    // two of them and one other date an event to 1 March and 4 March.
    let mut text = String::new();
    for i in 1..=6 {
        text.push_str(&format!(
            "[[source]]\nid = \"s{i}\"\npublished = \"2021-03-10\"\n\n"
        ));
        text += &event(
            &format!("undated{i}"),
            "../2021-03-10",
            "protest",
            &[&format!("s{i}")],
            "tags = [\"undated\"]",
        );
        text += &event(
            &format!("week{i}"),
            "2021-W10",
            "protest",
            &[&format!("s{i}")],
            "",
        );
    }
    text += &event("recalled", "2021-03-01", "assault", &["s1", "s2"], "");
    text += &event("other", "2021-03-04", "consult", &["s3"], "");
    let st = store(&text);
    let graph = CausalGraph::new(&st);
    let ranking = Ranking::new(&graph);
    let days: Vec<String> = key_dates(&graph, &ranking, &graph.chronological(), 5)
        .iter()
        .map(|k| k.day.to_string())
        .collect();
    assert_eq!(days, ["2021-03-01", "2021-03-04"]);
}
