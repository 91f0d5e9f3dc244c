//! File-driven CLI cases: `tests/cmd/*.toml` give the arguments, the
//! expected output and the exit code; `*.in` folders hold their stores.
//! Regenerate expectations after a deliberate change with
//! `TRYCMD=overwrite cargo test cli`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
