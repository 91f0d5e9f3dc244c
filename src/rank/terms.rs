//! The terms of salience, each from 0 to 1 (see the module above for why
//! each is there).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::graph::CausalGraph;
use crate::model::{Event, EventDate, Granularity, Unit};

/// At most this many events are counted as following from one event: past
/// it an event is central whatever the exact number, and the walk stays
/// linear in the store's size.
pub(crate) const REACH_LIMIT: usize = 64;
// `reach` counts in a byte.
const _: () = assert!(REACH_LIMIT <= u8::MAX as usize);

/// The tag the extractor gives an event it could not date (its date is
/// then only "by the publication day").
const UNDATED: &str = "undated";

/// `ln(1 + x) / ln(1 + max)`: a share of the store's maximum on a log
/// scale, so that one report more counts for much at the bottom and
/// little at the top; 0 when the maximum is 0.
pub fn log_share(x: usize, max: usize) -> f64 {
    if max == 0 {
        return 0.0;
    }
    ((x as f64).ln_1p() / (max as f64).ln_1p()).clamp(0.0, 1.0)
}

/// Corroboration from `(reports, max)` and `(outlets, max)`: half for each.
/// A first report is the event itself, so reports count from the second.
/// When no source of the store names its outlet (no `outlet`, no `url`:
/// `max` outlets is 0), outlets are unknown, not zero, and the reports
/// carry the whole term: otherwise corroboration would weigh half as much
/// against intensity and centrality in such a store, and a violent event
/// of two reports could outrank the happening ten documents report.
pub fn corroboration(reports: (usize, usize), outlets: (usize, usize)) -> f64 {
    let extra = log_share(reports.0.saturating_sub(1), reports.1.saturating_sub(1));
    if outlets.1 == 0 {
        return extra;
    }
    0.5 * extra + 0.5 * log_share(outlets.0, outlets.1)
}

/// The kind's Goldstein magnitude (0 to 10, scaled to 0 to 1) joined with
/// the casualties (a thousand dead or more count fully; an injury half a
/// death) as independent chances: `1 − (1 − g)(1 − c)`.
pub fn intensity(e: &Event) -> f64 {
    let g = (e.kind.info().intensity.abs() / 10.0).clamp(0.0, 1.0);
    let hurt = f64::from(e.killed.unwrap_or(0)) + f64::from(e.injured.unwrap_or(0)) / 2.0;
    let c = (hurt.ln_1p() / 1000f64.ln_1p()).clamp(0.0, 1.0);
    1.0 - (1.0 - g) * (1.0 - c)
}

/// How exactly `e` is dated: 1 for a day, less for coarser units and wider
/// ranges, 0.1 for an open range or an undated event; four fifths of that
/// when the date is approximate or uncertain.
pub fn precision(e: &Event) -> f64 {
    if e.tags.iter().any(|t| t.eq_ignore_ascii_case(UNDATED)) {
        return 0.1;
    }
    let d = &e.date;
    let base = match d.granularity() {
        Granularity::Day => 1.0,
        Granularity::Week => 0.7,
        Granularity::Month => 0.5,
        Granularity::Season | Granularity::Quarter | Granularity::Half => 0.4,
        Granularity::Year => 0.3,
        Granularity::Decade | Granularity::Century => 0.1,
        Granularity::Range => range_precision(d),
    };
    if d.certainty().is_qualified() {
        base * 0.8
    } else {
        base
    }
}

fn range_precision(d: &EventDate) -> f64 {
    if d.open_start() || d.open_end() {
        return 0.1;
    }
    match (d.latest() - d.earliest()).num_days() {
        0 => 1.0,
        1..=6 => 0.7,
        7..=31 => 0.5,
        32..=366 => 0.3,
        _ => 0.1,
    }
}

/// For every node, how many events follow from it along causal links (up
/// to [`REACH_LIMIT`]). How many is the same whatever order the walk takes,
/// so it walks the causal edges copied into one list per node: petgraph's
/// edge lists, and the links they index, lie scattered through memory,
/// and the walk reads them up to 64 times over. A byte a node: the count
/// stops at 64.
pub fn reach(graph: &CausalGraph<'_>) -> Vec<u8> {
    let (start, targets) = causal_edges(graph);
    let n = start.len() - 1;
    let mut stamp = vec![u32::MAX; n];
    let mut stack = Vec::new();
    (0..n)
        .map(|root| {
            let root_mark = root as u32;
            stamp[root] = root_mark;
            stack.clear();
            stack.push(root);
            let mut found = 0;
            'walk: while let Some(m) = stack.pop() {
                for &t in &targets[start[m] as usize..start[m + 1] as usize] {
                    let t = t as usize;
                    if stamp[t] == root_mark {
                        continue;
                    }
                    stamp[t] = root_mark;
                    found += 1;
                    if found >= REACH_LIMIT {
                        break 'walk;
                    }
                    stack.push(t);
                }
            }
            found as u8
        })
        .collect()
}

/// The targets of every node's causal links, node after node (`targets`),
/// and where each node's begin (`start`, one more than there are nodes).
fn causal_edges(graph: &CausalGraph<'_>) -> (Vec<u32>, Vec<u32>) {
    use petgraph::visit::EdgeRef;
    let g = graph.graph();
    let links = &graph.store().links;
    let causal = || {
        g.edge_references()
            .filter(|e| links[*e.weight()].relation.is_causal())
    };
    let mut start = vec![0u32; g.node_count() + 1];
    for e in causal() {
        start[e.source().index() + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut next = start.clone();
    let mut targets = vec![0u32; start[g.node_count()] as usize];
    for e in causal() {
        let slot = &mut next[e.source().index()];
        targets[*slot as usize] = e.target().index() as u32;
        *slot += 1;
    }
    (start, targets)
}

/// How many documents mention each day: the burstiness term.
///
/// A document counts once for a day when it cites an event dated to that
/// day (an approximate day too, not an undated event), whenever it was
/// published. (Counting later recollections twice was tried: it favours
/// the days before a story and starves its last days, which no later
/// article can recall.) The topic's usual volume is the median over the
/// days mentioned.
#[derive(Debug, Clone, Default)]
pub struct DayVolume {
    days: BTreeMap<NaiveDate, usize>,
    usual: f64,
    top: f64,
}

impl DayVolume {
    /// Counts the mentions of every day in `graph`'s store.
    pub fn new(graph: &CausalGraph<'_>) -> DayVolume {
        let mut docs: BTreeMap<NaiveDate, BTreeSet<&str>> = BTreeMap::new();
        for e in &graph.store().events {
            let Some(day) = exact_day(e) else { continue };
            let cited = e.sources.iter().map(|c| c.id.as_str());
            docs.entry(day).or_default().extend(cited);
        }
        let days: BTreeMap<NaiveDate, usize> =
            docs.into_iter().map(|(d, m)| (d, m.len())).collect();
        let mut volumes: Vec<usize> = days.values().copied().collect();
        volumes.sort_unstable();
        let usual = volumes.get(volumes.len() / 2).copied().unwrap_or(1).max(1) as f64;
        let top = volumes.last().copied().unwrap_or(0) as f64 / usual;
        DayVolume { days, usual, top }
    }

    /// The number of documents mentioning `day`.
    pub fn mentions(&self, day: NaiveDate) -> usize {
        self.days.get(&day).copied().unwrap_or(0)
    }

    /// `ln(1 + v/usual) / ln(1 + max/usual)` for the day of `e`: 1 on
    /// the most mentioned day, 0 for an event not dated to one day.
    pub fn burst(&self, e: &Event) -> f64 {
        let Some(day) = exact_day(e).filter(|_| self.top > 0.0) else {
            return 0.0;
        };
        let v = self.mentions(day) as f64 / self.usual;
        (v.ln_1p() / self.top.ln_1p()).clamp(0.0, 1.0)
    }
}

/// The day of an event dated to one day, approximate (`~2020-09-22`) or
/// uncertain days too, since precision lowers their score; `None` for a
/// coarser date, a range or an event tagged undated.
pub fn exact_day(e: &Event) -> Option<NaiveDate> {
    if e.tags.iter().any(|t| t.eq_ignore_ascii_case(UNDATED)) {
        return None;
    }
    match (e.date.granularity(), e.date.unit()) {
        (Granularity::Day, Some(Unit::Day(d))) => Some(d),
        _ => None,
    }
}
