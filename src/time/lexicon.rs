//! The tagger's lexicon, read once from `lexicon.toml`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::tense::Tense;
use crate::error::Diagnostic;
use crate::model::Season;
use crate::text::WordMap;
use crate::time::calendar::Modifier;

/// What one lowercase word can mean; a word may mean several things
/// ("second" is an ordinal and a unit, "may" a month and a modal verb).
#[derive(Debug, Clone, Default)]
pub struct Lex {
    /// Month number.
    pub month: Option<u32>,
    /// ISO weekday, Monday = 1.
    pub weekday: Option<u32>,
    /// Cardinal number.
    pub number: Option<u32>,
    /// A vague amount ("several").
    pub vague: bool,
    /// Ordinal; -1 for "last".
    pub ordinal: Option<i32>,
    /// TIMEX3 unit.
    pub unit: Option<Unit>,
    /// The season the word names.
    pub season: Option<Season>,
    /// The part of a day the word names.
    pub day_part: Option<DayPart>,
    /// A word that places a period from now or from the story: "last",
    /// "this", "next", "previous", "following".
    pub placer: Option<Placer>,
    /// A word after an amount of time that counts it from a point: "ago",
    /// "later", "before".
    pub counter: Option<Counter>,
    /// A word that picks a part of a period: "early", "mid", "the end of".
    pub modifier: Option<ModifierWord>,
    /// "a.m." or "p.m.".
    pub meridiem: Option<Meridiem>,
    /// The hour a word names on the clock: "noon", "midnight".
    pub clock_hour: Option<u32>,
    /// A time zone written after a clock time.
    pub zone: Option<Zone>,
    /// A day named by its distance from today: "yesterday" is -1.
    pub day_offset: Option<i64>,
    /// A word that says how often: "daily", "nightly".
    pub frequency: Option<Frequency>,
    /// The first year of a decade named by a word ("the eighties").
    pub decade: Option<i32>,
    /// The century a number word stands for at the head of a year said
    /// aloud: 1900 for "nineteen" ("nineteen ninety").
    pub spoken_century: Option<i32>,
    /// PRESENT_REF, PAST_REF or FUTURE_REF.
    pub reference: Option<Reference>,
    /// Which way the word makes its sentence look.
    pub tense: Option<Tense>,
    /// How the word bounds the time after it ("until", "since", "by").
    pub bound: Option<Bound>,
    /// The kind of happening the word names, for "the day after the
    /// shooting".
    pub happening: Option<&'static str>,
}

/// A TIMEX3 unit code, as the lexicon may write it.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Unit {
    /// Second.
    S,
    /// Minute.
    MIN,
    /// Hour.
    H,
    /// Day.
    D,
    /// Week.
    W,
    /// Weekend.
    WE,
    /// Fortnight.
    FN,
    /// Month.
    M,
    /// Quarter.
    Q,
    /// Year.
    Y,
    /// Decade.
    DE,
    /// Century.
    CE,
}

impl Unit {
    /// How many of this unit make one `big`, where that is a whole number
    /// ("24 hours a day", "seven days a week", "365 days a year").
    pub fn per(self, big: Unit) -> Option<u32> {
        match (self, big) {
            (Unit::S, Unit::MIN) | (Unit::MIN, Unit::H) => Some(60),
            (Unit::H, Unit::D) => Some(24),
            (Unit::D, Unit::W) => Some(7),
            (Unit::D, Unit::Y) => Some(365),
            (Unit::W, Unit::Y) => Some(52),
            (Unit::M, Unit::Y) => Some(12),
            (Unit::Q, Unit::Y) => Some(4),
            _ => None,
        }
    }

    /// The code as TIMEX3 values write it.
    pub fn code(self) -> &'static str {
        match self {
            Unit::S => "S",
            Unit::MIN => "MIN",
            Unit::H => "H",
            Unit::D => "D",
            Unit::W => "W",
            Unit::WE => "WE",
            Unit::FN => "FN",
            Unit::M => "M",
            Unit::Q => "Q",
            Unit::Y => "Y",
            Unit::DE => "DE",
            Unit::CE => "CE",
        }
    }
}

/// A part-of-day code: morning, midday, afternoon, evening, night.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum DayPart {
    /// Morning.
    MO,
    /// Midday.
    MI,
    /// Afternoon.
    AF,
    /// Evening.
    EV,
    /// Night.
    NI,
    /// Daytime.
    DT,
}

/// A word's reference to the present, the past or the future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[allow(non_camel_case_types)]
pub enum Reference {
    /// "now", "currently".
    PRESENT_REF,
    /// "recently", "formerly".
    PAST_REF,
    /// "soon", "future".
    FUTURE_REF,
}

/// Which way a placing or counting word looks from where it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Toward {
    /// Before: "last week", "two days ago".
    Back,
    /// The one under way: "this week".
    Same,
    /// After: "next week", "two days later".
    Ahead,
}

impl Toward {
    /// -1, 0 or 1 units of the way.
    pub fn sign(self) -> i32 {
        match self {
            Toward::Back => -1,
            Toward::Same => 0,
            Toward::Ahead => 1,
        }
    }
}

/// What a placing or counting word counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The reference date: "last week", "two days ago".
    #[default]
    Now,
    /// The last time the text told of: "the previous week", "two days
    /// later".
    Told,
}

/// A word that places a period: "last", "this", "next", "previous".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placer {
    /// Which way it looks.
    pub toward: Toward,
    /// What it counts from.
    #[serde(default)]
    pub from: Origin,
    /// A stretch that reaches to now rather than a calendar unit: "the
    /// past week" is seven days, "last week" a calendar week.
    #[serde(default)]
    pub stretch: bool,
}

/// A word after an amount of time that counts it from a point: "ago",
/// "later", "before the shooting".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counter {
    /// Which way it counts.
    pub toward: Toward,
    /// What it counts from.
    #[serde(default)]
    pub from: Origin,
    /// A preposition, whose object may name what it counts from ("ten
    /// days before the shooting").
    #[serde(default)]
    pub object: bool,
}

/// How a word bounds the time written after it (`[bounds]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// "until", "till": a state lasts up to it.
    Until,
    /// "since": a state has lasted from it.
    Since,
    /// "before": what is told lies ahead of it.
    Before,
    /// "by", "through", "effective": a deadline, or a start.
    By,
}

/// How a modifying word stands before its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// Right before it: "early 2020", "mid-2020".
    #[default]
    Adjective,
    /// Also as "the end of", "the beginning of".
    Noun,
    /// Only before "this", "that" or "in": "earlier this year".
    Comparative,
}

/// A word that picks a part of a period ("early", "the end of").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModifierWord {
    /// The part it picks (START, MID, END).
    pub part: Modifier,
    /// How it stands before its period.
    #[serde(default)]
    pub form: Form,
}

/// Before or after noon on the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Meridiem {
    /// Before noon.
    Am,
    /// After noon.
    Pm,
}

/// A time zone after a clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    /// Universal time, which TIMEX3 writes `Z`.
    Utc,
    /// Another zone, read as part of the expression and not written.
    Named,
}

/// What a word of frequency repeats: a unit ("daily") or a part of each
/// day ("nightly").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Frequency {
    /// Once a unit.
    Unit(Unit),
    /// That part of every day.
    Part(DayPart),
}

impl DayPart {
    /// The code as TIMEX3 values write it.
    pub fn name(self) -> &'static str {
        match self {
            DayPart::MO => "MO",
            DayPart::MI => "MI",
            DayPart::AF => "AF",
            DayPart::EV => "EV",
            DayPart::NI => "NI",
            DayPart::DT => "DT",
        }
    }
}

impl Reference {
    /// The value as TIMEX3 writes it.
    pub fn name(self) -> &'static str {
        match self {
            Reference::PRESENT_REF => "PRESENT_REF",
            Reference::PAST_REF => "PAST_REF",
            Reference::FUTURE_REF => "FUTURE_REF",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    numbers: HashMap<String, u32>,
    vague_numbers: HashMap<String, bool>,
    ordinals: HashMap<String, i32>,
    units: HashMap<String, Unit>,
    seasons: HashMap<String, Season>,
    day_parts: HashMap<String, DayPart>,
    references: HashMap<String, Reference>,
    placers: HashMap<String, Placer>,
    counters: HashMap<String, Counter>,
    modifiers: HashMap<String, ModifierWord>,
    meridiems: HashMap<String, Meridiem>,
    clock_hours: HashMap<String, u32>,
    time_zones: HashMap<String, Zone>,
    days_from_today: HashMap<String, i64>,
    frequencies: HashMap<String, Frequency>,
    decades: HashMap<String, i32>,
    spoken_centuries: HashMap<String, i32>,
    tense_cues: HashMap<String, Tense>,
    bounds: HashMap<String, Bound>,
    happenings: HashMap<String, String>,
    word_sets: WordSets,
    holidays: HashMap<String, String>,
    phrases: HashMap<String, Reference>,
}

/// A set of words: FxHash, since the grammar asks several sets about
/// every token of every text.
pub type WordSet = rustc_hash::FxHashSet<String>;

/// Sets of words the rules ask about by name (`[word_sets]`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordSets {
    /// Nouns after a number that make it a count, not a year.
    pub counted_nouns: WordSet,
    /// Adjectives that belong to an amount of time ("five trading days").
    pub counting_adjectives: WordSet,
    /// What "today's" speaks of when it means the present age.
    pub generic_now: WordSet,
    /// Verbs of saying, whose date is the saying's.
    pub reporting: WordSet,
    /// Kinds of year that are still the year ("this fiscal year").
    pub year_kinds: WordSet,
    /// Words of wholeness between "the" and its period: "the full year",
    /// "the entire year" are the period itself.
    pub wholes: WordSet,
    /// Month names that are also common words ("may", "march"): a month
    /// only when capitalised and introduced.
    pub ambiguous_months: WordSet,
    /// Words before an ambiguous month name that make it a month ("in
    /// May", "since March").
    pub month_introducers: WordSet,
    /// Words that follow a head noun rather than a modifier: "the March
    /// on Washington" is a march, "the March elections" a month.
    pub after_a_noun: WordSet,
    /// Words before a number that make it a year ("in 1990", "since 1990").
    pub year_introducers: WordSet,
    /// Possessives: "in his 30s" is an age.
    pub possessives: WordSet,
    /// Determiners before the name of a happening ("the shooting").
    pub determiners: WordSet,
    /// Words of amount before "a year": "$5 million a year" is a rate.
    pub amounts: WordSet,
    /// Words ending in "s" that are no plural noun counted "a week".
    pub not_plural: WordSet,
    /// Modal verbs: "will one day" is some day ahead.
    pub modals: WordSet,
    /// Adjectives that place a stretch of unsaid length ("the following
    /// days", "the intervening years").
    pub placing_adjectives: WordSet,
    /// Words before a bare plural unit that make it a length ("for years").
    pub length_introducers: WordSet,
    /// Words before a bare hour that make it a clock time ("at 8").
    pub clock_introducers: WordSet,
    /// Words that make what follows approximate ("about two weeks").
    pub approximators: WordSet,
    /// Words that join two dates into a list or a range ("2009 and
    /// 2010", "1957-58", "from October to March").
    pub joiners: WordSet,
    /// Words for the era before year 1, after a year ("493 BC").
    pub before_era: WordSet,
    /// Words that put one happening after another ("soon after the war",
    /// "soon afterwards"): "soon" before them measures the gap between
    /// two happenings and refers to no time of its own.
    pub sequels: WordSet,
    /// Words that make a period the counterpart of the one the text
    /// named ("the same quarter a year ago", "the corresponding period").
    pub counterparts: WordSet,
    /// Words that make a period the last one reported ("the latest
    /// quarter").
    pub latest: WordSet,
    /// Participles after a period that name its last day ("the quarter
    /// ended July 31").
    pub period_ends: WordSet,
    /// Words of how many times, before the period of a rate ("twice a
    /// week").
    pub multiples: WordSet,
    /// Adjectives that count periods one after another ("five straight
    /// quarters").
    pub in_a_row: WordSet,
    /// Words that make a set of every period they name ("every week").
    pub distributives: WordSet,
    /// Prepositions that put a bare plural of long units over a stretch
    /// ("over the years").
    pub span_introducers: WordSet,
    /// Words after a plural unit that tie it to a point ("the years before
    /// the war").
    pub tied_by: WordSet,
    /// Words before "until" that make it look back ("not until Tuesday").
    pub until_behind: WordSet,
    /// Words before "through" that close a span to date ("this year
    /// through August").
    pub to_date: WordSet,
    /// Words between "as" and a time that make it the earliest one ("as
    /// soon as Tuesday").
    pub earliest: WordSet,
    /// Verbs whose past tense is written as their present ("rockets hit
    /// the embassy on Sunday"): a present tag on them tells no fixture.
    pub unchanged_pasts: WordSet,
    /// Past tenses of implicative verbs ("came to visit", "had to
    /// resign", "managed to leave"): their infinitive happened when they
    /// did, so it does not look ahead.
    pub implicatives: WordSet,
    /// Auxiliaries of the present perfect ("has closed"): what happened.
    pub present_perfect: WordSet,
    /// Auxiliaries of the past perfect ("had closed"): a past before the
    /// past.
    pub past_perfect: WordSet,
    /// Words after "or" that make an amount approximate ("in a year or
    /// two", "a week or so ago").
    pub approximate_tails: WordSet,
    /// Words for the time of speaking that a length counts from ("a week
    /// from now").
    pub now_words: WordSet,
    /// Words after a number that make it an amount ("2000 percent").
    pub amount_marks: WordSet,
    /// Signs of money before a number ("$2000").
    pub currency_signs: WordSet,
    /// References that are nouns only after "the" ("the past").
    pub article_nouns: WordSet,
    /// Words between a bound and its time beside modifiers ("by the end
    /// of").
    pub bound_fillers: WordSet,
    /// Words that join a modifier to its period ("end-2013", "the end of
    /// 2020").
    pub modifier_links: WordSet,
    /// Words before the first month of a range ("from October to March").
    pub range_openers: WordSet,
    /// Words that close a range at the time after them ("from Friday until
    /// Saturday", "from Thursday to Saturday"): its end follows its start.
    pub range_ends: WordSet,
    /// Verbs whose particle "by" is no deadline ("guards stand by Friday",
    /// "will stop by Friday"): the day after it is the verb's, as its
    /// tense says.
    pub by_particles: WordSet,
    /// Words before a clock time that make it the page's time stamp
    /// ("(Updated 5:31 p.m.)"): the time of writing, not of what the
    /// entry tells, and no day for the story to follow.
    pub stamps: WordSet,
    /// Words after a comparative modifier that make it one ("earlier this
    /// year", "later that month", "later in the week").
    pub comparative_frames: WordSet,
    /// Words that join a noun modifier without its article to its period
    /// ("end-2013", "by end of next week").
    pub noun_links: WordSet,
    /// Words before "day" that make it some day after a modal ("will one
    /// day be").
    pub some_day: WordSet,
    /// Words before "a while" that make it a stretch of no stated length
    /// ("for a while").
    pub while_introducers: WordSet,
    /// Words of exclamation before an article ("what a difference a day
    /// makes"): the noun after them is no thing counted per period.
    pub exclamatives: WordSet,
    /// Words with no meaning of their own in the lexicon that a rule
    /// starts from ("the", "that"): see [`Tables::openers`].
    pub rule_openers: WordSet,
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Where the shipped lexicon is, for messages.
const PATH: &str = "src/time/lexicon.toml";

/// The tagger's tables: the words by lowercase form, and the holidays.
pub struct Tables {
    /// What each word can mean.
    pub words: WordMap<Lex>,
    /// Holidays by lowercase name, with their rule.
    pub holidays: HashMap<String, String>,
    /// The first words of holiday names.
    pub holiday_starts: HashSet<String>,
    /// Sets of words the rules ask about by name.
    pub sets: WordSets,
    /// Phrases that refer by themselves, by their first word: their
    /// words, longest first, and what they refer to.
    pub phrases: Phrases,
    /// The words without a meaning in the lexicon that an expression can
    /// start with: `rule_openers`, the other sets a rule asks about its
    /// first word (`year_kinds`, `some_day`, `distributives`) and the
    /// first words of phrases. Any other such word, written small and
    /// of letters only, starts none ([`opens_nothing`]).
    pub openers: WordSet,
}

/// True when token `t` can start no expression: a word written small, of
/// the letters a to z only, with no meaning in the lexicon and none of
/// its [`Tables::openers`]. Most words of a text are such words, and
/// every rule would look at them in vain.
pub fn opens_nothing(t: &super::scan::Token) -> bool {
    t.lex.is_none()
        && !t.capital
        && t.shape == super::scan::Shape::Word
        && t.lower.bytes().all(|b| b.is_ascii_lowercase())
        && !Tables::shipped().openers.contains(&t.lower)
}

/// Phrases by first word: each phrase's words and its reference.
pub type Phrases = HashMap<String, Vec<(Vec<String>, Reference)>>;

/// The words of a phrase as the scanner splits them: "then-current" is
/// "then", "-", "current".
fn phrase_words(phrase: &str) -> Vec<String> {
    let mut words = Vec::new();
    for w in phrase.split_whitespace() {
        for (k, part) in w.split('-').enumerate() {
            if k > 0 {
                words.push("-".to_string());
            }
            if !part.is_empty() {
                words.push(part.to_string());
            }
        }
    }
    words
}

fn phrases_by_first_word(file: &File) -> Phrases {
    let mut by_first = Phrases::new();
    for (phrase, r) in &file.phrases {
        let words = phrase_words(phrase);
        if let Some(first) = words.first() {
            by_first.entry(first.clone()).or_default().push((words, *r));
        }
    }
    for list in by_first.values_mut() {
        list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    }
    by_first
}

impl Tables {
    /// Parses the shipped lexicon: a table that fails to parse, an unknown
    /// table or code, or a holiday rule the calendar cannot read is an
    /// error located in the file, never an empty table.
    pub fn load_shipped() -> Result<Tables, Diagnostic> {
        Tables::parse(PATH, include_str!("lexicon.toml"))
    }

    /// Parses the lexicon `text`, read from `path`.
    pub fn parse(path: &str, text: &str) -> Result<Tables, Diagnostic> {
        let at = |offset: usize| Some(crate::error::FileLines::new(path, text).location(offset));
        let file = toml::from_str::<File>(text).map_err(|e| {
            crate::error::toml_error(path, text, 0, &e, |m| format!("bad time lexicon: {m}"))
                .with_help("see the tables and codes at the top of src/time/lexicon.toml")
        })?;
        if let Some((name, rule)) = file
            .holidays
            .iter()
            .find(|(_, rule)| super::calendar::holiday(rule, 2000).is_none())
        {
            let offset = text.find(&format!("\"{rule}\"")).unwrap_or(0);
            return Err(Diagnostic::error(
                at(offset),
                format!("the holiday `{name}` has a rule the calendar cannot read: `{rule}`"),
            )
            .with_help("write a holiday as \"MM-DD\", \"MM-wkd-N\", \"MM-wkd-last\", \"MM-wkd-after-wkd-N\" or \"easter[-N]\""));
        }
        let holiday_starts = file
            .holidays
            .keys()
            .filter_map(|k| k.split([' ', '\'']).next().map(str::to_string))
            .collect();
        let mut file = file;
        let sets = std::mem::take(&mut file.word_sets);
        let phrases = phrases_by_first_word(&file);
        let openers = [
            &sets.rule_openers,
            &sets.year_kinds,
            &sets.some_day,
            &sets.distributives,
        ]
        .into_iter()
        .flatten()
        .chain(phrases.keys())
        .cloned()
        .collect();
        Ok(Tables {
            openers,
            phrases,
            holidays: file.holidays.clone(),
            holiday_starts,
            sets,
            words: words(file),
        })
    }

    /// The shipped tables, parsed once; the test suite checks that they
    /// parse ([`Tables::load_shipped`] says what is wrong if not).
    pub fn shipped() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(|| crate::error::shipped(Tables::load_shipped()))
    }
}

/// Holidays by lowercase name (words joined by single spaces, the
/// possessive written `'s`), with their rule from `lexicon.toml`.
pub fn holidays() -> &'static HashMap<String, String> {
    &Tables::shipped().holidays
}

/// The first words of holiday names, so that most capitalised words are
/// ruled out with one lookup.
pub fn holiday_starts() -> &'static HashSet<String> {
    &Tables::shipped().holiday_starts
}

/// Phrases that refer by themselves, by their first word.
pub fn phrases() -> &'static Phrases {
    &Tables::shipped().phrases
}

/// The sets of words the rules ask about by name.
pub fn sets() -> &'static WordSets {
    &Tables::shipped().sets
}

/// The lexicon, keyed by lowercase word.
pub fn lexicon() -> &'static WordMap<Lex> {
    &Tables::shipped().words
}

/// Gives each word of `table` its meaning in `map`.
fn fill<V>(map: &mut WordMap<Lex>, table: HashMap<String, V>, set: impl Fn(&mut Lex, V)) {
    for (k, v) in table {
        set(map.entry(k).or_default(), v);
    }
}

fn words(file: File) -> WordMap<Lex> {
    let mut map = WordMap::<Lex>::default();
    let m = &mut map;
    fill(m, file.months, |l, v| l.month = Some(v));
    fill(m, file.weekdays, |l, v| l.weekday = Some(v));
    fill(m, file.numbers, |l, v| l.number = Some(v));
    fill(m, file.vague_numbers, |l, v| l.vague = v);
    fill(m, file.ordinals, |l, v| l.ordinal = Some(v));
    fill(m, file.units, |l, v| l.unit = Some(v));
    fill(m, file.seasons, |l, v| l.season = Some(v));
    fill(m, file.day_parts, |l, v| l.day_part = Some(v));
    fill(m, file.references, |l, v| l.reference = Some(v));
    fill(m, file.placers, |l, v| l.placer = Some(v));
    fill(m, file.counters, |l, v| l.counter = Some(v));
    fill(m, file.modifiers, |l, v| l.modifier = Some(v));
    fill(m, file.meridiems, |l, v| l.meridiem = Some(v));
    fill(m, file.clock_hours, |l, v| l.clock_hour = Some(v));
    fill(m, file.time_zones, |l, v| l.zone = Some(v));
    fill(m, file.days_from_today, |l, v| l.day_offset = Some(v));
    fill(m, file.frequencies, |l, v| l.frequency = Some(v));
    fill(m, file.decades, |l, v| l.decade = Some(v));
    fill(m, file.spoken_centuries, |l, v| l.spoken_century = Some(v));
    fill(m, file.tense_cues, |l, v| l.tense = Some(v));
    fill(m, file.bounds, |l, v| l.bound = Some(v));
    fill(m, file.happenings, |l, v| l.happening = Some(leak(v)));
    map
}

#[cfg(test)]
mod tests {
    use super::Tables;

    /// Parsing `text` fails, and the error names the line that starts with
    /// `line_start`.
    fn assert_error_at(text: &str, line_start: &str, what: &str) {
        let Err(e) = Tables::parse("lexicon.toml", text) else {
            panic!("{what} parsed");
        };
        let line = text
            .lines()
            .position(|l| l.starts_with(line_start))
            .unwrap()
            + 1;
        let at = e.location.as_ref().map(|l| l.to_string());
        assert!(
            at.is_some_and(|at| at.starts_with(&format!("lexicon.toml:{line}:"))),
            "{e}"
        );
    }

    #[test]
    fn a_broken_lexicon_is_an_error_at_its_line() {
        let shipped = include_str!("lexicon.toml");
        let broken = shipped.replacen("[units]\n", "[units]\nfortnite = \"FORTNITE\"\n", 1);
        assert_error_at(&broken, "fortnite", "an unknown unit code");
        // A word set the rules do not know, say a misspelt one, is an
        // error at its line too.
        let misspelt = shipped.replacen("counterparts = [", "counterpart = [", 1);
        assert_error_at(&misspelt, "counterpart =", "an unknown word set");
        // A word set left out is an error at its table, never an empty
        // set: "has closed" would no longer read as a perfect.
        let missing = shipped.replacen("present_perfect = [", "# present_perfect = [", 1);
        assert_error_at(&missing, "[word_sets]", "a missing word set");
        let bad_holiday = format!("{shipped}\"Founders Day\" = \"13-45\"\n");
        assert!(Tables::parse("lexicon.toml", &bad_holiday).is_err());
        assert!(Tables::parse("lexicon.toml", "[months]\njan = 1\n").is_err());
    }

    #[test]
    fn shipped_lexicon_parses() {
        if let Err(e) = Tables::load_shipped() {
            panic!("{e}");
        }
        assert!(super::lexicon().len() > 150);
        assert_eq!(super::lexicon()["sept."].month, Some(9));
    }
}
