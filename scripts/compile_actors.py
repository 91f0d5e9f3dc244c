#!/usr/bin/env python3
"""Compile the Phoenix (PETRARCH/TABARI) actor and agent dictionaries into
the compact tables the extractor ships: src/extract/actors.tsv and
src/extract/agents.tsv.

  python3 scripts/compile_actors.py PHOENIX_DIR EWT_TRAIN_CONLLU OUT_DIR

e.g. (from the repository root)

  python3 scripts/compile_actors.py ../shared/data/lexicons/phoenix \
      ../shared/data/ud/en_ewt-ud-train.conllu src/extract

Reads Phoenix.Countries.actors.txt, Phoenix.International.actors.txt,
Phoenix.MilNonState.actors.txt and Phoenix.agents.txt (MIT, Open Event Data
Alliance). The output is deterministic: records in source order, one line
each. What was dropped, and why, is counted on standard error.

Input format, as PETRARCH documents it: a record is a primary phrase,
optionally followed by `[code]` groups on the same line; lines starting with
`+` are other spellings; lines starting with white space hold date-ranged
codes `[CODE YYMMDD-YYMMDD]`, `[CODE >DATE]` (from), `[CODE <DATE]` (until),
or `[CODE]` (the default); limits are inclusive; dates are YYMMDD or
YYYYMMDD. Words are joined by `_` (or a blank); `#` starts a comment.
`[---]` is the null code. Agents: `PHRASE {PLURAL} [~CODE]`, where `{}`
means no plural and a missing `{...}` means the regular one; `!SET!` markers
expand to the members of a substitution set `!SET! = A, B`.

Dropped: names that are one common English word (more often lower case
than capitalised in the English Web Treebank: at least twice, and more
than twice as often as capitalised, not counting a sentence's first word
or words in capitals: "us", "car", "youth"), one letter ("B"), or one of a
few words that name a direction or a kind of body (GENERIC below), so that ordinary words never become
actors; a spelling already given to an earlier record (the first keeps it);
and records left with no name or no code. A record listed twice under
the same first spelling is merged into the first.
"""
import collections
import os
import re
import sys

ACTOR_FILES = [
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
]
AGENT_FILE = "Phoenix.agents.txt"

# CAMEO role codes (three letters, anywhere after the country) and the role
# annals gives them; the first code of an actor's code that has a role
# decides.
ROLES = {
    "GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels",
    "SEP": "rebels", "INS": "insurgents", "UAF": "armed-group", "IMG": "armed-group",
    "OPP": "opposition", "PTY": "party", "LEG": "legislature", "JUD": "judiciary",
    "SPY": "intelligence", "CVL": "civilians", "BUS": "business", "MNC": "business",
    "MED": "media", "IGO": "igo", "NGO": "ngo", "NGM": "ngo", "LAB": "labor",
    "EDU": "education", "HLH": "health", "REF": "refugees", "CRM": "criminals",
    "ELI": "elite", "REL": "religious", "HRI": "activists", "ENV": "activists",
    "AGR": "agriculture", "DEV": "development",
}
# Prefixes that open a code without a country; a country may follow some
# of them (MNCUSA: an American company), but MUS there is the religion
# (NGOMUS: a Muslim NGO), not Mauritius.
NO_COUNTRY = {"IGO", "NGO", "NGM", "MNC", "IMG"}
COUNTRY_AFTER = {"NGO", "NGM", "MNC"}
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
ISO = {"ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "KSV": "XKX", "BAH": "BHS"}
# Agents whose words say they protest: CAMEO codes them as opposition.
PROTEST = re.compile(r"PROTEST(ER|ING|OR)|DEMONSTRATOR")
SMALL = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "du", "des", "la", "le", "y"}
CODE = re.compile(r"^[A-Z0-9]+$")
# Words the dictionaries list as a spelling of one actor but that name a
# direction or a kind of body in any news text (South for South Korea,
# Republic for Georgia, Senate for the US Congress).
GENERIC = {"north", "south", "east", "west", "republic", "senate", "zero", "marches",
           "kingdom", "union", "state", "states", "federation", "government", "army"}


class Error(Exception):
    pass


def ewt_counts(path):
    """Lower-case, capitalised and all-capital counts of each word in EWT,
    a sentence's first word left out."""
    lower, cap, caps = collections.Counter(), collections.Counter(), collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split("\t")
            if len(cols) < 2 or not cols[0].isdigit() or cols[0] == "1":
                continue
            w = cols[1]
            if not w.isalpha():
                continue
            key = w.lower()
            if w == key:
                lower[key] += 1
            elif len(w) > 1 and w.isupper():
                caps[key] += 1
            elif w[0].isupper() and w[1:] == w[1:].lower():
                cap[key] += 1
    return lower, cap, caps


def parse_date(text, where):
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        raise Error(f"{where}: date {text!r} is neither YYMMDD nor YYYYMMDD")
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise Error(f"{where}: no such date {text!r}")
    days = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    day = min(day, days)  # a few ranges end on the 31st of a short month
    return f"{year:04}-{month:02}-{day:02}"


def parse_group(group, where):
    """One `[CODE restriction]` group: (code, from, to) or None for `---`."""
    parts = group.split(None, 1)
    if not parts:
        raise Error(f"{where}: empty code []")
    code, rest = parts[0], (parts[1].replace(" ", "") if len(parts) > 1 else "")
    if code == "---":
        return None
    if not CODE.match(code):
        raise Error(f"{where}: code {code!r} is not CAMEO letters and digits")
    if not rest:
        return (code, "", "")
    if rest.startswith(">"):
        return (code, parse_date(rest[1:], where), "")
    if rest.startswith("<"):
        return (code, "", parse_date(rest[1:], where))
    m = re.match(r"^(\d+)-(\d+)$", rest)
    if not m:
        raise Error(f"{where}: date range {rest!r} is not DATE-DATE, >DATE or <DATE")
    start, end = parse_date(m.group(1), where), parse_date(m.group(2), where)
    if start > end:
        raise Error(f"{where}: date range {rest!r} ends before it starts")
    return (code, start, end)


def split_line(line, where):
    """Name part and code groups of a line, comments removed."""
    line = line.split("#", 1)[0].rstrip()
    groups = re.findall(r"\[([^\]]*)\]", line)
    name = line.split("[", 1)[0].strip()
    if line.count("[") != len(groups) or line.count("]") != len(groups):
        print(f"skipped: {where}: a stray [ or ] in {line.strip()!r}", file=sys.stderr)
        name = name.replace("]", "")
    codes = []
    for g in groups:
        try:
            code = parse_group(g, where)
        except Error as e:  # the source has a few typos: say where, go on
            print(f"skipped: {e}", file=sys.stderr)
            continue
        if code:
            codes.append(code)
    return name, codes


def phrases(raw):
    """The spellings a name field holds: `A+_B` is two; `NAME_(ACR)` is
    NAME and ACR. Each is a tuple of upper-case words."""
    out = []
    for part in raw.split("+"):
        inner = re.findall(r"\(([^()]*)\)", part)
        outer = re.sub(r"\([^()]*\)", " ", part)
        for text in [outer] + inner:
            words = tuple(w for w in re.split(r"[_\s]+", text) if w)
            if len(words) > 1 and words[0] == "THE":
                words = words[1:]  # "the" is the sentence's, not the name's
            if words:
                out.append(words)
    return out


def read_actors(path, label, cache={}):
    if path not in cache:
        cache[path] = read_actor_file(path, label)
    return cache[path]


def read_actor_file(path, label):
    """Records of one actor file: dicts with names (tuples of words) and
    codes, in file order."""
    records, cur = [], None
    with open(path, encoding="utf-8", errors="strict") as f:
        for n, line in enumerate(f, 1):
            where = f"{label}:{n}"
            if line.lstrip().startswith(("#", "<!--")) or not line.strip():
                continue
            if cur is not None and line[0] in " \t":
                name, codes = split_line(line, where)
                cur["codes"] += codes
                if not name:
                    continue
                print(f"read as a '+' spelling: {where}: a name on a date line", file=sys.stderr)
                line = "+" + line.strip()
            synonym = line.startswith("+")
            name, codes = split_line(line[1:] if synonym else line, where)
            if not name:
                raise Error(f"{where}: no name before the codes")
            if synonym and cur is None:
                raise Error(f"{where}: a '+' spelling before any name")
            if not synonym:
                cur = {"names": [], "codes": [], "where": where}
                records.append(cur)
            cur["names"] += phrases(name)
            cur["codes"] += codes
    return records


def code_fields(code):
    """(ISO country or "", role or "") of a CAMEO actor code."""
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    country = ""
    if chunks and chunks[0] in NO_COUNTRY:
        if chunks[0] in COUNTRY_AFTER and len(chunks) > 1 and chunks[1] in COUNTRIES - {"MUS"}:
            country = chunks[1]
    elif chunks and chunks[0] in COUNTRIES:
        country = chunks[0]
    role = next((ROLES[c] for c in chunks if c in ROLES), "")
    return ISO.get(country, country), role


def title(words, counts):
    lower, cap, caps = counts
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i > 0 and low in SMALL:
            out.append(low)
        elif (len(w) <= 6 and caps[low] > cap[low] + lower[low]
              or re.fullmatch(r"[IVX]+|([A-Z]\.)+[A-Z]?\.?", w)
              or re.fullmatch(r"[B-DF-HJ-NP-TV-XZ]{3,}", w) and cap[low] <= caps[low]):
            # an acronym: capitals in EWT (NATO), initials, three or more
            # letters without a vowel (MSF, WWF), unless EWT writes it Ltd
            out.append(w)
        else:
            # O'Brien, N'Djamena, but Qa'ida and People's
            out.append(re.sub(r"(^|[-./(]|\b[a-z]')([a-z])", lambda m: m.group(0).upper(), low))
    return " ".join(out)


def is_common(words, counts):
    lower, cap, _ = counts
    if len(words) != 1:
        return False
    w = words[0].lower()
    return len(w) == 1 or w in GENERIC or (lower[w] >= 2 and lower[w] > 2 * cap[w])


def compile_actors(src, counts, stats):
    """Actor lines. A record whose first spelling an earlier record already
    has is the same actor listed twice (JAVIER_SOLANA_): its codes and
    spellings join the earlier one."""
    owner, actors = {}, []
    for name in ACTOR_FILES:
        for rec in read_actors(os.path.join(src, name), name):
            keys = [" ".join(w).lower() for w in rec["names"]]
            into = owner.get(keys[0]) if keys else None
            if into is None:
                into = {"names": [], "codes": []}
                actors.append(into)
            else:
                stats["records merged into an earlier one of the same name"] += 1
            for words, key in zip(rec["names"], keys):
                if is_common(words, counts):
                    stats["common-word spellings dropped"] += 1
                    stats.setdefault("common", []).append(key)
                elif key not in owner:
                    owner[key] = into
                    into["names"].append(title(words, counts))
                elif owner[key] is not into:
                    stats["spellings already taken by an earlier record"] += 1
            for code, start, end in rec["codes"]:
                field = "/".join((code, *code_fields(code), start, end))
                if field not in into["codes"]:
                    into["codes"].append(field)
    lines = []
    for a in actors:
        if not a["codes"] or not a["names"]:
            stats["records without a code or a name dropped"] += 1
            continue
        lines.append(f"{a['names'][0]}\t{';'.join(a['codes'])}\t{'|'.join(a['names'][1:])}")
        stats["actors"] += 1
        stats["spellings"] += len(a["names"])
    return lines


def read_agents(path):
    sets, lines = {}, []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{AGENT_FILE}:{n}"
            text = line.split("#", 1)[0].strip()
            if not text or text.startswith("<!--"):
                continue
            m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", text)
            if m:
                sets[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
                continue
            m = re.fullmatch(r"([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[([A-Z~]+)[\]}]", text)
            if not m:
                print(f"skipped: {where}: not PHRASE {{PLURAL}} [~CODE]: {text!r}", file=sys.stderr)
                continue
            lines.append((m.group(1), m.group(2), m.group(3).replace("~", ""), where))
    return sets, lines


def plural(word):
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def agent_forms(phrase, plural_field, sets):
    """Lower-case spellings of one agent entry, each a space-joined phrase."""
    marker = re.search(r"![A-Z]+!", phrase)
    if marker:
        return [f for m in sets[marker.group(0)] for f in agent_forms(
            phrase.replace(marker.group(0), m, 1), "", sets)]
    words = " ".join(w for w in re.split(r"[_\s]+", phrase.lower()) if w)
    forms = [words]
    if plural_field is None:
        head, _, last = words.rpartition(" ")
        forms.append((head + " " if head else "") + plural(last))
    elif plural_field.strip():
        forms.append(" ".join(w for w in re.split(r"[_\s]+", plural_field.lower()) if w))
    return forms


def compile_agents(src, stats):
    sets, entries = read_agents(os.path.join(src, AGENT_FILE))
    seen, lines = set(), []
    for phrase, plural_field, code, where in entries:
        role = "protesters" if PROTEST.search(phrase) else code_fields(code)[1]
        if not role:
            stats["agents without a role dropped"] += 1
            continue
        forms = [f for f in agent_forms(phrase, plural_field, sets) if f not in seen]
        seen.update(forms)
        if forms:
            lines.append(f"{role}\t{code}\t{'|'.join(forms)}")
            stats["agents"] += 1
            stats["agent spellings"] += len(forms)
    return lines


HEADER = """\
# {what} of annals, compiled from the Phoenix dictionaries of the PETRARCH
# event coder (Copyright (c) 2014 Open Event Data Alliance, MIT licence; see
# NOTICE-phoenix beside this file). Generated: do not edit; regenerate with
#   python3 scripts/compile_actors.py ../shared/data/lexicons/phoenix \\
#       ../shared/data/ud/en_ewt-ud-train.conllu src/extract
# {columns}
"""


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    src, ewt, out = argv[1:]
    counts = ewt_counts(ewt)
    stats = collections.Counter()
    try:
        for rec in read_actors(os.path.join(src, ACTOR_FILES[0]), ACTOR_FILES[0]):
            # A country's own code, dated or not: Iraq is IRQ before 2003
            # and after 2006, and still a country.
            COUNTRIES.update(c for c, _, _ in rec["codes"] if len(c) == 3)
        COUNTRIES.difference_update(NO_COUNTRY)
        actors = compile_actors(src, counts, stats)
        agents = compile_agents(src, stats)
    except Error as e:
        sys.exit(f"compile_actors: {e}")
    common = sorted(set(stats.pop("common", [])))
    with open(os.path.join(out, "actors.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(what="Actor dictionary", columns=(
            "name <TAB> codes <TAB> other spellings, |-separated; a code is\n"
            "# CAMEO/ISO country/role/from/to, codes ;-separated, dates inclusive")))
        f.write("\n".join(actors) + "\n")
    with open(os.path.join(out, "agents.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.format(what="Agent dictionary", columns=(
            "role <TAB> CAMEO agent code <TAB> spellings, |-separated")))
        f.write("\n".join(agents) + "\n")
    for k in sorted(stats):
        print(f"{k}: {stats[k]}", file=sys.stderr)
    print(f"common words dropped ({len(common)}): {' '.join(common)}", file=sys.stderr)


COUNTRIES = set()

if __name__ == "__main__":
    main(sys.argv)
