//! Key dates: the days a briefing is built around.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use petgraph::graph::NodeIndex;

use super::{terms, DayVolume, Ranking};
use crate::graph::CausalGraph;

/// At most this many events are listed for one key date.
pub const EVENTS_PER_DATE: usize = 10;

/// A day that mattered and its most salient events.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyDate {
    /// The day.
    pub day: NaiveDate,
    /// From 0 to 1: four fifths the day's burstiness, one fifth its most
    /// salient event's score.
    pub salience: f64,
    /// Number of documents that mention the day: that cite an event dated
    /// to it (an approximate day too), whenever they were published.
    pub mentions: usize,
    /// Its events dated exactly that day, most salient first (at most
    /// ten).
    pub events: Vec<NodeIndex>,
}

/// The `n` most salient days among `nodes` (only events dated to one day
/// count), in date order.
///
/// A day's salience is four fifths how much is written about it (its
/// burstiness) and one fifth its most salient event. How many documents
/// mention a date is the strongest signal of date selection in timeline
/// summarisation, and it already holds most of what corroboration says
/// about the day's events; the event's own weight (its kind, casualties,
/// what follows from it) separates days mentioned about as often. Ties go
/// to the more mentioned, then the earlier day.
///
/// ```
/// use annals::graph::CausalGraph;
/// use annals::rank::{key_dates, Ranking};
///
/// let store = annals::store::load("events")?;
/// let graph = CausalGraph::new(&store);
/// let days = key_dates(&graph, &Ranking::new(&graph), &graph.chronological(), 2);
/// assert_eq!(days.len(), 2);
/// assert!(days[0].day < days[1].day);
/// # Ok::<(), annals::Error>(())
/// ```
pub fn key_dates(
    graph: &CausalGraph<'_>,
    ranking: &Ranking,
    nodes: &[NodeIndex],
    n: usize,
) -> Vec<KeyDate> {
    let volume = DayVolume::new(graph);
    let mut by_day: BTreeMap<NaiveDate, Vec<NodeIndex>> = BTreeMap::new();
    for &node in nodes {
        if let Some(day) = terms::exact_day(graph.event(node)) {
            by_day.entry(day).or_default().push(node);
        }
    }
    let mut dates: Vec<KeyDate> = by_day
        .into_iter()
        .map(|(day, mut events)| {
            events.sort_by(|&a, &b| ranking.cmp(graph, a, b));
            events.truncate(EVENTS_PER_DATE);
            let best = ranking.get(events[0]).score;
            let burst = volume.burst(graph.event(events[0]));
            KeyDate {
                day,
                salience: 0.8 * burst + 0.2 * best,
                mentions: volume.mentions(day),
                events,
            }
        })
        .collect();
    dates.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then_with(|| b.mentions.cmp(&a.mentions))
            .then_with(|| a.day.cmp(&b.day))
    });
    dates.truncate(n);
    dates.sort_by_key(|d| d.day);
    dates
}
