//! Checks between records: ids, duplicates, references, ranges. The graph
//! checks (cycles, time inversions) live in [`crate::graph::check`].

use rustc_hash::FxHashMap;

use super::{Field, Loaded};
use crate::error::{Diagnostic, Location};
use crate::model::{is_valid_id, Event, EventDate};
use crate::scan::find_byte;
use crate::suggest::Suggester;

const ID_HELP: &str = "ids are lowercase letters and digits in words joined by single hyphens, e.g. 2020-09-28-rockets-hit-baghdad";

/// Pushes every problem of `loaded` that needs more than one record to see.
pub fn validate(loaded: &Loaded, diags: &mut Vec<Diagnostic>) {
    let store = &loaded.store;
    let mut sources: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(store.sources.len(), Default::default());
    for (i, s) in store.sources.iter().enumerate() {
        let at = || loaded.source_at(i, Field::Id);
        if !is_valid_id(&s.id) {
            diags.push(
                Diagnostic::error(at(), format!("invalid source id `{}`", s.id)).with_help(ID_HELP),
            );
        }
        if let Some(&first) = sources.get(s.id.as_str()) {
            diags.push(duplicate(
                "source",
                &s.id,
                at(),
                loaded.source_at(first, Field::Id),
            ));
        } else {
            sources.insert(&s.id, i);
        }
    }
    let mut events: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(store.events.len(), Default::default());
    for (i, e) in store.events.iter().enumerate() {
        let at = |field| loaded.event_at(i, field);
        if !is_valid_id(&e.id) {
            diags.push(
                Diagnostic::error(at(Field::Id), format!("invalid event id `{}`", e.id))
                    .with_help(ID_HELP),
            );
        }
        if let Some(&first) = events.get(e.id.as_str()) {
            diags.push(duplicate(
                "event",
                &e.id,
                at(Field::Id),
                loaded.event_at(first, Field::Id),
            ));
        } else {
            events.insert(&e.id, i);
        }
        let title = e.title.as_bytes();
        if e.title.trim().is_empty() || find_byte(title, 0, [b'\n', b'\r'], 0) < title.len() {
            diags.push(
                Diagnostic::error(
                    at(Field::Title),
                    format!("the title of `{}` must be one non-empty line", e.id),
                )
                .with_help("put longer text in `summary`"),
            );
        }
        confidence(e.confidence, || at(Field::Confidence), diags);
        discrepancies(e, || at(Field::Id), diags);
        for actor in e.actors.iter().chain(&e.targets) {
            let ok = actor
                .country
                .as_deref()
                .is_none_or(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()));
            if !ok {
                let at = at(Field::Actors);
                diags.push(
                    Diagnostic::error(
                        at,
                        format!(
                            "`{}` is not an ISO 3166 alpha-3 country code",
                            actor.country.as_deref().unwrap_or("")
                        ),
                    )
                    .with_help("use three capital letters, e.g. USA, IRQ, IRN"),
                );
            }
        }
        for (n, c) in e.sources.iter().enumerate() {
            if let Some([begin, end]) = c.span.filter(|[b, e]| b > e) {
                diags.push(
                    Diagnostic::error(
                        at(Field::Citation(n)),
                        format!(
                            "the quote span [{begin}, {end}] of `{}` ends before it begins",
                            e.id
                        ),
                    )
                    .with_help(
                        "a span is [begin, end] in characters of the source text, begin first",
                    ),
                );
            }
            if !sources.contains_key(c.id.as_str()) {
                diags.push(
                    Diagnostic::error(
                        at(Field::Citation(n)),
                        format!("event `{}` cites unknown source `{}`", e.id, c.id),
                    )
                    .with_help("add a [[source]] table with that id, or fix the id"),
                );
            }
        }
    }
    // Built at the first unknown id: most stores have none.
    let mut suggester = None;
    for (i, l) in store.links.iter().enumerate() {
        let at = |field| loaded.link_at(i, field);
        for (field, name, id) in [(Field::From, "from", &l.from), (Field::To, "to", &l.to)] {
            if !events.contains_key(id.as_str()) {
                let mut d = Diagnostic::error(
                    at(field),
                    format!("link `{name}` names unknown event `{id}`"),
                );
                let suggester = suggester.get_or_insert_with(|| {
                    Suggester::new(store.events.iter().map(|e| e.id.as_str()))
                });
                d = match suggester.suggest(id) {
                    Some(s) => d.with_help(format!("did you mean `{s}`?")),
                    None => d.with_help("add the event or fix the id"),
                };
                diags.push(d);
            }
        }
        if let Some(s) = &l.source {
            if !sources.contains_key(s.as_str()) {
                diags.push(
                    Diagnostic::error(
                        at(Field::Source),
                        format!("link cites unknown source `{s}`"),
                    )
                    .with_help("add a [[source]] table with that id, or fix the id"),
                );
            }
        }
        confidence(l.confidence, || at(Field::Confidence), diags);
    }
}

fn duplicate(
    what: &str,
    id: &str,
    at: Option<crate::Location>,
    first: Option<crate::Location>,
) -> Diagnostic {
    let first = first.map_or_else(|| "earlier".to_string(), |l| format!("at {l}"));
    Diagnostic::error(
        at,
        format!("duplicate {what} id `{id}`, first defined {first}"),
    )
    .with_help("give each record its own id")
}

fn confidence(c: f64, at: impl Fn() -> Option<crate::Location>, diags: &mut Vec<Diagnostic>) {
    if !(0.0..=1.0).contains(&c) {
        diags.push(
            Diagnostic::error(at(), format!("confidence {c} is outside 0 to 1"))
                .with_help("write a number such as 0.8"),
        );
    }
}

/// Pushes an error for each discrepancy of `e` whose field is not one a
/// merge records, or whose claim is not a value of that field (a date, a
/// count): merging again reads the claims, and must not skip one.
fn discrepancies(e: &Event, at: impl Fn() -> Option<Location>, diags: &mut Vec<Diagnostic>) {
    for d in &e.discrepancies {
        for c in &d.claims {
            let problem = match d.field.as_str() {
                "date" => c.value.parse::<EventDate>().err().map(|e| e.reason),
                "killed" | "injured" => c
                    .value
                    .parse::<u32>()
                    .err()
                    .map(|_| "a count is a whole number of people, e.g. 12".to_string()),
                other => {
                    diags.push(
                        Diagnostic::error(
                            at(),
                            format!("event `{}` has a discrepancy in `{other}`", e.id),
                        )
                        .with_help("a discrepancy's field is `date`, `killed` or `injured`"),
                    );
                    break;
                }
            };
            if let Some(help) = problem {
                diags.push(
                    Diagnostic::error(
                        at(),
                        format!(
                            "event `{}` has a `{}` claim `{}` that is not a {}",
                            e.id,
                            d.field,
                            c.value,
                            if d.field == "date" { "date" } else { "count" }
                        ),
                    )
                    .with_help(help),
                );
            }
        }
    }
}
