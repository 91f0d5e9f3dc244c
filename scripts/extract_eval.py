#!/usr/bin/env python3
"""Score `annals extract` on the PLOVER and Causal News Corpus sentences,
on the whole of each set and on its even and odd halves (by line: a
gap between the halves is a sign of rules fitted to one of them).

    cargo build --release
    python3 scripts/extract_eval.py ../shared

Runs target/release/annals extract --docs on each set (sentences as
documents, published 2000-01-01 for PLOVER and 2020-01-01 for the causal
sentences, which carry no dates) and the project's scorers in
SHARED/tools."""
import json, os, subprocess, sys, tempfile

def docs(gold_path, out_path, published):
    lines = [l for l in open(gold_path) if l.strip()]
    with open(out_path, "w") as f:
        for l in lines:
            g = json.loads(l)
            f.write(json.dumps({"id": g["id"], "published": published, "text": g["text"]}) + "\n")
    return lines

def score(tool, gold_lines, system, tmp, name):
    for half, part in (("all", gold_lines), ("even", gold_lines[0::2]), ("odd", gold_lines[1::2])):
        path = os.path.join(tmp, f"{name}.{half}.jsonl")
        open(path, "w").writelines(part)
        out = subprocess.run([sys.executable, tool, path, system], capture_output=True, text=True).stdout
        print(f"== {name} {half}\n{out.strip()}")

def main(shared):
    tmp = tempfile.mkdtemp()
    for name, gold, tool, published in (
        ("plover", "data/plover-gsr.dev.jsonl", "tools/plover_score.py", "2000-01-01"),
        ("causal", "data/causal/cnc.train.jsonl", "tools/causal_score.py", "2020-01-01"),
    ):
        gold_path = os.path.join(shared, gold)
        doc_path = os.path.join(tmp, f"{name}.docs.jsonl")
        lines = docs(gold_path, doc_path, published)
        system = os.path.join(tmp, f"{name}.out.jsonl")
        with open(system, "w") as out:
            subprocess.run(["target/release/annals", "extract", "--docs", doc_path], stdout=out, check=False)
        score(os.path.join(shared, tool), lines, system, tmp, name)

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared")
