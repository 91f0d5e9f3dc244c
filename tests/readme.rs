//! The README's typical session runs as written on the files the
//! repository ships, pipes included.

use std::path::Path;
use std::process::Command;

use crate::util::{expect_code, root};

/// The first `sh` block after `heading` in the README.
fn block_after(heading: &str) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let rest = &readme[readme.find(heading).expect("the heading is in the README")..];
    let start = rest.find("```sh\n").expect("an sh block follows") + "```sh\n".len();
    let len = rest[start..].find("```").expect("the block ends");
    rest[start..start + len].to_string()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let p = entry.unwrap().path();
        if p.is_file() {
            std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn the_typical_session_runs_as_written() {
    let session = block_after("## A typical session");
    assert!(session.contains('|'), "the session shows pipes");
    let dir = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("examples/articles"),
        &dir.path().join("examples/articles"),
    );
    copy_dir(&root().join("events"), &dir.path().join("events"));
    let bin = Path::new(env!("CARGO_BIN_EXE_annals")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-euo", "pipefail", "-c", &session])
        .env("PATH", path)
        .current_dir(dir.path())
        .output()
        .expect("bash runs");
    expect_code(&out, 0);
    let read = |name: &str| std::fs::read(dir.path().join(name)).unwrap();
    assert!(String::from_utf8_lossy(&read("briefing.md")).starts_with("# Timeline"));
    assert!(String::from_utf8_lossy(&read("store.svg")).contains("<svg"));
    assert!(read("around.png").starts_with(b"\x89PNG"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("-: 14 events, 12 links, 1 source: ok"),
        "{stdout}"
    );
}

#[test]
fn the_release_profile_ships_no_debug_info() {
    let manifest: toml::Table =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap()).unwrap();
    let release = &manifest["profile"]["release"];
    let debug = release.get("debug");
    assert!(
        debug.is_none_or(|d| d.as_bool() == Some(false) || d.as_integer() == Some(0)),
        "release keeps debug info: {debug:?}"
    );
    assert_eq!(
        release.get("strip").and_then(|s| s.as_str()),
        Some("debuginfo")
    );
}
