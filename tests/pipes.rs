//! Round trips: what one command prints, another reads.

use crate::util::{expect_code, root, run_in, with_stdin};

#[test]
fn json_and_json_lines_read_back_as_the_same_store() {
    let direct = run_in(&root(), &["timeline", "events", "--format", "json"]);
    expect_code(&direct, 0);
    for format in ["json", "jsonl"] {
        let printed = run_in(&root(), &["timeline", "events", "--format", format]);
        expect_code(&printed, 0);
        let back = with_stdin(&["timeline", "-", "--format", "json"], &printed.stdout);
        expect_code(&back, 0);
        assert_eq!(
            String::from_utf8_lossy(&back.stdout),
            String::from_utf8_lossy(&direct.stdout),
            "--format {format} piped back differs"
        );
    }
}

#[test]
fn json_lines_hold_one_event_a_line_with_its_links_and_sources() {
    let out = run_in(&root(), &["timeline", "events", "--format", "jsonl"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let count = |t: Option<&str>| {
        lines
            .iter()
            .filter(|v| v.get("type").and_then(|x| x.as_str()) == t)
            .count()
    };
    assert_eq!(
        (count(None), count(Some("link")), count(Some("source"))),
        (14, 12, 1)
    );
    let event = lines
        .iter()
        .find(|v| v["id"] == "2020-09-22-pompeo-threatens-to-close-baghdad-embassy");
    let event = event.expect("the threat is a line");
    assert!(event["causes"].as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(event["sources"][0]["id"], "topnews-2020-09-29");
}

#[test]
fn one_file_of_a_store_finds_the_sources_of_its_folder() {
    for file in [
        "events/2020-09-embassy-crisis.toml",
        "events/2020-01-soleimani.toml",
    ] {
        for command in ["check", "timeline", "dot"] {
            let out = run_in(&root(), &[command, file]);
            expect_code(&out, 0);
        }
    }
    let out = run_in(
        &root().join("events"),
        &["timeline", "2020-01-soleimani.toml", "--format", "text"],
    );
    expect_code(&out, 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Soleimani"));
}

/// Every command that reads a store reads the JSON Lines and the JSON
/// document of `timeline` back from `-` and says exactly what it says of
/// the folder: links, sources and all.
#[test]
fn every_command_reads_its_store_back_from_standard_input() {
    let threat = "2020-09-22-pompeo-threatens-to-close-baghdad-embassy";
    let rockets = "2020-09-rocket-attacks-on-us-embassy-intensify";
    let commands: [&[&str]; 18] = [
        &["check"],
        &["timeline"],
        &["timeline", "--format", "text"],
        &["timeline", "--format", "json"],
        &["timeline", "--format", "jsonl"],
        &["timeline", "--format", "csv"],
        &["timeline", "--format", "timelinejs"],
        &["timeline", "--top", "5", "--format", "json"],
        &["dot"],
        &["dot", "--top", "5"],
        &["brief"],
        &["brief", "--top", "2", "--format", "json"],
        &["brief", "--format", "html"],
        &["merge"],
        &["why", threat],
        &["impact", rockets],
        &["path", rockets, threat],
        &["timeline", "--around", threat, "--format", "text"],
    ];
    for format in ["jsonl", "json"] {
        let printed = run_in(&root(), &["timeline", "events", "--format", format]);
        expect_code(&printed, 0);
        for args in commands {
            let folder: Vec<&str> = args.iter().copied().chain(["events"]).collect();
            let piped: Vec<&str> = args.iter().copied().chain(["-"]).collect();
            let direct = run_in(&root(), &folder);
            expect_code(&direct, 0);
            let back = with_stdin(&piped, &printed.stdout);
            expect_code(&back, 0);
            let said = |b: &[u8]| String::from_utf8_lossy(b).replacen("events:", "-:", 1);
            assert_eq!(
                said(&back.stdout),
                said(&direct.stdout),
                "{args:?} from --format {format} on standard input"
            );
        }
    }
}
