//! File-driven CLI cases: `tests/cmd/*.toml` give the arguments, the
//! expected output and the exit code; `*.in` folders hold their stores.
//! Regenerate expectations after a deliberate change with
//! `TRYCMD=overwrite cargo test cli`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

#[test]
fn shell_completions_and_the_man_page_are_generated() {
    use crate::util::{expect_code, root, run_in};
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run_in(&root(), &["completions", shell]);
        expect_code(&out, 0);
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(
            script.contains("timeline") && script.contains("--around"),
            "{shell}"
        );
    }
    let man = run_in(&root(), &["man"]);
    expect_code(&man, 0);
    let roff = String::from_utf8_lossy(&man.stdout);
    assert!(roff.contains(".TH annals 1"), "{roff}");
    assert!(
        roff.contains("timeline") && roff.contains("completions"),
        "{roff}"
    );
}

/// Every count in `text` ("1 link", "0 new events") agrees with its noun.
fn assert_plurals_agree(text: &str) {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let Ok(n) = w.parse::<usize>() else { continue };
        let noun = words[i + 1..]
            .iter()
            .map(|x| x.trim_end_matches([',', ':', '.']))
            .find(|x| *x != "new")
            .unwrap_or_default();
        if ["event", "link", "source", "error", "warning"]
            .iter()
            .any(|stem| noun.trim_end_matches('s') == *stem)
        {
            assert_eq!(n == 1, !noun.ends_with('s'), "`{n} {noun}` in {text}");
        }
    }
}

#[test]
fn counts_agree_with_their_nouns() {
    use crate::util::{expect_code, root, run_in};
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().to_str().unwrap();
    let articles = ["examples/articles/2023-03-06-ruritania-closes-border.md"];
    for update in [false, true] {
        let mut args = vec!["extract", articles[0], "--out", out_dir];
        if update {
            args.push("--update");
        }
        let out = run_in(&root(), &args);
        expect_code(&out, 0);
        assert_plurals_agree(&String::from_utf8_lossy(&out.stderr));
    }
    let check = run_in(&root(), &["check", out_dir]);
    assert_plurals_agree(&String::from_utf8_lossy(&check.stdout));
}
