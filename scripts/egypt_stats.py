#!/usr/bin/env python3
"""Shares of an `annals extract --docs` output that the extraction issue
reports: happenings (events with a kind, not tagged `link-end`), how many
are undated, have no actor, or are dated exactly on their article's
publication day.

    target/release/annals extract --docs ../shared/data/t17/egypt/docs.jsonl > /tmp/egypt.jsonl
    python3 scripts/egypt_stats.py /tmp/egypt.jsonl"""
import sys

from egypt_sample import link_end, records


def main(path):
    sources, events = records(path)
    link_ends = sum("kind" in e and link_end(e) for e in events)
    events = [e for e in events if "kind" in e and not link_end(e)]
    published = {k: r.get("published", "") for k, r in sources.items()}
    n = len(events) or 1
    undated = sum("undated" in e.get("tags", []) for e in events)
    no_actor = sum(not e.get("actors") for e in events)
    pub_day = sum(e.get("date") == published.get(e["sources"][0]["id"]) for e in events)
    print(f"happenings {len(events):,}, link ends {link_ends:,}")
    print(f"undated {100 * undated / n:.1f} %, no actor {100 * no_actor / n:.1f} %, "
          f"publication day {100 * pub_day / n:.1f} %")


if __name__ == "__main__":
    main(sys.argv[1])
