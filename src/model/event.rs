//! Events, the sources they come from, and the links between them.
//!
//! These are the plain records of the store, the same in TOML and JSON. They
//! carry no positions in files: the loader keeps those separately so that a
//! record built by the extractor and one read from disk are the same value.

use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::date::EventDate;
use super::kind::Kind;
use super::role::Role;
use super::Text;

/// Whether the source says an event happened, and how.
///
/// Briefings live or die on this: a threat to close an embassy is not a
/// closure, and a feared strike is not a strike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The source states it happened.
    #[default]
    Asserted,
    /// The source reports someone else's account ("officials said").
    Reported,
    /// Someone threatened to do it.
    Threatened,
    /// It is planned or being prepared.
    Planned,
    /// It will happen only if something else does.
    Conditional,
    /// Someone fears it will happen.
    Feared,
    /// Someone denies it happened.
    Denied,
}

impl Mode {
    /// Every mode, in documentation order.
    pub const ALL: [Mode; 7] = [
        Mode::Asserted,
        Mode::Reported,
        Mode::Threatened,
        Mode::Planned,
        Mode::Conditional,
        Mode::Feared,
        Mode::Denied,
    ];

    /// The lowercase name used in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Asserted => "asserted",
            Mode::Reported => "reported",
            Mode::Threatened => "threatened",
            Mode::Planned => "planned",
            Mode::Conditional => "conditional",
            Mode::Feared => "feared",
            Mode::Denied => "denied",
        }
    }

    /// True when the source does not say the event took place: threatened,
    /// planned, conditional, feared or denied.
    pub fn is_unrealised(self) -> bool {
        !matches!(self, Mode::Asserted | Mode::Reported)
    }
}

super::named!(Mode, "mode");

/// How one event bears on another.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// `from` brought `to` about.
    Causes,
    /// `from` made `to` possible without bringing it about.
    Enables,
    /// `from` set off `to`, which was already likely.
    Triggers,
    /// `to` is a response to `from`. Like every link it points from the
    /// earlier event to the later, so the response is the `to` end.
    RespondsTo,
    /// `from` came before `to`; the text states order, not cause.
    Precedes,
    /// `from` stopped `to` from happening.
    Prevents,
}

impl Relation {
    /// Every relation, in documentation order.
    pub const ALL: [Relation; 6] = [
        Relation::Causes,
        Relation::Enables,
        Relation::Triggers,
        Relation::RespondsTo,
        Relation::Precedes,
        Relation::Prevents,
    ];

    /// The kebab-case name used in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Causes => "causes",
            Relation::Enables => "enables",
            Relation::Triggers => "triggers",
            Relation::RespondsTo => "responds-to",
            Relation::Precedes => "precedes",
            Relation::Prevents => "prevents",
        }
    }

    /// True for every relation but `precedes`, which is temporal order only.
    pub fn is_causal(self) -> bool {
        self != Relation::Precedes
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Someone who acts or is acted on: a name, the country it belongs to and
/// the role it plays when known. Written in TOML either as a plain string
/// or as a table `{ name = "Mike Pompeo", country = "USA", role =
/// "government" }`.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(from = "ActorForm")]
pub struct Actor {
    /// The name as a briefing should print it.
    pub name: Text,
    /// ISO 3166-1 alpha-3 code, upper case (`USA`, `IRQ`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Text>,
    /// What the actor is (`government`, `rebels`, `igo`…), as of the
    /// event's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// What a store may write for an actor: a name, or a table. Read by hand
/// rather than as an untagged enum so that a wrong field says what is
/// wrong ("unknown variant `warlords`, expected one of `government`…")
/// instead of "did not match any variant".
#[derive(JsonSchema)]
#[serde(untagged)]
enum ActorForm {
    Name(Text),
    Full(ActorTable),
}

#[derive(Deserialize, JsonSchema)]
#[schemars(inline)]
struct ActorTable {
    name: Text,
    #[serde(default)]
    country: Option<Text>,
    #[serde(default)]
    role: Option<Role>,
}

impl<'de> Deserialize<'de> for ActorForm {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<ActorForm, D::Error> {
        struct Form;
        impl<'de> serde::de::Visitor<'de> for Form {
            type Value = ActorForm;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name, or a table { name, country, role }")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<ActorForm, E> {
                Ok(ActorForm::Name(v.into()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<ActorForm, A::Error> {
                let de = serde::de::value::MapAccessDeserializer::new(map);
                ActorTable::deserialize(de).map(ActorForm::Full)
            }
        }
        d.deserialize_any(Form)
    }
}

impl From<ActorForm> for Actor {
    fn from(f: ActorForm) -> Actor {
        match f {
            ActorForm::Name(name) => Actor {
                name,
                country: None,
                role: None,
            },
            ActorForm::Full(ActorTable {
                name,
                country,
                role,
            }) => Actor {
                name,
                country,
                role,
            },
        }
    }
}

impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// Where an event's claim comes from: a source id and the sentence quoted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The `id` of a [`Source`] in the store.
    pub id: Text,
    /// The sentence the event was read from, verbatim.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub quote: Text,
    /// Where the quote sits in the source's text: `[begin, end)` in Unicode
    /// code points, when known (the extractor records it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
    /// The word the event was read from (its trigger), `[begin, end)` in
    /// code points of the source's text, when the extractor found it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<[usize; 2]>,
}

/// A dated event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Lowercase slug, unique in the store: `[a-z0-9]` words joined by `-`.
    pub id: Text,
    /// When, as an interval with its precision.
    pub date: EventDate,
    /// One line, as a briefing would print it.
    pub title: String,
    /// A longer account, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// What kind of event it is.
    pub kind: Kind,
    /// The CAMEO event code of the verb the extractor read it from
    /// (`0831`, "step down"), when the verb dictionary knows one. Reports
    /// whose codes share a root (`083`) say one act, maybe in other words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Whether it happened or was only threatened, planned, feared...
    #[serde(default)]
    pub mode: Mode,
    /// Who did it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    /// To whom.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Actor>,
    /// Where, as a place name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    /// People killed, when the source gives a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<u32>,
    /// People injured, when the source gives a count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<u32>,
    /// Free-form labels for filtering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The sources that report it, each with the sentence quoted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Citation>,
    /// How sure the store is of the event as recorded, 0 to 1.
    #[serde(default = "full_confidence")]
    pub confidence: f64,
    /// What the reports of a merged event disagree on and merging could
    /// not settle (a date, a casualty count), with the sources on each side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub discrepancies: Vec<Discrepancy>,
}

/// The tag of an event kept only as an end of a causal link: the text
/// gives it as a purpose, a wish, a possibility, a standing state or an
/// effect that has not happened ("locked the door to protect her",
/// "could reopen"), not as a happening. It is a node of the causal graph
/// (`dot`, `why`, `impact` show it, with its mode); the timeline and the
/// brief, which tell what happened, leave it out.
pub const LINK_END: &str = "link-end";

impl Event {
    /// Whether it is only an end of a causal link ([`LINK_END`]), no
    /// happening.
    pub fn is_link_end(&self) -> bool {
        self.tags.iter().any(|t| t == LINK_END)
    }
}

/// A field the reports of one event disagree on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Discrepancy {
    /// The field: `date`, `killed` or `injured`.
    pub field: String,
    /// Each value given, with the ids of the sources that give it.
    pub claims: Vec<Claim>,
}

/// One side of a [`Discrepancy`]: a value and who says it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The value as the store writes it (`2011-02-10`, `12`).
    pub value: String,
    /// Ids of the sources that give it.
    pub sources: Vec<String>,
}

/// An event a person deleted from the store: `annals extract --update`
/// and `annals merge` never bring it back — neither a report with this id
/// nor, when the happening is recorded (kind and date at least), a report
/// from any other article that would merge with it. Written by
/// `extract --update` when it finds an event of an already-extracted
/// article gone; a person may add one by hand too, and removes one to let
/// the happening back.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rejected {
    /// The id of the deleted event (or of one report of it).
    pub id: String,
    /// Its title when it was deleted, for people reading the file and for
    /// matching reports of the same happening.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Its kind; with `date`, what matching reports of it needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// Its CAMEO event code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Its mode (asserted when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<Mode>,
    /// Its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<EventDate>,
    /// The names of its actors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    /// The names of its targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
    /// Its place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

impl Rejected {
    /// The record of `e` deleted: its id and what its happening was.
    pub fn of(e: &Event) -> Rejected {
        let names = |v: &[Actor]| v.iter().map(|a| a.name.to_string()).collect();
        Rejected {
            id: e.id.to_string(),
            title: e.title.clone(),
            kind: Some(e.kind),
            cameo: e.cameo.clone(),
            mode: Some(e.mode),
            date: Some(e.date.clone()),
            actors: names(&e.actors),
            targets: names(&e.targets),
            place: e.place.as_ref().map(Text::to_string),
        }
    }

    /// The deleted happening as an event, for matching reports against it:
    /// `None` when only its id is known (no kind or no date).
    pub fn happening(&self) -> Option<Event> {
        let actor = |n: &String| Actor {
            name: n.into(),
            country: None,
            role: None,
        };
        Some(Event {
            id: self.id.as_str().into(),
            date: self.date.clone()?,
            title: self.title.clone(),
            summary: None,
            kind: self.kind?,
            cameo: self.cameo.clone(),
            mode: self.mode.unwrap_or_default(),
            actors: self.actors.iter().map(actor).collect(),
            targets: self.targets.iter().map(actor).collect(),
            place: self.place.as_deref().map(Text::from),
            killed: None,
            injured: None,
            tags: Vec::new(),
            sources: Vec::new(),
            confidence: 1.0,
            discrepancies: Vec::new(),
        })
    }
}

/// A news article or other document events are drawn from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Slug, unique among sources.
    pub id: String,
    /// Headline.
    #[serde(default)]
    pub title: String,
    /// Publisher.
    #[serde(default)]
    pub outlet: String,
    /// Where it can be read.
    #[serde(default)]
    pub url: String,
    /// Publication date: the reference for the relative dates it contains.
    /// A TOML date (`published = 2020-09-29`) or a string.
    #[serde(deserialize_with = "day_from_toml_or_text")]
    pub published: NaiveDate,
    /// Byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

impl Source {
    /// Who published it: its `outlet`, else the host of its `url` without
    /// `www.` (`https://www.bbc.co.uk/news/1` → `bbc.co.uk`), else empty.
    ///
    /// ```
    /// let s: annals::model::Source =
    ///     toml::from_str("id = \"a\"\nurl = \"https://www.BBC.co.uk:443/news/1\"\npublished = \"2011-02-11\"")?;
    /// assert_eq!(s.publisher(), "BBC.co.uk");
    /// # Ok::<(), toml::de::Error>(())
    /// ```
    pub fn publisher(&self) -> &str {
        let outlet = self.outlet.trim();
        if !outlet.is_empty() {
            return outlet;
        }
        let url = self.url.trim();
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("")
            .rsplit('@')
            .next()
            .unwrap_or("");
        let host = host.split(':').next().unwrap_or("");
        host.strip_prefix("www.").unwrap_or(host)
    }
}

/// A causal or temporal link between two events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The earlier event (the cause).
    pub from: Text,
    /// The later event (the effect).
    pub to: Text,
    /// How `from` bears on `to`.
    pub relation: Relation,
    /// The words that state or imply the link.
    #[serde(default)]
    pub evidence: Text,
    /// The source the evidence is quoted from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// How sure the link is, 0 to 1.
    #[serde(default = "full_confidence")]
    pub confidence: f64,
}

/// Reads a calendar day written either as a TOML date or as a string, so a
/// source written by hand (`published = 2020-09-29`) and one read from JSON
/// mean the same.
fn day_from_toml_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let date = EventDate::deserialize(d)?;
    if date.granularity() != super::date::Granularity::Day || date.certainty().is_qualified() {
        return Err(serde::de::Error::custom(format!(
            "`{date}` is not a calendar day; write the publication date as 2020-09-29"
        )));
    }
    Ok(date.earliest())
}

fn full_confidence() -> f64 {
    1.0
}

/// Everything in a store: sources, events and links, in the order read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Store {
    /// `[[source]]` tables.
    #[serde(default, rename = "source", skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// `[[event]]` tables.
    #[serde(default, rename = "event", skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    /// `[[link]]` tables.
    #[serde(default, rename = "link", skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// `[[rejected]]` tables: events a person deleted, never to come back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejected>,
}

impl Store {
    /// The store without its link ends ([`LINK_END`]) and the links that
    /// touch them: the happenings a timeline or a brief tells.
    pub fn happenings(mut self) -> Store {
        let gone: std::collections::HashSet<Text> = self
            .events
            .iter()
            .filter(|e| e.is_link_end())
            .map(|e| e.id.clone())
            .collect();
        if !gone.is_empty() {
            self.events.retain(|e| !gone.contains(&e.id));
            self.links
                .retain(|l| !gone.contains(&l.from) && !gone.contains(&l.to));
        }
        self
    }
}

/// True for a valid event or source id: lowercase ASCII letters and digits in
/// words joined by single hyphens.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}
