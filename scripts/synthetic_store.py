#!/usr/bin/env python3
"""Writes a synthetic store of N events and 2N links, the shape of
`benches/store.rs`: events spread over ten years with mixed date forms,
links from earlier to later events (a DAG), each event citing one of S
sources.

  synthetic_store.py N FORMAT [--sources S] [--back-link] > STORE
  FORMAT is jsonl or toml.

The same N, S and flags always write the same bytes."""
import argparse
import datetime
import sys

KINDS = ["assault", "protest", "threaten", "consult", "agree", "coerce"]
MASK = (1 << 64) - 1


def xorshift():
    x = 0x2545F4914F6CDD1D
    while True:
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
        yield x


def dates(n):
    start = datetime.date(2015, 1, 1)
    for i in range(n):
        day = start + datetime.timedelta(days=i * 3650 // n)
        iso = day.isoformat()
        form = i % 5
        if form == 1:
            yield f'"{iso}~"', f'"{iso}~"'
        elif form == 2:
            yield f'"{iso[:7]}"', f'"{iso[:7]}"'
        elif form == 3:
            y, w, _ = day.isocalendar()
            yield f'"{y}-W{w:02}"', f'"{y}-W{w:02}"'
        elif form == 4:
            yield iso, f'"{iso}"'
        else:
            yield f'"{iso}"', f'"{iso}"'


def links(n, back_link):
    rng = xorshift()
    first, last = n, 0
    for _ in range(2 * n):
        a = next(rng) % (n - 1)
        b = a + 1 + next(rng) % min(200, n - a - 1)
        first, last = min(first, a), max(last, b)
        yield a, b
    if back_link:
        yield last, first


def main():
    p = argparse.ArgumentParser()
    p.add_argument("events", type=int)
    p.add_argument("format", choices=["jsonl", "toml"])
    p.add_argument("--sources", type=int, default=1)
    p.add_argument("--back-link", action="store_true")
    a = p.parse_args()
    out = sys.stdout
    toml = a.format == "toml"
    for j in range(a.sources):
        if toml:
            out.write(f'[[source]]\nid = "synthetic-{j}"\ntitle = "Synthetic {j}"\n'
                      f'outlet = "Bench"\nurl = "https://example.org/{j}"\n'
                      f"published = 2030-01-01\n\n")
        else:
            out.write(f'{{"type":"source","id":"synthetic-{j}","title":"Synthetic {j}",'
                      f'"outlet":"Bench","url":"https://example.org/{j}",'
                      f'"published":"2030-01-01"}}\n')
    for i, (tdate, jdate) in enumerate(dates(a.events)):
        kind, actor, town, src = KINDS[i % 6], i % 50, i % 300, i % a.sources
        if toml:
            out.write(f'[[event]]\nid = "e{i}"\ndate = {tdate}\n'
                      f'title = "Event {i}: forces \\"clash\\" near the river"\n'
                      f'kind = "{kind}"\n'
                      f'actors = [{{ name = "Actor {actor}", country = "USA" }}]\n'
                      f'place = "Town {town}"\n'
                      f'sources = [{{ id = "synthetic-{src}", quote = "Sentence {i}." }}]\n\n')
        else:
            out.write(f'{{"id":"e{i}","date":{jdate},'
                      f'"title":"Event {i}: forces \\"clash\\" near the river",'
                      f'"kind":"{kind}","actors":[{{"name":"Actor {actor}","country":"USA"}}],'
                      f'"place":"Town {town}",'
                      f'"sources":[{{"id":"synthetic-{src}","quote":"Sentence {i}."}}]}}\n')
    for l, (x, y) in enumerate(links(a.events, a.back_link)):
        evidence = "back" if l == 2 * a.events else f"link {l}"
        if toml:
            out.write(f'[[link]]\nfrom = "e{x}"\nto = "e{y}"\nrelation = "causes"\n'
                      f'evidence = "{evidence}"\n\n')
        else:
            out.write(f'{{"type":"link","from":"e{x}","to":"e{y}","relation":"causes",'
                      f'"evidence":"{evidence}"}}\n')


if __name__ == "__main__":
    main()
