//! The bad-input matrix: each case is a command with its arguments, its
//! standard input and the files it reads; the exit code it must end with,
//! and the place its message must name (`file:line:column`, an option, a
//! path). No case may panic (exit 101) or hang.

use std::io::Write;
use std::process::Stdio;

use crate::util::annals;
use crate::util::finish;

struct Case {
    name: &'static str,
    args: &'static [&'static str],
    stdin: &'static [u8],
    files: &'static [(&'static str, &'static [u8])],
    code: i32,
    /// Text the output (stdout or stderr) must contain: where the problem is.
    at: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "reference date past the calendar",
        args: &["timex", "--dct=+262142-12-31"],
        stdin: b"yesterday",
        files: &[],
        code: 2,
        at: "--dct",
    },
    Case {
        name: "publication date past the calendar",
        args: &["extract", "--published=+262142-12-31", "a.txt"],
        stdin: b"",
        files: &[("a.txt", b"Title\n\nPolice arrested protesters.\n")],
        code: 2,
        at: "--published",
    },
    Case {
        name: "a day that does not exist",
        args: &["extract", "--published", "2021-02-29", "a.txt"],
        stdin: b"",
        files: &[("a.txt", b"Title\n\nPolice arrested protesters.\n")],
        code: 2,
        at: "does not exist",
    },
    Case {
        name: "reference date past the calendar in a batch",
        args: &["timex", "--docs", "d.jsonl"],
        stdin: b"",
        files: &[(
            "d.jsonl",
            b"{\"id\":\"a\",\"dct\":\"2020-09-29\",\"text\":\"x\"}\n{\"id\":\"b\",\"dct\":\"+262142-12-31\",\"text\":\"yesterday\"}\n",
        )],
        code: 1,
        at: "d.jsonl:2:",
    },
    Case {
        name: "not UTF-8 in a batch",
        args: &["timex", "--docs", "d.jsonl"],
        stdin: b"",
        files: &[("d.jsonl", b"{\"id\":\"a\",\"dct\":\"2020-09-29\",\"text\":\"\xff\"}\n")],
        code: 1,
        at: "d.jsonl:1:",
    },
    Case {
        name: "a BOM on a batch",
        args: &["extract", "--docs", "d.jsonl"],
        stdin: b"",
        files: &[(
            "d.jsonl",
            b"\xef\xbb\xbf{\"id\":\"a\",\"published\":\"2020-09-29\",\"text\":\"Police arrested 3 people on Monday.\"}\n",
        )],
        code: 0,
        at: "\"doc\":\"a\"",
    },
    Case {
        name: "a bad line in an article batch",
        args: &["extract", "--docs", "d.jsonl"],
        stdin: b"",
        files: &[(
            "d.jsonl",
            b"{\"id\":\"a\",\"published\":\"2020-09-29\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"x\"\n",
        )],
        code: 1,
        at: "d.jsonl:2:",
    },
    Case {
        name: "a nested range",
        args: &["check", "s.toml"],
        stdin: b"",
        files: &[("s.toml", b"[[event]]\nid = \"a\"\ndate = \"2020/2021/2022\"\ntitle = \"A\"\nkind = \"protest\"\n")],
        code: 1,
        at: "s.toml:3:8",
    },
    Case {
        name: "a negative year",
        args: &["check", "s.toml"],
        stdin: b"",
        files: &[("s.toml", b"[[event]]\nid = \"a\"\ndate = \"-500\"\ntitle = \"A\"\nkind = \"protest\"\n")],
        code: 1,
        at: "s.toml:3:8",
    },
    Case {
        name: "a day-first date",
        args: &["check", "s.toml"],
        stdin: b"",
        files: &[("s.toml", b"[[event]]\nid = \"a\"\ndate = \"22/09/2020\"\ntitle = \"A\"\nkind = \"protest\"\n")],
        code: 1,
        at: "s.toml:3:8",
    },
    Case {
        name: "year zero",
        args: &["timeline", "s.toml"],
        stdin: b"",
        files: &[("s.toml", b"[[event]]\nid = \"a\"\ndate = \"0000-01-01\"\ntitle = \"A\"\nkind = \"protest\"\n")],
        code: 1,
        at: "s.toml:3:8",
    },
    Case {
        name: "a reversed span",
        args: &["check", "s.toml"],
        stdin: b"",
        files: &[(
            "s.toml",
            b"[[source]]\nid = \"w\"\npublished = 2020-09-29\n[[event]]\nid = \"a\"\ndate = 2020-09-28\ntitle = \"A\"\nkind = \"protest\"\nsources = [{ id = \"w\", span = [500, 3] }]\n",
        )],
        code: 1,
        at: "s.toml:9:",
    },
    Case {
        name: "CRLF front matter",
        args: &["extract", "a.md"],
        stdin: b"",
        files: &[("a.md", b"+++\r\ntitle = \"T\"\r\npublished = 2020-09-29\r\n+++\r\n\r\nPolice arrested 3 people.\r\n")],
        code: 0,
        at: "title = \"T\"",
    },
    Case {
        name: "a BOM before front matter",
        args: &["extract", "a.md"],
        stdin: b"",
        files: &[("a.md", b"\xef\xbb\xbf+++\ntitle = \"T\"\npublished = 2020-09-29\n+++\n\nPolice arrested 3 people.\n")],
        code: 0,
        at: "title = \"T\"",
    },
    Case {
        name: "unclosed front matter",
        args: &["extract", "a.md"],
        stdin: b"",
        files: &[("a.md", b"+++\ntitle = \"T\"\n\nPolice arrested 3 people.\n")],
        code: 1,
        at: "a.md:1:1",
    },
    Case {
        name: "an unknown front matter key",
        args: &["extract", "a.md"],
        stdin: b"",
        files: &[("a.md", b"+++\ntitle = \"T\"\nauthorr = \"x\"\npublished = 2020-09-29\n+++\nBody.\n")],
        code: 1,
        at: "a.md:3:",
    },
    Case {
        name: "a BOM and CRLF in a store file",
        args: &["check", "s.toml"],
        stdin: b"",
        files: &[("s.toml", b"\xef\xbb\xbf[[event]]\r\nid = \"a\"\r\ndate = 2020-09-28\r\ntitle = \"A\"\r\nkind = \"protest\"\r\n")],
        code: 0,
        at: "s.toml: 1 event",
    },
    Case {
        name: "a BOM on JSON Lines input",
        args: &["check", "-"],
        stdin: b"\xef\xbb\xbf{\"id\":\"a\",\"date\":\"2020-09-28\",\"title\":\"A\",\"kind\":\"protest\"}\r\n",
        files: &[],
        code: 0,
        at: "-: 1 event",
    },
    Case {
        name: "a bad JSON line on standard input",
        args: &["check", "-"],
        stdin: b"{\"id\":\"a\",\"date\":\"2020-09-28\",\"title\":\"A\",\"kind\":\"protest\"}\n{oops\n",
        files: &[],
        code: 1,
        at: "<stdin>:2:",
    },
    Case {
        name: "invalid TOML",
        args: &["check", "s.toml"],
        stdin: b"",
        files: &[("s.toml", b"[[event]]\nid = \"a\ntitle = \"A\"\n")],
        code: 1,
        at: "s.toml:2:",
    },
    Case {
        name: "a store file that is not UTF-8",
        args: &["check", "s.toml"],
        stdin: b"",
        files: &[("s.toml", b"[[event]]\nid = \"a\xff\"\n")],
        code: 1,
        at: "s.toml:2:",
    },
    Case {
        name: "a text file that is not UTF-8",
        args: &["timex", "--dct", "2020-09-29", "t.txt"],
        stdin: b"",
        files: &[("t.txt", b"fine\nnot \xfe fine\n")],
        code: 1,
        at: "t.txt:2:5",
    },
    Case {
        name: "a missing store",
        args: &["check", "nowhere"],
        stdin: b"",
        files: &[],
        code: 2,
        at: "nowhere",
    },
    Case {
        name: "a dangling link",
        args: &["check", "s.toml"],
        stdin: b"",
        files: &[(
            "s.toml",
            b"[[event]]\nid = \"abc\"\ndate = 2020-09-28\ntitle = \"A\"\nkind = \"protest\"\n[[link]]\nfrom = \"abd\"\nto = \"abc\"\nrelation = \"causes\"\n",
        )],
        code: 1,
        at: "s.toml:7:8",
    },
    Case {
        name: "an impossible --from",
        args: &["timeline", "s.toml", "--from", "2021-02-29"],
        stdin: b"",
        files: &[("s.toml", b"")],
        code: 2,
        at: "--from",
    },
    Case {
        name: "an existing output file",
        args: &["extract", "a.txt", "--published", "2020-09-29", "--out", "out"],
        stdin: b"",
        files: &[
            ("a.txt", b"Title\n\nPolice arrested 3 people on Monday.\n"),
            ("out/a.toml", b"# mine\n"),
        ],
        code: 1,
        at: "out/a.toml",
    },
    Case {
        name: "--update of a broken store file",
        args: &["extract", "a.txt", "--published", "2020-09-29", "--out", "out", "--update"],
        stdin: b"",
        files: &[
            ("a.txt", b"Title\n\nPolice arrested 3 people on Monday.\n"),
            ("out/a.toml", b"[[event]]\nid = \n"),
        ],
        code: 1,
        at: "out/a.toml:2:",
    },
];

#[test]
fn every_bad_input_ends_with_its_code_and_names_its_place() {
    let mut failures = Vec::new();
    for case in CASES {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in case.files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        let mut child = annals()
            .current_dir(dir.path())
            .args(case.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let _ = stdin.write_all(case.stdin);
        drop(stdin);
        let out = finish(child, 60, case.name);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if out.status.code() != Some(case.code) || !text.contains(case.at) {
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
