//! Bad input, closed pipes, odd files and long chains: nothing panics,
//! nothing hangs, every error is located.

use std::io::Write;
use std::process::{Output, Stdio};

use crate::util::{annals, expect_code, finish, root, spawn_piped};

fn with_stdin(args: &[&str], input: &str) -> Output {
    crate::util::with_stdin(args, input.as_bytes())
}

/// One event a line, each caused by the one before.
pub fn chain_jsonl(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!(
            "{{\"id\":\"e{i}\",\"date\":\"2020-01-01\",\"title\":\"Event {i}\",\"kind\":\"protest\"}}\n"
        ));
    }
    for i in 1..n {
        s.push_str(&format!(
            "{{\"type\":\"link\",\"from\":\"e{}\",\"to\":\"e{i}\",\"relation\":\"causes\"}}\n",
            i - 1
        ));
    }
    s
}

#[test]
fn why_and_impact_walk_a_100k_chain_in_linear_output() {
    let n = 100_000;
    let store = chain_jsonl(n);
    let out = with_stdin(&["why", &format!("e{}", n - 1), "-"], &store);
    expect_code(&out, 0);
    let lines = out.stdout.split(|b| *b == b'\n').count();
    assert_eq!(lines, n + 1, "one line an event");
    assert!(out.stdout.len() < n * 200, "{} bytes", out.stdout.len());
    let out = with_stdin(&["impact", "e0", "-"], &store);
    expect_code(&out, 0);
    assert!(out.stdout.len() < n * 200, "{} bytes", out.stdout.len());
    // The cycle search of `check` keeps its own stack too.
    let out = with_stdin(&["check", "-"], &store);
    expect_code(&out, 0);
}

#[test]
fn a_diamond_prints_each_event_once_and_refers_to_repeats() {
    let store = "{\"id\":\"a\",\"date\":\"2020-01-01\",\"title\":\"A\",\"kind\":\"protest\"}\n\
{\"id\":\"b\",\"date\":\"2020-01-02\",\"title\":\"B\",\"kind\":\"protest\"}\n\
{\"id\":\"c\",\"date\":\"2020-01-02\",\"title\":\"C\",\"kind\":\"protest\"}\n\
{\"id\":\"d\",\"date\":\"2020-01-03\",\"title\":\"D\",\"kind\":\"protest\"}\n\
{\"type\":\"link\",\"from\":\"a\",\"to\":\"b\",\"relation\":\"causes\"}\n\
{\"type\":\"link\",\"from\":\"a\",\"to\":\"c\",\"relation\":\"causes\"}\n\
{\"type\":\"link\",\"from\":\"b\",\"to\":\"d\",\"relation\":\"causes\"}\n\
{\"type\":\"link\",\"from\":\"c\",\"to\":\"d\",\"relation\":\"causes\"}\n";
    let out = with_stdin(&["impact", "a", "-"], store);
    expect_code(&out, 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("  D  [d]").count(), 1, "{text}");
    assert_eq!(text.matches("[d]  (see above)").count(), 1, "{text}");
}

/// Writing to a closed standard error or output is the reader's choice,
/// not a crash: no panic (exit 101), no signal.
#[test]
fn a_closed_pipe_ends_quietly() {
    for (args, input, stream) in [
        (&["timeline", "-"][..], "not json\n".to_string(), "stderr"),
        (&["why", "e999", "-"][..], chain_jsonl(1000), "stdout"),
    ] {
        let mut child = spawn_piped(args);
        // Close the reading end before the command writes anything.
        if stream == "stderr" {
            drop(child.stderr.take());
        } else {
            drop(child.stdout.take());
        }
        let mut stdin = child.stdin.take().expect("stdin");
        let _ = stdin.write_all(input.as_bytes());
        drop(stdin);
        let out = finish(child, 60, stream);
        let code = out.status.code();
        assert!(
            code.is_some() && code != Some(101),
            "{args:?} with a closed {stream}: {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn reference_dates_near_the_calendar_ends_are_refused_not_a_panic() {
    for dct in [
        "+262142-12-31",
        "-262143-01-01",
        "0000-01-01",
        "10000-01-01",
    ] {
        let out = with_stdin(
            &["timex", &format!("--dct={dct}")],
            "in 200 years, last week",
        );
        expect_code(&out, 2);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--dct") && err.contains("0001 to 9999"),
            "{err}"
        );
    }
    let out = with_stdin(&["extract", "--published=+262142-12-31", "x.txt"], "");
    expect_code(&out, 2);
    // The far ends of the years accepted still work.
    for dct in ["9999-12-31", "0001-01-01"] {
        let out = with_stdin(
            &["timex", "--dct", dct],
            "Next year, in 9999 decades, 9999 months ago, the week after next, tomorrow.",
        );
        expect_code(&out, 0);
    }
}

#[test]
fn a_batch_reports_bad_lines_by_number_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs.jsonl");
    let mut bytes =
        b"\xef\xbb\xbf{\"id\":\"a\",\"dct\":\"2020-09-29\",\"text\":\"yesterday\"}\r\n".to_vec();
    bytes.extend(b"{\"id\":\"b\",\"dct\":\"+262142-12-31\",\"text\":\"yesterday\"}\n");
    bytes.extend(b"{\"id\":\"c\",\"dct\":\"2020-09-29\",\"text\":\"caf\xe9 yesterday\"}\n");
    bytes.extend(b"{\"id\":\"d\",\"dct\":\"2021-02-29\",\"text\":\"yesterday\"}\n");
    bytes.extend(b"{\"id\":\"e\",\"dct\":\"2020-09-29\",\"text\":\"tomorrow\"}\n");
    std::fs::write(&docs, &bytes).unwrap();
    let out = annals()
        .args(["timex", "--docs", docs.to_str().unwrap()])
        .output()
        .unwrap();
    expect_code(&out, 1);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("\"doc\":\"a\"") && stdout.contains("\"doc\":\"e\""),
        "{stdout}"
    );
    assert!(
        err.contains("docs.jsonl:2:") && err.contains("YYYY-MM-DD"),
        "{err}"
    );
    assert!(
        err.contains("docs.jsonl:3:") && err.contains("not UTF-8"),
        "{err}"
    );
    assert!(
        err.contains("docs.jsonl:4:") && err.contains("does not exist"),
        "{err}"
    );
    // The same through extract --docs.
    let articles = dir.path().join("articles.jsonl");
    let text = String::from_utf8_lossy(&bytes).replace("\"dct\"", "\"published\"");
    let mut bytes = text.into_bytes();
    bytes.extend(b"{\"id\":\"f\",\"published\":\"2020-09-29\",\"text\":\"\xff\"}\n");
    std::fs::write(&articles, &bytes).unwrap();
    let out = annals()
        .args(["extract", "--docs", articles.to_str().unwrap()])
        .output()
        .unwrap();
    expect_code(&out, 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("articles.jsonl:2:"), "{err}");
    assert!(
        err.contains("articles.jsonl:6:") && err.contains("not UTF-8"),
        "{err}"
    );
}

#[test]
fn crlf_and_bom_are_read_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("crlf.md");
    std::fs::write(
        &md,
        "\u{feff}+++\r\ntitle = \"Talks\"\r\npublished = 2020-09-29\r\n+++\r\n\r\nTalks collapsed on Monday.\r\n",
    )
    .unwrap();
    let out = annals().arg("extract").arg(&md).output().unwrap();
    expect_code(&out, 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("2020-09-29"), "{text}");
    assert!(text.contains("title = \"Talks\""), "{text}");
    let store = dir.path().join("store");
    std::fs::create_dir(&store).unwrap();
    std::fs::write(
        store.join("a.toml"),
        "\u{feff}[[event]]\r\nid = \"a\"\r\ndate = 2020-09-28\r\ntitle = \"A\"\r\nkind = \"protest\"\r\n",
    )
    .unwrap();
    std::fs::write(
        store.join("b.jsonl"),
        "\u{feff}{\"id\":\"b\",\"date\":\"2020-09-29\",\"title\":\"B\",\"kind\":\"protest\"}\r\n",
    )
    .unwrap();
    let out = annals()
        .args(["timeline", "--format", "csv"])
        .arg(&store)
        .output()
        .unwrap();
    expect_code(&out, 0);
    let out = with_stdin(
        &["timeline", "-", "--format", "csv"],
        "\u{feff}{\"id\":\"b\",\"date\":\"2020-09-29\",\"title\":\"B\",\"kind\":\"protest\"}\r\n",
    );
    expect_code(&out, 0);
    let out = with_stdin(&["timex", "--dct", "2020-09-29"], "\u{feff}yesterday\r\n");
    expect_code(&out, 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"begin\":0"));
}

#[cfg(unix)]
#[test]
fn discovery_skips_fifos_and_reads_each_folder_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    std::fs::create_dir_all(store.join("sub")).unwrap();
    std::fs::copy(
        root().join("tests/cmd/store.in/crisis.toml"),
        store.join("sub/crisis.toml"),
    )
    .unwrap();
    let fifo = store.join("pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("..", store.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("../sub", store.join("sub/again")).unwrap();
    std::os::unix::fs::symlink("sub", store.join("side")).unwrap();
    let child = annals()
        .arg("check")
        .arg(&store)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = finish(child, 30, "check on a store with a FIFO and link loops");
    expect_code(&out, 0);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("5 events, 3 links"), "{text}");
    assert!(
        text.contains("pipe.toml: warning: skipped: not a regular file"),
        "{text}"
    );
    assert!(text.contains("skipped: already read"), "{text}");
    let child = annals()
        .args(["timeline", "--format", "csv"])
        .arg(&store)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = finish(child, 30, "timeline");
    expect_code(&out, 0);
    assert!(String::from_utf8_lossy(&out.stderr).contains("pipe.toml: warning: skipped"));
}

/// Thousands of links to unknown events: each gets its message, and the
/// did-you-mean search stays bounded (minutes before; now seconds).
#[test]
fn thousands_of_dangling_links_are_checked_in_bounded_time() {
    let n = 3000;
    let store = crate::stores::dangling_links_jsonl(n);
    let out = with_stdin(&["check", "-"], &store);
    expect_code(&out, 1);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("names unknown event").count(), n);
    assert!(
        text.contains("did you mean `2020-01-01-event-number-00000`?"),
        "{}",
        &text[..2000]
    );
}
