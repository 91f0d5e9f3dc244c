#!/usr/bin/env python3
"""Splits a CoNLL-U file by document into two halves (even and odd # newdoc), to score a model on each.
Usage: ud_split_by_doc.py IN.conllu HALF_A.conllu HALF_B.conllu"""
import sys
# split a CoNLL-U file by document (# newdoc) into halves: even docs -> A, odd docs -> B
src, a, b = sys.argv[1:4]
out = [open(a, 'w'), open(b, 'w')]
doc = -1; cur = []
for line in open(src, encoding='utf-8'):
    cur.append(line)
    if line.startswith('# newdoc'):
        doc += 1
    if line.strip() == '':
        out[doc % 2].write(''.join(cur)); cur = []
if cur: out[doc % 2].write(''.join(cur))
