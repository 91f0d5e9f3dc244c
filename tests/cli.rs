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
