#!/usr/bin/env python3
"""Scores `annals timex` output on a corpus as a whole and on its two halves by document (even and
odd documents in docs-file order; a title document "ID#title" goes with its article ID), to see
whether a change carries over from one half to the other.
Usage: timex_halves.py DATA_DIR SYSTEM_DIR CORPUS...
  reads DATA_DIR/CORPUS.docs.jsonl and .gold.jsonl and SYSTEM_DIR/CORPUS.jsonl, runs
  DATA_DIR/../../tools/timex_score.py, prints one line per corpus and part."""
import json, os, re, subprocess, sys, tempfile

data, system, corpora = sys.argv[1], sys.argv[2], sys.argv[3:]
scorer = os.path.join(data, '..', '..', 'tools', 'timex_score.py')


def score(gold, sys_path):
    out = subprocess.run([sys.executable, scorer, gold, sys_path], capture_output=True, text=True).stdout
    relaxed = re.search(r'relaxed span.*F1\s+([\d.]+)', out)
    value = re.search(r'value F1 ([\d.]+)', out)
    return relaxed.group(1), value.group(1)


for c in corpora:
    docs, gold, sysf = (os.path.join(data, c + '.docs.jsonl'), os.path.join(data, c + '.gold.jsonl'),
                        os.path.join(system, c + '.jsonl'))
    order = []
    for line in open(docs, encoding='utf-8'):
        base = json.loads(line)['id'].split('#')[0]
        if base not in order:
            order.append(base)
    half = {d: k % 2 for k, d in enumerate(order)}
    parts = {'all': (gold, sysf)}
    with tempfile.TemporaryDirectory() as tmp:
        for h, name in ((0, 'even'), (1, 'odd')):
            paths = []
            for src in (gold, sysf):
                path = os.path.join(tmp, f'{name}.{os.path.basename(src)}')
                with open(path, 'w', encoding='utf-8') as out:
                    for line in open(src, encoding='utf-8'):
                        if line.strip() and half.get(json.loads(line)['doc'].split('#')[0]) == h:
                            out.write(line)
                paths.append(path)
            parts[name] = tuple(paths)
        for name, (g, s) in parts.items():
            relaxed, value = score(g, s)
            print(f'{c:13} {name:5} relaxed span F1 {relaxed:>5}  value F1 {value:>5}')
