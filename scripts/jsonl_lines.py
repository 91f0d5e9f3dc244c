"""Lines of JSON Lines near the plain form, many of them broken, for comparing
the messages and records of two annals binaries byte for byte (README, "At
scale", tenth round).

    python3 scripts/jsonl_lines.py SEED N [RAW [EDITS [clean]]] > lines.jsonl

RAW is the share of values replaced by a JSON value of any type (0.12), EDITS
the share of lines edited at random (0.3); with `clean`, event ids are unique,
links join them and two sources come first, so that many lines pass `check`.
Then compare `annals check - < lines.jsonl` (every message) and, on the lines
without an error, `annals timeline - --format jsonl|json|md` and `annals dot -`
of both binaries with cmp."""
import json, random, sys
rnd = random.Random(int(sys.argv[1]))
n = int(sys.argv[2])
COUNT = [0]
CLEAN = len(sys.argv) > 5
RAWP = float(sys.argv[3]) if len(sys.argv) > 3 else 0.12
MUT = float(sys.argv[4]) if len(sys.argv) > 4 else 0.3
STR = ['e1', 'e2', 'x', '', 'Actor "q"', 'caf\u00e9', '\u00e9\u00e9', 'a\\b', 'tab\there', 'slash/', '\U0001F600',
       'synthetic-0', 's1', 'USA', 'government', 'armed-group', 'nope', 'assault', 'protest', 'Protest', 'causes', 'responds-to',
       'asserted', 'planned', 'Planned', '2015-01-01', '2015-01-01~', '2015-W01', '2015-Q1', '2015-02-30', 'late 2015', '2015', ' 2015-01 ',
       '2011-02-10/2011-02-12', '../2011', 'junk date', 'link-end', 'a' * 30]
RAW = ['null', 'true', 'false', '0', '1', '-1', '01', '1.0', '1e2', '-0', '0.5', '4294967295', '4294967296', '18446744073709551616',
       '1e400', '[]', '{}', '[1,2]', '[1,2,3]', '[1]', '[null]', '"\\u00e9"', '"\\ud800"', '"\\udc00x"', '"\\ud83d\\ude00"',
       '"\\x"', '"a\\/b"', '"\\u0000"', '"\\uZZZZ"', '[[[[1]]]]', '{"a":[1,{"b":null}]}', '"bad\x01ctl"']
EVENT = ['id', 'date', 'title', 'kind', 'summary', 'cameo', 'mode', 'actors', 'targets', 'place', 'killed', 'injured', 'tags',
         'sources', 'confidence', 'discrepancies']
LINK = ['from', 'to', 'relation', 'evidence', 'source', 'confidence']
SOURCE = ['id', 'title', 'outlet', 'url', 'published', 'author']
DERIVED = ['earliest', 'latest', 'granularity', 'causes', 'effects', 'doc', 'salience', 'reports', 'outlets', 'type', 'id', 'bogus', 'name']

def s(x): return json.dumps(x, ensure_ascii=rnd.random() < 0.5)
def anystr(): return s(rnd.choice(STR))
def actor():
    r = rnd.random()
    if r < 0.4: return anystr()
    keys = rnd.sample(['name', 'country', 'role', 'name', 'extra'], rnd.randint(0, 4))
    return '{' + ','.join(f'"{k}":' + rnd.choice([anystr(), anystr(), 'null', rnd.choice(RAW)]) for k in keys) + '}'
def citation():
    keys = rnd.sample(['id', 'quote', 'span', 'trigger', 'id', 'x'], rnd.randint(0, 5))
    def v(k):
        if k in ('span', 'trigger'): return rnd.choice(['[1,5]', '[0, 3]', 'null', '[1]', '[-1,2]', '[1.0,2]', '[1,2,3]', '[ 7 , 9 ]'])
        return rnd.choice([anystr(), anystr(), 'null', rnd.choice(RAW)])
    return '{' + ','.join(f'"{k}":{v(k)}' for k in keys) + '}'
def value(k):
    if rnd.random() < RAWP: return rnd.choice(RAW)
    if k in ('actors', 'targets'): return '[' + ','.join(actor() for _ in range(rnd.randint(0, 3))) + ']'
    if k == 'sources': return '[' + ','.join(citation() for _ in range(rnd.randint(0, 2))) + ']'
    if k == 'tags': return '[' + ','.join(anystr() for _ in range(rnd.randint(0, 3))) + ']'
    if k in ('killed', 'injured'): return rnd.choice(['0', '3', '12', 'null', '-2', '1.5', '007'])
    if k == 'confidence': return rnd.choice(['0.5', '1', '0.123456789012345678', '1e-3', '0.1', '2', 'null'])
    if k == 'discrepancies': return rnd.choice(['[]', '[{"field":"date","claims":[{"value":"2011","sources":["a"]}]}]', '[{"field":1}]'])
    if k in ('summary', 'cameo', 'place', 'source', 'author') and rnd.random() < 0.2: return 'null'
    if k == 'date' or k == 'published': return s(rnd.choice(['2015-01-01', '2015-01-01~', '2015-W01', '2015', 'late 2015', '2015-02-30', 'x', '2011-02-10/2011-02-12']))
    if k == 'kind': return s(rnd.choice(['assault', 'protest', 'Protest', 'other', 'attack']))
    if k == 'mode': return s(rnd.choice(['asserted', 'planned', 'Planned', 'x']))
    if k == 'relation': return s(rnd.choice(['causes', 'responds-to', 'precedes', 'because']))
    if k == 'id' and CLEAN: COUNT[0] += 1; return s(f'e{COUNT[0]}')
    if k in ('from', 'to') and CLEAN: return s(f'e{rnd.randint(1, max(1, COUNT[0]))}')
    if k == 'id' or k in ('from', 'to'): return s(rnd.choice(['e1', 'e2', 'e3', 'Bad Id', 'synthetic-0', 's1', '']))
    return anystr()
def ws():
    return rnd.choice(['', '', '', '', ' ', '\t', '  '])
def line():
    kind = rnd.choice(['event', 'event', 'link', 'source'])
    fields = {'event': EVENT, 'link': LINK, 'source': SOURCE}[kind]
    need = {'event': ['id', 'date', 'title', 'kind'], 'link': ['from', 'to', 'relation'], 'source': ['id', 'published']}[kind]
    keys = [k for k in fields if k in need or rnd.random() < 0.3]
    rnd.shuffle(keys) if rnd.random() < 0.3 else None
    if rnd.random() < 0.1: keys.append(rnd.choice(fields))
    if rnd.random() < 0.1: keys.remove(rnd.choice(keys))
    if rnd.random() < 0.15: keys.insert(rnd.randint(0, len(keys)), rnd.choice(DERIVED))
    members = [ws() + s(k) + ws() + ':' + ws() + value(k) + ws() for k in keys]
    if kind != 'event' and rnd.random() < 0.9:
        members.insert(0, f'"type":"{kind}"')
    elif kind != 'event':
        members.insert(rnd.randint(0, len(members)), ws() + f'"type":{ws()}"{kind}"')
    text = '{' + ','.join(members) + '}'
    if rnd.random() < MUT:
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randint(0, len(text))
            op = rnd.random()
            if op < 0.4: text = text[:i] + text[i + 1:]
            elif op < 0.8: text = text[:i] + rnd.choice('"{}[],: \\0-.eEnu\x01é') + text[i:]
            else:
                j = rnd.randint(0, len(text)); text = text[:i] + text[min(i, j):max(i, j)] + text[i:]
    return text
if CLEAN:
    print('{"type":"source","id":"synthetic-0","published":"2020-01-01"}')
    print('{"type":"source","id":"s1","published":"2020-01-01"}')
for _ in range(n):
    print(line())
