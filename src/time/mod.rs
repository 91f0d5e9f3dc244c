//! Temporal expressions: finding the dates in running text and resolving
//! them against a reference date.
//!
//! Every event's date comes from the words around it: "a week ago", "late
//! last week", "last Monday", "on January 3, 2020". [`tag`] finds such
//! expressions in a whole document in one pass and resolves each to a
//! TIMEX3 value (the annotation standard the evaluation corpora use) and,
//! for dates and times, to the interval the timeline and the graph use.
//!
//! It scans the text once into tokens, looks each word up in a lexicon
//! read once from `lexicon.toml`, and tries a small set of rules at each
//! token that could start an expression; the longest match wins. When the
//! text does not say enough it abstains or leaves the value underspecified
//! rather than invent a day.

mod calendar;
mod grammar;
mod happenings;
pub(crate) mod lexicon;
mod scan;
mod story;
mod tense;

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use crate::model::EventDate;

/// What kind of text is being tagged, which decides what relative
/// expressions count from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocType {
    /// News: relative to the publication date, and past-biased ("Friday"
    /// in a past-tense sentence is the last Friday).
    #[default]
    News,
    /// History-style text: relative to the last day the text mentioned.
    Narrative,
    /// Conversation and social media: relative to the reference date,
    /// without the past bias of news.
    Colloquial,
}

/// What can go wrong in the time layer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// A document type that is not news, narrative or colloquial: what
    /// `FromStr` of [`DocType`] returns.
    #[error("unknown document type `{0}`; use news, narrative or colloquial")]
    UnknownDocType(String),
}

impl FromStr for DocType {
    type Err = TimeError;
    fn from_str(s: &str) -> Result<DocType, TimeError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "news" => Ok(DocType::News),
            "narrative" | "narratives" => Ok(DocType::Narrative),
            "colloquial" => Ok(DocType::Colloquial),
            other => Err(TimeError::UnknownDocType(other.to_string())),
        }
    }
}

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// An amount of time.
    Duration,
    /// A recurring time.
    Set,
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        })
    }
}

/// One temporal expression and its resolution.
///
/// As JSON (what `annals timex` prints) it is an object with its keys in
/// alphabetical order: `begin` and `end` in code points, for a resolved
/// date its `earliest` and `latest` day (`null` when open) and its
/// `granularity`, the TIMEX3 `mod`, the `text`, the TIMEX3 `type` and
/// `value`. Byte offsets are left out.
///
/// ```
/// use annals::time::{tag, DocType};
/// use chrono::NaiveDate;
///
/// let dct = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
/// let found = tag("It began last week.", dct, DocType::News);
/// assert_eq!(
///     serde_json::to_string(&found[0]).unwrap(),
///     r#"{"begin":9,"earliest":"2020-09-21","end":18,"granularity":"week","latest":"2020-09-27","mod":null,"text":"last week","type":"DATE","value":"2020-W39"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Start, in Unicode code points.
    pub begin: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// Start, in bytes.
    pub byte_begin: usize,
    /// End (exclusive), in bytes.
    pub byte_end: usize,
    /// The text of the expression.
    pub text: String,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value: `2020-09-28`, `2020-W39`, `P2W`, `PAST_REF`...
    pub value: String,
    /// TIMEX3 mod: START, MID, END, APPROX.
    pub modifier: Option<String>,
    /// For dates and times, the store date: its interval is what timelines
    /// and the graph use. `None` when the value is underspecified.
    pub date: Option<EventDate>,
}

impl Serialize for Timex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let date = self.date.as_ref();
        let day = |d: NaiveDate, open: bool| (!open).then_some(d);
        let mut m = s.serialize_struct("Timex", if date.is_some() { 9 } else { 6 })?;
        m.serialize_field("begin", &self.begin)?;
        if let Some(d) = date {
            m.serialize_field("earliest", &day(d.earliest(), d.open_start()))?;
        }
        m.serialize_field("end", &self.end)?;
        if let Some(d) = date {
            m.serialize_field("granularity", d.granularity().as_str())?;
            m.serialize_field("latest", &day(d.latest(), d.open_end()))?;
        }
        m.serialize_field("mod", &self.modifier)?;
        m.serialize_field("text", &self.text)?;
        m.serialize_field("type", &self.kind)?;
        m.serialize_field("value", &self.value)?;
        m.end()
    }
}

/// Finds and resolves every temporal expression of `text`, against the
/// reference date `dct`. Expressions come sorted and never overlap.
///
/// A reference date outside the years 1 to 9999 is moved to the nearest
/// end of that range; counted from there, no expression can reach past
/// the calendar's ends (amounts have at most four digits).
///
/// ```
/// use annals::time::{tag, DocType};
/// use chrono::NaiveDate;
///
/// let dct = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
/// let found = tag("Rockets hit the embassy on Sunday.", dct, DocType::News);
/// assert_eq!(found[0].text, "Sunday");
/// assert_eq!(found[0].value, "2020-09-27");
/// ```
pub fn tag(text: &str, dct: NaiveDate, doc_type: DocType) -> Vec<Timex> {
    tag_tokenized(text, &crate::text::tokenize(text), dct, doc_type)
}

/// [`tag`] for a text already split into tokens and sentences (by
/// [`crate::text::tokenize()`]), so that a caller who has them does not
/// tokenize twice.
pub(crate) fn tag_tokenized(
    text: &str,
    layer: &crate::text::Tokenized,
    dct: NaiveDate,
    doc_type: DocType,
) -> Vec<Timex> {
    let syntax = tense::Syntax::lazy(text, &layer.tokens, &layer.sentences);
    tag_with(text, layer, syntax, dct, doc_type)
}

/// [`tag`] for a text already parsed (by [`crate::text::Doc::parse`]): the
/// tenses that decide bare weekdays and months are read from its parse.
///
/// ```
/// use annals::text::Doc;
/// use annals::time::{tag_parsed, DocType};
/// use chrono::NaiveDate;
///
/// let text = "Talks began last week.";
/// let dct = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
/// let found = tag_parsed(&Doc::parse(text), dct, DocType::News);
/// assert_eq!(found[0].value, "2020-W39");
/// ```
pub fn tag_parsed(doc: &crate::text::Doc<'_>, dct: NaiveDate, doc_type: DocType) -> Vec<Timex> {
    tag_parsed_until(doc, dct, doc_type, doc.sentences.len())
}

/// [`tag_parsed`] over the document's first `sentences` sentences: the
/// same expressions there (an expression is resolved from what comes
/// before it, never after), and none after them, where a caller that reads
/// no further need not pay for resolving them, nor for parsing sentences
/// it left unanalysed ([`crate::text::Doc::parse_some`]).
pub fn tag_parsed_until(
    doc: &crate::text::Doc<'_>,
    dct: NaiveDate,
    doc_type: DocType,
    sentences: usize,
) -> Vec<Timex> {
    let sentences = &doc.sentences[..sentences.min(doc.sentences.len())];
    let words = sentences.last().map_or(0, |s| s.tokens.end);
    let layer = crate::text::Tokenized {
        tokens: doc.words[..words].iter().map(|w| w.token).collect(),
        sentences: sentences.to_vec(),
    };
    let syntax = tense::Syntax::parsed(doc, &layer.tokens);
    tag_with(doc.text(), &layer, syntax, dct, doc_type)
}

fn tag_with(
    text: &str,
    layer: &crate::text::Tokenized,
    syntax: tense::Syntax<'_>,
    dct: NaiveDate,
    doc_type: DocType,
) -> Vec<Timex> {
    let dct = dct.clamp(crate::model::date::FIRST_DAY, crate::model::date::LAST_DAY);
    let tokens = scan::scan(text, layer);
    let mut cx = grammar::Context::new(&tokens, syntax, dct, doc_type);
    let mut found = Vec::new();
    let (mut chars, mut counted) = (0usize, 0usize);
    let mut i = 0;
    let mut taken_until = 0;
    while i < tokens.len() {
        let Some(mut f) = grammar::match_at(&cx, i) else {
            i += 1;
            continue;
        };
        f.first = f.first.max(taken_until);
        let (b, e) = (tokens[f.first].start, tokens[f.end - 1].end);
        chars += text[counted..b].chars().count();
        let begin = chars;
        chars += text[b..e].chars().count();
        counted = e;
        // Every resolved day anchors what follows ("two days later", "the
        // previous Friday"), as the story moves on; only a day written with
        // its number is continued by "and 25".
        let explicit = text[b..e].bytes().any(|c| c.is_ascii_digit());
        if doc_type == DocType::Narrative {
            if !f.approx && !f.stamp && !cx.aside(f.first, f.end) {
                tell(
                    &mut cx,
                    f.point.as_ref(),
                    explicit,
                    tokens[f.first].sentence,
                );
            }
        } else {
            // A day told with its hour ("8:28 p.m. ET Wednesday") is told
            // as much as the day alone.
            let day = match &f.point {
                Some(calendar::Point::Clock(d, ..)) if !f.dayless => Some(calendar::Point::Day(*d)),
                _ => None,
            };
            match day.as_ref().or(f.point.as_ref()) {
                // A page's time stamp is no day of the story.
                _ if f.stamp => {}
                Some(calendar::Point::Day(d)) => {
                    cx.anchor = Some(*d);
                    cx.story_day = Some(*d);
                    if explicit {
                        cx.last_day = Some(*d);
                    }
                }
                // A month or year written out anchors "the following month".
                Some(p @ (calendar::Point::Month(..) | calendar::Point::Year(_))) if explicit => {
                    if let Some(d) = p.event_date(None, false, dct) {
                        cx.anchor = Some(d.earliest());
                    }
                }
                _ => {}
            }
            if let Some(p @ (calendar::Point::Month(..) | calendar::Point::Quarter(..))) = &f.point
            {
                cx.period = Some(p.clone());
                cx.period_written = explicit;
            }
            cx.month_told = match &f.point {
                Some(calendar::Point::Month(y, m)) => Some((*y, *m)),
                Some(calendar::Point::Day(_) | calendar::Point::DayPart(..)) => None,
                _ => cx.month_told,
            };
        }
        // What a range's end follows ("from 6 p.m. Friday until Saturday").
        if let Some((_, d)) = day_of(&f) {
            cx.last_told = Some((f.end, d));
        }
        // A day dates the happenings named near it. (A clock time's day is
        // settled only once the whole text is read.)
        if let Some(calendar::Point::Day(d) | calendar::Point::DayPart(d, _)) = &f.point {
            happenings::record(&tokens, (f.first, f.end), (*d, explicit), &mut cx.happened);
        }
        taken_until = f.end;
        i = f.end;
        found.push(Placed {
            found: f,
            begin,
            end: chars,
            bytes: (b, e),
        });
    }
    give_clocks_their_day(&tokens, &mut found, &cx.happened);
    found
        .into_iter()
        .map(
            |Placed {
                 found: f,
                 begin,
                 end,
                 bytes: (b, e),
             }| {
                let (value, date) = match &f.point {
                    // An anchored duration ("three days later") is written as
                    // its length, and still dates what it anchors.
                    Some(p) => (
                        f.value.clone().unwrap_or_else(|| p.value()),
                        p.event_date(f.modifier, f.approx, dct),
                    ),
                    None => (f.value.clone().unwrap_or_default(), None),
                };
                Timex {
                    begin,
                    end,
                    byte_begin: b,
                    byte_end: e,
                    text: text[b..e].to_string(),
                    kind: f.kind,
                    value,
                    modifier: f.modifier.map(|m| m.code().to_string()),
                    date,
                }
            },
        )
        .collect()
}

/// A narrative moves on with every date it tells, at whatever
/// granularity: a year alone moves the story to that year, a month to that
/// month (what "later that month" and "the following month" mean), a day to
/// that day; "the next day" needs a day.
fn tell(
    cx: &mut grammar::Context<'_>,
    point: Option<&calendar::Point>,
    explicit: bool,
    sentence: u32,
) {
    use calendar::Point;
    let Some(p) = point else { return };
    let Some(first) = story::first_day(p) else {
        return;
    };
    // A winter named without its year straddles the turn of the year the
    // story stands in; moving to its December would carry the months told
    // after it a year on ("Campaign of 1905 … the severe winter … between
    // January 25-29" is January 1905).
    if matches!(p, Point::Season(_, crate::model::Season::Winter)) && !explicit {
        return;
    }
    // A year or month that holds the point its own sentence told completes
    // that date and moves the story nowhere, back to its first day least of
    // all: "On December 7 (December 8 in Asian time zones), 1941, ... In
    // January" is 1942's. In a sentence of its own ("... during 1919. In the
    // early summer") it goes back to the year's beginning, as told.
    if cx.told_in == Some(sentence) && cx.anchor.is_some_and(|at| story::holds(p, at)) {
        return;
    }
    cx.anchor = Some(first);
    cx.told_in = Some(sentence);
    cx.period = match p {
        Point::Year(_) | Point::Half(..) => None,
        Point::Quarter(..) => Some(p.clone()),
        _ => Some(Point::Month(first.year(), first.month())),
    };
    cx.month_told = match p {
        Point::Month(y, m) => Some((*y, *m)),
        _ => None,
    };
    // "the night of 8 February 1904" tells its day as well as "8 February".
    if let Point::Day(d) | Point::DayPart(d, _) = p {
        cx.story_day = Some(*d);
        if explicit {
            cx.last_day = Some(*d);
        }
    }
    // A story that moves to another month or year has left its day:
    // "the next morning" needs a new one.
    let left = |d: NaiveDate| match p {
        Point::Year(y) => d.year() != *y,
        Point::Day(_) | Point::DayPart(..) | Point::Clock(..) => false,
        _ => (d.year(), d.month()) != (first.year(), first.month()),
    };
    if cx.story_day.is_some_and(left) {
        cx.story_day = None;
    }
}

/// An expression a rule found, with where it lies in the text.
struct Placed {
    found: grammar::Found,
    /// Start and end in code points.
    begin: usize,
    end: usize,
    /// Start and end in bytes.
    bytes: (usize, usize),
}

/// A clock time that names no day of its own ("at 18:00 UTC") happened on
/// the day its sentence names elsewhere ("Tuesday in Everett ... at 18:00
/// UTC"), the nearest one if there are several (the earlier on a tie), or
/// else on the day of a happening named beside it that the text dated ("was
/// shot to death at 10 p.m."). `found` is in text order, so a sentence's
/// expressions are one run of it: each clock time looks only at its own
/// sentence's days, found by binary search.
fn give_clocks_their_day(
    tokens: &[scan::Token],
    found: &mut [Placed],
    happened: &happenings::Happened,
) {
    let mut lo = 0;
    while lo < found.len() {
        let sentence = tokens[found[lo].found.first].sentence;
        let len = found[lo..]
            .iter()
            .take_while(|p| tokens[p.found.first].sentence == sentence)
            .count();
        let run = &mut found[lo..lo + len];
        let days: Vec<(usize, NaiveDate)> = run.iter().filter_map(|p| day_of(&p.found)).collect();
        for p in run.iter_mut() {
            let f = &mut p.found;
            let Some(calendar::Point::Clock(_, h, m, zone)) = f.point else {
                continue;
            };
            if !f.dayless {
                continue;
            }
            let day = nearest(&days, f.first)
                .or_else(|| happenings::near_day(tokens, (f.first, f.end), happened));
            if let Some(d) = day {
                f.point = Some(calendar::Point::Clock(d, h, m, zone));
            }
        }
        lo += len;
    }
}

/// The day an expression names, with its first token, if it can give a
/// clock time its day.
fn day_of(g: &grammar::Found) -> Option<(usize, NaiveDate)> {
    use calendar::Point;
    match g.point {
        Some(Point::Day(d) | Point::DayPart(d, _)) => Some((g.first, d)),
        Some(Point::Clock(d, ..)) if !g.dayless && !g.stamp => Some((g.first, d)),
        _ => None,
    }
}

/// The day in `days` (sorted by token) nearest to token `at`, the earlier
/// on a tie.
fn nearest(days: &[(usize, NaiveDate)], at: usize) -> Option<NaiveDate> {
    let k = days.partition_point(|&(first, _)| first < at);
    let before = k.checked_sub(1).map(|j| days[j]);
    match (before, days.get(k)) {
        (Some((b, d)), Some(&(a, e))) => Some(if at - b <= a - at { d } else { e }),
        (Some((_, d)), None) | (None, Some(&(_, d))) => Some(d),
        (None, None) => None,
    }
}
