#!/usr/bin/env python3
"""Draw N expressions at random from an `annals timex --docs` output, each shown
in its sentence, to judge them by reading (unseen text has no gold).

    target/release/annals timex --docs ../shared/data/t17/egypt/docs.jsonl > /tmp/egypt.timex.jsonl
    python3 scripts/timex_sample.py ../shared/data/t17/egypt/docs.jsonl /tmp/egypt.timex.jsonl --seed 7302 [-n 100]

For each expression: the article's id and reference date, the words around it
with the expression in [brackets], and its type, value, mod and store interval.
The draw is random.Random(seed).sample over the output's lines in file order,
so a seed gives the same expressions for the same output."""
import argparse, json, random


def context(text, begin, end, width):
    """The expression bracketed inside its line, cut to `width` characters a side."""
    lo = text.rfind("\n", 0, begin) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    lo, hi = max(lo, begin - width), min(hi, end + width)
    return f"{text[lo:begin]}[{text[begin:end]}]{text[end:hi]}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs")
    ap.add_argument("output")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--width", type=int, default=160)
    a = ap.parse_args()
    docs = {}
    for line in open(a.docs, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            docs[d["id"]] = d
    found = [json.loads(l) for l in open(a.output, encoding="utf-8") if l.strip()]
    picked = random.Random(a.seed).sample(range(len(found)), min(a.n, len(found)))
    for k, i in enumerate(picked, 1):
        t = found[i]
        d = docs[t["doc"]]
        span = f"{t.get('earliest')}..{t.get('latest')}" if "granularity" in t else "-"
        print(f"#{k} {t['doc']} (dct {d['dct']}) line {i}")
        print(f"   {context(d['text'], t['begin'], t['end'], a.width)}")
        print(f"   -> {t['type']} {t['value']} mod={t['mod']} date={span}\n")


if __name__ == "__main__":
    main()
