#!/usr/bin/env python3
"""Shares of an `annals extract --docs` output that the extraction issue
reports: happenings (events with a kind, not tagged `link-end`), how many
are undated, have no actor, or are dated exactly on their article's
publication day.

    target/release/annals extract --docs ../shared/data/t17/egypt/docs.jsonl > /tmp/egypt.jsonl
    python3 scripts/egypt_stats.py /tmp/egypt.jsonl"""
import json, sys


def main(path):
    published, events, link_ends = {}, [], 0
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("type") == "source":
            published[r["id"]] = r.get("published", "")
        elif "type" not in r and "kind" in r:
            if "link-end" in r.get("tags", []):
                link_ends += 1
            else:
                events.append(r)
    n = len(events) or 1
    undated = sum("undated" in e.get("tags", []) for e in events)
    no_actor = sum(not e.get("actors") for e in events)
    pub_day = sum(e.get("date") == published.get(e["sources"][0]["id"]) for e in events)
    print(f"happenings {len(events):,}, link ends {link_ends:,}")
    print(f"undated {100 * undated / n:.1f} %, no actor {100 * no_actor / n:.1f} %, "
          f"publication day {100 * pub_day / n:.1f} %")


if __name__ == "__main__":
    main(sys.argv[1])
