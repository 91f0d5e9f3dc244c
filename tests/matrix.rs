//! The bad-input matrix, `tests/data/matrix.toml`: each case is a command
//! with its arguments, its standard input and the files it reads; the exit
//! code it must end with, and the place its message must name
//! (`file:line:column`, an option, a path). No case may panic (exit 101)
//! or hang.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::Stdio;

use serde::Deserialize;

use crate::util::{annals, finish, root};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    args: Vec<String>,
    #[serde(default)]
    stdin: String,
    #[serde(default)]
    files: BTreeMap<String, String>,
    code: i32,
    /// Text the output (stdout or stderr) must contain: where the problem is.
    at: String,
}

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

/// The bytes of a case's text, `\xNN` being the byte NN.
fn bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("\\x") {
        out.extend_from_slice(&rest.as_bytes()[..at]);
        let hex = &rest[at + 2..at + 4];
        out.push(u8::from_str_radix(hex, 16).unwrap());
        rest = &rest[at + 4..];
    }
    out.extend_from_slice(rest.as_bytes());
    out
}

#[test]
fn every_bad_input_ends_with_its_code_and_names_its_place() {
    let mut failures = Vec::new();
    let text = std::fs::read_to_string(root().join("tests/data/matrix.toml")).unwrap();
    let cases: Cases = toml::from_str(&text).unwrap();
    for case in &cases.case {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in &case.files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes(text)).unwrap();
        }
        let mut child = annals()
            .current_dir(dir.path())
            .args(&case.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(&bytes(&case.stdin));
        drop(stdin);
        let out = finish(child, 60, &case.name);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if out.status.code() != Some(case.code) || !text.contains(&case.at) {
            failures.push(format!(
                "{}: exit {:?} (want {}), want `{}` in:\n{text}",
                case.name,
                out.status.code(),
                case.code,
                case.at
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}
