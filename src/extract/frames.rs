//! The frame lexicon (`frames.toml`): the lemmas that, placed above or
//! around an event in the parse, make it reported, threatened, planned,
//! feared or denied, carry its roles as a light verb, or link it to
//! another event as cause or effect.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::ExtractError;
use crate::error::toml_error;
use crate::error::Result;
use crate::model::{Kind, Relation, Role};

/// The frame lexicon, as sets and maps of lemmas.
#[derive(Debug, Default)]
pub struct Frames {
    /// Reporting verbs.
    pub reporting: HashSet<String>,
    /// Governors that make what they govern threatened.
    pub threatened: HashSet<String>,
    /// … planned.
    pub planned: HashSet<String>,
    /// … feared.
    pub feared: HashSet<String>,
    /// … denied.
    pub denied: HashSet<String>,
    /// Verbs of putting a question to a speaker.
    pub asked: HashSet<String>,
    /// Governors whose subject acts what they govern.
    pub own: HashSet<String>,
    /// Future auxiliaries.
    pub future: HashSet<String>,
    /// Hypothetical auxiliaries.
    pub hypothetical: HashSet<String>,
    /// Conditional subordinators.
    pub conditional: HashSet<String>,
    /// Participles and adjectives of a happening still to come
    /// ("planned", "scheduled").
    pub scheduled: HashSet<String>,
    /// Light verbs.
    pub light: HashSet<String>,
    /// Verbs that name no happening of their own.
    pub weak: HashSet<String>,
    /// Causal verbs.
    pub causal_verbs: HashMap<String, Relation>,
    /// Causal and temporal subordinators.
    pub marks: HashMap<String, Relation>,
    /// Causal and temporal prepositions, as lower-case words.
    pub cases: Vec<(Vec<String>, Relation)>,
    /// Kinds after which the limited prepositions name a cause.
    pub case_kinds: HashSet<Kind>,
    /// Prepositions that name a cause only after `case_kinds`.
    pub limited_cases: HashSet<String>,
    /// Prepositions that, after `aimed_kinds`, name a target unless an
    /// event follows ("military action against pro-Iranian forces").
    pub aimed_cases: HashSet<String>,
    /// The kinds after which `aimed_cases` name a target.
    pub aimed_kinds: HashSet<Kind>,
    /// Participles that give a result.
    pub results: HashSet<String>,
    /// Verbs of death and injury.
    pub harm: HashSet<String>,
    /// The prepositions and subordinator that give a harm's cause.
    pub harm_cases: HashSet<String>,
    /// Nouns that name a happening, whatever its kind.
    pub happenings: HashSet<String>,
    /// Nouns the pair scorer may link.
    pub eventive: HashSet<String>,
    /// Endings of nouns the pair scorer may link.
    pub eventive_suffixes: Vec<String>,
    /// Signal words between a cause and its effect.
    pub signals: HashSet<String>,
    /// Temporal subordinators and prepositions whose order the pair
    /// scorer may read as a cause.
    pub yielding: HashSet<String>,
    /// Relative adverbs of a clause that describes a place ("where"): the
    /// pair scorer links nothing in it to anything outside it.
    pub settings: HashSet<String>,
    /// The relation of a purpose clause (`None` only in an empty table).
    pub purpose: Option<Relation>,
    /// How announced acts become intentions and demands.
    pub intent: Intent,
    /// Which words make a dependent a target or a place.
    pub roles: RoleWords,
    /// The `[halting]` table.
    pub halting: ActOn,
    /// The `[easing]` table.
    pub easing: ActOn,
    /// The `[posture]` table.
    pub posture: ActOn,
    /// The `[withdrawing]` table.
    pub withdrawing: Withdrawing,
    /// The `[noise]` table.
    pub noise: Noise,
    /// The `[states]` table.
    pub states: States,
    /// The `[senses]` table.
    pub senses: Senses,
    /// The `[dating]` table.
    pub dating: Dating,
}

/// The `[dating]` table: which words let one clause or phrase share
/// another's date, and which keep them apart.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dating {
    /// Subordinators of a clause of the same moment as its main clause
    /// ("died last Monday when two rockets hit").
    pub simultaneous: HashSet<String>,
    /// Prepositions of a noun event at another time than the act it
    /// modifies ("rallied Friday against the crackdown").
    pub apart: HashSet<String>,
    /// Nouns whose event modifier is at another time than they are ("the
    /// anniversary of a demonstration", "in support of the uprising").
    pub relating: HashSet<String>,
}

/// The `[states]` table: states and developments told as verbs or nouns
/// ("anger is deepening", "as they savored the scene", "the crisis"),
/// which are no happenings.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct States {
    /// Verbs of gradual change ("deepen", "mount", "gather").
    pub change: HashSet<String>,
    /// Nouns of feelings, moods and conditions ("anger", "momentum",
    /// "economy"): a change verb with one as subject or object is a
    /// development; one of no known kind is a state.
    pub conditions: HashSet<String>,
    /// Nouns of progress: a change verb that gains one is a development
    /// ("gathering momentum").
    pub progress: HashSet<String>,
    /// Verbs of a lasting attitude or condition ("savor", "struggle").
    pub stative: HashSet<String>,
    /// Prepositions that give a stative verb an opponent: then it is an
    /// act ("struggled with the police").
    pub opposing: HashSet<String>,
    /// Adverbs of a standing fact ("has long backed", "widely
    /// discredited").
    pub standing: HashSet<String>,
    /// Prepositions of a circumstance that goes on around an act ("amid
    /// mounting criticism"): their noun takes no day from the act.
    pub around: HashSet<String>,
    /// Verbs of meeting a condition ("face"): with a condition for object
    /// they tell a state.
    pub facing: HashSet<String>,
    /// Verbs of knowing ("recognize", "realize"): with a clause for
    /// complement they tell what someone knows.
    pub knowing: HashSet<String>,
    /// Verbs of regarding ("consider", "regard"): with a predicate for
    /// complement they tell an opinion.
    pub regarding: HashSet<String>,
    /// Verbs of holding a role ("lead", "rule", "head"): in the present,
    /// the present perfect or over a span of time they tell what someone
    /// is.
    pub held: HashSet<String>,
    /// Verbs of naming ("call", "dub"): giving something a name or a
    /// description is no act.
    pub naming: HashSet<String>,
}

/// The `[senses]` table: verbs whose sense, and so kind, turns on what
/// they take ("fired his cabinet" dismisses, "fired shots" attacks).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Senses {
    /// The kind a verb has when its object is a name or names people.
    pub named: HashMap<String, Kind>,
    /// The kind a verb has with no object.
    pub intransitive: HashMap<String, Kind>,
}

/// The `[noise]` table: words of constructions that report no event.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Noise {
    /// Verbs whose `to` infinitive is owed, not done ("need to").
    pub obliged: HashSet<String>,
    /// Words that make an infinitive a question ("how to").
    pub questions: HashSet<String>,
    /// Determiners that negate a verb's object ("gave no indication").
    pub negators: HashSet<String>,
    /// Nouns that name a thing or people, never a happening ("banks").
    pub things: HashSet<String>,
    /// Governors of wanting, trying or being able: what they govern is
    /// wished, not decided ("want to protect").
    pub wished: HashSet<String>,
    /// Kinds of act a purpose clause performs by the act it is the
    /// purpose of ("marched to demand").
    pub performed: HashSet<Kind>,
    /// Prepositions of a topic ("talk about the protests").
    pub topics: HashSet<String>,
    /// Kinds of act done by saying: in the present, said now.
    pub verbal: HashSet<Kind>,
    /// Verbs whose object is averted, no fact ("avoid an escalation").
    pub averted: HashSet<String>,
    /// Adverbs of frequency: a present with one tells of repeated
    /// happenings ("routinely beat").
    pub frequency: HashSet<String>,
    /// Words of accusing: the act someone is accused of is the
    /// accusation's content, not a happening reported ("accuses Tehran of
    /// supporting groups").
    pub accusing: HashSet<String>,
    /// Governors whose complement did not happen: refusing, failing,
    /// being unable ("refused to leave", "failed to stop the attacks").
    pub undone: HashSet<String>,
    /// Prepositions of what an act comes after or during: their noun
    /// is a fact ("after al-Aryan's arrest").
    pub circumstance: HashSet<String>,
    /// Verbs of perceiving: the seer does nothing ("heard shots").
    pub perception: HashSet<String>,
    /// Governors of asking others: what they ask is no happening
    /// ("called for Mubarak to step down").
    pub asked_of: HashSet<String>,
    /// Verbs and nouns of opinion: a future or conditional act under one
    /// is a forecast ("believes the army will step in").
    pub opinion: HashSet<String>,
    /// Subordinators of time: a conjoined clause with one of its own is
    /// not dated by its sibling ("…, and he threw them in jail when…").
    pub temporal: HashSet<String>,
}

/// A table of verbs (or nouns) that act on an act of some kinds: the
/// `[halting]` table (ending an act of cooperation is a sanction), the
/// `[easing]` table (ending a military act is a retreat) and the
/// `[posture]` table (preparing an attack is a mobilization).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActOn {
    /// The verbs and nouns, with their particle ("break off", "gear up").
    pub lemmas: HashSet<String>,
    /// The kinds of the acts they act on.
    pub kinds: HashSet<Kind>,
    /// Nouns they act on, whatever kind the triggers give them
    /// ("blockade", "siege").
    #[serde(default)]
    pub objects: HashSet<String>,
}

/// The `[withdrawing]` table: closing or drawing down a presence
/// ("closed its embassy", "the departure of diplomats") is a retreat.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawing {
    /// The verbs, with their particle ("draw down"); a noun counts by
    /// its verb ("closure": close).
    pub lemmas: HashSet<String>,
    /// Nouns of a presence: what is closed or drawn down ("embassy",
    /// "troops").
    pub presences: HashSet<String>,
}

/// The `[roles]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleWords {
    /// Prepositions that make an oblique a target.
    pub target_cases: Vec<String>,
    /// Prepositions that make an oblique a place.
    pub place_cases: Vec<String>,
    /// Prepositions of whom a verb calls on to do what its infinitive
    /// says ("called on the army to protect"): the infinitive's doer.
    pub called_cases: Vec<String>,
    /// Lemmas of the verbs that call on someone so ("call", "prevail").
    pub callers: HashSet<String>,
    /// Kinds of act done to a place: with no other target, the place is
    /// the target.
    pub place_targets: HashSet<Kind>,
    /// Lemmas of obstruction, a protest when people do it.
    pub civil_obstruction: HashSet<String>,
    /// The roles of people (not a state) who obstruct in protest.
    pub civil_roles: HashSet<Role>,
    /// Kinds of act that move one's own forces: an object the actor owns
    /// ("withdrew its troops") is what moves, not a target.
    pub own_forces: HashSet<Kind>,
    /// Prepositions of what an act of `own_forces` leaves ("withdrew
    /// from Lebanon"): a target.
    pub left_cases: Vec<String>,
    /// Endings of plural nouns that name people by what they do
    /// ("looters", "protesters", "activists"): with a place, such a noun
    /// names a group there, not the place's country.
    pub person_endings: Vec<String>,
    /// Lemmas of counts and collectives whose `of` phrase names the people
    /// ("thousands of workers", "a group of activists").
    pub quantities: HashSet<String>,
    /// Lemmas of nouns that name people as such ("people", "man"):
    /// civilians when they act or are acted on.
    pub people: HashSet<String>,
    /// Lemmas of nouns of people of no role of the actor dictionary
    /// ("organizers", "leaders").
    pub persons: HashSet<String>,
    /// Lemmas of nouns of acts done to someone: the possessor is the
    /// target ("al-Aryan's arrest").
    pub patient_nouns: HashSet<String>,
    /// Prepositions by which a verb puts someone in an act of
    /// `patient_nouns` ("placed under arrest").
    pub held_cases: Vec<String>,
    /// Lemmas of nouns of acts whose `of` phrase is the doer ("the
    /// resignation of Mubarak").
    pub doer_nouns: HashSet<String>,
    /// Lemmas of nouns of what crowds do ("protests", "a rally"): with no
    /// one named, protesters do it.
    pub crowd_acts: HashSet<String>,
    /// Lemmas of verbs whose subject undergoes the act ("five died"): a
    /// target, not an actor.
    pub undergoers: HashSet<String>,
    /// Prepositions of the two sides of a mutual act ("clashes between
    /// police and protesters"): the first acts, the others are acted on.
    pub mutual_cases: Vec<String>,
    /// Words of an office, whose `of` phrase names whom it serves
    /// ("President of Egypt"); any other capitalised word's `of` phrase is
    /// a piece of a longer name ("University of Michigan").
    pub offices: HashSet<String>,
}

/// The `[intent]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intent {
    /// Auxiliaries of an announced act.
    pub auxiliaries: HashSet<String>,
    /// Adjectives that announce an act ("willing to").
    pub adjectives: HashSet<String>,
    /// Kinds that become `agree`.
    pub agree: HashSet<Kind>,
    /// Kinds that become `threaten`.
    pub threaten: HashSet<Kind>,
    /// Subordinators that make any announced act a threat.
    pub unless: HashSet<String>,
    /// Auxiliaries of obligation: a demand.
    pub obligation: HashSet<String>,
    /// Kinds whose negated act is a refusal, a rejection.
    pub refused: HashSet<Kind>,
    /// Verbs of promising, whose kind is the promised act's intent.
    pub commissive: HashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    reporting: Lemmas,
    modes: Modes,
    light: Lemmas,
    weak: Lemmas,
    causal: Causal,
    intent: Intent,
    roles: RoleWords,
    halting: ActOn,
    easing: ActOn,
    posture: ActOn,
    withdrawing: Withdrawing,
    noise: Noise,
    states: States,
    senses: Senses,
    dating: Dating,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lemmas {
    lemmas: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Modes {
    threatened: Vec<String>,
    planned: Vec<String>,
    feared: Vec<String>,
    denied: Vec<String>,
    asked: Vec<String>,
    own: Vec<String>,
    future: Vec<String>,
    hypothetical: Vec<String>,
    conditional: Vec<String>,
    scheduled: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Causal {
    verbs: HashMap<String, Relation>,
    marks: HashMap<String, Relation>,
    cases: HashMap<String, Relation>,
    case_kinds: Vec<Kind>,
    limited_cases: Vec<String>,
    aimed_cases: Vec<String>,
    aimed_kinds: Vec<Kind>,
    results: Vec<String>,
    harm: Vec<String>,
    harm_cases: Vec<String>,
    happenings: Vec<String>,
    signals: Vec<String>,
    #[serde(default)]
    yielding: Vec<String>,
    settings: Vec<String>,
    eventive: Vec<String>,
    eventive_suffixes: Vec<String>,
    purpose: Relation,
}

fn set(list: Vec<String>) -> HashSet<String> {
    list.into_iter().map(|w| w.to_lowercase()).collect()
}

impl Frames {
    /// Whether a noun's lemma names a happening or a change of state: one
    /// of the `happenings` or `eventive` words, or ending in one of the
    /// `eventive_suffixes` ("closure", "suspension").
    pub fn eventive_noun(&self, lemma: &str) -> bool {
        self.eventive.contains(lemma)
            || self.happenings.contains(lemma)
            || self
                .eventive_suffixes
                .iter()
                .any(|x| lemma.len() > x.len() + 2 && lemma.ends_with(x.as_str()))
    }

    /// The shipped frame lexicon, parsed once.
    pub fn shipped() -> &'static Frames {
        static FRAMES: OnceLock<Frames> = OnceLock::new();
        FRAMES.get_or_init(|| crate::error::shipped(Frames::load_shipped()))
    }

    /// Parses the shipped frame lexicon: what is wrong with it, located.
    pub fn load_shipped() -> Result<Frames> {
        Frames::parse(include_str!("frames.toml"), "src/extract/frames.toml")
    }

    /// Parses a frame lexicon; an unknown key or a bad value is an error
    /// with its position.
    pub fn parse(text: &str, path: &str) -> Result<Frames> {
        let file: File = toml::from_str(text).map_err(|e| {
            ExtractError::Lexicon(vec![toml_error(path, text, 0, &e, |m| {
                format!("bad frame lexicon: {m}")
            })
            .with_help("see the comments of the shipped src/extract/frames.toml")])
        })?;
        let mut cases: Vec<(Vec<String>, Relation)> = file
            .causal
            .cases
            .into_iter()
            .map(|(k, r)| (k.split_whitespace().map(str::to_lowercase).collect(), r))
            .collect();
        // Longest phrases first, then by words, so that matching is
        // deterministic and "in protest against" wins over "against".
        cases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        Ok(Frames {
            reporting: set(file.reporting.lemmas),
            threatened: set(file.modes.threatened),
            planned: set(file.modes.planned),
            feared: set(file.modes.feared),
            denied: set(file.modes.denied),
            asked: set(file.modes.asked),
            own: set(file.modes.own),
            future: set(file.modes.future),
            hypothetical: set(file.modes.hypothetical),
            conditional: set(file.modes.conditional),
            scheduled: set(file.modes.scheduled),
            light: set(file.light.lemmas),
            weak: set(file.weak.lemmas),
            causal_verbs: file.causal.verbs,
            marks: file.causal.marks,
            cases,
            case_kinds: file.causal.case_kinds.into_iter().collect(),
            limited_cases: set(file.causal.limited_cases),
            aimed_cases: set(file.causal.aimed_cases),
            aimed_kinds: file.causal.aimed_kinds.into_iter().collect(),
            results: set(file.causal.results),
            harm: set(file.causal.harm),
            harm_cases: set(file.causal.harm_cases),
            happenings: set(file.causal.happenings),
            signals: set(file.causal.signals),
            yielding: set(file.causal.yielding),
            settings: set(file.causal.settings),
            eventive: set(file.causal.eventive),
            eventive_suffixes: file.causal.eventive_suffixes,
            purpose: Some(file.causal.purpose),
            intent: file.intent,
            roles: file.roles,
            halting: file.halting,
            easing: file.easing,
            posture: file.posture,
            withdrawing: file.withdrawing,
            noise: file.noise,
            dating: file.dating,
            states: file.states,
            senses: file.senses,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_frames_parse() {
        let f = Frames::parse(include_str!("frames.toml"), "frames.toml").unwrap();
        assert!(f.reporting.contains("say"));
        assert_eq!(f.cases[0].0.len(), 4, "longest first: {:?}", f.cases[0]);
    }

    #[test]
    fn an_unknown_key_is_an_error_with_its_line() {
        let text = include_str!("frames.toml").replace("[light]", "[light]\nlemma = []");
        let err = Frames::parse(&text, "f.toml").unwrap_err().to_string();
        assert!(err.contains("f.toml:"), "{err}");
    }
}
