#!/usr/bin/env python3
"""Gold against extracted roles, one PLOVER sentence at a time: which source
and target actors were missed or wrong, with the half (even/odd by line) each
sentence belongs to, so rules are written from the even half's misses and
checked on the odd half.

    target/release/annals extract --docs DOCS > OUT.jsonl
    python3 scripts/plover_roles.py ../shared/data/plover-gsr.dev.jsonl OUT.jsonl [even|odd|all] [targets|actors]

Matching follows SHARED/tools/plover_score.py (the scorer): an extracted actor
matches a gold one when either name contains the other or its country is the
gold code's first three letters; roles are read on the event of the gold
kind, else the first event."""
import collections, json, sys

ALIAS = {"DEMAND": "request", "FIGHT": "assault"}

def gold_list(v):
    if isinstance(v, dict): return [v]
    if isinstance(v, str): return [{"actorText": v}] if v else []
    return v or []

def match(found, gold):
    t, code = (gold.get("actorText") or "").lower(), gold.get("code") or ""
    n = (found.get("name") or "").lower()
    return bool(t and n and (n in t or t in n)) or (len(code) >= 3 and found.get("country") == code[:3])

def show(a):
    return f"{a.get('name')}[{a.get('country') or ''}]"

def main(gold_path, sys_path, half="all", which="both"):
    events = collections.defaultdict(list)
    for l in open(sys_path):
        e = json.loads(l)
        if "doc" in e: events[e["doc"].lower()].append(e)
    golds = [json.loads(l) for l in open(gold_path) if l.strip()]
    for i, g in enumerate(golds):
        if half != "all" and (i % 2 == 0) != (half == "even"):
            continue
        kind = ALIAS.get(g["event"], g["event"].lower())
        evs = events.get(g["id"].lower(), [])
        best = next((e for e in evs if e.get("kind") == kind), evs[0] if evs else None)
        lines = []
        for field, gf in (("actors", "source"), ("targets", "target")):
            if which != "both" and which != field: continue
            found = best.get(field, []) if best else []
            gl = gold_list(g.get(gf))
            missed = [x for x in gl if not any(match(f, x) for f in found)]
            wrong = [f for f in found if not any(match(f, x) for x in gl)]
            if missed or wrong:
                lines.append(f"  {field}: gold {[x.get('actorText') for x in gl]} ours {[show(f) for f in found]}"
                             f" missed {len(missed)} wrong {len(wrong)}")
        if lines:
            trig = best["sources"][0].get("trigger") if best else None
            word = g["text"][trig[0]:trig[1]] if trig else "-"
            print(f"{i} {g['id']} gold {kind} ours {best.get('kind') if best else '-'} ({word})\n  {g['text']}")
            print("\n".join(lines))

if __name__ == "__main__":
    main(*sys.argv[1:5])
