//! The briefing: Markdown for documents, aligned text for terminals.

use std::collections::HashSet;
use std::fmt::Write;
use std::io;
use std::io::Write as _;

use chrono::{Datelike, NaiveDate};
use hashbrown::hash_table::{Entry, HashTable};
use petgraph::graph::NodeIndex;
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

use super::human;
use crate::graph::CausalGraph;
use crate::model::{Actor, Event, EventDate, Mode, Source};
use crate::scan::ByteSet;

/// Escapes the characters Markdown would read as markup.
pub(crate) fn md(s: &str) -> String {
    Md(s).to_string()
}

/// Actors as `name (COUNTRY)`, joined by commas, written to `out`.
fn write_who(list: &[Actor], out: &mut impl io::Write) -> io::Result<()> {
    for (i, a) in list.iter().enumerate() {
        if i > 0 {
            out.write_all(b", ")?;
        }
        Md(&a.name).write_to(out)?;
        if let Some(c) = a
            .country
            .as_ref()
            .filter(|c| !a.name.eq_ignore_ascii_case(c))
        {
            out.write_all(b" (")?;
            out.write_all(c.as_bytes())?;
            out.write_all(b")")?;
        }
    }
    Ok(())
}

/// The line under an event's title: actors → targets, place, casualties,
/// joined by ` · `; nothing when it has none of them.
fn write_details(e: &Event, out: &mut impl io::Write) -> io::Result<()> {
    let mut any = false;
    let mut lead = |out: &mut dyn io::Write| {
        let text = if std::mem::replace(&mut any, true) {
            " · "
        } else {
            "  - "
        };
        out.write_all(text.as_bytes())
    };
    if !e.actors.is_empty() || !e.targets.is_empty() {
        lead(out)?;
        write_who(&e.actors, out)?;
        if !e.targets.is_empty() {
            if !e.actors.is_empty() {
                out.write_all(b" ")?;
            }
            out.write_all("→ ".as_bytes())?;
            write_who(&e.targets, out)?;
        }
    }
    if let Some(p) = &e.place {
        lead(out)?;
        Md(p).write_to(out)?;
    }
    if let Some(k) = e.killed {
        lead(out)?;
        write!(out, "{k} killed")?;
    }
    if let Some(i) = e.injured {
        lead(out)?;
        write!(out, "{i} injured")?;
    }
    if std::mem::take(&mut any) {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// What Markdown escapes: the characters it reads as markup, and line
/// breaks (which become spaces).
const MARKUP: ByteSet = ByteSet::new(b"\\*_`[]<>#|\n\r", 0, 256);

/// Text escaped for Markdown as it is written ([`md`] without the copy).
struct Md<'a>(&'a str);

impl Md<'_> {
    /// The escaped text, as pieces of the text and what stands for each
    /// character escaped, in order.
    fn pieces<E>(&self, mut piece: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
        let mut rest = self.0;
        while let Some(i) = MARKUP.find(rest.as_bytes()) {
            piece(&rest[..i])?;
            let c = rest.as_bytes()[i];
            if c == b'\n' || c == b'\r' {
                piece(" ")?;
            } else {
                piece("\\")?;
                piece(&rest[i..=i])?;
            }
            rest = &rest[i + 1..];
        }
        piece(rest)
    }

    /// The escaped text written to `out` without the formatting machinery.
    fn write_to(&self, out: &mut impl io::Write) -> io::Result<()> {
        self.pieces(|p| out.write_all(p.as_bytes()))
    }
}

impl std::fmt::Display for Md<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.pieces(|p| f.write_str(p))
    }
}

/// Numbers citations (source, quote) in order of first use.
///
/// A briefing of a million events has about as many citations, so each
/// is kept as the place of its first use (the event's node and the
/// citation's position in it, 8 bytes), and the table finding a
/// citation's number holds its index in that list and half its hash
/// (8 bytes a slot), where a map of string pairs to numbers took 40. The
/// half hash is what the table probes and grows by: without it each
/// probe and each move as the table grew read the citation's strings
/// again, two cache misses in a million events.
struct Citations<'g, 's> {
    graph: &'g CausalGraph<'s>,
    numbers: HashTable<Cited>,
    order: Vec<(NodeIndex, u32)>,
}

/// A citation's index in [`Citations::order`] and half its hash.
#[derive(Clone, Copy)]
struct Cited {
    index: u32,
    half: u32,
}

impl Cited {
    /// The hash the table files it under: the half hash in both halves,
    /// so that its high bits (hashbrown's tag) and low bits (its bucket)
    /// both vary.
    fn hash(self) -> u64 {
        (u64::from(self.half) << 32) | u64::from(self.half)
    }
}

impl<'g, 's> Citations<'g, 's> {
    fn new(graph: &'g CausalGraph<'s>) -> Self {
        Citations {
            graph,
            numbers: HashTable::new(),
            order: Vec::new(),
        }
    }

    /// The number of the `i`th citation of the event at `n`, from 1.
    fn number(&mut self, n: NodeIndex, i: usize) -> usize {
        let graph = self.graph;
        // A store holds fewer than 2^32 citations an event and events.
        let place = (n, i as u32);
        let key = cited(graph, place);
        let new = Cited {
            index: self.order.len() as u32,
            half: (FxBuildHasher.hash_one(key) >> 32) as u32,
        };
        let order = &mut self.order;
        let slot = self.numbers.entry(
            new.hash(),
            |c| c.half == new.half && cited(graph, order[c.index as usize]) == key,
            |c| c.hash(),
        );
        let k = match slot {
            Entry::Occupied(o) => o.get().index,
            Entry::Vacant(v) => {
                order.push(place);
                v.insert(new).get().index
            }
        };
        k as usize + 1
    }

    fn render(&self, out: &mut impl io::Write) -> io::Result<()> {
        if self.order.is_empty() {
            return Ok(());
        }
        out.write_all(b"\n## Sources\n\n")?;
        for (i, &place) in self.order.iter().enumerate() {
            let (id, quote) = cited(self.graph, place);
            write_number(i + 1, out)?;
            out.write_all(b". ")?;
            if !quote.is_empty() {
                out.write_all("“".as_bytes())?;
                Md(quote).write_to(out)?;
                out.write_all("” — ".as_bytes())?;
            }
            match self.graph.source(id) {
                Some(s) => write_source(s, out)?,
                None => writeln!(out, "`{}`.", id.replace('`', "'"))?,
            }
        }
        Ok(())
    }
}

/// A source's line in the list of sources after its number and quote:
/// outlet, *title*, day and <url>, those it has, joined by commas. Written
/// in pieces: a briefing of a million events lists about as many
/// citations, each with its source.
fn write_source(s: &Source, out: &mut impl io::Write) -> io::Result<()> {
    if !s.outlet.is_empty() {
        Md(&s.outlet).write_to(out)?;
        out.write_all(b", ")?;
    }
    if !s.title.is_empty() {
        out.write_all(b"*")?;
        Md(&s.title).write_to(out)?;
        out.write_all(b"*, ")?;
    }
    let mut day = String::with_capacity(11);
    // Writing to a `String` cannot fail.
    let _ = human::write_day(s.published, &mut day);
    out.write_all(day.as_bytes())?;
    if !s.url.is_empty() {
        out.write_all(b", <")?;
        let mut rest = s.url.as_bytes();
        while let Some(i) = rest.iter().position(|b| matches!(b, b'<' | b'>' | b' ')) {
            out.write_all(&rest[..i])?;
            out.write_all(match rest[i] {
                b'<' => b"%3C",
                b'>' => b"%3E",
                _ => b"%20",
            })?;
            rest = &rest[i + 1..];
        }
        out.write_all(rest)?;
        out.write_all(b">")?;
    }
    out.write_all(b".\n")
}

/// `n` in decimal, without the formatting machinery.
fn write_number(n: usize, out: &mut impl io::Write) -> io::Result<()> {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    out.write_all(human::digits(n, &mut [0; 20]).as_bytes())
}

/// The source id and quote of the `i`th citation of the event at `n`.
fn cited<'s>(graph: &CausalGraph<'s>, (n, i): (NodeIndex, u32)) -> (&'s str, &'s str) {
    let c = &graph.event(n).sources[i as usize];
    (&c.id, &c.quote)
}

/// The section an event goes in: the month of its earliest day, or
/// "Earlier and ongoing" when it has no known start or started before the
/// briefing's window (`--from`): a reader who asks from September expects
/// the briefing to open with September, and what was already under way at
/// the top, not under the month years back it began.
fn section(e: &Event, window: Option<NaiveDate>) -> Section {
    if e.date.open_start() || window.is_some_and(|w| e.date.earliest() < w) {
        Section::Earlier
    } else {
        let d = e.date.earliest();
        Section::Month(d.year(), d.month0())
    }
}

/// A section of the Markdown timeline, named only when its heading is
/// written.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Section {
    /// "Earlier and ongoing".
    Earlier,
    /// A year and a month (from 0).
    Month(i32, u32),
}

impl Section {
    fn heading(self) -> String {
        match self {
            Section::Earlier => "Earlier and ongoing".to_string(),
            Section::Month(y, m) => {
                human::month_heading(NaiveDate::from_ymd_opt(y, m + 1, 1).unwrap_or_default())
            }
        }
    }
}

/// `annals timeline --format md`: a title, a section per month, one entry
/// per event (date as a reader says it, title, mode when not asserted,
/// actors → targets, place, casualties, what it followed from, numbered
/// citations), then the numbered sources with their quotes. `window` is
/// the first day asked for (`--from`), if any. [`write_markdown`] writes
/// the same text as it goes.
///
/// ```
/// use annals::export::timeline::markdown;
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let md = markdown(&graph, &graph.chronological(), "Baghdad, September 2020", None);
/// assert!(md.starts_with("# Baghdad, September 2020"));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn markdown(
    graph: &CausalGraph<'_>,
    nodes: &[NodeIndex],
    title: &str,
    window: Option<NaiveDate>,
) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and what is written is UTF-8.
    let _ = write_markdown(graph, nodes, title, window, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`markdown`] written to `out` an event at a time, so that the text is
/// never held whole (put a buffer in front of an unbuffered `out`).
pub fn write_markdown(
    graph: &CausalGraph<'_>,
    nodes: &[NodeIndex],
    title: &str,
    window: Option<NaiveDate>,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    // Many small writes: buffered here, they need no call through `dyn`.
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let out = &mut out;
    writeln!(out, "# {}\n", Md(title))?;
    if nodes.is_empty() {
        out.write_all(b"No events.\n")?;
        return out.flush();
    }
    writeln!(
        out,
        "{} event{}. Dates are local to where the event happened: ~ marks an approximate date, ? an uncertain one. \
         Events that did not (yet) happen are marked as threatened, planned, conditional, feared or denied.",
        nodes.len(),
        if nodes.len() == 1 { "" } else { "s" }
    )?;
    let mut cites = Citations::new(graph);
    let mut scratch = String::new();
    let mut current = None;
    let mut seen_sections: HashSet<Section> = HashSet::new();
    for &n in nodes {
        let e = graph.event(n);
        let s = section(e, window);
        if current != Some(s) {
            // A section met again after a long-running event: repeat the
            // heading as "(continued)" rather than merge out of order.
            if seen_sections.contains(&s) {
                writeln!(out, "\n## {} (continued)\n", s.heading())?;
            } else {
                writeln!(out, "\n## {}\n", s.heading())?;
                seen_sections.insert(s);
            }
            current = Some(s);
        }
        entry(graph, n, &mut cites, &mut scratch, out)?;
    }
    cites.render(out)?;
    out.flush()
}

/// One event's entry of the briefing: its line, its details and what it
/// followed from. `scratch` holds each human date as it is escaped.
fn entry<'s>(
    graph: &CausalGraph<'s>,
    n: NodeIndex,
    cites: &mut Citations<'_, 's>,
    scratch: &mut String,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let e = graph.event(n);
    out.write_all(b"- **")?;
    write_human_date(&e.date, scratch, out)?;
    out.write_all("** — ".as_bytes())?;
    Md(&e.title).write_to(out)?;
    if e.mode != Mode::Asserted {
        write!(out, " *({})*", e.mode)?;
    }
    for i in 0..e.sources.len() {
        out.write_all(b" [")?;
        write_number(cites.number(n, i), out)?;
        out.write_all(b"]")?;
    }
    out.write_all(b"\n")?;
    write_details(e, out)?;
    let causes = graph.causes(n);
    for (i, (m, l)) in causes.iter().enumerate() {
        let c = graph.event(*m);
        let lead = if i == 0 { "  - Followed from: " } else { "; " };
        out.write_all(lead.as_bytes())?;
        Md(&c.title).write_to(out)?;
        out.write_all(b" (")?;
        out.write_all(l.relation.as_str().as_bytes())?;
        out.write_all(b", ")?;
        write_human_date(&c.date, scratch, out)?;
        out.write_all(b")")?;
    }
    if !causes.is_empty() {
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The date as a reader says it ([`human::date`]), escaped, written to
/// `out` through `scratch` rather than a new string.
fn write_human_date(
    d: &EventDate,
    scratch: &mut String,
    out: &mut impl io::Write,
) -> io::Result<()> {
    scratch.clear();
    // Writing to a `String` cannot fail.
    let _ = human::write_date(d, scratch);
    Md(scratch).write_to(out)
}

/// `annals timeline --format text`: one aligned line an event, for a
/// terminal: date, kind, title, mode when not asserted.
///
/// ```
/// use annals::export::{select, timeline, Filter};
/// use annals::graph::CausalGraph;
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let text = timeline::text(&graph, &select(&graph, &Filter::default())?);
/// assert_eq!(text.lines().count(), 14);
/// assert!(text.contains("Soleimani"));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn text(graph: &CausalGraph<'_>, nodes: &[NodeIndex]) -> String {
    let dates: Vec<String> = nodes
        .iter()
        .map(|&n| human::date(&graph.event(n).date))
        .collect();
    let width = dates.iter().map(|d| d.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    let mut year = None;
    for (&n, d) in nodes.iter().zip(&dates) {
        let e = graph.event(n);
        let y = (!e.date.open_start()).then(|| e.date.earliest().year());
        if y != year && y.is_some() && year.is_some() {
            out.push('\n');
        }
        year = y.or(year);
        let pad = width - d.chars().count();
        let _ = write!(
            out,
            "{d}{}  {:<11} {}",
            " ".repeat(pad),
            e.kind.as_str(),
            e.title.replace(['\n', '\r'], " ")
        );
        if e.mode != Mode::Asserted {
            let _ = write!(out, " ({})", e.mode);
        }
        out.push('\n');
    }
    out
}
