#!/usr/bin/env python3
"""Draw N events at random from an `annals extract --docs` output, to judge
them by reading their sentences (is it a happening, is its date right, are
its actors right?).

    target/release/annals extract --docs ../shared/data/t17/egypt/docs.jsonl > /tmp/egypt.jsonl
    python3 scripts/egypt_sample.py /tmp/egypt.jsonl --seed 11 [-n 40]

For each event: its sentence with the trigger word in [brackets], the
article's title, and the event's title, kind, mode, date, actors and
targets. The draw is random.Random(seed).sample over the event lines in
file order, so a seed gives the same events for the same output. Events
tagged `link-end` (a purpose or an unrealised effect kept only as an end
of a causal link, which the timeline leaves out) are not drawn:
--link-ends draws only them."""
import argparse, json, random


def records(path):
    """The output's sources by id and its events (lines without a `type`),
    in file order; links are left out."""
    sources, events = {}, []
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        if r.get("type") == "source":
            sources[r["id"]] = r
        elif "type" not in r:
            events.append(r)
    return sources, events


def link_end(e):
    return "link-end" in e.get("tags", [])


def read(path, link_ends):
    sources, events = records(path)
    titles = {k: r.get("title", "") for k, r in sources.items()}
    return titles, [e for e in events if link_end(e) == link_ends]


def sentence(e):
    """The quote with the trigger word bracketed (spans are code points)."""
    c = e["sources"][0]
    quote, span, trig = c["quote"], c.get("span"), c.get("trigger")
    if not span or not trig:
        return quote
    b, end = trig[0] - span[0], trig[1] - span[0]
    return f"{quote[:b]}[{quote[b:end]}]{quote[end:]}"


def names(xs):
    return "; ".join(x["name"] for x in xs or []) or "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("output")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--link-ends", action="store_true",
                    help="draw the link ends (tag link-end) instead of the happenings")
    a = ap.parse_args()
    titles, events = read(a.output, a.link_ends)
    picked = random.Random(a.seed).sample(events, min(a.n, len(events)))
    for i, e in enumerate(picked, 1):
        doc = e["sources"][0]["id"]
        print(f"#{i} {doc}: {titles.get(doc, '')[:100]}")
        print(f"   {sentence(e)}")
        print(f"   -> {e['title']} | {e['kind']} {e.get('mode', 'asserted')} | {e['date']}"
              f"{' (undated)' if 'undated' in e.get('tags', []) else ''}")
        print(f"   actors: {names(e.get('actors'))} | targets: {names(e.get('targets'))}\n")


if __name__ == "__main__":
    main()
