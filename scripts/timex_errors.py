#!/usr/bin/env python3
"""Lists the errors of `annals timex` output against gold, by document: MISSED (gold not
found), SPURIOUS (system not in gold), VALUE (span found, value wrong), each with the words
around it, matched as tools/timex_score.py matches (exact span first, then overlap).
Usage: timex_errors.py DATA_DIR SYSTEM_DIR CORPUS [all|even|odd] [--kind MISSED|SPURIOUS|VALUE]
  halves are by document in docs-file order, as scripts/timex_halves.py splits them."""
import argparse, collections, json, os

ap = argparse.ArgumentParser()
ap.add_argument('data'); ap.add_argument('system'); ap.add_argument('corpus')
ap.add_argument('half', nargs='?', default='all', choices=['all', 'even', 'odd'])
ap.add_argument('--kind', choices=['MISSED', 'SPURIOUS', 'VALUE'])
a = ap.parse_args()

docs, order = {}, []
for line in open(os.path.join(a.data, a.corpus + '.docs.jsonl'), encoding='utf-8'):
    d = json.loads(line)
    docs[d['id']] = d
    base = d['id'].split('#')[0]
    if base not in order:
        order.append(base)
half = {d: k % 2 for k, d in enumerate(order)}
keep = {'all': None, 'even': 0, 'odd': 1}[a.half]


def load(path):
    out = collections.defaultdict(list)
    for line in open(path, encoding='utf-8'):
        if not line.strip():
            continue
        r = json.loads(line)
        if keep is not None and half.get(r['doc'].split('#')[0]) != keep:
            continue
        out[r['doc']].append((r['begin'], r['end'], r.get('type'), r.get('value') or ''))
    return out


gold = load(os.path.join(a.data, a.corpus + '.gold.jsonl'))
system = load(os.path.join(a.system, a.corpus + '.jsonl'))


def around(doc, b, e):
    t = docs[doc]['text']
    return (t[max(0, b - 50):b] + '[' + t[b:e] + ']' + t[e:e + 30]).replace('\n', ' ')


counts = collections.Counter()
for doc in sorted(set(gold) | set(system)):
    gs, ss, used = gold.get(doc, []), system.get(doc, []), set()
    rows = []
    for g in gs:
        best = next((i for i, s in enumerate(ss) if i not in used and s[:2] == g[:2]), None)
        if best is None:
            best = next((i for i, s in enumerate(ss) if i not in used and s[0] < g[1] and g[0] < s[1]), None)
        if best is None:
            rows.append(('MISSED', g[0], f'{g[2]} {g[3]}', around(doc, g[0], g[1])))
            continue
        used.add(best)
        s = ss[best]
        if s[3] != g[3]:
            rows.append(('VALUE', g[0], f'gold {g[2]} {g[3]} | sys {s[2]} {s[3]}', around(doc, s[0], s[1])))
    for i, s in enumerate(ss):
        if i not in used:
            rows.append(('SPURIOUS', s[0], f'{s[2]} {s[3]}', around(doc, s[0], s[1])))
    for kind, _, what, text in sorted(rows, key=lambda r: r[1]):
        counts[kind] += 1
        if a.kind in (None, kind):
            print(f'{kind:8} {doc} dct={docs[doc]["dct"]} {what} :: {text}')
print('#', dict(counts))
