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

/// A (northern) season, by its TIMEX3 code (as the time lexicon writes it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Season {
    /// `SP`: March to May.
    #[serde(rename = "SP")]
    Spring,
    /// `SU`: June to August.
    #[serde(rename = "SU")]
    Summer,
    /// `FA`: September to November.
    #[serde(rename = "FA")]
    Fall,
    /// `WI`: December to February of the next year.
    #[serde(rename = "WI")]
    Winter,
}

impl Season {
    /// The season of a TIMEX3 code: `SP`, `SU`, `FA` or `WI`.
    pub fn from_code(code: &str) -> Option<Season> {
        match code {
            "SP" => Some(Season::Spring),
            "SU" => Some(Season::Summer),
            "FA" => Some(Season::Fall),
            "WI" => Some(Season::Winter),
            _ => None,
        }
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month the season begins in (winter: December of the year it is
    /// named by).
    pub fn start_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
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
pub(crate) const OPEN_START: NaiveDate = NaiveDate::MIN;
/// The latest day any date may name; an open end (`2020/..`) uses it.
pub(crate) const OPEN_END: NaiveDate = NaiveDate::MAX;

/// The first day a written date may name: 1 January of year 1.
pub(crate) const FIRST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(1, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// The last day a written date may name: 31 December 9999.
pub(crate) const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// The forms a date may be written in, for error messages.
pub(crate) const DATE_FORMS: &str = "write a date as 2020-09-28, 2020-09, 2020, 2020-W39, 2020-Q3, 2020-H2, \
     2020-SU, 199X, 19XX, a range 2020-09-24/2020-09-27, an open range ../2020-09 or 2020-09-22/.., \
     or qualified: 2020-09-22~, 2020-09?, late 2020-W39 (years 0001 to 9999)";

/// Reads a calendar day `YYYY-MM-DD` in years 1 to 9999, as options and
/// batches give it, saying what is wrong when it is not one:
/// `2021-02-29` is a day that does not exist, `22/09/2020` is not the form.
///
/// ```
/// use annals::model::date::parse_day;
///
/// assert_eq!(parse_day("2020-09-29").unwrap().to_string(), "2020-09-29");
/// let e = parse_day("2021-02-29").unwrap_err();
/// assert!(e.to_string().contains("2021-02-29"));
/// assert!(parse_day("22/09/2020").is_err());
/// ```
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
    let unit = unit_of(text, t)?;
    let (first, _) = unit.span().map_err(|reason| err(text, reason))?;
    Ok(first)
}

/// Deserializes a day `YYYY-MM-DD` (years 1 to 9999) from a string, with
/// [`parse_day`]'s messages: for batch lines.
pub(crate) fn deserialize_day<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    parse_day(&text).map_err(serde::de::Error::custom)
}

/// True when `d` lies in years 1 to 9999, the years a written date may name.
pub(crate) fn in_years(d: NaiveDate) -> bool {
    (FIRST_DAY..=LAST_DAY).contains(&d)
}

/// The calendar unit a single date names: the body of its written form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A day: `2020-09-28`.
    Day(NaiveDate),
    /// An ISO week of an ISO year: `2020-W39`.
    Week(i32, u32),
    /// A month of a year, 1 to 12: `2020-09`.
    Month(i32, u32),
    /// A season of a year: `2020-SU`.
    Season(i32, Season),
    /// A quarter of a year, 1 to 4: `2020-Q3`.
    Quarter(i32, u32),
    /// A half year, 1 or 2: `2020-H2`.
    Half(i32, u32),
    /// A year: `2020`.
    Year(i32),
    /// A decade by its first three digits: 199 for `199X`.
    Decade(i32),
    /// A century by its first two digits: 19 for `19XX`.
    Century(i32),
}

impl Unit {
    /// The granularity a date written in this unit has.
    pub fn granularity(self) -> Granularity {
        match self {
            Unit::Day(_) => Granularity::Day,
            Unit::Week(..) => Granularity::Week,
            Unit::Month(..) => Granularity::Month,
            Unit::Season(..) => Granularity::Season,
            Unit::Quarter(..) => Granularity::Quarter,
            Unit::Half(..) => Granularity::Half,
            Unit::Year(_) => Granularity::Year,
            Unit::Decade(_) => Granularity::Decade,
            Unit::Century(_) => Granularity::Century,
        }
    }

    /// The first day of the unit, `None` when the unit reaches outside the
    /// years 1 to 9999 (and so is no date).
    pub(crate) fn first_day(self) -> Option<NaiveDate> {
        self.span().ok().map(|(first, _)| first)
    }

    /// The first and last day of the unit, which must lie in years 1 to
    /// 9999; else why not.
    fn span(self) -> Result<(NaiveDate, NaiveDate), String> {
        let (start, end) = self.bounds()?;
        if start < FIRST_DAY || end > LAST_DAY {
            return Err(
                "the date reaches outside the years 0001 to 9999, the years a date may name".into(),
            );
        }
        Ok((start, end))
    }

    fn bounds(self) -> Result<(NaiveDate, NaiveDate), String> {
        let months = |y: i32, from: u32, to: u32| Ok((ymd(y, from, 1)?, last_of_month(y, to)?));
        let scaled = |n: i32, by: i32| n.checked_mul(by).ok_or_else(no_such_day);
        match self {
            Unit::Day(d) => Ok((d, d)),
            Unit::Week(y, n) => {
                let start = NaiveDate::from_isoywd_opt(y, n, Weekday::Mon)
                    .ok_or_else(|| format!("{y} has no ISO week {n}"))?;
                Ok((
                    start,
                    start
                        .checked_add_days(Days::new(6))
                        .ok_or_else(no_such_day)?,
                ))
            }
            Unit::Month(_, m) if !(1..=12).contains(&m) => {
                Err(format!("there is no month {m:02}; months are 01 to 12"))
            }
            Unit::Month(y, m) => months(y, m, m),
            Unit::Season(y, Season::Winter) => {
                let next = y.checked_add(1).ok_or_else(no_such_day)?;
                Ok((ymd(y, 12, 1)?, last_of_month(next, 2)?))
            }
            Unit::Season(y, s) => months(y, s.start_month(), s.start_month() + 2),
            Unit::Quarter(y, q) if (1..=4).contains(&q) => months(y, 3 * q - 2, 3 * q),
            Unit::Quarter(..) => Err("a quarter is Q1 to Q4".into()),
            Unit::Half(y, h) if (1..=2).contains(&h) => months(y, 6 * h - 5, 6 * h),
            Unit::Half(..) => Err("a half year is H1 or H2".into()),
            Unit::Year(y) => months(y, 1, 12),
            Unit::Decade(d) => {
                let y = scaled(d, 10)?;
                Ok((ymd(y, 1, 1)?, ymd(y.saturating_add(9), 12, 31)?))
            }
            Unit::Century(c) => {
                let y = scaled(c, 100)?;
                Ok((ymd(y, 1, 1)?, ymd(y.saturating_add(99), 12, 31)?))
            }
        }
    }
}

/// A day written `YYYY-MM-DD`, as chrono's `%Y-%m-%d` writes it, without
/// parsing a format for each day (a store's million dates are written
/// when it loads): the digits of the years 0 to 9999, chrono's text for
/// any other.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IsoDay(pub NaiveDate);

impl IsoDay {
    /// The ten bytes of the day, `None` outside the years 0 to 9999.
    pub(crate) fn digits(self) -> Option<[u8; 10]> {
        let y = u32::try_from(self.0.year()).ok().filter(|&y| y <= 9999)?;
        let (m, d) = (self.0.month(), self.0.day());
        let digit = |n: u32| b'0' + (n % 10) as u8;
        Some([
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ])
    }
}

impl fmt::Display for IsoDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.digits() {
            // Digits and dashes are UTF-8.
            Some(text) => f.write_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => write!(f, "{}", self.0.format("%Y-%m-%d")),
        }
    }
}

/// `n` with zeros in front to `width` digits, as `{n:0width$}` writes a
/// number, without the formatting machinery (a store's dates are written
/// as it loads).
fn padded(f: &mut fmt::Formatter<'_>, n: i64, width: usize) -> fmt::Result {
    let Ok(n) = u64::try_from(n) else {
        return write!(f, "{n:0width$}");
    };
    let mut text = [0; 20];
    let from = decimal(n, width, &mut text);
    // Digits are UTF-8.
    f.write_str(std::str::from_utf8(&text[from..]).unwrap_or_default())
}

/// `n` in decimal with zeros in front to `width` digits, written to the
/// end of `buf`; returns where it starts, so a caller can put a sign
/// before it. The dates of a store and the numbers of a timeline are
/// written this way, for every event: the formatting machinery costs more
/// than the rest of the line.
pub(crate) fn decimal(mut n: u64, width: usize, buf: &mut [u8; 20]) -> usize {
    let mut from = buf.len();
    loop {
        from -= 1;
        // A digit, below 10.
        buf[from] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let start = from.min(buf.len().saturating_sub(width));
    buf[start..from].fill(b'0');
    start
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The year, then what follows it: a mark, a season's code, and a
        // number of so many digits.
        let (y, mark, code, n): (i32, &str, &str, Option<(u32, usize)>) = match *self {
            Unit::Day(d) => return IsoDay(d).fmt(f),
            Unit::Week(y, w) => (y, "-W", "", Some((w, 2))),
            Unit::Month(y, m) => (y, "-", "", Some((m, 2))),
            Unit::Season(y, s) => (y, "-", s.code(), None),
            Unit::Quarter(y, q) => (y, "-Q", "", Some((q, 1))),
            Unit::Half(y, h) => (y, "-H", "", Some((h, 1))),
            Unit::Year(y) => (y, "", "", None),
            Unit::Decade(d) => return padded(f, d.into(), 3).and_then(|()| f.write_str("X")),
            Unit::Century(c) => return padded(f, c.into(), 2).and_then(|()| f.write_str("XX")),
        };
        padded(f, y.into(), 4)?;
        f.write_str(mark)?;
        f.write_str(code)?;
        match n {
            Some((n, width)) => padded(f, n.into(), width),
            None => Ok(()),
        }
    }
}

/// A date that is not a range: a unit, perhaps a part of it, perhaps
/// qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Single {
    unit: Unit,
    part: Option<Part>,
    certainty: Certainty,
    /// The margin of `~` in days, when written (at most 3650).
    margin: Option<u16>,
}

impl Single {
    fn plain(unit: Unit) -> Single {
        Single {
            unit,
            part: None,
            certainty: Certainty::Exact,
            margin: None,
        }
    }

    /// The days the date may name: the unit, narrowed to its part, widened
    /// by the margin when approximate.
    fn interval(&self) -> Result<(NaiveDate, NaiveDate), String> {
        let (mut start, mut end) = self.unit.span()?;
        if let Some(p) = self.part {
            (start, end) = p.apply(start, end);
        }
        if matches!(
            self.certainty,
            Certainty::Approximate | Certainty::UncertainApproximate
        ) {
            let days = self
                .margin
                .map_or_else(|| default_margin(self.unit.granularity()), u64::from);
            start = start
                .checked_sub_days(Days::new(days))
                .map_or(FIRST_DAY, |d| d.max(FIRST_DAY));
            end = end
                .checked_add_days(Days::new(days))
                .map_or(LAST_DAY, |d| d.min(LAST_DAY));
        }
        Ok((start, end))
    }
}

impl fmt::Display for Single {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.part {
            f.write_str(p.as_str())?;
            f.write_str(" ")?;
        }
        self.unit.fmt(f)?;
        f.write_str(match self.certainty {
            Certainty::Exact => "",
            Certainty::Approximate => "~",
            Certainty::Uncertain => "?",
            Certainty::UncertainApproximate => "%",
        })?;
        match self.margin {
            Some(m) => write!(f, "{m}d"),
            None => Ok(()),
        }
    }
}

/// The form of a date: a single one, or a range of two, either end open.
/// A range, rare in a store, is boxed so that every date stays small.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Form {
    Single(Single),
    Range(Box<(Option<Single>, Option<Single>)>),
}

/// The canonical text of a date, kept in place when it fits (every single
/// date does: `early 2020-09-28%3650d` is 22 bytes), so that a store's
/// million dates need no allocation each; a longer range's text is boxed.
#[derive(Clone)]
enum Written {
    Inline(u8, [u8; Written::ROOM]),
    Boxed(Box<str>),
}

impl Written {
    const ROOM: usize = 22;

    /// The text `show` writes.
    fn of(show: &dyn fmt::Display) -> Written {
        struct Room {
            len: usize,
            bytes: [u8; Written::ROOM],
            spill: Option<String>,
        }
        impl fmt::Write for Room {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                if let Some(spill) = &mut self.spill {
                    spill.push_str(s);
                } else if let Some(room) = self.bytes.get_mut(self.len..self.len + s.len()) {
                    room.copy_from_slice(s.as_bytes());
                    self.len += s.len();
                } else {
                    let mut spill = String::from(self.text());
                    spill.push_str(s);
                    self.spill = Some(spill);
                }
                Ok(())
            }
        }
        impl Room {
            fn text(&self) -> &str {
                std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
            }
        }
        let mut room = Room {
            len: 0,
            bytes: [0; Written::ROOM],
            spill: None,
        };
        // Writing into memory cannot fail.
        let _ = fmt::write(&mut room, format_args!("{show}"));
        match room.spill {
            Some(spill) => Written::Boxed(spill.into_boxed_str()),
            // At most ROOM bytes, so the length fits a byte.
            None => Written::Inline(room.len as u8, room.bytes),
        }
    }

    /// `text` kept in place, when it fits.
    fn copied(text: &str) -> Option<Written> {
        let mut bytes = [0; Written::ROOM];
        bytes
            .get_mut(..text.len())?
            .copy_from_slice(text.as_bytes());
        // At most ROOM bytes, so the length fits a byte.
        Some(Written::Inline(text.len() as u8, bytes))
    }

    fn as_str(&self) -> &str {
        match self {
            // Only whole strings are copied in, so the bytes are UTF-8.
            Written::Inline(len, bytes) => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Written::Boxed(text) => text,
        }
    }
}

impl fmt::Debug for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A date as written in the store, parsed into an inclusive interval.
///
/// Built from text (`"late 2020-W39".parse()`) or from its parts with the
/// constructors: [`EventDate::day`], [`EventDate::of`],
/// [`EventDate::part_of`], [`EventDate::approximate`],
/// [`EventDate::uncertain`], [`EventDate::range`], [`EventDate::since`]
/// and [`EventDate::until`].
///
/// ```
/// use annals::model::date::{EventDate, Part, Unit};
///
/// let late = EventDate::part_of(Part::Late, Unit::Week(2020, 39))?.approximate(None)?;
/// assert_eq!(late.to_string(), "late 2020-W39~");
/// assert_eq!(late, "late 2020-W39~".parse()?);
/// let since = EventDate::since(&EventDate::of(Unit::Month(2020, 9))?)?;
/// assert_eq!(since.to_string(), "2020-09/..");
/// # Ok::<(), annals::model::DateError>(())
/// ```
///
/// Equality and hashing look at the meaning (interval, granularity,
/// certainty), not at spelling, so `2020-09-28` and a TOML date of the same
/// day are equal. Ordering is chronological: by earliest day, then latest.
#[derive(Debug, Clone)]
pub struct EventDate {
    form: Form,
    written: Written,
    earliest: NaiveDate,
    latest: NaiveDate,
}

impl EventDate {
    /// A single day at day granularity.
    pub fn day(d: NaiveDate) -> EventDate {
        EventDate {
            form: Form::Single(Single::plain(Unit::Day(d))),
            written: Written::of(&IsoDay(d)),
            earliest: d,
            latest: d,
        }
    }

    /// The whole of a unit: `2020-09`, `2020-W39`.
    pub fn of(unit: Unit) -> Result<EventDate, DateError> {
        EventDate::single(Single::plain(unit))
    }

    /// A part of a unit: `late 2020-W39`, the last third of the week.
    pub fn part_of(part: Part, unit: Unit) -> Result<EventDate, DateError> {
        EventDate::single(Single {
            part: Some(part),
            ..Single::plain(unit)
        })
    }

    /// The date made approximate (`~`, or `%` when uncertain too), widened
    /// by `margin` days on each side, or by the usual margin of its unit
    /// (`None`). A range is qualified at its ends, not as a whole.
    pub fn approximate(self, margin: Option<u64>) -> Result<EventDate, DateError> {
        if margin.is_some_and(|m| m > 3650) {
            return Err(err(
                self.as_str(),
                "the margin must be a number of days up to 3650, such as `~3d`",
            ));
        }
        self.qualified(|s| Single {
            certainty: match s.certainty {
                Certainty::Uncertain | Certainty::UncertainApproximate => {
                    Certainty::UncertainApproximate
                }
                _ => Certainty::Approximate,
            },
            // Checked above: at most 3650.
            margin: margin.and_then(|m| u16::try_from(m).ok()),
            ..s
        })
    }

    /// The date marked uncertain (`?`, or `%` when approximate too).
    pub fn uncertain(self) -> Result<EventDate, DateError> {
        self.qualified(|s| Single {
            certainty: match s.certainty {
                Certainty::Approximate | Certainty::UncertainApproximate => {
                    Certainty::UncertainApproximate
                }
                _ => Certainty::Uncertain,
            },
            ..s
        })
    }

    /// The days from the start of `first` to the end of `last`, inclusive:
    /// `2020-09-24/2020-09-27`. Each end is a single date.
    pub fn range(first: &EventDate, last: &EventDate) -> Result<EventDate, DateError> {
        EventDate::ranged(Some(first), Some(last))
    }

    /// On or after `first`: `2020-09-22/..`.
    pub fn since(first: &EventDate) -> Result<EventDate, DateError> {
        EventDate::ranged(Some(first), None)
    }

    /// On or before `last`: `../2020-09`.
    pub fn until(last: &EventDate) -> Result<EventDate, DateError> {
        EventDate::ranged(None, Some(last))
    }

    /// The unit the date is written in; for a range, its first end's
    /// (`None` when that end is open).
    pub fn unit(&self) -> Option<Unit> {
        match &self.form {
            Form::Single(s) => Some(s.unit),
            Form::Range(ends) => ends.0.map(|s| s.unit),
        }
    }

    /// The two ends of a range, `None` where open; `None` for a single date.
    pub fn ends(&self) -> Option<(Option<EventDate>, Option<EventDate>)> {
        let end = |s: Option<Single>| s.and_then(|s| EventDate::single(s).ok());
        match &self.form {
            Form::Single(_) => None,
            Form::Range(ends) => Some((end(ends.0), end(ends.1))),
        }
    }

    fn single(s: Single) -> Result<EventDate, DateError> {
        let written = Written::of(&s);
        let (earliest, latest) = s
            .interval()
            .map_err(|reason| err(written.as_str(), reason))?;
        Ok(EventDate {
            form: Form::Single(s),
            written,
            earliest,
            latest,
        })
    }

    fn qualified(self, change: impl FnOnce(Single) -> Single) -> Result<EventDate, DateError> {
        match self.form {
            Form::Single(s) => EventDate::single(change(s)),
            Form::Range(_) => Err(err(
                self.as_str(),
                "qualifiers go at the end of a single date, not on a range: qualify its ends",
            )),
        }
    }

    fn ranged(first: Option<&EventDate>, last: Option<&EventDate>) -> Result<EventDate, DateError> {
        let (a, b) = (
            first.map(EventDate::single_form).transpose()?,
            last.map(EventDate::single_form).transpose()?,
        );
        let end = |s: Option<Single>| s.map_or("..".to_string(), |s| s.to_string());
        let written = format!("{}/{}", end(a), end(b));
        if first.is_none() && last.is_none() {
            return Err(err(
                &written,
                "a range needs at least one end: `2020-09/..`",
            ));
        }
        let earliest = first.map_or(OPEN_START, |d| d.earliest);
        let latest = last.map_or(OPEN_END, |d| d.latest);
        if earliest > latest {
            return Err(err(
                &written,
                "the range ends before it starts; put the earlier date first",
            ));
        }
        Ok(EventDate {
            form: Form::Range(Box::new((a, b))),
            written: Written::of(&written),
            earliest,
            latest,
        })
    }

    fn single_form(&self) -> Result<Single, DateError> {
        match self.form {
            Form::Single(s) => Ok(s),
            Form::Range(_) => Err(err(
                self.as_str(),
                "the ends of a range are single dates, not ranges",
            )),
        }
    }

    /// The date as written in the store (normalised to the canonical form).
    pub fn as_str(&self) -> &str {
        self.written.as_str()
    }
    /// The first day the date may name (`NaiveDate::MIN` when open).
    pub fn earliest(&self) -> NaiveDate {
        self.earliest
    }
    /// The last day the date may name (`NaiveDate::MAX` when open).
    pub fn latest(&self) -> NaiveDate {
        self.latest
    }
    /// The unit the date was written at.
    pub fn granularity(&self) -> Granularity {
        match self.form {
            Form::Single(s) => s.unit.granularity(),
            Form::Range(..) => Granularity::Range,
        }
    }
    /// The EDTF qualifier.
    pub fn certainty(&self) -> Certainty {
        match self.form {
            Form::Single(s) => s.certainty,
            Form::Range(..) => Certainty::Exact,
        }
    }
    /// `early`, `mid` or `late`, if given.
    pub fn part(&self) -> Option<Part> {
        match self.form {
            Form::Single(s) => s.part,
            Form::Range(..) => None,
        }
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
        self.earliest == self.latest && !self.certainty().is_qualified()
    }
    /// True when a reader should be warned that the date is not firm:
    /// approximate, uncertain, a range, or coarser than a day.
    pub fn is_uncertain(&self) -> bool {
        self.certainty().is_qualified() || self.earliest != self.latest
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
            && self.granularity() == other.granularity()
            && self.certainty() == other.certainty()
    }
}
impl Eq for EventDate {}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EventDate {
    /// Takes a string, or a TOML date (`date = 2020-09-28`), which toml hands
    /// to serde as a string-like datetime.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EventDate, D::Error> {
        // Read by hand rather than as an untagged enum of a string and a
        // datetime, which copies every date into a buffer first: a text is
        // borrowed where it lies when it holds no escapes. It is parsed
        // once read, so that its problems are the date's, not the reader's.
        enum Raw<'a> {
            Text(std::borrow::Cow<'a, str>),
            Toml(toml::value::Datetime),
        }
        struct Form;
        impl<'de> serde::de::Visitor<'de> for Form {
            type Value = Raw<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date such as 2020-09-28")
            }

            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                text: &'de str,
            ) -> Result<Raw<'de>, E> {
                Ok(Raw::Text(text.into()))
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Raw<'de>, E> {
                Ok(Raw::Text(text.to_string().into()))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Raw<'de>, A::Error> {
                let de = serde::de::value::MapAccessDeserializer::new(map);
                toml::value::Datetime::deserialize(de).map(Raw::Toml)
            }
        }
        let text = match d.deserialize_any(Form)? {
            Raw::Text(t) => t,
            Raw::Toml(dt) => match (dt.date, dt.time) {
                (Some(date), None) => date.to_string().into(),
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

fn no_such_day() -> String {
    "no such day in the calendar".into()
}

fn parse(input: &str) -> Result<EventDate, DateError> {
    plain_date(input).map_or_else(|| parse_generally(input), Ok)
}

/// Any date, by its shape: a range, or a single date with its part and
/// qualifier.
fn parse_generally(input: &str) -> Result<EventDate, DateError> {
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

/// The date of `text` when it is a day, week or month written with
/// digits (`YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`), perhaps with one
/// qualifier (`~`, `?`, `%`), and nothing else: the forms of most dates in
/// a store, read without the general reading's splitting, trimming and
/// formatting (some 2,000 instructions a date, a million times in a large
/// store). It gives the date the general reading gives, whose canonical
/// text is then `text` itself; `None` for anything else (a year 0000, a
/// day or week that does not exist, any other form), which the general
/// reading reads or explains.
fn plain_date(text: &str) -> Option<EventDate> {
    let bytes = text.as_bytes();
    let (body, certainty) = match bytes.split_last()? {
        (b'~', body) => (body, Certainty::Approximate),
        (b'?', body) => (body, Certainty::Uncertain),
        (b'%', body) => (body, Certainty::UncertainApproximate),
        _ => (bytes, Certainty::Exact),
    };
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let year = i32::try_from(number(body.get(..4)?)?)
        .ok()
        .filter(|&y| y > 0)?;
    let unit = match body.get(4..)? {
        [b'-', m @ ..] if m.len() == 2 => Unit::Month(year, number(m)?),
        [b'-', b'W', w @ ..] if w.len() == 2 => Unit::Week(year, number(w)?),
        [b'-', m1, m2, b'-', d @ ..] if d.len() == 2 => {
            let month = number(&[*m1, *m2])?;
            Unit::Day(NaiveDate::from_ymd_opt(year, month, number(d)?)?)
        }
        _ => return None,
    };
    let single = Single {
        unit,
        part: None,
        certainty,
        margin: None,
    };
    let (earliest, latest) = single.interval().ok()?;
    Some(EventDate {
        form: Form::Single(single),
        written: Written::copied(text)?,
        earliest,
        latest,
    })
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
    let unit = parse_unit(input, body)?;
    EventDate::single(Single {
        unit,
        part,
        certainty,
        margin,
    })
    .map_err(|e| err(input, e.reason))
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
) -> Result<(&'a str, Certainty, Option<u16>), DateError> {
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
        let m: u16 = digits.parse().ok().filter(|m| *m <= 3650).ok_or_else(|| {
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
    EventDate::ranged(first.as_ref(), last.as_ref()).map_err(|e| err(input, e.reason))
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

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(no_such_day)
}

fn last_of_month(y: i32, m: u32) -> Result<NaiveDate, String> {
    let first = ymd(y, m, 1)?;
    Ok(first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first))
}

fn month_number(input: &str, s: &str) -> Result<u32, DateError> {
    check_month(input, two_digits(input, s, "month")?)
}

fn check_month(input: &str, m: u32) -> Result<u32, DateError> {
    if !(1..=12).contains(&m) {
        return Err(err(
            input,
            format!("there is no month {m:02}; months are 01 to 12"),
        ));
    }
    Ok(m)
}

/// The unit written as `s`, checked to lie in years 1 to 9999.
fn parse_unit(input: &str, s: &str) -> Result<Unit, DateError> {
    let unit = unit_of(input, s)?;
    unit.span().map_err(|reason| err(input, reason))?;
    Ok(unit)
}

/// The unit written as `s`, by its shape.
fn unit_of(input: &str, s: &str) -> Result<Unit, DateError> {
    // Up to four parts, none needs more (and four is no date), kept in
    // place: a store's million dates need no list each.
    let mut parts = [""; 4];
    let mut count = 0;
    for (slot, part) in parts.iter_mut().zip(s.split('-')) {
        *slot = part;
        count += 1;
    }
    match &parts[..count] {
        [y] if y.len() == 4 && y.ends_with("XX") => digits(&y[..2], 2)
            .map(Unit::Century)
            .ok_or_else(|| err(input, "a century is written like 19XX")),
        [y] if y.len() == 4 && y.ends_with('X') => digits(&y[..3], 3)
            .map(Unit::Decade)
            .ok_or_else(|| err(input, "a decade is written like 199X")),
        [y] => Ok(Unit::Year(year_of(input, y)?)),
        [y, w] if w.starts_with('W') && *w != "WI" => {
            let y = year_of(input, y)?;
            Ok(Unit::Week(y, two_digits(input, &w[1..], "week")?))
        }
        [y, q] if q.starts_with('Q') => {
            let y = year_of(input, y)?;
            match &q[1..] {
                n @ ("1" | "2" | "3" | "4") => Ok(Unit::Quarter(y, n.parse().unwrap_or(1))),
                _ => Err(err(input, "a quarter is Q1 to Q4")),
            }
        }
        [y, h] if h.starts_with('H') => {
            let y = year_of(input, y)?;
            match &h[1..] {
                n @ ("1" | "2") => Ok(Unit::Half(y, n.parse().unwrap_or(1))),
                _ => Err(err(input, "a half year is H1 or H2")),
            }
        }
        [y, code] if Season::from_code(code).is_some() => {
            let season = Season::from_code(code).unwrap_or(Season::Spring);
            Ok(Unit::Season(year_of(input, y)?, season))
        }
        [y, m] => {
            let y = year_of(input, y)?;
            Ok(Unit::Month(y, month_number(input, m)?))
        }
        [y, m, d] => {
            let y = year_of(input, y)?;
            let m = two_digits(input, m, "month")?;
            let dd = two_digits(input, d, "day")?;
            let m = check_month(input, m)?;
            let day = NaiveDate::from_ymd_opt(y, m, dd).ok_or_else(|| {
                err(
                    input,
                    format!(
                        "the day does not exist: {y:04}-{m:02} has no day {dd:02}, only {} days",
                        last_of_month(y, m).map(|d| d.day()).unwrap_or(31)
                    ),
                )
            })?;
            Ok(Unit::Day(day))
        }
        _ => Err(err(input, format!("this is not a date; {DATE_FORMS}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_written_as_format_writes_it() {
        for y in [-12, 0, 7, 99, 999, 2020, 9999, 12345] {
            let units = [
                (Unit::Week(y, 3), format!("{y:04}-W{:02}", 3)),
                (Unit::Month(y, 11), format!("{y:04}-{:02}", 11)),
                (Unit::Season(y, Season::Fall), format!("{y:04}-FA")),
                (Unit::Quarter(y, 4), format!("{y:04}-Q4")),
                (Unit::Half(y, 1), format!("{y:04}-H1")),
                (Unit::Year(y), format!("{y:04}")),
                (Unit::Decade(y), format!("{y:03}X")),
                (Unit::Century(y), format!("{y:02}XX")),
            ];
            for (unit, text) in units {
                assert_eq!(unit.to_string(), text);
            }
        }
    }

    #[test]
    fn an_iso_day_is_what_chrono_writes() {
        let days = (-3..10003)
            .flat_map(|y| [(y, 1, 1), (y, 2, 28), (y, 12, 31)])
            .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        for day in days.chain([NaiveDate::MIN, NaiveDate::MAX]) {
            assert_eq!(IsoDay(day).to_string(), day.format("%Y-%m-%d").to_string());
        }
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Every field of a date, its canonical text included (equality
    /// looks only at the meaning).
    fn whole(date: &EventDate) -> String {
        format!("{date:?}")
    }

    #[test]
    fn a_plain_date_reads_as_the_general_reading_reads_it() {
        let mut texts = Vec::new();
        let years = [
            "0000", "0001", "0002", "1999", "2020", "2024", "9999", "2O20", "+202", "202",
        ];
        let months = [
            "00", "01", "02", "09", "12", "13", "1a", "-1", "W0", "W1", "W01", "W52", "W53", "W54",
            "SU", "Q3", "H2", "WI", "1",
        ];
        for y in years {
            for m in months {
                for d in [
                    "", "-00", "-01", "-28", "-29", "-30", "-31", "-32", "-3 ", "-+1", "-1",
                    "-012", "/2021",
                ] {
                    for q in ["", "~", "?", "%", "~3d", " ", "x", "~~", "?~"] {
                        texts.push(format!("{y}-{m}{d}{q}"));
                    }
                }
            }
        }
        texts.extend(
            [
                "",
                "~",
                "2020",
                "2020~",
                "2020/09/28",
                "2020_09-28",
                "late 2020-09",
                "2020-09-28é",
                " 2020-09",
            ]
            .map(String::from),
        );
        let mut fast = 0;
        for text in &texts {
            let general = parse_generally(text);
            match plain_date(text) {
                Some(date) => {
                    fast += 1;
                    assert_eq!(whole(&date), whole(general.as_ref().unwrap()), "{text}");
                    assert_eq!(date.as_str(), text);
                }
                None => {
                    let plain = text.trim_end_matches(['~', '?', '%']);
                    let shaped = plain.len() + 1 >= text.len()
                        && [7, 8, 10].contains(&plain.len())
                        && plain
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'W')
                        && !plain.starts_with("0000");
                    assert!(general.is_err() || !shaped, "{text}");
                }
            }
            assert_eq!(
                parse(text).map(|d| whole(&d)),
                general.map(|d| whole(&d)),
                "{text}"
            );
        }
        assert!(fast > 500, "{fast}");
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_the_same_with_the_short_cut(
            text in "[0-9W~?% /-]{0,12}|[0-9]{4}-W?[0-9]{2}(-[0-9]{2})?.?"
        ) {
            proptest::prop_assert_eq!(
                parse(&text).map(|d| whole(&d)),
                parse_generally(&text).map(|d| whole(&d))
            );
        }
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

    #[test]
    fn constructors_give_the_parsed_dates() {
        let ok = |d: Result<EventDate, DateError>| d.unwrap();
        let same = |built: EventDate, text: &str| {
            let parsed: EventDate = text.parse().unwrap();
            assert_eq!(built.as_str(), text);
            assert_eq!(built, parsed, "{text}");
            assert_eq!(
                (built.earliest(), built.latest(), built.part()),
                (parsed.earliest(), parsed.latest(), parsed.part())
            );
        };
        for (unit, text) in [
            (Unit::Day(d("2020-09-28")), "2020-09-28"),
            (Unit::Week(2020, 39), "2020-W39"),
            (Unit::Month(2020, 2), "2020-02"),
            (Unit::Season(2020, Season::Winter), "2020-WI"),
            (Unit::Season(2020, Season::Summer), "2020-SU"),
            (Unit::Quarter(2020, 3), "2020-Q3"),
            (Unit::Half(2020, 2), "2020-H2"),
            (Unit::Year(2020), "2020"),
            (Unit::Decade(199), "199X"),
            (Unit::Century(19), "19XX"),
        ] {
            same(ok(EventDate::of(unit)), text);
            assert_eq!(text.parse::<EventDate>().unwrap().unit(), Some(unit));
        }
        let week = Unit::Week(2020, 39);
        same(ok(EventDate::part_of(Part::Late, week)), "late 2020-W39");
        same(
            ok(ok(EventDate::part_of(Part::Early, week)).approximate(None)),
            "early 2020-W39~",
        );
        let day = |s: &str| EventDate::day(d(s));
        same(ok(day("2020-09-22").approximate(Some(3))), "2020-09-22~3d");
        same(
            ok(ok(day("2020-09-22").uncertain()).approximate(None)),
            "2020-09-22%",
        );
        same(
            ok(EventDate::range(&day("2020-09-24"), &day("2020-09-27"))),
            "2020-09-24/2020-09-27",
        );
        same(ok(EventDate::since(&day("2020-09-22"))), "2020-09-22/..");
        same(
            ok(EventDate::until(&ok(EventDate::of(Unit::Month(2020, 9))))),
            "../2020-09",
        );
    }

    #[test]
    fn constructors_refuse_what_the_parser_refuses() {
        assert!(EventDate::of(Unit::Month(2020, 13)).is_err());
        assert!(EventDate::of(Unit::Week(2020, 54)).is_err());
        assert!(EventDate::of(Unit::Quarter(2020, 5)).is_err());
        assert!(EventDate::of(Unit::Year(10_000)).is_err());
        assert!(EventDate::of(Unit::Century(i32::MAX)).is_err());
        let day = |s: &str| EventDate::day(d(s));
        let later = EventDate::range(&day("2020-09-27"), &day("2020-09-24"));
        assert!(later.unwrap_err().reason.contains("before it starts"));
        let range = EventDate::range(&day("2020-09-24"), &day("2020-09-27")).unwrap();
        assert!(range.clone().approximate(None).is_err());
        assert!(EventDate::since(&range).is_err());
        assert!(day("2020-09-24").approximate(Some(4000)).is_err());
    }

    #[test]
    fn a_range_gives_its_ends() {
        let r: EventDate = "2020-09-22~/..".parse().unwrap();
        let (a, b) = r.ends().unwrap();
        assert_eq!(a.unwrap().as_str(), "2020-09-22~");
        assert!(b.is_none());
        assert_eq!(r.unit(), Some(Unit::Day(d("2020-09-22"))));
        let open: EventDate = "../2020".parse().unwrap();
        assert_eq!(open.unit(), None);
        assert!(EventDate::day(d("2020-01-01")).ends().is_none());
    }

    #[test]
    fn a_date_is_read_from_text_or_a_toml_date() {
        #[derive(serde::Deserialize)]
        struct Row {
            date: EventDate,
        }
        let json = |text: &str| serde_json::from_str::<Row>(text).map(|r| r.date);
        // Borrowed from the text, and copied out of it when it holds escapes.
        assert_eq!(
            json(r#"{"date":"2020-09-28"}"#).unwrap().as_str(),
            "2020-09-28"
        );
        assert_eq!(
            json(r#"{"date":"late 2020\u002dW39~"}"#).unwrap().as_str(),
            "late 2020-W39~"
        );
        let toml = |text: &str| toml::from_str::<Row>(text).map(|r| r.date);
        assert_eq!(
            toml("date = 2020-09-28").unwrap(),
            json(r#"{"date":"2020-09-28"}"#).unwrap()
        );
        assert_eq!(toml("date = \"2020-09\"").unwrap().as_str(), "2020-09");
        let with_time = toml("date = 2020-09-28T10:00:00").unwrap_err().to_string();
        assert!(with_time.contains("without a time"), "{with_time}");
        // A number says what a date is, not how serde tried to read it.
        let number = json(r#"{"date":5}"#).unwrap_err().to_string();
        assert!(
            number.starts_with("invalid type: integer `5`, expected a date such as 2020-09-28"),
            "{number}"
        );
        let bad = json(r#"{"date":"2020-13"}"#).unwrap_err().to_string();
        assert!(bad.contains("there is no month 13"), "{bad}");
    }
}
