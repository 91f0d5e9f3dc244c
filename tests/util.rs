//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `annals` binary built for these tests.
pub fn annals() -> Command {
    Command::new(env!("CARGO_BIN_EXE_annals"))
}

/// Runs `annals` with `args` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    annals()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("annals runs")
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file below `dir` with its bytes, sorted by path.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable dir") {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).expect("readable file");
                out.push((p, bytes));
            }
        }
    }
    out.sort();
    out
}

/// Asserts the exit code, showing both output streams when it differs.
pub fn expect_code(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs `dot FLAG` on DOT text; panics on any error or warning.
pub fn graphviz(dot: &[u8], flag: &str, what: &str) -> Vec<u8> {
    let mut child = Command::new("dot")
        .arg(flag)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` must be installed (apt-get install graphviz); CI installs it");
    child.stdin.take().unwrap().write_all(dot).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.trim().is_empty(),
        "{what}: dot failed or warned:\n{stderr}"
    );
    out.stdout
}
