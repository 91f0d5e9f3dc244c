//! From sentences to events and links.

use std::collections::HashSet;

use super::article::Article;
use super::bounds::{quote_window, Acyclic, CharIndex, Ids};
use super::lexicon::{Cue, Entry, Lexicon};
use super::tokens::{toks as layer_toks, Tok};
use crate::model::{
    Actor, Citation, Event, EventDate, Kind, Link, Mode, Relation, Source, Store, Unit,
};
use crate::time::{self, DocType, Timex};

/// An actor or place found in a sentence, with its token range.
struct Mention<'l> {
    first: usize,
    end: usize,
    entry: &'l Entry,
}

/// An event in the making: one kind in one sentence.
struct Draft {
    sentence: usize,
    kind: Kind,
    /// Token index of the first trigger.
    at: usize,
    /// Byte offset of the first trigger in the text.
    trigger: usize,
    mode: Mode,
    /// The first is the one the title names; "X and Y agreed" gives both.
    actors: Vec<Actor>,
    targets: Vec<Actor>,
    place: Option<String>,
    killed: Option<u32>,
    injured: Option<u32>,
    date: EventDate,
    dated_by_publication: bool,
    title: String,
}

const PERSON_NOUNS: [&str; 18] = [
    "people",
    "persons",
    "children",
    "women",
    "men",
    "civilians",
    "soldiers",
    "protesters",
    "demonstrators",
    "police",
    "policemen",
    "officers",
    "troops",
    "members",
    "militants",
    "fighters",
    "residents",
    "others",
];

const CONTINUES: [&str; 12] = [
    "it", "they", "he", "she", "this", "these", "those", "there", "the", "then", "later", "its",
];

const STOP: [&str; 24] = [
    "the", "a", "an", "of", "to", "in", "on", "at", "and", "for", "with", "by", "its", "their",
    "his", "her", "that", "from", "has", "have", "been", "was", "were", "be",
];

fn actor(e: &Entry) -> Actor {
    let country = (!e.country.is_empty()
        && e.country.len() == 3
        && e.country.bytes().all(|b| b.is_ascii_uppercase()))
    .then(|| e.country.clone());
    match &e.capital_of {
        Some((name, _)) => Actor {
            name: name.clone(),
            country,
            role: None,
        },
        None => Actor {
            name: e.name.clone(),
            country,
            role: None,
        },
    }
}

fn mentions<'l>(toks: &[Tok], lex: &'l Lexicon) -> Vec<Mention<'l>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((n, (entry, exact))) = lex.gazetteer.longest_at(toks, i) {
            let written = &toks[i];
            let ok = if *exact {
                // US, UN: only as written in capitals, never "us".
                toks[i..i + n].iter().all(|t| {
                    t.text
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                })
            } else {
                written.capital() || !entry.name.chars().next().is_some_and(char::is_uppercase)
            };
            // "Israel's high court": an owner, not the one who acts.
            let owner = toks.get(i + n).is_some_and(|t| {
                t.start == toks[i + n - 1].end && matches!(t.lower.as_str(), "'s" | "’s")
            });
            if ok && !owner {
                out.push(Mention {
                    first: i,
                    end: i + n,
                    entry,
                });
                i += n;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The chosen actor (or target) with the mentions joined to it by "and" or
/// commas: "Hungarian and Romanian officials" are both actors.
fn coordinated(
    toks: &[Tok],
    ments: &[Mention<'_>],
    chosen: Option<&Mention<'_>>,
    first: Option<Actor>,
) -> Vec<Actor> {
    let mut out: Vec<Actor> = first.into_iter().collect();
    let Some(m) = chosen else { return out };
    let joined = |a: &Mention<'_>, b: &Mention<'_>| {
        a.end < b.first
            && b.first - a.end <= 1
            && toks[a.end..b.first]
                .iter()
                .all(|t| matches!(t.lower.as_str(), "and" | ","))
    };
    let idx = ments.iter().position(|x| x.first == m.first).unwrap_or(0);
    let mut k = idx;
    while k > 0 && joined(&ments[k - 1], &ments[k]) {
        k -= 1;
        push_unique(&mut out, actor(ments[k].entry));
    }
    let mut k = idx;
    while k + 1 < ments.len() && joined(&ments[k], &ments[k + 1]) {
        k += 1;
        push_unique(&mut out, actor(ments[k].entry));
    }
    out
}

fn push_unique(list: &mut Vec<Actor>, a: Actor) {
    if !list.contains(&a) {
        list.push(a);
    }
}

fn number_word(t: &Tok) -> Option<u32> {
    if let Ok(n) = t.lower.replace(',', "").parse::<u32>() {
        return Some(n);
    }
    let n = match t.lower.as_str() {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "twenty" => 20,
        "dozens" | "dozen" => 12,
        _ => return None,
    };
    Some(n)
}

/// Killed and injured counts: numbers before person nouns, attributed to
/// the nearer of a killing or an injuring word.
fn casualties(toks: &[Tok]) -> (Option<u32>, Option<u32>) {
    let is_kill = |t: &Tok| {
        ["kill", "died", "dead", "death", "slain", "lost their lives"]
            .iter()
            .any(|k| t.lower.starts_with(k))
    };
    let is_hurt = |t: &Tok| {
        ["injur", "wound", "hurt"]
            .iter()
            .any(|k| t.lower.starts_with(k))
    };
    let kills: Vec<usize> = (0..toks.len()).filter(|&i| is_kill(&toks[i])).collect();
    let hurts: Vec<usize> = (0..toks.len()).filter(|&i| is_hurt(&toks[i])).collect();
    if kills.is_empty() && hurts.is_empty() {
        return (None, None);
    }
    let (mut killed, mut injured) = (None::<u32>, None::<u32>);
    for i in 0..toks.len() {
        let Some(n) = number_word(&toks[i]) else {
            continue;
        };
        let noun = (i + 1..(i + 3).min(toks.len()))
            .find(|&j| PERSON_NOUNS.contains(&toks[j].lower.as_str()));
        let direct = toks
            .get(i + 1)
            .is_some_and(|t| is_kill(t) || is_hurt(t) || t.lower == "were" || t.lower == "people");
        if noun.is_none() && !(direct && n > 1) {
            continue;
        }
        let dist = |list: &[usize]| {
            list.iter()
                .map(|&k| k.abs_diff(i))
                .min()
                .unwrap_or(usize::MAX)
        };
        if dist(&kills) <= dist(&hurts) {
            killed = Some(killed.unwrap_or(0) + n);
        } else {
            injured = Some(injured.unwrap_or(0) + n);
        }
    }
    (killed, injured)
}

fn slug(words: &str, max_words: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in words.split(|c: char| !c.is_ascii_alphanumeric()) {
        let w = w.to_ascii_lowercase();
        if w.is_empty() || STOP.contains(&w.as_str()) || out.contains(&w) {
            continue;
        }
        out.push(w);
        if out.len() == max_words {
            break;
        }
    }
    out.join("-")
}

/// The date part of an id: the date as written, without qualifiers
/// ("2020-09-22", "2020-w39"), the start of a range, or "undated".
fn id_date(d: &EventDate) -> String {
    d.unit()
        .map_or_else(|| "undated".into(), |u| u.to_string().to_ascii_lowercase())
}

/// The best date for a trigger: a date or time expression of its sentence,
/// nearest to the trigger, preferring one before it in the same clause.
fn date_in<'t>(
    text: &str,
    timexes: &'t [Timex],
    sentence: (usize, usize),
    trigger_byte: usize,
) -> Option<&'t Timex> {
    // The tagger's expressions come sorted and apart: find the sentence's
    // by bisection, not by a scan of the whole text's.
    let first = timexes.partition_point(|t| t.byte_begin < sentence.0);
    timexes[first..]
        .iter()
        .take_while(|t| t.byte_begin < sentence.1)
        .filter(|t| t.byte_end <= sentence.1)
        .filter(|t| t.date.is_some())
        .filter(|t| !dateline(text, t))
        .min_by_key(|t| {
            if t.byte_end <= trigger_byte {
                trigger_byte - t.byte_end
            } else {
                (t.byte_begin - trigger_byte) * 2
            }
        })
}

/// True for the date of a dateline ("GENEVA, March 10 (Reuters) -"): it
/// dates the report, not the events in it.
fn dateline(text: &str, t: &Timex) -> bool {
    let after = text[t.byte_end..].trim_start();
    // A dateline's parenthesis is short ("(Reuters)"): look no further.
    let close = after
        .char_indices()
        .take(40)
        .find(|&(_, c)| c == ')')
        .map(|(i, _)| i);
    after.starts_with('(')
        && close.is_some_and(|close| after[close + 1..].trim_start().starts_with(['-', '—', '–']))
}

/// The title: the clause from the actor (or the trigger) to the next comma.
fn title(text: &str, toks: &[Tok], from: usize, trigger: usize) -> String {
    let start = toks[from].start;
    let mut end = toks[trigger].end;
    for t in toks.iter().skip(trigger + 1).take(14) {
        if matches!(
            t.lower.as_str(),
            "," | ";" | ":" | "(" | "said" | "says" | "told" | "." | "—" | "–"
        ) {
            break;
        }
        end = t.end;
    }
    let raw: String = text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let raw = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '"' && c != '”');
    let mut chars = raw.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => raw.to_string(),
    }
}

/// Runs the extractor over one article.
pub fn extract(article: &Article, lex: &Lexicon) -> Store {
    let text = &article.text;
    let source_id = article.id.clone();
    let layer = crate::text::tokenize(text);
    let timexes = time::tag_tokenized(text, &layer, article.published, DocType::News);
    let spans: Vec<(usize, usize)> = layer.sentences.iter().map(|s| (s.start, s.end)).collect();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut links: Vec<(usize, usize, Relation, usize)> = Vec::new(); // from draft, to draft, relation, sentence
    let mut previous_date: Option<(usize, EventDate)> = None;
    let mut last_of_sentence: Vec<Option<usize>> = Vec::new();

    for (si, s) in layer.sentences.iter().enumerate() {
        let sentence = &text[s.start..s.end];
        let toks = layer_toks(text, &layer.tokens[s.tokens.clone()]);
        // Headline and byline lines are not reports of events.
        let headline = !article.title.is_empty()
            && (article.title.starts_with(sentence) || sentence.starts_with(&article.title));
        if headline || sentence.starts_with("By ") && sentence.len() < 60 {
            last_of_sentence.push(last_of_sentence.last().copied().flatten());
            continue;
        }
        // Words in parentheses are asides: no actors or events there.
        let mut depth = 0i32;
        let aside: Vec<bool> = toks
            .iter()
            .map(|t| {
                match t.lower.as_str() {
                    "(" => depth += 1,
                    ")" => depth = (depth - 1).max(0),
                    _ => {}
                }
                depth > 0
            })
            .collect();
        // Clauses split at link cues: the same kind on both sides of
        // "after" is two events.
        let mut seg = 0;
        let segment: Vec<usize> = (0..toks.len())
            .map(|k| {
                if lex.cause_before.longest_at(&toks, k).is_some()
                    || lex.effect_after.longest_at(&toks, k).is_some()
                {
                    seg += 1;
                }
                seg
            })
            .collect();
        let ments: Vec<Mention<'_>> = mentions(&toks, lex)
            .into_iter()
            .filter(|m| !aside[m.first])
            .collect();
        // Triggers, one event per kind: the first trigger of each kind.
        let mut triggers: Vec<(usize, usize, Kind)> = Vec::new();
        let mut reporting: Vec<usize> = Vec::new();
        let mut cues: Vec<(usize, Cue)> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some((n, _)) = lex.reporting.longest_at(&toks, i) {
                reporting.push(i);
                i += n;
                continue;
            }
            if let Some((n, cue)) = lex.modes.longest_at(&toks, i) {
                cues.push((i, *cue));
                if *cue != Cue::Threatened {
                    i += n;
                    continue;
                }
            }
            if let Some((n, kind)) = lex.triggers.longest_at(&toks, i) {
                let inside_name = ments.iter().any(|m| m.first <= i && i < m.end);
                let after_hyphen = i > 0 && matches!(toks[i - 1].lower.as_str(), "-" | "so");
                if !inside_name && !after_hyphen && !aside[i] {
                    triggers.push((i, n, *kind));
                }
                i += n;
                continue;
            }
            i += 1;
        }
        let mut kinds_seen = HashSet::new();
        let threat_at = triggers.iter().find(|t| t.2 == Kind::Threaten).map(|t| t.0);
        let first_trigger = triggers.first().map(|t| t.0);
        let mut this_sentence = Vec::new();
        for &(at, _n, kind) in &triggers {
            if !kinds_seen.insert((kind, segment[at])) {
                continue;
            }
            // "issued a declaration demanding...": a statement is only an
            // event when the sentence reports nothing more specific.
            if kind == Kind::Statement && triggers.iter().any(|t| t.2 != Kind::Statement) {
                continue;
            }
            // "ordered to halt attacks", "accuses Tehran of supporting": a
            // complement of an earlier event is not an event, unless it is
            // what was threatened; nor is what someone stops.
            let window = &toks[at.saturating_sub(3)..at];
            let stopped = window.iter().any(|t| {
                matches!(
                    t.lower.as_str(),
                    "halt" | "stop" | "prevent" | "end" | "curb" | "avoid"
                )
            });
            let infinitive = stopped
                || at >= 1
                    && toks[at.saturating_sub(2)..at]
                        .iter()
                        .any(|t| t.lower == "to")
                || (toks[at - at.min(1)].lower == "of" && toks[at].lower.ends_with("ing"));
            let threatened = threat_at.is_some_and(|t| t < at && at - t <= 4 && infinitive);
            if infinitive && !threatened && (stopped || first_trigger.is_some_and(|f| f < at)) {
                continue;
            }
            // Mode from the cues before the trigger in its sentence.
            let before = |cue: Cue, window: usize| {
                cues.iter()
                    .any(|&(c, k)| k == cue && c < at && at - c <= window)
            };
            let anywhere = |cue: Cue| cues.iter().any(|&(_, k)| k == cue);
            if before(Cue::Negation, 3) {
                continue;
            }
            let mode = if threatened {
                Mode::Threatened
            } else if before(Cue::Denied, 8) {
                Mode::Denied
            } else if before(Cue::Feared, 10) {
                Mode::Feared
            } else if anywhere(Cue::Conditional)
                && (before(Cue::Planned, 8)
                    || cues.iter().any(|&(c, k)| k == Cue::Conditional && c > at))
            {
                Mode::Conditional
            } else if before(Cue::Planned, 6)
                || cues.iter().any(|&(c, k)| {
                    k == Cue::Planned
                        && c > at
                        && c - at <= 25
                        && !toks[at].lower.ends_with("ed")
                        && matches!(toks[c].lower.as_str(), "may" | "might" | "could" | "would")
                })
            {
                Mode::Planned
            } else if !reporting.is_empty() {
                Mode::Reported
            } else {
                Mode::Asserted
            };
            // Speakers: mentions right before a reporting verb or after
            // "according to".
            let speaker = |m: &Mention<'_>| {
                reporting.iter().any(|&r| {
                    (m.end <= r && r - m.end <= 3)
                        || (r < m.first && m.first - r <= 2 && toks[r].lower == "according")
                })
            };
            let passive_by = (at + 1..toks.len().min(at + 6)).find(|&j| {
                toks[j].lower == "by"
                    || (toks[j].lower == "on" && toks[j - 1].lower.starts_with("blame"))
            });
            let mut actor_m = None;
            let mut target_m = None;
            let mut place = None;
            for m in &ments {
                let in_place = m.first > 0
                    && matches!(
                        toks[m.first - 1].lower.as_str(),
                        "in" | "at" | "near" | "outside" | "inside"
                    );
                if m.entry.place && (in_place || m.entry.capital_of.is_none()) {
                    if place.is_none() && m.first > at.saturating_sub(3) {
                        place = Some(m.entry.name.clone());
                    }
                    continue;
                }
                if in_place
                    && m.entry.capital_of.is_none()
                    && m.entry.country.len() == 3
                    && m.entry.name.len() > 3
                    && m.first > at
                {
                    if place.is_none() {
                        place = Some(m.entry.name.clone());
                    }
                    continue;
                }
                if speaker(m) {
                    continue;
                }
                if let Some(by) = passive_by {
                    if m.first == by + 1 {
                        actor_m = Some(m);
                        continue;
                    }
                }
                if m.end <= at && at - m.end <= 12 {
                    // The nearest mention before the trigger is the actor.
                    actor_m = Some(m);
                } else if m.first > at
                    && target_m.is_none()
                    && Some(m.first) != passive_by.map(|b| b + 1)
                {
                    target_m = Some(m);
                }
            }
            let actor_v = actor_m.map(|m| actor(m.entry)).or_else(|| {
                // Not in the gazetteer: keep the subject's words.
                let cap: Vec<&Tok> = toks[..at]
                    .iter()
                    .rev()
                    .take_while(|t| {
                        t.capital() || matches!(t.lower.as_str(), "al" | "-" | "'s" | "’s")
                    })
                    .collect();
                let (first, last) = (cap.last()?, cap.first()?);
                (cap.len() >= 2).then(|| Actor {
                    // As written, spaces evened: "Taiwan's Vice Foreign Minister".
                    name: text[first.start..last.end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .replace(" - ", "-"),
                    country: None,
                    role: None,
                })
            });
            let target_v = target_m
                .map(|m| actor(m.entry))
                .filter(|t| Some(t) != actor_v.as_ref());
            // "Pompeo threatened to close the U.S. embassy": his own country's
            // embassy is not the target; the next foreign party is.
            let target_v = match (&target_v, &actor_v) {
                (Some(t), Some(a)) if t.country.is_some() && t.country == a.country => ments
                    .iter()
                    .filter(|m| m.first > at && !m.entry.place && !speaker(m))
                    .map(|m| actor(m.entry))
                    .find(|c| c.country != a.country),
                _ => target_v,
            };
            let (killed, injured) = if kind == Kind::Assault {
                casualties(&toks)
            } else {
                (None, None)
            };
            // The date.
            let trigger_byte = toks[at].start;
            let continues = toks
                .first()
                .is_some_and(|t| CONTINUES.contains(&t.lower.as_str()));
            let seg_span = {
                let first = (0..toks.len())
                    .find(|&k| segment[k] == segment[at])
                    .unwrap_or(0);
                let last = (0..toks.len())
                    .rev()
                    .find(|&k| segment[k] == segment[at])
                    .unwrap_or(toks.len() - 1);
                (toks[first].start, toks[last].end)
            };
            let dated = date_in(text, &timexes, seg_span, trigger_byte);
            let (date, by_publication) = match dated {
                Some(t) => (
                    t.date
                        .clone()
                        .unwrap_or_else(|| EventDate::day(article.published)),
                    false,
                ),
                None => match &previous_date {
                    Some((prev, d)) if *prev + 1 == si && continues => (d.clone(), false),
                    _ => (EventDate::day(article.published), true),
                },
            };
            // Without an actor the title starts at the trigger's clause.
            let clause_start = (0..at)
                .rev()
                .take(10)
                .find(|&k| {
                    matches!(toks[k].lower.as_str(), "," | ";" | "but" | "when")
                        || segment[k] != segment[at]
                })
                .map_or(at.saturating_sub(10).min(at), |k| k + 1);
            let from = actor_m.map_or(clause_start, |m| m.first.min(at));
            drafts.push(Draft {
                sentence: si,
                kind,
                at,
                trigger: toks[at].start,
                mode,
                actors: coordinated(&toks, &ments, actor_m, actor_v),
                targets: coordinated(&toks, &ments, target_m, target_v),
                place,
                killed,
                injured,
                date,
                dated_by_publication: by_publication,
                title: title(text, &toks, from, at),
            });
            this_sentence.push(drafts.len() - 1);
        }
        if let Some(d) = this_sentence
            .iter()
            .map(|&k| &drafts[k])
            .find(|d| !d.dated_by_publication)
        {
            previous_date = Some((si, d.date.clone()));
        }
        // Links inside the sentence: a cue splits earlier and later events.
        for k in 0..toks.len() {
            let (cause_after_cue, rel) = if let Some((_, r)) = lex.cause_before.longest_at(&toks, k)
            {
                (true, *r)
            } else if let Some((_, r)) = lex.effect_after.longest_at(&toks, k) {
                (false, *r)
            } else {
                continue;
            };
            let before: Vec<usize> = this_sentence
                .iter()
                .copied()
                .filter(|&d| drafts[d].at < k)
                .collect();
            let after: Vec<usize> = this_sentence
                .iter()
                .copied()
                .filter(|&d| drafts[d].at > k)
                .collect();
            if let (Some(&b), Some(&a)) = (before.last(), after.first()) {
                if cause_after_cue {
                    links.push((a, b, rel, si));
                } else {
                    links.push((b, a, rel, si));
                }
            } else if cause_after_cue && k == 0 {
                // "Following the attack, ...": the cause is the previous sentence's.
                if let (Some(Some(p)), Some(&a)) = (last_of_sentence.last(), this_sentence.first())
                {
                    links.push((*p, a, rel, si));
                }
            }
        }
        if let Some((_, r)) = lex.sentence_start.longest_at(&toks, 0) {
            if let (Some(Some(p)), Some(&a)) = (last_of_sentence.last(), this_sentence.first()) {
                links.push((*p, a, *r, si));
            }
        }
        if this_sentence.is_empty() {
            last_of_sentence.push(last_of_sentence.last().copied().flatten());
        } else {
            last_of_sentence.push(this_sentence.last().copied());
        }
    }
    // "Shelling became more frequent after the death of X on January 3": an
    // effect the text does not date runs from its cause to publication.
    for &(from, to, _, _) in &links {
        if drafts[to].dated_by_publication
            && !drafts[from].dated_by_publication
            && !drafts[from].date.open_start()
        {
            let day = |d| EventDate::of(Unit::Day(d));
            let since = day(drafts[from].date.earliest())
                .and_then(|a| EventDate::range(&a, &day(article.published)?));
            if let Ok(d) = since {
                drafts[to].date = d;
                drafts[to].dated_by_publication = false;
            }
        }
    }
    build(article, source_id, text, &spans, drafts, links)
}

/// Turns drafts into events with stable ids, and links into store links.
fn build(
    article: &Article,
    source_id: String,
    text: &str,
    spans: &[(usize, usize)],
    drafts: Vec<Draft>,
    links: Vec<(usize, usize, Relation, usize)>,
) -> Store {
    let chars = CharIndex::new(text);
    let mut ids = Ids::default();
    let mut events = Vec::with_capacity(drafts.len());
    for d in &drafts {
        let (s, e) = spans[d.sentence];
        let who = d.actors.first().map_or("", |a| a.name.as_str());
        let base = format!(
            "{}-{}",
            id_date(&d.date),
            slug(&format!("{who} {}", d.title), 5)
        );
        let id = ids.fresh(base.trim_end_matches('-'));
        let mut tags = vec![];
        if d.dated_by_publication {
            tags.push("dated-by-publication".to_string());
        }
        let confidence = match (d.dated_by_publication, !d.actors.is_empty()) {
            (false, true) => 0.8,
            (false, false) => 0.6,
            (true, true) => 0.5,
            (true, false) => 0.4,
        };
        let (qs, qe) = quote_window(text, s, e, d.trigger);
        let title = if d.title.is_empty() {
            d.kind.as_str().to_string()
        } else {
            d.title.clone()
        };
        events.push(Event {
            id,
            date: d.date.clone(),
            title,
            summary: None,
            kind: d.kind,
            mode: d.mode,
            actors: d.actors.clone(),
            targets: d.targets.clone(),
            place: d.place.clone(),
            killed: d.killed,
            injured: d.injured,
            tags,
            sources: vec![Citation {
                id: source_id.clone(),
                quote: text[qs..qe].to_string(),
                span: Some([chars.chars(qs), chars.chars(qe)]),
            }],
            confidence,
        });
    }
    let mut kept = Acyclic::new(events.len());
    let mut store_links = Vec::new();
    for (from, to, relation, si) in links {
        // Links point from the earlier event to the later.
        let (a, b) = (&events[from], &events[to]);
        let (from, to) = if a.date.earliest() > b.date.latest() {
            (to, from)
        } else {
            (from, to)
        };
        if !kept.add(from, to) {
            continue;
        }
        let (s, e) = spans[si];
        let (es, ee) = quote_window(text, s, e, drafts[to].trigger);
        store_links.push(Link {
            from: events[from].id.clone(),
            to: events[to].id.clone(),
            relation,
            evidence: text[es..ee].to_string(),
            source: Some(source_id.clone()),
            confidence: 0.6,
        });
    }
    Store {
        sources: vec![Source {
            id: source_id,
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            url: article.url.clone(),
            published: article.published,
            author: article.author.clone(),
        }],
        events,
        links: store_links,
    }
}
