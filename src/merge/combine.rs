//! One event from the reports of one happening: every report cited, the
//! most precise date they agree on, the count most of them give, and what
//! they disagree on kept as discrepancies with the sources on each side.

use std::collections::BTreeMap;

use crate::model::{Actor, Citation, Claim, Discrepancy, Event, EventDate, Mode, LINK_END};

/// Modes from the most certain to the least: what is done, what someone
/// intends, threatens, makes hang on a condition, fears; a denial last.
const CERTAINTY: [Mode; 7] = [
    Mode::Asserted,
    Mode::Reported,
    Mode::Planned,
    Mode::Threatened,
    Mode::Conditional,
    Mode::Feared,
    Mode::Denied,
];

/// Each value an event's reports give for `field`, with their sources: the
/// claims of an earlier merge's discrepancy when there is one, else the
/// event's own value, said by every source it cites.
fn claims_of(e: &Event, field: &str, value: Option<String>) -> Vec<Claim> {
    if let Some(d) = e.discrepancies.iter().find(|d| d.field == field) {
        return d.claims.clone();
    }
    let Some(value) = value else {
        return Vec::new();
    };
    let mut sources: Vec<String> = e.sources.iter().map(|c| c.id.to_string()).collect();
    sources.sort_unstable();
    sources.dedup();
    vec![Claim { value, sources }]
}

/// The claims of all `members` for `field`, one per value, its sources
/// sorted and without repeats.
fn gather(members: &[&Event], field: &str, value: impl Fn(&Event) -> Option<String>) -> Vec<Claim> {
    let mut by_value: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in members {
        for c in claims_of(e, field, value(e)) {
            by_value.entry(c.value).or_default().extend(c.sources);
        }
    }
    by_value
        .into_iter()
        .map(|(value, mut sources)| {
            sources.sort_unstable();
            sources.dedup();
            Claim { value, sources }
        })
        .collect()
}

/// The date of a merged event and, when the reports disagree, the
/// discrepancy. The most precise date inside every other is agreed on;
/// else the date most sources give (ties: the narrower, then the earlier)
/// is kept and the disagreement recorded.
///
/// A member the text does not date whose date lies open after its article
/// (`PUBLISHED/..`: what is planned, threatened or feared, told with no
/// day) claims no date when another member gives one: it says only that
/// the act has not happened yet. Reports across articles never have such
/// dates (they are not merged); mentions in one article do
/// ([`crate::extract`]'s `retold`).
fn date(members: &[&Event]) -> (EventDate, Option<Discrepancy>) {
    let open_ahead = |e: &&&Event| e.date.open_end() && e.tags.iter().any(|t| t == "undated");
    let dated: Vec<&Event> = members.iter().filter(|e| !open_ahead(e)).copied().collect();
    let members = if dated.is_empty() { members } else { &dated };
    let claims = gather(members, "date", |e| Some(e.date.as_str().to_string()));
    // A member's own date is at hand; only a claim kept from an earlier
    // merge is text to read (checked when the store was loaded).
    let own: BTreeMap<&str, &EventDate> =
        members.iter().map(|e| (e.date.as_str(), &e.date)).collect();
    let dated: Vec<(EventDate, &Claim)> = claims
        .iter()
        .filter_map(|c| match own.get(c.value.as_str()) {
            Some(&d) => Some((d.clone(), c)),
            None => c.value.parse::<EventDate>().ok().map(|d| (d, c)),
        })
        .collect();
    let inside =
        |a: &EventDate, b: &EventDate| a.earliest() >= b.earliest() && a.latest() <= b.latest();
    let width = |d: &EventDate| (d.latest() - d.earliest()).num_days();
    let best = dated.iter().min_by(|(a, ca), (b, cb)| {
        let a_all = dated.iter().all(|(o, _)| inside(a, o));
        let b_all = dated.iter().all(|(o, _)| inside(b, o));
        b_all
            .cmp(&a_all)
            .then(cb.sources.len().cmp(&ca.sources.len()))
            .then(width(a).cmp(&width(b)))
            .then(a.chrono_cmp(b))
    });
    let Some((chosen, _)) = best else {
        return (members[0].date.clone(), None);
    };
    let agreed = dated.iter().all(|(o, _)| inside(chosen, o));
    let chosen = chosen.clone();
    drop(dated);
    let discrepancy = (!agreed).then(|| Discrepancy {
        field: "date".into(),
        claims,
    });
    (chosen, discrepancy)
}

/// A casualty count (`killed` or `injured`): the one most sources give,
/// the larger on a tie, and the discrepancy when they differ.
fn count(
    members: &[&Event],
    field: &str,
    get: impl Fn(&Event) -> Option<u32>,
) -> (Option<u32>, Option<Discrepancy>) {
    let claims = gather(members, field, |e| get(e).map(|n| n.to_string()));
    let chosen = claims
        .iter()
        .filter_map(|c| c.value.parse::<u32>().ok().map(|n| (c.sources.len(), n)))
        .max()
        .map(|(_, n)| n);
    let discrepancy = (claims.len() > 1).then(|| Discrepancy {
        field: field.into(),
        claims,
    });
    (chosen, discrepancy)
}

/// `lists` joined, the first of each name (any case) kept, in order.
fn union_actors<'a>(lists: impl Iterator<Item = &'a [Actor]>) -> Vec<Actor> {
    let mut out: Vec<Actor> = Vec::new();
    for a in lists.flatten() {
        if !out.iter().any(|o| o.name.eq_ignore_ascii_case(&a.name)) {
            out.push(a.clone());
        }
    }
    out
}

/// Every citation of `members`, once, ordered by source id and span.
fn citations(members: &[&Event]) -> Vec<Citation> {
    let mut all: Vec<Citation> = members.iter().flat_map(|e| e.sources.clone()).collect();
    all.sort_by(|a, b| (&a.id, a.span, a.trigger).cmp(&(&b.id, b.span, b.trigger)));
    all.dedup_by(|a, b| (&a.id, a.span, a.trigger) == (&b.id, b.span, b.trigger));
    all
}

/// The event of a cluster (`members`, at least one, in store order). Its
/// id, title, place and summary are those of the report that gives the
/// chosen date with the most citations (ties: the smallest id), so that
/// merging again keeps them.
pub fn combine(members: &[&Event]) -> Event {
    if let [one] = members {
        return (*one).clone();
    }
    let (date, date_gap) = date(members);
    let head = members
        .iter()
        .filter(|e| e.date == date)
        .min_by(|a, b| b.sources.len().cmp(&a.sources.len()).then(a.id.cmp(&b.id)))
        .unwrap_or(&members[0]);
    let mut order: Vec<&Event> = vec![head];
    order.extend(members.iter().filter(|e| e.id != head.id));
    let (killed, killed_gap) = count(members, "killed", |e| e.killed);
    let (injured, injured_gap) = count(members, "injured", |e| e.injured);
    let mut tags: Vec<String> = order.iter().flat_map(|e| e.tags.clone()).collect();
    tags.sort();
    tags.dedup();
    if !(date.open_start() || date.open_end()) {
        tags.retain(|t| t != "undated");
    }
    // One report of it as a happening makes it one.
    if members.iter().any(|e| !e.is_link_end()) {
        tags.retain(|t| t != LINK_END);
    }
    // The most certain reading a report gives; reports across articles
    // have one mode or are asserted and reported, mentions in one article
    // may be planned, threatened, conditional and feared.
    let mode = members
        .iter()
        .map(|e| e.mode)
        .min_by_key(|m| CERTAINTY.iter().position(|c| c == m))
        .unwrap_or(head.mode);
    Event {
        id: head.id.clone(),
        date,
        title: head.title.clone(),
        summary: order.iter().find_map(|e| e.summary.clone()),
        kind: head.kind,
        cameo: order.iter().find_map(|e| e.cameo.clone()),
        mode,
        actors: union_actors(order.iter().map(|e| e.actors.as_slice())),
        targets: union_actors(order.iter().map(|e| e.targets.as_slice())),
        place: order.iter().find_map(|e| e.place.clone()),
        killed,
        injured,
        tags,
        sources: citations(members),
        confidence: members.iter().map(|e| e.confidence).fold(0.0, f64::max),
        discrepancies: [date_gap, killed_gap, injured_gap]
            .into_iter()
            .flatten()
            .collect(),
    }
}
