//! One happening told several times in one article is one event.
//!
//! An article comes back to its main happening again and again: "has
//! prepared for the withdrawal of diplomats", "plans to withdraw U.S.
//! diplomats", "the evacuation of U.S. diplomatic personnel will only
//! begin if…", "fear the departure of diplomats". The extractor makes an
//! event of each mention; [`one_per_happening`] makes the mentions of one
//! happening one event citing each sentence, with the merger of reports
//! across articles ([`crate::merge::combine`]). Two mentions are of one
//! happening when all of these hold:
//!
//! - **one kind and one act**: the same verb, or a noun and its verb
//!   ("withdrawal", "withdraw"), or verbs of one family ("withdraw",
//!   "evacuate", "depart"), as `src/extract/acts.toml` says ([`Acts`]);
//! - **modes that can be one reading**: both told as done (asserted or
//!   reported) or both as not done (planned, threatened, conditional,
//!   feared), a denial only with a denial — a thing done and a thing
//!   planned may be two (a second withdrawal after a first);
//! - **dates that can be one**: their intervals overlap; a mention the
//!   text does not date counts as the week before its article
//!   ([`RECENT`] days, as across articles) and, when what it tells is not
//!   done (`PUBLISHED/..`), any day after too ("plans to withdraw" and
//!   "began preparations to evacuate late last week");
//! - **something that ties them to one happening**: for what is not done,
//!   a word of their titles, names or places in common, the trigger
//!   words aside ("withdrawal of diplomats", "departure of diplomats";
//!   "Pompeo threatened to close the U.S. embassy", "might close its
//!   embassy"), or no participant or place in one of them (a bare
//!   "escalation" feared); for what was done, one sentence (told twice
//!   in it, or repeated word for word), a person or body named in the
//!   same role in both, the same place, or one explicit day and a word
//!   in common — a
//!   report tells of many returns, calls and meetings ("protesters
//!   returned to the streets", "ElBaradei returns to Egypt");
//! - **participants that do not contradict**: no two actors that are
//!   different persons or bodies (proper names with no word in common),
//!   of different countries, or of different roles (police and
//!   protesters); no two targets that are no country with no word in
//!   common ("businesses" and "arsenals" looted) — a country as a target
//!   is as often where as whom ("withdraw from Iraq", "withdraw U.S.
//!   diplomats");
//! - **places that agree** (the same place, or one of them names none);
//! - **not linked to each other**: what the text gives as a cause and its
//!   effect are two happenings ("rockets hit…, killing five").
//!
//! Mentions are grouped complete-link, in text order: a mention joins the
//! first group each member of which it may be one with, so no chain of
//! mentions joins two that contradict each other.
//!
//! The merged event is [`combine`]'s: every sentence cited, actors and
//! targets of all, the most precise date the dated mentions agree on (an
//! undated mention of what is not done claims no date), and the most
//! certain mode a mention gives ([`crate::merge`]'s order: asserted,
//! reported, planned, threatened, conditional, feared) — never a done
//! thing from mentions of what is only planned, since those never join
//! mentions of what was done. It is a link end only if every mention is.
//! Links move to the merged event, without self-links, duplicates, a link
//! and its reverse, cycles, or a link from an event now dated after its
//! effect (as across articles); a link end left with no link goes.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Deserialize;

use super::sentence::Sent;
use super::verbs::Verbs;
use super::ExtractError;
use crate::error::{toml_error, Result};
use crate::merge::{combine, is_country, name_stems, Side, RECENT};
use crate::model::{Event, Kind, Link, Mode, Role, Text};
use crate::text::Model;

/// The event a framing word of no kind of its own governs ("has prepared
/// for the withdrawal", "plans to withdraw", "began direct preparations to
/// evacuate"): the nearest event word (`at`: word to event) among its
/// complements, obliques and modifying clauses. A link the text gives to
/// the framing word is the framed act's: the plan to withdraw is told for
/// the withdrawal.
///
/// The parse may hang the infinitive from the verb whose object the
/// framing noun is ("began preparations | to evacuate"): a to-clause of
/// that verb after the noun is framed by it too.
pub fn framed(s: &Sent<'_, '_, '_>, w: usize, at: &HashMap<usize, usize>) -> Option<usize> {
    let own = s
        .children(w)
        .filter(|&c| matches!(s.rel(c), "xcomp" | "ccomp" | "obj" | "obl" | "acl" | "nmod"));
    let verb = s.head(w).filter(|_| s.rel(w) == "obj");
    let beside = verb.into_iter().flat_map(|v| s.children(v)).filter(|&c| {
        c > w && matches!(s.rel(c), "xcomp" | "ccomp" | "csubj" | "advcl") && s.is_to_infinitive(c)
    });
    own.chain(beside)
        .filter_map(|c| at.get(&c).map(|&d| (c.abs_diff(w), d)))
        .min()
        .map(|(_, d)| d)
}

/// Which words name one act: an event noun's verb and families of verbs
/// of one act (`src/extract/acts.toml`).
#[derive(Debug)]
pub struct Acts {
    /// `[suffix, replacement]` rewrites from a noun to its verb, in order.
    suffixes: Vec<[String; 2]>,
    /// Each verb of a family, with its family's number.
    family: HashMap<String, usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    nominal: Nominal,
    families: Families,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Nominal {
    suffixes: Vec<[String; 2]>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Families {
    verbs: Vec<Vec<String>>,
}

impl Acts {
    /// The shipped table, parsed once.
    pub fn shipped() -> &'static Acts {
        static ACTS: OnceLock<Acts> = OnceLock::new();
        ACTS.get_or_init(|| {
            crate::error::shipped(Acts::parse(
                include_str!("acts.toml"),
                "src/extract/acts.toml",
            ))
        })
    }

    /// Parses a table of acts; an unknown key or a bad value is an error
    /// with its position.
    pub fn parse(text: &str, path: &str) -> Result<Acts> {
        let file: File = toml::from_str(text).map_err(|e| {
            ExtractError::Lexicon(vec![toml_error(path, text, 0, &e, |m| {
                format!("bad act table: {m}")
            })
            .with_help("see the comments of the shipped src/extract/acts.toml")])
        })?;
        let mut family = HashMap::new();
        for (i, verbs) in file.families.verbs.iter().enumerate() {
            for v in verbs {
                family.entry(v.to_lowercase()).or_insert(i);
            }
        }
        Ok(Acts {
            suffixes: file.nominal.suffixes,
            family,
        })
    }

    /// The verb an event noun's `lemma` names: the first rewrite of its
    /// suffix that `is_verb` knows, or the noun itself when it is a verb
    /// ("attack") or no rewrite is.
    fn verb_of<'a>(&self, lemma: &'a str, is_verb: impl Fn(&str) -> bool) -> Cow<'a> {
        if is_verb(lemma) {
            return Cow::Borrowed(lemma);
        }
        self.suffixes
            .iter()
            .filter_map(|[suffix, with]| {
                let stem = lemma.strip_suffix(suffix.as_str())?;
                (stem.len() >= 3).then(|| format!("{stem}{with}"))
            })
            .find(|v| is_verb(v))
            .map_or(Cow::Borrowed(lemma), Cow::Owned)
    }

    /// The act the word of `lemma` names (`noun`: as a noun): its verb,
    /// and that verb's family when it has one.
    pub fn of(&self, lemma: &str, noun: bool) -> Act {
        let lemma = lemma.to_lowercase();
        let verb = if noun {
            self.verb_of(&lemma, known_verb).into_owned()
        } else {
            lemma
        };
        let family = self.family.get(&verb).copied();
        Act { verb, family }
    }
}

type Cow<'a> = std::borrow::Cow<'a, str>;

/// Whether `lemma` is a verb of the CAMEO dictionary or of the treebank.
fn known_verb(lemma: &str) -> bool {
    Verbs::shipped().knows(lemma) || Model::shipped().is_verb_lemma(lemma)
}

/// The act a mention names: a verb, and the family of verbs it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    verb: String,
    family: Option<usize>,
}

impl Act {
    /// The verb the word names ("closure": close).
    pub fn verb(&self) -> &str {
        &self.verb
    }

    /// Whether two words name one act: the same verb or one family.
    fn same(&self, other: &Act) -> bool {
        self.verb == other.verb || self.family.is_some() && self.family == other.family
    }
}

/// Who a mention names in one role, as far as telling two apart goes.
#[derive(Debug, Default)]
struct Who {
    /// Stems of the proper names that are no country.
    strong: Vec<u64>,
    /// Stems of every name that is no country, proper or common
    /// ("Barham Salih", "journalists").
    own: Vec<u64>,
    /// Countries (ISO codes) of them all.
    countries: Vec<Text>,
    /// Their roles.
    roles: Vec<Role>,
}

impl Who {
    fn of(actors: &[crate::model::Actor]) -> Who {
        let mut countries: Vec<Text> = actors.iter().filter_map(|a| a.country.clone()).collect();
        countries.sort();
        countries.dedup();
        let mut roles: Vec<Role> = actors.iter().filter_map(|a| a.role).collect();
        roles.sort_by_key(|r| r.as_str());
        roles.dedup();
        let mut own: Vec<u64> = actors
            .iter()
            .filter(|a| !is_country(&a.name))
            .flat_map(|a| name_stems(&a.name))
            .collect();
        own.sort_unstable();
        own.dedup();
        Who {
            strong: Side::of(actors, name_stems).strong,
            own,
            countries,
            roles,
        }
    }

    /// True when both name someone and no one can be both: two persons
    /// or bodies with no word of a name in common.
    fn other_body(&self, other: &Who) -> bool {
        disjoint(&self.strong, &other.strong)
    }

    /// As [`Who::other_body`], or of different countries, or of
    /// different roles.
    fn other_party(&self, other: &Who) -> bool {
        self.other_body(other)
            || disjoint(&self.countries, &other.countries)
            || disjoint(&self.roles, &other.roles)
    }

    /// True when both name a target that is no country and none is
    /// both ("businesses" and "arsenals" looted, Obama's response and
    /// the uprising criticised): a country as a target is as often where
    /// as whom, so it tells nothing.
    fn other_target(&self, other: &Who) -> bool {
        disjoint(&self.own, &other.own)
    }
}

/// Both lists given and nothing in common.
fn disjoint<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
}

/// What is compared of one mention.
struct Mention {
    kind: Kind,
    act: Act,
    /// Told as done (asserted or reported).
    done: bool,
    denied: bool,
    /// The days it may have happened on: its date, or for a mention the
    /// text does not date the [`RECENT`] days before its article and,
    /// for what is not done, any day after.
    first: NaiveDate,
    last: NaiveDate,
    actors: Who,
    targets: Who,
    place: Option<String>,
    /// Stems of the words of its title, names and place, without the
    /// words of its trigger: what it says beside the act.
    words: Vec<u64>,
    /// Dated by its text.
    dated: bool,
    /// Names no actor, target or place: says nothing but the act.
    bare: bool,
    /// The sentences it is told in.
    quotes: Vec<Text>,
}

impl Mention {
    fn of(e: &Event, act: Act) -> Mention {
        let undated = e.tags.iter().any(|t| t == "undated");
        let week_before = |day: NaiveDate| {
            day.checked_sub_days(chrono::Days::new(RECENT as u64))
                .unwrap_or(day)
        };
        let (first, last) = if !undated {
            (e.date.earliest(), e.date.latest())
        } else if e.date.open_end() {
            // `PUBLISHED/..`: not done yet, or planned lately.
            (week_before(e.date.earliest()), e.date.latest())
        } else {
            // `../PUBLISHED`: news reports what is recent.
            (week_before(e.date.latest()), e.date.latest())
        };
        let trigger: Vec<u64> = e
            .sources
            .iter()
            .filter_map(|c| {
                let [b, end] = c.trigger?;
                let [start, _] = c.span?;
                let word: String = c
                    .quote
                    .chars()
                    .skip(b.checked_sub(start)?)
                    .take(end - b)
                    .collect();
                Some(name_stems(&word))
            })
            .flatten()
            .collect();
        let mut words: Vec<u64> = std::iter::once(e.title.as_str())
            .chain(e.actors.iter().chain(&e.targets).map(|a| a.name.as_str()))
            .chain(e.place.as_deref())
            .flat_map(name_stems)
            .filter(|w| !trigger.contains(w))
            .collect();
        words.sort_unstable();
        words.dedup();
        Mention {
            kind: e.kind,
            act,
            done: !e.mode.is_unrealised(),
            denied: e.mode == Mode::Denied,
            first,
            last,
            actors: Who::of(&e.actors),
            targets: Who::of(&e.targets),
            place: e.place.as_deref().map(str::to_lowercase),
            words,
            dated: !undated,
            bare: e.actors.is_empty() && e.targets.is_empty() && e.place.is_none(),
            quotes: e.sources.iter().map(|c| c.quote.clone()).collect(),
        }
    }

    /// Whether something ties the two to one happening. What is not done
    /// (a plan, a threat, a fear) is the prospect an article keeps coming
    /// back to: a word in common besides the act is enough, or no
    /// participant or place in one of them ("to avoid an escalation", "an
    /// escalation of the confrontation with Iran"). What was done is told
    /// of many times over in a report of many happenings ("protesters
    /// returned to the streets", "ElBaradei returns to Egypt"; "the
    /// president has been meeting", "Abbas called Mubarak"): it needs
    /// one sentence (told twice in it, or repeated word for word), a
    /// person or body named in the same role in both, the same place, or
    /// one explicit day for both and a word in common.
    fn anchored(&self, other: &Mention) -> bool {
        let words = self
            .words
            .iter()
            .any(|w| other.words.binary_search(w).is_ok());
        if !self.done {
            return words || self.bare || other.bare;
        }
        let one_day = |m: &Mention| m.dated && m.first == m.last;
        let named = |a: &Who, b: &Who| a.strong.iter().any(|w| b.strong.contains(w));
        self.quotes.iter().any(|q| other.quotes.contains(q))
            || named(&self.actors, &other.actors)
            || named(&self.targets, &other.targets)
            || self.place.is_some() && self.place == other.place
            || one_day(self) && one_day(other) && self.first == other.first && words
    }

    /// Whether two mentions may tell of one happening (see the module's
    /// documentation); links between them are checked apart.
    fn may_be_one(&self, other: &Mention) -> bool {
        self.kind == other.kind
            && self.act.same(&other.act)
            && self.done == other.done
            && self.denied == other.denied
            && self.first <= other.last
            && other.first <= self.last
            && self.anchored(other)
            && !self.actors.other_party(&other.actors)
            && !self.targets.other_target(&other.targets)
            && (self.place.is_none() || other.place.is_none() || self.place == other.place)
    }
}

/// The events of one article with the mentions of one happening merged
/// (see the module's documentation), and its links moved onto them.
/// `acts` gives the act of each event's trigger, by id; an event without
/// one is never merged. Events keep the order of their first mention.
pub fn one_per_happening(
    events: Vec<Event>,
    links: Vec<Link>,
    acts: &HashMap<Text, Act>,
) -> (Vec<Event>, Vec<Link>) {
    let linked: HashSet<(&str, &str)> = links
        .iter()
        .flat_map(|l| {
            [
                (l.from.as_str(), l.to.as_str()),
                (l.to.as_str(), l.from.as_str()),
            ]
        })
        .collect();
    let mentions: Vec<Option<Mention>> = events
        .iter()
        .map(|e| acts.get(&e.id).map(|a| Mention::of(e, a.clone())))
        .collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let Some(m) = m else {
            groups.push(vec![i]);
            continue;
        };
        let joins = |g: &Vec<usize>| {
            g.iter().all(|&j| {
                mentions[j].as_ref().is_some_and(|o| o.may_be_one(m))
                    && !linked.contains(&(events[i].id.as_str(), events[j].id.as_str()))
            })
        };
        match groups.iter_mut().find(|g| joins(g)) {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    if groups.len() == events.len() {
        return (events, links);
    }
    let mut renamed: HashMap<Text, Text> = HashMap::new();
    let merged: Vec<Event> = groups
        .iter()
        .map(|g| {
            let members: Vec<&Event> = g.iter().map(|&i| &events[i]).collect();
            let one = combine(&members);
            for m in &members {
                if m.id != one.id {
                    renamed.insert(m.id.clone(), one.id.clone());
                }
            }
            one
        })
        .collect();
    let links = moved(links, &renamed, &merged);
    // A link end whose links are gone (one to itself, or from an event
    // now dated after its effect) has nothing left to tell.
    let ends: HashSet<&str> = links
        .iter()
        .flat_map(|l| [l.from.as_str(), l.to.as_str()])
        .collect();
    let merged: Vec<Event> = merged
        .into_iter()
        .filter(|e| !e.is_link_end() || ends.contains(e.id.as_str()))
        .collect();
    (merged, links)
}

/// `links` onto the merged events, in their order: none to itself, none
/// twice, never a link and its reverse, none that closes a cycle, and,
/// as across articles, none from an event that now starts after its
/// effect ends (a plan dated by its preparations and a condition that
/// lies ahead: "began preparations to evacuate late last week", "the
/// evacuation will begin if those efforts fail").
fn moved(links: Vec<Link>, renamed: &HashMap<Text, Text>, events: &[Event]) -> Vec<Link> {
    let index: HashMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut kept = super::Acyclic::new(events.len());
    links
        .into_iter()
        .filter_map(|mut l| {
            if let Some(to) = renamed.get(&l.from) {
                l.from = to.clone();
            }
            if let Some(to) = renamed.get(&l.to) {
                l.to = to.clone();
            }
            let (a, b) = (*index.get(l.from.as_str())?, *index.get(l.to.as_str())?);
            (events[a].date.earliest() <= events[b].date.latest() && kept.add(a, b)).then_some(l)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_acts_parse() {
        let acts = Acts::parse(include_str!("acts.toml"), "acts.toml").unwrap();
        assert!(acts.family.contains_key("withdraw"));
    }

    #[test]
    fn a_bad_act_table_is_an_error_with_its_place() {
        let text = include_str!("acts.toml").replace("[families]", "[families]\nverb = []");
        let err = Acts::parse(&text, "a.toml").unwrap_err().to_string();
        assert!(err.contains("a.toml:"), "{err}");
    }

    #[test]
    fn a_noun_names_the_act_of_its_verb() {
        let acts = Acts::shipped();
        for (noun, verb) in [
            ("withdrawal", "withdraw"),
            ("evacuation", "evacuate"),
            ("departure", "depart"),
            ("closure", "close"),
            ("reduction", "reduce"),
            ("accusation", "accuse"),
            ("attack", "attack"),
        ] {
            assert_eq!(acts.of(noun, true).verb, verb, "{noun}");
        }
        assert!(acts
            .of("withdrawal", true)
            .same(&acts.of("evacuate", false)));
        assert!(!acts.of("closure", true).same(&acts.of("withdraw", false)));
    }
}
