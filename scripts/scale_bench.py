#!/usr/bin/env python3
"""The scaling benchmark: annals and networkx doing the same work on the
synthetic stores of scripts/synthetic_store.py (N events, 2N links), each
run under /usr/bin/time.

  scale_bench.py [--sizes 10000,100000] [--formats jsonl,toml]
                 [--commands check,json,md,dot] [--networkx] [--runs 3]
                 [--annals target/release/annals] [--dir /tmp/annals-scale]

Prints a Markdown table: medians of --runs runs of wall and CPU seconds
(user + system) and peak memory, and the load average as each row began.
`scale_bench.py nx COMMAND STORE` runs the networkx side of one command
(what the table times):

- check: read every record, build the DiGraph, duplicate ids, links to
  unknown events, self-links, time inversions (cause starts after its
  effect ends), one cycle per strongly connected component, events without
  a source and sources no event cites.
- json: the graph in chronological order (a topological sort ordered by
  earliest day, latest day, id), each event with its causes and effects,
  printed as indented JSON with the cited sources and the links.
- md: the same order as Markdown, a heading per month, a line per event
  with its date, title, causes and source.
- dot: a DOT node per event with its label and colour, an edge per link.

The work is what annals does for these stores, less its diagram layout
and its date forms beyond the four the synthetic stores use."""
import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def interval(text):
    """Earliest and latest day of the date forms the synthetic stores use."""
    text = str(text).rstrip("~")
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", text):
        monday = datetime.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + datetime.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        first = datetime.date(int(m[1]), int(m[2]), 1)
        nxt = (first + datetime.timedelta(days=32)).replace(day=1)
        return first, nxt - datetime.timedelta(days=1)
    day = datetime.date.fromisoformat(text[:10])
    return day, day


def load(path):
    sources, events, links = [], [], []
    if path.endswith(".toml"):
        import tomllib
        with open(path, "rb") as f:
            doc = tomllib.load(f)
        return doc.get("source", []), doc.get("event", []), doc.get("link", [])
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            {"source": sources, "link": links}.get(r.pop("type", "event"), events).append(r)
    return sources, events, links


def graph(events, links):
    import networkx as nx
    g = nx.DiGraph()
    for e in events:
        e["earliest"], e["latest"] = interval(e["date"])
        g.add_node(e["id"], event=e)
    for l in links:
        if l["from"] in g and l["to"] in g:
            g.add_edge(l["from"], l["to"], link=l)
    return g


def check(sources, events, links, out):
    import networkx as nx
    problems = []
    seen = set()
    for e in events:
        if e["id"] in seen:
            problems.append(f"duplicate event id {e['id']}")
        seen.add(e["id"])
    g = graph(events, links)
    for l in links:
        for end in ("from", "to"):
            if l[end] not in g:
                problems.append(f"link {end} names unknown event {l[end]}")
    for a, b, d in g.edges(data=True):
        if a == b:
            problems.append(f"{a} is linked to itself")
        elif g.nodes[a]["event"]["earliest"] > g.nodes[b]["event"]["latest"]:
            problems.append(f"time inversion {a} -> {b}")
    for scc in nx.strongly_connected_components(g):
        if len(scc) > 1:
            cycle = nx.find_cycle(g.subgraph(scc))
            problems.append("causal cycle: " + " -> ".join(a for a, _ in cycle))
    cited = set()
    for e in events:
        if not e.get("sources"):
            problems.append(f"event {e['id']} has no source")
        cited.update(c["id"] for c in e.get("sources", []))
    for s in sources:
        if s["id"] not in cited:
            problems.append(f"source {s['id']} is not cited")
    out.write("\n".join(problems))
    out.write(f"\n{len(events)} events, {len(links)} links: {len(problems)} problems\n")


def chronological(g):
    import networkx as nx
    key = lambda n: (g.nodes[n]["event"]["earliest"], g.nodes[n]["event"]["latest"], n)
    return list(nx.lexicographical_topological_sort(g, key=key))


def timeline_json(sources, events, links, out):
    g = graph(events, links)
    order = chronological(g)
    day = lambda d: d.isoformat()
    rows = []
    for n in order:
        e = dict(g.nodes[n]["event"])
        e["earliest"], e["latest"] = day(e["earliest"]), day(e["latest"])
        e["causes"] = [{"id": m, "relation": g.edges[m, n]["link"]["relation"]} for m in g.predecessors(n)]
        e["effects"] = [{"id": m, "relation": g.edges[n, m]["link"]["relation"]} for m in g.successors(n)]
        rows.append(e)
    json.dump({"events": rows, "sources": sources, "links": links}, out, indent=2)
    out.write("\n")


def timeline_md(sources, events, links, out):
    g = graph(events, links)
    titles = {s["id"]: s.get("title", "") for s in sources}
    month = None
    out.write("# Timeline\n")
    for n in chronological(g):
        e = g.nodes[n]["event"]
        m = e["earliest"].strftime("%B %Y")
        if m != month:
            out.write(f"\n## {m}\n\n")
            month = m
        causes = ", ".join(g.predecessors(n))
        cites = "; ".join(titles.get(c["id"], c["id"]) for c in e.get("sources", []))
        out.write(f"- **{e['date']}** {e['title']} (after: {causes}) [{cites}]\n")


def dot(sources, events, links, out):
    g = graph(events, links)
    colours = {"assault": "#d55e00", "protest": "#e69f00", "threaten": "#cc79a7",
               "consult": "#56b4e9", "agree": "#009e73", "coerce": "#0072b2"}
    esc = lambda s: s.replace("\\", "\\\\").replace('"', '\\"')
    out.write("digraph annals {\n  rankdir=LR;\n")
    for n in chronological(g):
        e = g.nodes[n]["event"]
        out.write(f'  "{n}" [label="{esc(e["title"])}\\n{e["date"]}", fillcolor="{colours.get(e["kind"], "#ffffff")}", style=filled];\n')
    for a, b, d in g.edges(data=True):
        out.write(f'  "{a}" -> "{b}" [tooltip="{esc(d["link"]["evidence"])}"];\n')
    out.write("}\n")


NX = {"check": check, "json": timeline_json, "md": timeline_md, "dot": dot}
ANNALS = {"check": ["check"], "json": ["timeline", "--format", "json"],
          "md": ["timeline", "--format", "md"], "dot": ["dot"]}


def timed(argv, stdin_path=None, runs=1):
    """Medians of `runs` runs: wall seconds, CPU seconds (user + system)
    and peak resident memory (MB)."""
    results = []
    for _ in range(runs):
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + argv, stdin=stdin,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall, user, system, kb = p.stderr.strip().splitlines()[-1].split()
        results.append((float(wall), float(user) + float(system), int(kb) / 1024))
    return tuple(statistics.median(r[i] for r in results) for i in range(3))


def store(directory, n, fmt):
    # A folder of its own: a single store file is read with the sources of
    # the other files of its folder.
    os.makedirs(os.path.join(directory, str(n)), exist_ok=True)
    path = os.path.join(directory, str(n), f"store.{fmt}")
    if not os.path.exists(path):
        with open(path, "w") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "synthetic_store.py"), str(n), fmt],
                           stdout=f, check=True)
    return path


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "nx":
        NX[sys.argv[2]](*load(sys.argv[3]), sys.stdout)
        return
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", default="10000,100000")
    p.add_argument("--formats", default="jsonl,toml")
    p.add_argument("--commands", default="check,json,md,dot")
    p.add_argument("--networkx", action="store_true")
    p.add_argument("--annals", default="target/release/annals")
    p.add_argument("--dir", default="/tmp/annals-scale")
    p.add_argument("--runs", type=int, default=1, help="runs per figure (medians)")
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    print("| events | format | command | load | annals wall s | annals CPU s | annals MB "
          "| networkx wall s | networkx CPU s | networkx MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in map(int, a.sizes.split(",")):
        for fmt in a.formats.split(","):
            path = store(a.dir, n, fmt)
            for c in a.commands.split(","):
                busy = os.getloadavg()[0]
                if fmt == "jsonl":
                    t, u, m = timed([a.annals] + ANNALS[c] + ["-"], path, a.runs)
                else:
                    t, u, m = timed([a.annals] + ANNALS[c] + [path], runs=a.runs)
                nx = "| | | "
                if a.networkx:
                    nt, nu, nm = timed([sys.executable, os.path.abspath(__file__), "nx", c, path],
                                       runs=a.runs)
                    nx = f"| {nt:.2f} | {nu:.2f} | {nm:.0f} "
                print(f"| {n:,} | {fmt} | {c} | {busy:.1f} | {t:.2f} | {u:.2f} | {m:.0f} {nx}|",
                      flush=True)


if __name__ == "__main__":
    main()
