#!/usr/bin/env python3
"""Order extracted events (JSON Lines from `annals extract --docs`) by how
many distinct articles report an event on the same day, most first, so that
`date_f1.py --top N` keeps the N most reported days.
  rank_by_reports.py EVENTS.jsonl [--no-publication-fallback] > RANKED.jsonl
--no-publication-fallback drops events dated only by their article's
publication date (tag `dated-by-publication`)."""
import collections, json, sys

path = sys.argv[1]
skip_fallback = "--no-publication-fallback" in sys.argv
events = [json.loads(l) for l in open(path) if l.strip()]
if skip_fallback:
    events = [e for e in events if "dated-by-publication" not in e.get("tags", [])]
docs = collections.defaultdict(set)
for e in events:
    if e.get("earliest") and e.get("earliest") == e.get("latest"):
        docs[e["earliest"]].add(e["doc"])
ranked = sorted(docs, key=lambda d: (-len(docs[d]), d))
for d in ranked:
    print(json.dumps({"date": d, "earliest": d, "latest": d, "reports": len(docs[d])}))
