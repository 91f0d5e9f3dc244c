//! Batches give the same output, in input order, on one thread or many,
//! and report every bad line while working on the rest.

use annals::batch::{print_docs, timex_docs};
use annals::extract::Lexicon;
use annals::time::DocType;

/// 600 documents (more than two chunks), each naming its own day, with a
/// bad line near the start and one near the end.
fn batch() -> String {
    let mut lines = Vec::new();
    for i in 0..600 {
        let day = 1 + i % 28;
        lines.push(format!(
            "{{\"id\": \"d{i}\", \"dct\": \"2020-03-{day:02}\", \"published\": \"2020-03-{day:02}\", \"text\": \"Troops shelled the border town on Monday, officials said, and talks were planned for {day} April.\"}}"
        ));
    }
    lines[3] = "{\"id\": \"bad\"".to_string();
    lines[590] = "not json".to_string();
    lines.join("\n") + "\n"
}

fn on_threads<T: Send>(n: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .unwrap()
        .install(f)
}

#[test]
fn timex_batches_keep_input_order_on_any_number_of_threads() {
    let text = batch();
    let run = || {
        let mut out = Vec::new();
        let err = timex_docs("b.jsonl", text.as_bytes(), DocType::News, &mut out).unwrap_err();
        (String::from_utf8(out).unwrap(), err.to_string())
    };
    let (one, err) = on_threads(1, run);
    assert_eq!(on_threads(2, run), (one.clone(), err.clone()));
    assert_eq!(on_threads(4, run), (one.clone(), err.clone()));
    let mut docs: Vec<String> = one
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].to_string())
        .collect();
    docs.dedup();
    let expected: Vec<String> = (0..600)
        .filter(|i| ![3, 590].contains(i))
        .map(|i| format!("\"d{i}\""))
        .collect();
    assert_eq!(docs, expected);
    assert!(err.contains("b.jsonl:4:1: error: bad document"), "{err}");
    assert!(err.contains("b.jsonl:591:1: error: bad document"), "{err}");
}

#[test]
fn extract_batches_keep_input_order_on_any_number_of_threads() {
    let text = batch();
    let run = || {
        let mut out = Vec::new();
        let err = print_docs("b.jsonl", text.as_bytes(), Lexicon::shipped(), &mut out).unwrap_err();
        (String::from_utf8(out).unwrap(), err.to_string())
    };
    let (one, err) = on_threads(1, run);
    assert!(!one.is_empty());
    assert_eq!(on_threads(2, run), (one, err.clone()));
    assert!(
        err.contains("b.jsonl:4:") && err.contains("b.jsonl:591:"),
        "{err}"
    );
}

#[test]
fn bad_lines_are_reported_in_line_order() {
    let text = b"not json\n{\"id\": \"x\xff\"}\n{\"id\": \"c\"}\n";
    let err = on_threads(2, || {
        timex_docs("b.jsonl", &text[..], DocType::News, &mut Vec::new())
            .unwrap_err()
            .to_string()
    });
    let lines: Vec<&str> = err
        .lines()
        .filter_map(|l| l.strip_prefix("b.jsonl:"))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(lines, ["1", "2", "3"], "{err}");
}

#[test]
fn articles_of_the_same_name_get_distinct_ids_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for sub in ["x", "y", "z"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        let p = dir.path().join(sub).join("a.txt");
        std::fs::write(
            &p,
            "Talks\nPublished: 2020-09-29\n\nTalks collapsed on Monday.\n",
        )
        .unwrap();
        paths.push(p);
    }
    let mut notes = Vec::new();
    let overrides = annals::extract::Overrides::default();
    let articles = annals::batch::read_articles(&paths, &overrides, &mut |a, taken| {
        notes.push(format!("{taken} -> {}", a.id))
    })
    .unwrap();
    let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "a-2", "a-3"]);
    assert_eq!(notes, ["a -> a-2", "a -> a-3"]);
}

#[test]
fn bad_articles_are_reported_together_with_kinds_a_caller_can_match() {
    use annals::extract::ExtractError;
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "dated.txt",
            "Talks\nPublished: 2020-09-29\n\nTalks collapsed on Monday.\n",
        ),
        ("undated.txt", "Talks\n\nTalks collapsed on Monday.\n"),
        ("open.md", "+++\ntitle = \"Talks\"\n\nTalks collapsed.\n"),
    ];
    let paths: Vec<_> = files
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    let overrides = annals::extract::Overrides::default();
    let Err(annals::Error::Extract(ExtractError::Articles(bad))) =
        annals::batch::read_articles(&paths, &overrides, &mut |_, _| {})
    else {
        panic!("bad articles are an extract error");
    };
    let [ExtractError::NoDate { path }, ExtractError::Article(d)] = &bad[..] else {
        panic!("one undated and one unreadable article, in order: {bad:?}");
    };
    assert!(path.ends_with("undated.txt"), "{path}");
    assert!(
        d.message.contains("never closed") && d.help.is_some(),
        "{d}"
    );
    let shown = ExtractError::Articles(bad.clone()).to_string();
    assert!(
        shown.contains(
            "undated.txt: error: no publication date found in the article\n  help: give it"
        ),
        "{shown}"
    );
    // With a date given, the undated article is read.
    let given = annals::extract::Overrides {
        published: chrono::NaiveDate::from_ymd_opt(2020, 9, 29),
        ..Default::default()
    };
    let articles = annals::batch::read_articles(&paths[..2], &given, &mut |_, _| {}).unwrap();
    assert_eq!(articles.len(), 2);
}

#[test]
fn a_weekday_near_the_top_is_not_the_publication_date() {
    let dir = tempfile::tempdir().unwrap();
    let overrides = annals::extract::Overrides::default();
    let read = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        annals::extract::Article::from_path(&p, &overrides)
    };
    // Was: published 0001-01-01, the far reference the weekday resolved to.
    let undated = read("weekday.txt", "Talks\n\nTalks collapsed on Monday.\n");
    assert!(
        matches!(
            undated,
            Err(annals::Error::Extract(
                annals::extract::ExtractError::NoDate { .. }
            ))
        ),
        "{undated:?}"
    );
    let dated = read(
        "dated.txt",
        "Talks\nMonday, September 28, 2020\nTalks collapsed on Monday.\n",
    )
    .unwrap();
    assert_eq!(
        dated.published,
        chrono::NaiveDate::from_ymd_opt(2020, 9, 28).unwrap()
    );
}
