//! `extract --out`: concurrent runs, kills, links and permissions lose
//! nothing and overwrite nothing.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::{annals, expect_code, run_in};

const PROTESTS: &str =
    "Protests in Baghdad\n\nProtesters marched in Baghdad on September 28, 2020. \
Police arrested 12 people in Basra on September 27, 2020.\n";
const ROCKETS: &str =
    "Rockets in Baghdad\n\nRockets hit the US embassy in Baghdad on September 20, 2020. \
Iraq condemned the attack on September 21, 2020.\n";

/// Two articles both named `a.txt`, in `x/` and `y/`.
fn two_articles(dir: &Path) {
    for (sub, text) in [("x", PROTESTS), ("y", ROCKETS)] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("a.txt"), text).unwrap();
    }
}

fn extract(dir: &Path, article: &str, update: bool) -> Command {
    let mut c = annals();
    c.current_dir(dir)
        .args([
            "extract",
            article,
            "--published",
            "2020-09-29",
            "--out",
            "store",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if update {
        c.arg("--update");
    }
    c
}

fn event_ids(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let store: toml::Table = toml::from_str(&text).unwrap();
    let mut ids: Vec<String> = store["event"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn inputs_with_the_same_name_get_distinct_files() {
    let dir = tempfile::tempdir().unwrap();
    two_articles(dir.path());
    let out = run_in(
        dir.path(),
        &[
            "extract",
            "x/a.txt",
            "y/a.txt",
            "--published",
            "2020-09-29",
            "--out",
            "store",
        ],
    );
    expect_code(&out, 0);
    let a = std::fs::read_to_string(dir.path().join("store/a.toml")).unwrap();
    let b = std::fs::read_to_string(dir.path().join("store/a-2.toml")).unwrap();
    assert!(
        a.contains("protesters-march-baghdad") && !a.contains("rockets-hit"),
        "{a}"
    );
    assert!(
        b.contains("id = \"a-2\"") && b.contains("rockets-hit"),
        "{b}"
    );
    expect_code(&run_in(dir.path(), &["check", "store"]), 0);
}

/// Two `--update` runs into one file at once, many times: each run's
/// events are all there afterwards, and both runs succeed.
#[test]
fn concurrent_updates_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    two_articles(dir.path());
    let alone = |art: &str| {
        let d = tempfile::tempdir().unwrap();
        two_articles(d.path());
        expect_code(&extract(d.path(), art, false).output().unwrap(), 0);
        event_ids(&d.path().join("store/a.toml"))
    };
    let mut expected = alone("x/a.txt");
    expected.extend(alone("y/a.txt"));
    expected.sort();
    expected.dedup();
    for round in 0..20 {
        let _ = std::fs::remove_dir_all(dir.path().join("store"));
        let first = extract(dir.path(), "x/a.txt", true).spawn().unwrap();
        let second = extract(dir.path(), "y/a.txt", true).spawn().unwrap();
        for child in [first, second] {
            let out = child.wait_with_output().unwrap();
            expect_code(&out, 0);
        }
        let ids = event_ids(&dir.path().join("store/a.toml"));
        assert_eq!(ids, expected, "round {round}: an update was lost");
    }
    expect_code(&run_in(dir.path(), &["check", "store"]), 0);
}

/// Two creating runs at once: one writes, the other is refused, and the
/// file is one run's whole output, never a mix or a half.
#[test]
fn concurrent_creates_never_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    two_articles(dir.path());
    for round in 0..20 {
        let _ = std::fs::remove_dir_all(dir.path().join("store"));
        let first = extract(dir.path(), "x/a.txt", false).spawn().unwrap();
        let second = extract(dir.path(), "y/a.txt", false).spawn().unwrap();
        let codes: Vec<i32> = [first, second]
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.code().unwrap())
            .collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(sorted, [0, 1], "round {round}: exactly one run writes");
        let text = std::fs::read_to_string(dir.path().join("store/a.toml")).unwrap();
        let winner = if codes[0] == 0 {
            "protesters"
        } else {
            "rockets"
        };
        let loser = if codes[0] == 0 {
            "rockets"
        } else {
            "protesters"
        };
        assert!(
            text.contains(winner) && !text.contains(loser),
            "round {round}"
        );
    }
}

#[cfg(unix)]
#[test]
fn updates_keep_permissions_symlinks_and_hard_links() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    two_articles(dir.path());
    let p = dir.path();
    expect_code(&extract(p, "x/a.txt", false).output().unwrap(), 0);
    let file = p.join("store/a.toml");
    // A new file has the mode any new file gets here, not 0600.
    std::fs::write(p.join("store/plain"), "").unwrap();
    let usual = std::fs::metadata(p.join("store/plain")).unwrap().mode() & 0o777;
    assert_eq!(std::fs::metadata(&file).unwrap().mode() & 0o777, usual);

    // Permissions survive an update.
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o640)).unwrap();
    expect_code(&extract(p, "y/a.txt", true).output().unwrap(), 0);
    assert_eq!(std::fs::metadata(&file).unwrap().mode() & 0o777, 0o640);
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("rockets-hit"));

    // A symlinked store file stays a link; its target gets the update.
    let real = p.join("real.toml");
    std::fs::rename(&file, &real).unwrap();
    std::os::unix::fs::symlink(&real, &file).unwrap();
    std::fs::write(p.join("y/a.txt"), ROCKETS.replace("Iraq", "Syria")).unwrap();
    expect_code(&extract(p, "y/a.txt", true).output().unwrap(), 0);
    assert!(std::fs::symlink_metadata(&file)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("syria"));

    // A hard-linked file: every link sees the update.
    std::fs::remove_file(&file).unwrap();
    std::fs::hard_link(&real, &file).unwrap();
    std::fs::write(p.join("y/a.txt"), ROCKETS.replace("Iraq", "Jordan")).unwrap();
    expect_code(&extract(p, "y/a.txt", true).output().unwrap(), 0);
    assert_eq!(std::fs::metadata(&real).unwrap().nlink(), 2);
    assert!(std::fs::read_to_string(&real).unwrap().contains("jordan"));
    expect_code(&run_in(p, &["check", "store"]), 0);
}

#[test]
fn temporary_files_of_killed_runs_are_swept() {
    let dir = tempfile::tempdir().unwrap();
    two_articles(dir.path());
    let store = dir.path().join("store");
    std::fs::create_dir_all(&store).unwrap();
    let stale = store.join(".annals-tmp-killed");
    let fresh = store.join(".annals-tmp-running");
    std::fs::write(&stale, "half a fi").unwrap();
    std::fs::write(&fresh, "being writ").unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    expect_code(&extract(dir.path(), "x/a.txt", false).output().unwrap(), 0);
    assert!(!stale.exists(), "the killed run's file is swept");
    assert!(fresh.exists(), "a write in progress is left alone");
}
