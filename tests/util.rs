//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

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

/// Waits for `child` at most `secs` seconds, reading its output as it
/// comes; a hang kills it and fails.
pub fn finish(child: Child, secs: u64, what: &str) -> Output {
    let pid = child.id().to_string();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait_with_output()));
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(out) => out.expect("output"),
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid])
                .status();
            panic!("{what} hung");
        }
    }
}

/// Runs `annals args` with `input` on standard input, written from a
/// thread so that a large input cannot block on a full output pipe; at
/// most a minute.
pub fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = spawn_piped(args);
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = finish(child, 60, &args.join(" "));
    writer.join().expect("writer");
    out
}

/// Starts `annals args` with all three standard streams piped.
pub fn spawn_piped(args: &[&str]) -> Child {
    annals()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn")
}
