//! The time axis: events grouped into columns by the day their interval
//! starts, gaps between columns that grow with the time between them, tick
//! labels, and the wrapping of columns into rows that keep a slide's
//! proportions.

use chrono::{Datelike, NaiveDate};
use petgraph::graph::NodeIndex;

use super::style;
use crate::export::human;
use crate::graph::CausalGraph;

/// How the diagram's columns are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Rows of columns, as many as keep the picture about 16:10.
    #[default]
    Rows,
    /// One row per month.
    Months,
    /// Everything on one line, however long.
    Line,
}

/// Events whose intervals start on the same day, stacked in one column;
/// `day` is `None` for events with an open start ("earlier").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The day the column stands for.
    pub day: Option<NaiveDate>,
    /// Its events, in chronological order.
    pub nodes: Vec<NodeIndex>,
}

/// The columns of `nodes` (in chronological order).
pub fn columns(graph: &CausalGraph<'_>, nodes: &[NodeIndex]) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    for &n in nodes {
        let date = &graph.event(n).date;
        let day = (!date.open_start()).then(|| date.earliest());
        match out.last_mut() {
            Some(c) if c.day == day => c.nodes.push(n),
            _ => out.push(Column {
                day,
                nodes: vec![n],
            }),
        }
    }
    out
}

/// Ranks between two columns: one, plus one for each step of a week, two
/// months and a year, so elapsed time shows without wasting the slide.
pub fn gap(from: Option<NaiveDate>, to: Option<NaiveDate>) -> usize {
    let (Some(a), Some(b)) = (from, to) else {
        return 2;
    };
    let days = (b - a).num_days();
    1 + [7, 60, 365].iter().filter(|&&step| days >= step).count()
}

/// The rank (column of the picture, counted from the row's start) of each
/// column of a row.
pub fn ranks(cols: &[Column], row: std::ops::Range<usize>) -> Vec<usize> {
    let (start, mut rank) = (row.start, 0);
    row.map(|i| {
        if i > start {
            rank += gap(cols[i - 1].day, cols[i].day);
        }
        rank
    })
    .collect()
}

/// The tick under which a column stands: the whole day at the start of a
/// row or of a year, the day and month at a new month, else the day.
pub fn tick(prev: Option<Option<NaiveDate>>, day: Option<NaiveDate>) -> String {
    let Some(d) = day else {
        return "earlier".to_string();
    };
    match prev.flatten() {
        Some(p) if p.year() == d.year() && p.month() == d.month() => d.day().to_string(),
        Some(p) if p.year() == d.year() => {
            let full = human::day(d);
            full.rsplit_once(' ')
                .map_or(full.clone(), |(dm, _)| dm.to_string())
        }
        _ => human::day(d),
    }
}

/// Layout sizes in inches, kept in step with the attributes `dot` writes.
pub mod size {
    /// Node width (every event box is at least this wide).
    pub const NODE_WIDTH: f64 = 2.4;
    /// Height of one label line.
    pub const LINE: f64 = 0.17;
    /// Label margins, top and bottom together.
    pub const MARGIN: f64 = 0.14;
    /// `nodesep`: between boxes in a column.
    pub const NODESEP: f64 = 0.12;
    /// `ranksep`: between columns.
    pub const RANKSEP: f64 = 0.3;
    /// The tick row above each row's boxes.
    pub const TICK: f64 = 0.3;
    /// Between rows.
    pub const ROW_GAP: f64 = 0.3;
    /// The legend under the picture.
    pub const LEGEND: f64 = 0.8;
    /// The aspect ratio (width / height) rows aim at: between 16:9 and 4:3.
    pub const TARGET: f64 = 1.6;
}

fn column_height(graph: &CausalGraph<'_>, c: &Column) -> f64 {
    c.nodes
        .iter()
        .map(|&n| {
            let lines = style::label_line_count(graph.event(n)) as f64;
            lines * size::LINE + size::MARGIN + size::NODESEP
        })
        .sum()
}

/// Estimated width and height of `cols` cut into `rows`. Rows share the
/// layout's ranks (columns of the picture): a rank is as wide as a box if
/// any row has a column there, and a gap between ranks is [`size::RANKSEP`].
/// `gaps[i]` is the gap before column `i` ([`gap`] from column `i - 1`).
fn extent(gaps: &[usize], heights: &[f64], rows: &[std::ops::Range<usize>]) -> (f64, f64) {
    // Which ranks some row uses, as a table by rank: tried for every
    // candidate row length, so a set's logarithm would cost seconds.
    let mut occupied: Vec<bool> = Vec::new();
    let mut height = size::LEGEND;
    for r in rows {
        let span: usize = gaps.get(r.start + 1..r.end).map_or(0, |g| g.iter().sum());
        if !r.is_empty() && occupied.len() <= span {
            occupied.resize(span + 1, false);
        }
        let mut rank = 0;
        for i in r.clone() {
            if i > r.start {
                rank += gaps[i];
            }
            occupied[rank] = true;
        }
        let h = heights[r.clone()].iter().copied().fold(0.0, f64::max);
        height += h + size::TICK + size::ROW_GAP;
    }
    let used = occupied.iter().filter(|&&o| o).count();
    let last = occupied.len().saturating_sub(1);
    let width = used as f64 * size::NODE_WIDTH + last as f64 * size::RANKSEP;
    (width, height)
}

/// Cuts `cols` into rows of `per_row` columns.
fn chunks(n: usize, per_row: usize) -> Vec<std::ops::Range<usize>> {
    (0..n)
        .step_by(per_row.max(1))
        .map(|s| s..(s + per_row.max(1)).min(n))
        .collect()
}

/// Rows of at most `events` events each (a column is never split).
fn by_events(cols: &[Column], events: usize) -> Vec<std::ops::Range<usize>> {
    let mut rows = Vec::new();
    let (mut start, mut count) = (0, 0);
    for (i, c) in cols.iter().enumerate() {
        if i > start && count + c.nodes.len() > events {
            rows.push(start..i);
            (start, count) = (i, 0);
        }
        count += c.nodes.len();
    }
    if start < cols.len() {
        rows.push(start..cols.len());
    }
    rows
}

/// A row for each month (events with an open start make their own row).
fn by_month(cols: &[Column]) -> Vec<std::ops::Range<usize>> {
    let month = |c: &Column| c.day.map(|d| (d.year(), d.month()));
    let mut rows = Vec::new();
    let mut start = 0;
    for i in 1..cols.len() {
        if month(&cols[i]) != month(&cols[start]) {
            rows.push(start..i);
            start = i;
        }
    }
    if start < cols.len() {
        rows.push(start..cols.len());
    }
    rows
}

/// Row lengths worth estimating: every one up to 100 columns, then steps
/// of 5%, so a store of years of days costs a few hundred estimates.
fn candidates(n: usize) -> impl Iterator<Item = usize> {
    let mut steps: Vec<usize> = (1..=n.min(100)).collect();
    let mut c = 100.0_f64;
    while (c as usize) < n {
        c *= 1.05;
        steps.push((c as usize).min(n));
    }
    steps.into_iter()
}

/// How the columns wrap into rows: a row per month, `per_row` events a
/// row, one line, or (for [`Layout::Rows`] without `per_row`) the number of
/// columns a row whose estimated picture is nearest [`size::TARGET`].
pub fn rows(
    graph: &CausalGraph<'_>,
    cols: &[Column],
    layout: Layout,
    per_row: Option<usize>,
) -> Vec<std::ops::Range<usize>> {
    if cols.is_empty() {
        return Vec::new();
    }
    match (layout, per_row) {
        (Layout::Line, _) => std::iter::once(0..cols.len()).collect(),
        (Layout::Months, _) => by_month(cols),
        (Layout::Rows, Some(n)) => by_events(cols, n),
        (Layout::Rows, None) => {
            let heights: Vec<f64> = cols.iter().map(|c| column_height(graph, c)).collect();
            let gaps: Vec<usize> = (0..cols.len())
                .map(|i| match i {
                    0 => 0,
                    _ => gap(cols[i - 1].day, cols[i].day),
                })
                .collect();
            let off = |per: usize| {
                let (w, h) = extent(&gaps, &heights, &chunks(cols.len(), per));

                ((w / h) / size::TARGET).ln().abs()
            };
            // Each candidate's estimate once (a comparison of two would
            // estimate both every time).
            let best = candidates(cols.len())
                .map(|per| (per, off(per)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map_or(1, |(per, _)| per);
            chunks(cols.len(), best)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn gaps_grow_with_elapsed_time() {
        assert_eq!(gap(d("2020-09-01"), d("2020-09-03")), 1);
        assert_eq!(gap(d("2020-09-01"), d("2020-09-20")), 2);
        assert_eq!(gap(d("2020-01-03"), d("2020-09-01")), 3);
        assert_eq!(gap(d("2018-01-03"), d("2020-09-01")), 4);
    }

    #[test]
    fn ticks_say_only_what_changed() {
        assert_eq!(tick(None, d("2020-09-22")), "22 Sep 2020");
        assert_eq!(tick(Some(d("2020-09-20")), d("2020-09-22")), "22");
        assert_eq!(tick(Some(d("2020-01-03")), d("2020-09-01")), "1 Sep");
        assert_eq!(tick(Some(d("2019-12-03")), d("2020-01-01")), "1 Jan 2020");
        assert_eq!(tick(Some(None), d("2020-01-01")), "1 Jan 2020");
        assert_eq!(tick(None, None), "earlier");
    }

    #[test]
    fn long_rows_are_tried_in_growing_steps() {
        let c: Vec<usize> = candidates(1000).collect();
        assert_eq!(&c[..3], &[1, 2, 3]);
        assert_eq!(c.last(), Some(&1000));
        assert!(c.len() < 160, "{}", c.len());
    }

    #[test]
    fn rows_never_split_a_column() {
        let col = |n: usize| Column {
            day: None,
            nodes: (0..n).map(NodeIndex::new).collect(),
        };
        let cols = [col(2), col(3), col(1), col(1)];
        assert_eq!(by_events(&cols, 3), vec![0..1, 1..2, 2..4]);
        assert_eq!(chunks(5, 2), vec![0..2, 2..4, 4..5]);
    }
}
