//! Event dates: what the text says about *when*, kept as an inclusive interval.
//!
//! News rarely gives a day. "Late last week", "in September", "about a week
//! ago" are all dates an analyst must keep without pretending to more
//! precision than the source gave. So every date is an inclusive interval
//! `[earliest, latest]` of local calendar days plus the granularity it was
//! written at, and the written form is kept so that the store round-trips.
//!
//! The written form follows ISO 8601 and its EDTF extension (ISO 8601-2),
//! with TIMEX3 forms for the units EDTF lacks:
//!
//! | written                  | meaning                                          |
//! |--------------------------|--------------------------------------------------|
//! | `2020-09-28`             | that day                                         |
//! | `2020-09`, `2020`        | that month, that year                            |
//! | `2020-W39`               | that ISO week (Monday to Sunday)                 |
//! | `2020-Q3`, `2020-H2`     | that quarter, that half year                     |
//! | `2020-SP` `-SU` `-FA` `-WI` | that (northern) season; winter runs Dec–Feb  |
//! | `199X`, `19XX`           | that decade, that century                        |
//! | `2020-09-24/2020-09-27`  | a range, inclusive                               |
//! | `../2020-09`, `2020-09-22/..` | open ranges: on or before, on or after      |
//! | `2020-09-22~`            | approximate: ± 2 days (a margin: `~3d`)          |
//! | `2020-09?`, `2020-09%`   | uncertain; uncertain and approximate             |
//! | `early`/`mid`/`late 2020-W39` | the first, middle or last third             |
//!
//! An impossible date (`2020-02-30`, `2020-13`) is an error, never a guess.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The month a (northern) season begins in, by its TIMEX3 code: spring
/// (`SP`) in March, summer (`SU`) June, fall (`FA`) September, winter
/// (`WI`) December of the year it is named by.
pub fn season_start(code: &str) -> Option<u32> {
    match code {
        "SP" => Some(3),
        "SU" => Some(6),
        "FA" => Some(9),
        "WI" => Some(12),
        _ => None,
    }
}

/// How precisely a date was given: the unit of the written form.
///
/// Kept beside the interval because `2020-09` and `2020-09-01/2020-09-30`
/// cover the same days but say different things to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A day or a time within a day.
    Day,
    /// An ISO week.
    Week,
    /// A calendar month.
    Month,
    /// A season (three months).
    Season,
    /// A calendar quarter.
    Quarter,
    /// A half year.
    Half,
    /// A calendar year.
    Year,
    /// A decade (`199X`).
    Decade,
    /// A century (`19XX`).
    Century,
    /// An explicit range whose ends may have different units, or are open.
    Range,
}

impl Granularity {
    /// The lowercase name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
            Granularity::Season => "season",
            Granularity::Quarter => "quarter",
            Granularity::Half => "half",
            Granularity::Year => "year",
            Granularity::Decade => "decade",
            Granularity::Century => "century",
            Granularity::Range => "range",
        }
    }
}

impl fmt::Display for Granularity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How sure the source is of the date (EDTF qualifiers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Certainty {
    /// As written.
    #[default]
    Exact,
    /// `~`: about then; the interval is widened by a margin.
    Approximate,
    /// `?`: the source is not sure.
    Uncertain,
    /// `%`: both.
    UncertainApproximate,
}

impl Certainty {
    /// True unless the date is exactly as written.
    pub fn is_qualified(self) -> bool {
        self != Certainty::Exact
    }
}

/// A part of a period (TIMEX3 `mod` START, MID, END).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// The first third.
    Early,
    /// The middle third.
    Mid,
    /// The last third.
    Late,
}

impl Part {
    fn as_str(self) -> &'static str {
        match self {
            Part::Early => "early",
            Part::Mid => "mid",
            Part::Late => "late",
        }
    }

    /// The sub-interval of `[start, end]` this part covers: thirds, rounded
    /// up, so a week's "late" is Friday to Sunday.
    pub fn apply(self, start: NaiveDate, end: NaiveDate) -> (NaiveDate, NaiveDate) {
        let n = (end - start).num_days() + 1;
        let k = (n + 2) / 3;
        match self {
            Part::Early => (start, start + chrono::Duration::days(k - 1)),
            Part::Late => (end - chrono::Duration::days(k - 1), end),
            Part::Mid => {
                let s = start + chrono::Duration::days((n - k) / 2);
                (s, s + chrono::Duration::days(k - 1))
            }
        }
    }
}

/// Why a written date was refused; [`EventDate::from_str`] returns it and the
/// store adds the file position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date `{text}`: {reason}")]
pub struct DateError {
    /// The text that was refused.
    pub text: String,
    /// What is wrong and how to write it instead.
    pub reason: String,
}

/// The earliest day any date may name; an open start (`../2020`) uses it.
pub const OPEN_START: NaiveDate = NaiveDate::MIN;
/// The latest day any date may name; an open end (`2020/..`) uses it.
pub const OPEN_END: NaiveDate = NaiveDate::MAX;

/// The first day a written date may name: 1 January of year 1.
pub const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// The last day a written date may name: 31 December 9999.
pub const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// The forms a date may be written in, for error messages.
pub const DATE_FORMS: &str = "write a date as 2020-09-28, 2020-09, 2020, 2020-W39, 2020-Q3, 2020-H2, \
     2020-SU, 199X, 19XX, a range 2020-09-24/2020-09-27, an open range ../2020-09 or 2020-09-22/.., \
     or qualified: 2020-09-22~, 2020-09?, late 2020-W39 (years 0001 to 9999)";

/// Reads a calendar day `YYYY-MM-DD` in years 1 to 9999, as options and
/// batches give it, saying what is wrong when it is not one:
/// `2021-02-29` is a day that does not exist, `22/09/2020` is not the form.
pub fn parse_day(text: &str) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    let parts: Vec<&str> = t.split('-').collect();
    let shape = matches!(parts.as_slice(), [y, m, d]
        if digits(y, 4).is_some() && digits(m, 2).is_some() && digits(d, 2).is_some());
    if !shape {
        return Err(err(
            text,
            format!("`{t}` is not a day; write it as YYYY-MM-DD, such as 2020-09-28 (years 0001 to 9999)"),
        ));
    }
    Ok(parse_unit(text, t)?.start)
}

/// The `clap` parser of a day option (`--dct`, `--published`).
pub fn day_arg(text: &str) -> Result<NaiveDate, String> {
    parse_day(text).map_err(|e| e.reason)
}

/// Deserializes a day `YYYY-MM-DD` (years 1 to 9999) from a string, with
/// [`parse_day`]'s messages: for batch lines.
pub fn deserialize_day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    parse_day(&text).map_err(serde::de::Error::custom)
}

/// True when `d` lies in years 1 to 9999, the years a written date may name.
pub fn in_years(d: NaiveDate) -> bool {
    (FIRST_DAY..=LAST_DAY).contains(&d)
}

/// A date as written in the store, parsed into an inclusive interval.
///
/// Equality and hashing look at the meaning (interval, granularity,
/// certainty), not at spelling, so `2020-09-28` and a TOML date of the same
/// day are equal. Ordering is chronological: by earliest day, then latest.
#[derive(Debug, Clone)]
pub struct EventDate {
    written: String,
    earliest: NaiveDate,
    latest: NaiveDate,
    granularity: Granularity,
    certainty: Certainty,
    part: Option<Part>,
}

impl EventDate {
    /// A single day at day granularity.
    pub fn day(d: NaiveDate) -> EventDate {
        EventDate {
            written: d.format("%Y-%m-%d").to_string(),
            earliest: d,
            latest: d,
            granularity: Granularity::Day,
            certainty: Certainty::Exact,
            part: None,
        }
    }

    /// The date as written in the store (normalised to the canonical form).
    pub fn as_str(&self) -> &str {
        &self.written
    }
    /// The first day the date may name ([`OPEN_START`] when open).
    pub fn earliest(&self) -> NaiveDate {
        self.earliest
    }
    /// The last day the date may name ([`OPEN_END`] when open).
    pub fn latest(&self) -> NaiveDate {
        self.latest
    }
    /// The unit the date was written at.
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }
    /// The EDTF qualifier.
    pub fn certainty(&self) -> Certainty {
        self.certainty
    }
    /// `early`, `mid` or `late`, if given.
    pub fn part(&self) -> Option<Part> {
        self.part
    }
    /// True when the start is open (`../X`).
    pub fn open_start(&self) -> bool {
        self.earliest == OPEN_START
    }
    /// True when the end is open (`X/..`).
    pub fn open_end(&self) -> bool {
        self.latest == OPEN_END
    }
    /// True when the date names exactly one day, without qualification.
    pub fn is_exact_day(&self) -> bool {
        self.earliest == self.latest && !self.certainty.is_qualified()
    }
    /// True when a reader should be warned that the date is not firm:
    /// approximate, uncertain, a range, or coarser than a day.
    pub fn is_uncertain(&self) -> bool {
        self.certainty.is_qualified() || self.earliest != self.latest
    }

    /// Chronological comparison: earliest day, then latest day.
    pub fn chrono_cmp(&self, other: &EventDate) -> Ordering {
        (self.earliest, self.latest).cmp(&(other.earliest, other.latest))
    }
}

impl PartialEq for EventDate {
    fn eq(&self, other: &Self) -> bool {
        self.earliest == other.earliest
            && self.latest == other.latest
            && self.granularity == other.granularity
            && self.certainty == other.certainty
    }
}
impl Eq for EventDate {}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written)
    }
}

impl FromStr for EventDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<EventDate, DateError> {
        parse(s)
    }
}

impl schemars::JsonSchema for EventDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EventDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A date as text: 2020-09-28, 2020-09, 2020, 2020-W39, 2020-Q3, 2020-H2, 2020-SU, 199X, 19XX, a range 2020-09-24/2020-09-27, open ranges ../2020-09 and 2020-09-22/.., qualified 2020-09-22~ (±2 days; ~3d for a margin), 2020-09? (uncertain), 2020-09% (both), or early/mid/late 2020-W39.",
            "examples": ["2020-09-28", "2020-09-22~", "late 2020-W39", "2020-09-24/2020-09-27", "../2020-09"]
        })
    }
}

impl Serialize for EventDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.written)
    }
}

impl<'de> Deserialize<'de> for EventDate {
    /// Takes a string, or a TOML date (`date = 2020-09-28`), which toml hands
    /// to serde as a string-like datetime.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EventDate, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Toml(toml::value::Datetime),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Text(t) => t,
            Raw::Toml(dt) => match (dt.date, dt.time) {
                (Some(date), None) => date.to_string(),
                _ => {
                    return Err(serde::de::Error::custom(format!(
                    "invalid date `{dt}`: give a calendar date such as 2020-09-28, without a time"
                )))
                }
            },
        };
        text.parse().map_err(serde::de::Error::custom)
    }
}

fn err(text: &str, reason: impl Into<String>) -> DateError {
    DateError {
        text: text.to_string(),
        reason: reason.into(),
    }
}

/// One end of a date: an interval with its unit.
struct Span {
    start: NaiveDate,
    end: NaiveDate,
    granularity: Granularity,
}

fn parse(input: &str) -> Result<EventDate, DateError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(err(input, "the date is empty; write e.g. 2020-09-28"));
    }
    let mut ends = text.split('/');
    match (ends.next(), ends.next(), ends.next()) {
        (Some(a), Some(b), None) => parse_range(input, a, b),
        (Some(_), Some(_), Some(_)) => Err(err(
            input,
            format!("a range has exactly two ends; {DATE_FORMS}"),
        )),
        _ => single(input, text),
    }
}

/// A date that is not a range: a unit, with its part and qualifier.
fn single(input: &str, text: &str) -> Result<EventDate, DateError> {
    let (part, rest) = match text.split_once(char::is_whitespace) {
        Some((w, rest)) => match w.to_ascii_lowercase().as_str() {
            "early" => (Some(Part::Early), rest.trim()),
            "mid" => (Some(Part::Mid), rest.trim()),
            "late" => (Some(Part::Late), rest.trim()),
            _ => {
                return Err(err(
                    input,
                    "unexpected words; the only prefixes are `early`, `mid` and `late`",
                ))
            }
        },
        None => (None, text),
    };
    let (body, certainty, margin) = split_qualifier(input, rest)?;
    let span = parse_unit(input, body)?;
    let (mut start, mut end) = (span.start, span.end);
    if let Some(p) = part {
        (start, end) = p.apply(start, end);
    }
    if matches!(
        certainty,
        Certainty::Approximate | Certainty::UncertainApproximate
    ) {
        let days = margin.unwrap_or_else(|| default_margin(span.granularity));
        start = start
            .checked_sub_days(Days::new(days))
            .map_or(FIRST_DAY, |d| d.max(FIRST_DAY));
        end = end
            .checked_add_days(Days::new(days))
            .map_or(LAST_DAY, |d| d.min(LAST_DAY));
    }
    let mut written = String::new();
    if let Some(p) = part {
        written.push_str(p.as_str());
        written.push(' ');
    }
    written.push_str(body);
    written.push_str(match certainty {
        Certainty::Exact => "",
        Certainty::Approximate => "~",
        Certainty::Uncertain => "?",
        Certainty::UncertainApproximate => "%",
    });
    if let Some(m) = margin {
        written.push_str(&format!("{m}d"));
    }
    Ok(EventDate {
        written,
        earliest: start,
        latest: end,
        granularity: span.granularity,
        certainty,
        part,
    })
}

/// The margin `~` adds on each side when none is written: about a day means
/// within a couple of days; about a month, within a week or so.
fn default_margin(g: Granularity) -> u64 {
    match g {
        Granularity::Day => 2,
        Granularity::Week => 3,
        Granularity::Month => 7,
        Granularity::Season | Granularity::Quarter => 15,
        Granularity::Half => 30,
        Granularity::Year => 60,
        Granularity::Decade => 365,
        Granularity::Century => 3650,
        Granularity::Range => 2,
    }
}

fn split_qualifier<'a>(
    input: &str,
    s: &'a str,
) -> Result<(&'a str, Certainty, Option<u64>), DateError> {
    if let Some(i) = s.find(['~', '?', '%']) {
        let q = &s[i..i + 1];
        let tail = &s[i + 1..];
        let certainty = match q {
            "~" => Certainty::Approximate,
            "?" => Certainty::Uncertain,
            _ => Certainty::UncertainApproximate,
        };
        if tail.is_empty() {
            return Ok((&s[..i], certainty, None));
        }
        if s[..i].contains('/') || tail.contains('/') {
            return Err(err(
                input,
                "qualifiers go at the end of a single date, not inside a range",
            ));
        }
        let digits = tail.strip_suffix('d').ok_or_else(|| {
            err(
                input,
                "after `~` only a margin in days may follow, such as `~3d`",
            )
        })?;
        if certainty == Certainty::Uncertain {
            return Err(err(
                input,
                "a margin needs `~` or `%`: `?` only marks the date as uncertain",
            ));
        }
        let m: u64 = digits.parse().ok().filter(|m| *m <= 3650).ok_or_else(|| {
            err(
                input,
                "the margin must be a number of days up to 3650, such as `~3d`",
            )
        })?;
        return Ok((&s[..i], certainty, Some(m)));
    }
    Ok((s, Certainty::Exact, None))
}

fn parse_range(input: &str, a: &str, b: &str) -> Result<EventDate, DateError> {
    let (a, b) = (a.trim(), b.trim());
    let end = |s: &str| -> Result<Option<EventDate>, DateError> {
        if s == ".." || s.is_empty() {
            return Ok(None);
        }
        single(s, s)
            .map(Some)
            .map_err(|e| err(input, format!("in `{s}`: {}", e.reason)))
    };
    let first = end(a)?;
    let last = end(b)?;
    if first.is_none() && last.is_none() {
        return Err(err(input, "a range needs at least one end: `2020-09/..`"));
    }
    let earliest = first.as_ref().map_or(OPEN_START, |d| d.earliest);
    let latest = last.as_ref().map_or(OPEN_END, |d| d.latest);
    if earliest > latest {
        return Err(err(
            input,
            "the range ends before it starts; put the earlier date first",
        ));
    }
    let written = format!(
        "{}/{}",
        first.as_ref().map_or("..", |d| d.as_str()),
        last.as_ref().map_or("..", |d| d.as_str())
    );
    Ok(EventDate {
        written,
        earliest,
        latest,
        granularity: Granularity::Range,
        certainty: Certainty::Exact,
        part: None,
    })
}

fn year_of(input: &str, s: &str) -> Result<i32, DateError> {
    let y = digits(s, 4).ok_or_else(|| {
        let what = if s.is_empty() {
            "this is not a date".to_string()
        } else {
            format!("`{s}` is not a four-digit year")
        };
        err(input, format!("{what}; {DATE_FORMS}"))
    })?;
    if y == 0 {
        return Err(err(
            input,
            "there is no year 0000; years run from 0001 to 9999",
        ));
    }
    Ok(y)
}

/// The number written with exactly `n` ASCII digits, else `None`.
fn digits(s: &str, n: usize) -> Option<i32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn two_digits(input: &str, s: &str, what: &str) -> Result<u32, DateError> {
    if s.len() != 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err(
            input,
            format!("the {what} must be two digits, such as 09"),
        ));
    }
    Ok(s.parse().unwrap_or(0))
}

fn ymd(input: &str, y: i32, m: u32, d: u32) -> Result<NaiveDate, DateError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| err(input, "no such day in the calendar"))
}

fn last_of_month(input: &str, y: i32, m: u32) -> Result<NaiveDate, DateError> {
    let first = ymd(input, y, m, 1)?;
    Ok(first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first))
}

fn months(input: &str, y: i32, from: u32, to: u32, g: Granularity) -> Result<Span, DateError> {
    Ok(Span {
        start: ymd(input, y, from, 1)?,
        end: last_of_month(input, y, to)?,
        granularity: g,
    })
}

/// The span of one unit, which must lie in years 1 to 9999.
fn parse_unit(input: &str, s: &str) -> Result<Span, DateError> {
    let span = unit_span(input, s)?;
    if span.start < FIRST_DAY || span.end > LAST_DAY {
        return Err(err(
            input,
            "the date reaches outside the years 0001 to 9999, the years a date may name",
        ));
    }
    Ok(span)
}

fn unit_span(input: &str, s: &str) -> Result<Span, DateError> {
    let parts: Vec<&str> = s.split('-').collect();
    match parts.as_slice() {
        [y] if y.len() == 4 && y.ends_with("XX") => {
            let c =
                digits(&y[..2], 2).ok_or_else(|| err(input, "a century is written like 19XX"))?;
            Ok(Span {
                start: ymd(input, c * 100, 1, 1)?,
                end: ymd(input, c * 100 + 99, 12, 31)?,
                granularity: Granularity::Century,
            })
        }
        [y] if y.len() == 4 && y.ends_with('X') => {
            let d =
                digits(&y[..3], 3).ok_or_else(|| err(input, "a decade is written like 199X"))?;
            Ok(Span {
                start: ymd(input, d * 10, 1, 1)?,
                end: ymd(input, d * 10 + 9, 12, 31)?,
                granularity: Granularity::Decade,
            })
        }
        [y] => {
            let y = year_of(input, y)?;
            months(input, y, 1, 12, Granularity::Year)
        }
        [y, w] if w.starts_with('W') && *w != "WI" => {
            let y = year_of(input, y)?;
            let n = two_digits(input, &w[1..], "week")?;
            let start = NaiveDate::from_isoywd_opt(y, n, Weekday::Mon)
                .ok_or_else(|| err(input, format!("{y} has no ISO week {n}")))?;
            Ok(Span {
                start,
                end: start + chrono::Duration::days(6),
                granularity: Granularity::Week,
            })
        }
        [y, q] if q.starts_with('Q') => {
            let y = year_of(input, y)?;
            match &q[1..] {
                "1" => months(input, y, 1, 3, Granularity::Quarter),
                "2" => months(input, y, 4, 6, Granularity::Quarter),
                "3" => months(input, y, 7, 9, Granularity::Quarter),
                "4" => months(input, y, 10, 12, Granularity::Quarter),
                _ => Err(err(input, "a quarter is Q1 to Q4")),
            }
        }
        [y, h] if h.starts_with('H') => {
            let y = year_of(input, y)?;
            match &h[1..] {
                "1" => months(input, y, 1, 6, Granularity::Half),
                "2" => months(input, y, 7, 12, Granularity::Half),
                _ => Err(err(input, "a half year is H1 or H2")),
            }
        }
        [y, "WI"] => {
            let y = year_of(input, y)?;
            Ok(Span {
                start: ymd(input, y, 12, 1)?,
                end: last_of_month(input, y + 1, 2)?,
                granularity: Granularity::Season,
            })
        }
        [y, season] if season_start(season).is_some() => {
            let m = season_start(season).unwrap_or(3);
            months(input, year_of(input, y)?, m, m + 2, Granularity::Season)
        }
        [y, m] => {
            let y = year_of(input, y)?;
            let m = two_digits(input, m, "month")?;
            if !(1..=12).contains(&m) {
                return Err(err(
                    input,
                    format!("there is no month {m:02}; months are 01 to 12"),
                ));
            }
            months(input, y, m, m, Granularity::Month)
        }
        [y, m, d] => {
            let y = year_of(input, y)?;
            let m = two_digits(input, m, "month")?;
            let dd = two_digits(input, d, "day")?;
            if !(1..=12).contains(&m) {
                return Err(err(
                    input,
                    format!("there is no month {m:02}; months are 01 to 12"),
                ));
            }
            let day = NaiveDate::from_ymd_opt(y, m, dd).ok_or_else(|| {
                err(
                    input,
                    format!(
                        "the day does not exist: {y:04}-{m:02} has no day {dd:02}, only {} days",
                        last_of_month(input, y, m).map(|d| d.day()).unwrap_or(31)
                    ),
                )
            })?;
            Ok(Span {
                start: day,
                end: day,
                granularity: Granularity::Day,
            })
        }
        _ => Err(err(input, format!("this is not a date; {DATE_FORMS}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn interval(s: &str) -> (NaiveDate, NaiveDate, Granularity) {
        let e: EventDate = s.parse().unwrap();
        (e.earliest(), e.latest(), e.granularity())
    }

    #[test]
    fn units() {
        assert_eq!(
            interval("2020-09-28"),
            (d("2020-09-28"), d("2020-09-28"), Granularity::Day)
        );
        assert_eq!(
            interval("2020-02"),
            (d("2020-02-01"), d("2020-02-29"), Granularity::Month)
        );
        assert_eq!(
            interval("2020-W39"),
            (d("2020-09-21"), d("2020-09-27"), Granularity::Week)
        );
        assert_eq!(
            interval("2020-Q3"),
            (d("2020-07-01"), d("2020-09-30"), Granularity::Quarter)
        );
        assert_eq!(
            interval("2020-WI"),
            (d("2020-12-01"), d("2021-02-28"), Granularity::Season)
        );
        assert_eq!(
            interval("199X"),
            (d("1990-01-01"), d("1999-12-31"), Granularity::Decade)
        );
    }

    #[test]
    fn qualifiers_and_parts() {
        assert_eq!(interval("2020-09-22~").0, d("2020-09-20"));
        assert_eq!(interval("2020-09-22~3d").1, d("2020-09-25"));
        assert_eq!(interval("late 2020-W39").0, d("2020-09-25"));
        let e: EventDate = "2020-09?".parse().unwrap();
        assert_eq!(e.certainty(), Certainty::Uncertain);
    }

    #[test]
    fn ranges() {
        assert_eq!(interval("2020-09-24/2020-09-27").1, d("2020-09-27"));
        let open: EventDate = "../2020-09".parse().unwrap();
        assert!(open.open_start());
        let open: EventDate = "2020-09-22/..".parse().unwrap();
        assert!(open.open_end());
    }

    #[test]
    fn a_range_has_exactly_two_ends() {
        let e = "2020/2021/2022".parse::<EventDate>().unwrap_err();
        assert!(e.reason.contains("exactly two ends"), "{e}");
        // Tens of thousands of ends: an error, not a stack overflow.
        let deep = "2020/".repeat(50_000) + "2021";
        assert!(deep.parse::<EventDate>().is_err());
        let qualified: EventDate = "2020-09-22~/2020-09-25".parse().unwrap();
        assert_eq!(qualified.earliest(), d("2020-09-20"));
    }

    #[test]
    fn dates_lie_in_years_1_to_9999() {
        for bad in [
            "0000",
            "0000-01-01",
            "00XX",
            "000X",
            "9999-WI",
            "+262142-12-31",
        ] {
            assert!(bad.parse::<EventDate>().is_err(), "{bad} parsed");
        }
        assert_eq!(interval("9999-12-31~").1, d("9999-12-31"));
        assert_eq!(interval("0001-01-01~").0, d("0001-01-01"));
        assert_eq!(interval("99XX").1, d("9999-12-31"));
    }

    #[test]
    fn errors_say_what_is_accepted() {
        let reason = |s: &str| s.parse::<EventDate>().unwrap_err().reason;
        assert!(
            reason("-500").contains("2020-09-28, 2020-09, 2020"),
            "{}",
            reason("-500")
        );
        assert!(reason("22/09/2020").contains("2020-W39"));
        let day = |s: &str| parse_day(s).unwrap_err().reason;
        assert!(
            day("2021-02-29").contains("does not exist"),
            "{}",
            day("2021-02-29")
        );
        assert!(day("22/09/2020").contains("YYYY-MM-DD"));
        assert!(day("+262142-12-31").contains("YYYY-MM-DD"));
        assert!(day("0000-01-01").contains("0001 to 9999"));
        assert_eq!(parse_day(" 2020-02-29 "), Ok(d("2020-02-29")));
    }

    #[test]
    fn invalid_dates_are_errors() {
        for bad in [
            "2020-02-30",
            "2020-13",
            "2020-Q5",
            "20-09",
            "2020-09-28/2020-09-01",
            "soon",
            "",
        ] {
            assert!(bad.parse::<EventDate>().is_err(), "{bad} parsed");
        }
    }
}
