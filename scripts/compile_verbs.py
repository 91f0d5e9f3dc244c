#!/usr/bin/env python3
"""Compile the PETRARCH/Phoenix CAMEO verb dictionary (CAMEO.2.0.txt, MIT,
Open Event Data Alliance) into src/extract/verbs.tsv, the table the
extractor reads.

    python3 scripts/compile_verbs.py ../shared/data/lexicons/phoenix/CAMEO.2.0.txt > src/extract/verbs.tsv

Output lines (tab-separated, deterministic order):
    synset  NAME    member words          a synonym set (&NAME in patterns)
    verb    lemma   code    block          a verb, its default code ('---' none)
    pattern block   pre     post    code   words before / after the verb
Pattern words are lower case, separated by spaces; `a_b` is a phrase of
adjacent words; `&name` a synonym set. Markers of PETRARCH's own grammar
($ source, + target, % compound, ^ skip, parentheses and braces) are dropped:
annals matches the words against the verb's dependents in the parse."""
import re, sys

def words(part):
    part = re.sub(r"[\$%\^]", " ", part)
    out = []
    for m in re.finditer(r"\{([^}]*)\}|\(([^)]*)\)|([^\s(){}]+)", part):
        if m.group(1) is not None:
            ws = [w.strip("+").lower() for w in m.group(1).split() if w.strip("+")]
            if ws: out.append("_".join(ws))
        elif m.group(2) is not None:
            out.extend(words(m.group(2)))
        else:
            w = m.group(3).lstrip("+").lower()
            if w and w != "*":
                out.append(w)
    return out

def main(path):
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    synsets, verbs, patterns = {}, [], []
    section, block, block_code, current = None, None, "---", None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####### SYNONYM SETS"):
            section = "syn"; continue
        if raw.startswith("####### VERB PATTERNS"):
            section = "verbs"; continue
        if not line.strip():
            continue
        if section == "syn":
            if line.startswith("&"):
                current = line[1:].strip().rstrip("_").lower(); synsets[current] = []
            elif line.startswith("+") and current:
                synsets[current].append(line[1:].strip().rstrip("_").lower().replace("_", " ").strip())
            continue
        if section != "verbs":
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block = m.group(1).lower(); block_code = m.group(2).strip(); continue
        if line.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]\s*$", line)
            if not m or "*" not in m.group(1):
                continue
            pre, post = m.group(1).split("*", 1)
            code = m.group(2).strip().split(":")[0]
            if code and block:
                patterns.append((block, " ".join(words(pre)), " ".join(words(post)), code))
            continue
        m = re.match(r"^\s*(\+?)([A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?", line)
        if not m or not block:
            continue
        name = m.group(2).rstrip("_").lower()
        code = (m.group(5) or block_code).strip().split(":")[0] or "---"
        parts = [p for p in name.split("_") if p]
        if not parts:
            continue
        lemma = parts[0]
        if len(parts) > 1:
            # A phrasal verb: the particle must follow.
            if code != "---":
                patterns.append((block, "", "_".join(parts[1:]), code))
            verbs.append((lemma, "---", block))
        else:
            verbs.append((lemma, code, block))
    out = sys.stdout
    for name in sorted(synsets):
        members = sorted(set(m for m in synsets[name] if m))
        out.write("synset\t%s\t%s\n" % (name, "|".join(members)))
    seen = set()
    for v in verbs:
        if v not in seen:
            seen.add(v); out.write("verb\t%s\t%s\t%s\n" % v)
    seen = set()
    for p in patterns:
        if p not in seen:
            seen.add(p); out.write("pattern\t%s\t%s\t%s\t%s\n" % p)

if __name__ == "__main__":
    main(sys.argv[1])
