#!/usr/bin/env python3
"""Timeline17 date selection: the key dates of `annals brief` against reference timelines.

  scripts/t17_eval.py [--topic DIR] [--annals BIN] [--keep DIR]

DIR holds docs.jsonl (one article a line: id, published, title, outlet, url, text) and
timelines/*.jsonl (one reference timeline a file, {"date": "YYYY-MM-DD", ...} a line); by default
../shared/data/t17/egypt. The script does what a user would: it extracts the articles into a
store folder with `annals extract --docs DOCS --out STORE` (which merges the reports of one
happening into one event), then for each reference timeline of N dates takes
`annals brief STORE --top N --format json` and scores it with ../shared/tools/date_f1.py. It prints
the date F1 of each timeline and their mean, for all the articles and for each half of them (even
and odd lines of docs.jsonl, each extracted on its own), so that a method fitted to one half would
show it on the other; and, beside each, the naive baseline: days ranked by how many events of the
store (`annals timeline STORE --format json`) they have.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def run(cmd, out_path=None):
    """Runs cmd; its standard output to out_path (or returned); exits with its message on failure."""
    out = open(out_path, "w") if out_path else subprocess.PIPE
    try:
        p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
    finally:
        if out_path:
            out.close()
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr[-2000:]}")
    return p.stdout


def date_f1(timeline, system):
    text = run([sys.executable, os.path.join(SHARED, "tools", "date_f1.py"), timeline, system])
    return float(re.search(r"date F1 ([0-9.]+)", text).group(1))


def naive(annals, store, n, path):
    """The baseline: the n days with the most events in the store (ties: earlier first)."""
    days = collections.Counter()
    for e in json.loads(run([annals, "timeline", store, "--format", "json"]))["events"]:
        if e.get("earliest") and e.get("earliest") == e.get("latest"):
            days[e["earliest"]] += 1
    top = sorted(days.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    with open(path, "w") as f:
        json.dump({"key_dates": [{"date": d} for d, _ in sorted(top)]}, f)


def measure(annals, docs, timelines, work, label):
    store = os.path.join(work, label)
    if os.path.exists(store):
        shutil.rmtree(store)
    run([annals, "extract", "--docs", docs, "--out", store])
    rows = []
    for tl in timelines:
        n = len({json.loads(l)["date"] for l in open(tl) if l.strip()})
        out = os.path.join(work, f"{label}-{os.path.basename(tl)}.json")
        run([annals, "brief", store, "--top", str(n), "--format", "json"], out)
        base = out + ".naive"
        naive(annals, store, n, base)
        rows.append((os.path.basename(tl), n, date_f1(tl, out), date_f1(tl, base)))
    for name, n, f, b in rows:
        print(f"{label:8} {name:14} N={n:3}  date F1 {f:.3f}  (naive {b:.3f})")
    mean = sum(r[2] for r in rows) / len(rows)
    base = sum(r[3] for r in rows) / len(rows)
    print(f"{label:8} mean over {len(rows)} timeline(s): date F1 {mean:.3f}  (naive {base:.3f})")
    return mean


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topic", default=os.path.join(SHARED, "data", "t17", "egypt"))
    ap.add_argument("--annals", default=os.path.join(ROOT, "target", "release", "annals"))
    ap.add_argument("--keep", help="write the stores and outputs here instead of a temporary folder")
    a = ap.parse_args()
    if not os.access(a.annals, os.X_OK):
        sys.exit(f"{a.annals} is not an executable: run `cargo build --release` or pass --annals")
    tl_dir = os.path.join(a.topic, "timelines")
    timelines = sorted(
        os.path.join(tl_dir, f) for f in os.listdir(tl_dir) if f.endswith(".jsonl")
    )
    if not timelines:
        sys.exit(f"no reference timeline (*.jsonl) in {tl_dir}")
    work = a.keep or tempfile.mkdtemp(prefix="t17-")
    os.makedirs(work, exist_ok=True)
    lines = open(os.path.join(a.topic, "docs.jsonl")).read().splitlines()
    halves = {"even": lines[0::2], "odd": lines[1::2]}
    print(f"topic {a.topic}: {len(lines)} articles, {len(timelines)} reference timeline(s)")
    measure(a.annals, os.path.join(a.topic, "docs.jsonl"), timelines, work, "all")
    for name, part in halves.items():
        path = os.path.join(work, f"docs-{name}.jsonl")
        with open(path, "w") as f:
            f.write("\n".join(part) + "\n")
        measure(a.annals, path, timelines, work, name)


if __name__ == "__main__":
    main()
