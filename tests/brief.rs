//! `annals brief`: the JSON selection, the self-contained and escaped HTML
//! page, and that page rendered in headless Chromium without a console
//! message and with visible text.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::util::{finish, root, run_in};

fn brief(args: &[&str]) -> String {
    let mut all = vec!["brief"];
    all.extend_from_slice(args);
    let out = run_in(&root(), &all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn json_key_dates_are_in_date_order_and_deterministic() {
    let text = brief(&["events", "--top", "3", "--format", "json"]);
    assert_eq!(text, brief(&["events", "--top", "3", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let days = v["key_dates"].as_array().unwrap();
    assert_eq!(days.len(), 3);
    let dates: Vec<&str> = days.iter().map(|d| d["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted);
    for d in days {
        let s = d["salience"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&s), "{d}");
        assert!(!d["events"].as_array().unwrap().is_empty(), "{d}");
    }
}

/// A store whose every string is markup that would run if not escaped.
const NASTY: &str = r#"
[[source]]
id = "wire"
title = "<script>alert('t')</script> & \"wire\""
outlet = "Wire <Agency>"
url = "https://example.org/?a=1&b=<2>"
published = "2021-03-02"

[[event]]
id = "2021-03-01-img"
date = "2021-03-01"
title = "<img src=x onerror=alert(1)> & \"quotes\" 'single'"
kind = "protest"
actors = ["<b>Bold</b>"]

[[event.sources]]
id = "wire"
"#;

/// The brief of [`NASTY`] with `args`, run in a temporary folder.
fn nasty(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nasty.toml"), NASTY).unwrap();
    let mut all = vec!["brief", "nasty.toml"];
    all.extend_from_slice(args);
    let out = run_in(dir.path(), &all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_html_page_is_self_contained_and_escaped() {
    let html = nasty(&["--format", "html", "--title", "<b>Crisis</b> & co"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for escaped in [
        "<title>&lt;b&gt;Crisis&lt;/b&gt; &amp; co</title>",
        "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;single&#39;",
        "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;",
        "Wire &lt;Agency&gt;",
        "&lt;b&gt;Bold&lt;/b&gt;",
    ] {
        assert!(html.contains(escaped), "{escaped} missing:\n{html}");
    }
    // Nothing to fetch or run: links to the sources are fine, loads not.
    for load in [
        "<script", "<img", " src=\"", "url(", "@import", "<iframe", "<object",
    ] {
        assert!(!html.contains(load), "{load} in the page:\n{html}");
    }
    for (i, _) in html.match_indices("<link ") {
        assert!(
            html[i..].starts_with("<link rel=\"icon\" href=\"data:"),
            "a load at {i}"
        );
    }
    assert!(html.contains("@media print") && html.contains("name=\"viewport\""));
}

/// Chromium's binary, when installed.
fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| [d.join("chromium"), d.join("chromium-browser")])
        .find(|p| p.is_file())
}

/// Counts the characters of rendered, visible text on the page (not in a
/// display:none, hidden or transparent element) into an attribute of
/// `<html>` that `--dump-dom` shows. Added to a copy of the page only.
const PROBE: &str = "<script>(function(){var n=0,w=document.createTreeWalker(document.body,\
NodeFilter.SHOW_TEXT),t;while((t=w.nextNode())){var s=t.textContent.trim();\
if(!s||t.parentElement.closest('script,style'))continue;var r=document.createRange();\
r.selectNodeContents(t);var st=getComputedStyle(t.parentElement);\
if(r.getClientRects().length&&st.visibility!=='hidden'&&st.opacity!=='0')n+=s.length;}\
document.documentElement.setAttribute('data-visible-text',String(n));})();</script>";

/// Renders `html` in headless Chromium: an error for any console message
/// (errors, warnings and logs alike: the page has no script of its own)
/// and for a page with fewer than `min_text` visible characters.
fn render(chromium: &PathBuf, html: &str, min_text: usize) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("brief.html");
    let probed = match html.rfind("</body>") {
        Some(i) => format!("{}{PROBE}{}", &html[..i], &html[i..]),
        None => format!("{html}{PROBE}"),
    };
    std::fs::write(&page, probed).unwrap();
    let child = Command::new(chromium)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--enable-logging=stderr",
        ])
        .args(["--v=0", "--no-first-run", "--dump-dom"])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chromium starts");
    let out = finish(child, 120, "chromium");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let console: Vec<&str> = stderr.lines().filter(|l| l.contains(":CONSOLE")).collect();
    if !console.is_empty() {
        return Err(format!("console messages:\n{}", console.join("\n")));
    }
    let dom = String::from_utf8_lossy(&out.stdout);
    let visible = dom
        .split("data-visible-text=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|n| n.parse::<usize>().ok())
        .ok_or_else(|| format!("the page did not render (no probe result)\n{stderr}"))?;
    if visible < min_text {
        return Err(format!("blank page: {visible} visible characters"));
    }
    Ok(())
}

#[test]
fn the_html_brief_renders_in_chromium() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
        return;
    };
    for store in ["events", "tests/cmd/store.in"] {
        let html = brief(&[store, "--format", "html", "--top", "20"]);
        if let Err(e) = render(&chromium, &html, 200) {
            panic!("{store}: {e}");
        }
    }
    if let Err(e) = render(&chromium, &nasty(&["--format", "html"]), 100) {
        panic!("the store of markup: {e}");
    }
}

#[test]
fn the_chromium_check_fails_on_broken_pages() {
    let Some(chromium) = chromium() else {
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
        return;
    };
    let good = brief(&["events", "--format", "html", "--top", "3"]);
    let broken = [
        (
            "a script error",
            good.replace("</main>", "</main><script>nothing();</script>"),
        ),
        (
            "a console error",
            good.replace("</main>", "</main><script>console.error('x')</script>"),
        ),
        (
            "a hidden body",
            good.replace("<style>\n", "<style>\nbody{display:none}\n"),
        ),
        (
            "an empty body",
            good.replace(
                &good[good.find("<main>").unwrap()..good.find("</main>").unwrap()],
                "<main>",
            ),
        ),
    ];
    for (what, page) in broken {
        assert_ne!(page, good, "{what}: the page was not broken");
        assert!(
            render(&chromium, &page, 200).is_err(),
            "{what} passed the check"
        );
    }
}

/// Ten documents without an outlet or url report a resignation on one day;
/// two of them also report an injury that day, a violent kind with a
/// casualty.
fn resignation_day() -> annals::model::Store {
    let mut text = String::new();
    for i in 1..=10 {
        text += &format!("[[source]]\nid = \"s{i}\"\npublished = \"2011-02-11\"\n\n");
    }
    text += "[[event]]\nid = \"resigns\"\ndate = \"2011-02-11\"\ntitle = \"Mubarak resigns\"\nkind = \"retreat\"\n";
    for i in 1..=10 {
        text += &format!("[[event.sources]]\nid = \"s{i}\"\n");
    }
    text += "\n[[event]]\nid = \"injured\"\ndate = \"2011-02-11\"\ntitle = \"Injured\"\nkind = \"assault\"\ninjured = 1\n";
    text += "[[event.sources]]\nid = \"s1\"\n[[event.sources]]\nid = \"s2\"\n\n";
    text += "[[event]]\nid = \"statement\"\ndate = \"2011-02-10\"\ntitle = \"Speech\"\nkind = \"statement\"\n";
    text += "[[event.sources]]\nid = \"s3\"\n";
    let (loaded, problems) = annals::store::parse("day.toml", &text);
    assert!(problems.is_empty(), "{problems:?}");
    loaded.store
}

#[test]
fn a_days_headline_is_the_happening_most_documents_report() {
    use annals::export::brief::{markdown, Brief};
    use annals::graph::CausalGraph;
    use annals::rank::Ranking;
    let store = resignation_day();
    let graph = CausalGraph::new(&store);
    let ranking = Ranking::new(&graph);
    let score = |id: &str| ranking.get(graph.node(id).unwrap()).score;
    // No source names its outlet: the reports carry corroboration alone,
    // so ten documents outweigh an injury's kind and casualty.
    assert!(
        score("resigns") > score("injured"),
        "{} > {}",
        score("resigns"),
        score("injured")
    );
    let brief = Brief::new(&graph, 2, "Egypt");
    let day = brief
        .lines
        .iter()
        .find(|l| l.date.day.to_string() == "2011-02-11");
    let headline = day.expect("11 February is a key date").headline;
    assert_eq!(graph.event(headline).id, "resigns");
    let md = markdown(&brief);
    assert!(md.contains("Mubarak resigns — 10 reports."), "{md}");
    assert!(md.contains("their outlets are unknown"), "{md}");
}
