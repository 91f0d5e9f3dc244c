//! Diagrams for briefings: rendered with the real Graphviz, they keep a
//! slide's proportions, read at slide width, and say what they encode.

use std::path::Path;

use crate::util::{expect_code, graphviz, root, run_in};

/// Renders DOT text to PNG with Graphviz.
fn png(dot: &[u8], what: &str) -> Vec<u8> {
    graphviz(dot, "-Tpng", what)
}

/// Renders DOT text to SVG with Graphviz.
fn svg(dot: &[u8], what: &str) -> String {
    String::from_utf8(graphviz(dot, "-Tsvg", what)).unwrap()
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |i: usize| u32::from_be_bytes(png[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

/// Graphviz draws 10-point labels 13.3 pixels tall at its 96 dpi; scaled
/// to a 1920-pixel slide they must stay at least 10 pixels tall.
fn readable_at_1920(width: u32) -> bool {
    10.0 / 72.0 * 96.0 * 1920.0 / f64::from(width) >= 10.0
}

fn assert_slide(width: u32, height: u32, what: &str) {
    let ratio = f64::from(width) / f64::from(height);
    assert!(
        (4.0 / 3.0..=16.0 / 9.0).contains(&ratio),
        "{what}: {width} x {height} px is {ratio:.2}:1, not between 4:3 and 16:9"
    );
}

#[test]
fn the_shipped_diagram_fits_a_slide_and_reads_at_1920_px() {
    let out = run_in(&root(), &["dot", "events"]);
    expect_code(&out, 0);
    let (w, h) = png_size(&png(&out.stdout, "events"));
    assert_slide(w, h, "events");
    assert!(
        readable_at_1920(w),
        "{w} px wide: labels too small at 1920 px"
    );
}

/// A store of `n` events over four months, a few a day, every kind and
/// mode, with links from earlier to later events.
pub fn write_store(dir: &Path, n: usize) {
    let kinds = [
        "agree",
        "consult",
        "support",
        "concede",
        "cooperate",
        "aid",
        "retreat",
        "investigate",
        "request",
        "disapprove",
        "reject",
        "threaten",
        "sanction",
        "protest",
        "crime",
        "mobilize",
        "coerce",
        "assault",
        "statement",
        "other",
    ];
    let modes = ["asserted", "reported", "threatened", "planned", "feared"];
    let relations = [
        "causes",
        "enables",
        "triggers",
        "responds-to",
        "precedes",
        "prevents",
    ];
    let mut toml = String::from(
        "[[source]]\nid = \"wire\"\ntitle = \"Wire\"\noutlet = \"Wire\"\nurl = \"\"\npublished = 2021-07-01\n",
    );
    let start = chrono::NaiveDate::from_ymd_opt(2021, 3, 1).unwrap();
    for i in 0..n {
        let day = start + chrono::Duration::days((i * 120 / n) as i64);
        let approx = if i % 9 == 0 { "~" } else { "" };
        toml.push_str(&format!(
            "[[event]]\nid = \"e{i:04}-event\"\ndate = \"{day}{approx}\"\n\
             title = \"Event {i}: one party does something to another party in a place\"\n\
             kind = \"{}\"\nmode = \"{}\"\nsources = [{{ id = \"wire\", quote = \"q\" }}]\n",
            kinds[i % kinds.len()],
            modes[i % modes.len()]
        ));
    }
    for i in (3..n).step_by(2) {
        // From an event at least three back: at least a day earlier.
        let from = i.saturating_sub(3 + (i * 7) % 4);
        toml.push_str(&format!(
            "[[link]]\nfrom = \"e{from:04}-event\"\nto = \"e{i:04}-event\"\nrelation = \"{}\"\n",
            relations[i % relations.len()]
        ));
    }
    std::fs::write(dir.join("store.toml"), toml).unwrap();
}

#[test]
fn a_150_event_store_wraps_into_rows_of_slide_proportions() {
    let dir = tempfile::tempdir().unwrap();
    write_store(dir.path(), 150);
    let out = run_in(dir.path(), &["dot", ".", "--layout", "rows"]);
    expect_code(&out, 0);
    let (w, h) = png_size(&png(&out.stdout, "150 events"));
    assert_slide(w, h, "150 events");
}

#[test]
fn more_than_150_events_say_how_to_cut_the_diagram_down() {
    let dir = tempfile::tempdir().unwrap();
    write_store(dir.path(), 151);
    let out = run_in(dir.path(), &["dot", "."]);
    expect_code(&out, 0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("151 events") && stderr.contains("--top"),
        "{stderr}"
    );
    let top = run_in(dir.path(), &["dot", ".", "--top", "40"]);
    assert!(
        top.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&top.stderr)
    );
    let nodes = String::from_utf8_lossy(&top.stdout)
        .matches("tooltip=\"wire: q\"")
        .count();
    assert_eq!(nodes, 40);
}

/// The node statement of an event in the shipped diagram.
fn node<'a>(dot: &'a str, id: &str) -> &'a str {
    dot.lines()
        .find(|l| l.trim_start().starts_with(&format!("\"{id}\" [")))
        .unwrap_or_else(|| panic!("no node {id}"))
}

#[test]
fn dashes_mean_an_uncertain_date_and_pale_italics_what_did_not_happen() {
    let out = run_in(&root(), &["dot", "events"]);
    let dot = String::from_utf8(out.stdout).unwrap();
    let approximate = node(&dot, "2020-09-22-pompeo-threatens-to-close-baghdad-embassy");
    assert!(approximate.contains("dashed"), "{approximate}");
    let month_long = node(&dot, "2020-09-rocket-attacks-on-us-embassy-intensify");
    assert!(
        !month_long.contains("dashed"),
        "a stated range is not doubt"
    );
    let threatened = node(&dot, "2020-09-us-embassy-in-baghdad-closure-threatened");
    assert!(!threatened.contains("dashed"), "{threatened}");
    assert!(threatened.contains("Helvetica-Oblique"), "{threatened}");
    // sanction's #AA3377 kept at 35% on white.
    assert!(threatened.contains("fillcolor=\"#e1b8cf\""), "{threatened}");
    assert!(threatened.contains("(threatened)"), "{threatened}");
}

#[test]
fn the_legend_lists_only_what_the_diagram_uses() {
    let out = run_in(
        &root(),
        &["dot", "events", "--kind", "assault", "--from", "2020-09-28"],
    );
    let dot = String::from_utf8(out.stdout).unwrap();
    let legend = dot
        .lines()
        .find(|l| l.contains("label=<"))
        .expect("a legend");
    assert!(legend.contains("</FONT> assault"), "{legend}");
    for absent in ["threaten", "retreat", "causes", "prevents"] {
        assert!(!legend.contains(absent), "{absent} in {legend}");
    }
}

#[test]
fn render_runs_graphviz_itself() {
    let out = run_in(&root(), &["dot", "events", "--render", "png"]);
    expect_code(&out, 0);
    assert_eq!(png_size(&out.stdout), {
        let text = run_in(&root(), &["dot", "events"]).stdout;
        png_size(&png(&text, "events"))
    });
    let svg = run_in(&root(), &["dot", "events", "--render", "svg"]);
    expect_code(&svg, 0);
    assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"));
}

#[test]
fn the_time_axis_spaces_columns_by_elapsed_time() {
    let out = run_in(&root(), &["dot", "events"]);
    let dot = String::from_utf8(out.stdout).unwrap();
    // `"axis ROW.RANK" [shape=plaintext, label="TICK"` for each labelled tick.
    let rank = |tick: &str| {
        dot.lines()
            .find(|l| l.contains(&format!("label=\"{tick}\"")) && l.contains("\"axis "))
            .and_then(|l| l.split('"').nth(1))
            .and_then(|id| id.rsplit('.').next())
            .and_then(|r| r.parse::<usize>().ok())
            .unwrap_or_else(|| panic!("no tick {tick}"))
    };
    let (january, september) = (rank("3 Jan 2020"), rank("1 Sep"));
    let (day, next_day) = (rank("21 Sep 2020"), rank("22"));
    assert!(september - january > next_day - day, "{dot}");
    assert_eq!(next_day - day, 1);
}

#[test]
fn a_day_of_a_busy_topic_stays_within_graphviz_bitmap_limits() {
    // 789 events: one day of a real topic once drew an SVG 49 m wide.
    let dir = tempfile::tempdir().unwrap();
    write_store(dir.path(), 789);
    let out = run_in(dir.path(), &["dot", "."]);
    expect_code(&out, 0);
    let svg = svg(&out.stdout, "789 events");
    let size = |attr: &str| {
        let at = svg.find(&format!("{attr}=\"")).expect("a size") + attr.len() + 2;
        let pt: f64 = svg[at..].split("pt").next().unwrap().parse().unwrap();
        pt * 96.0 / 72.0
    };
    let (w, h) = (size("width"), size("height"));
    assert!(w < 32767.0 && h < 32767.0, "{w} x {h} px");
    assert_slide(w as u32, h as u32, "789 events");
}
