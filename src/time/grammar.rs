//! The rules: which token sequences are temporal expressions, and what
//! they resolve to. Each rule is a function that looks at the tokens from
//! one position and returns the longest expression it recognises there.

use std::cell::Cell;

use chrono::{Datelike, Duration, NaiveDate};

use super::calendar::{add_days, add_months, monday, Point};
use super::happenings::Happened;
use super::lexicon::sets as words;
use super::scan::{Shape, Token};
use super::story;
use super::tense::{tense, Syntax, Tense};
use super::{DocType, TimexType};

/// An expression found by a rule, before it is written out.
#[derive(Debug, Clone)]
pub struct Found {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// What it resolves to (DATE, TIME).
    pub point: Option<Point>,
    /// The value when it is not a point (DURATION, SET).
    pub value: Option<String>,
    /// TIMEX3 mod.
    pub modifier: Option<&'static str>,
    /// Approximate ("a week ago", "about").
    pub approx: bool,
    /// A clock time that named no day: it takes the day another
    /// expression of its sentence names ("Tuesday ... at 18:00 UTC").
    pub dayless: bool,
}

impl Found {
    /// The day this expression names and the token after it, if it names
    /// a single day: what "noon Tuesday", "the week of March 6" and "the
    /// day before yesterday" build on.
    fn day(&self) -> Option<(NaiveDate, usize)> {
        match self.point {
            Some(Point::Day(d)) => Some((d, self.end)),
            _ => None,
        }
    }

    fn date(first: usize, end: usize, point: Point) -> Found {
        Found {
            first,
            end,
            kind: TimexType::Date,
            point: Some(point),
            value: None,
            modifier: None,
            approx: false,
            dayless: false,
        }
    }

    fn other(first: usize, end: usize, kind: TimexType, value: String) -> Found {
        Found {
            first,
            end,
            kind,
            point: None,
            value: Some(value),
            modifier: None,
            approx: false,
            dayless: false,
        }
    }
}

/// Everything the rules need to know about the document.
pub struct Context<'a> {
    /// The tokens.
    pub tokens: &'a [Token],
    /// The reference date.
    pub dct: NaiveDate,
    /// How relative expressions are anchored.
    pub doc_type: DocType,
    /// The last day resolved before the current position, or the first
    /// day of the last month or year written with its number: what "two
    /// days later" and "the following week" count from.
    pub anchor: Option<NaiveDate>,
    /// The last day written out with its number ("April 24"): what "and
    /// 25" continues.
    pub last_day: Option<NaiveDate>,
    /// The last day the text named in any way ("Friday", "yesterday",
    /// "Oct. 13"): the day a story means by "the day".
    pub story_day: Option<NaiveDate>,
    /// The day each kind of happening was dated on ("shot to death last
    /// Oct. 23"): what "ten days before the shooting" counts from.
    pub happened: Happened,
    /// The last month or quarter mentioned: what "the same period last
    /// year" compares with.
    pub period: Option<Point>,
    /// The parse of the sentences, read when a rule asks for a tense.
    pub syntax: Syntax<'a>,
    /// The tense read around each token, once asked for.
    pub tenses: Vec<Cell<Option<Option<Tense>>>>,
    /// For each sentence, whether it or the one before speaks of quarters:
    /// then "a year ago" in a results report means that quarter a year ago.
    pub quarterly: Vec<bool>,
}

impl Context<'_> {
    fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.word(i))
    }

    /// The day the story is about: the last day it named, or else the day
    /// relative expressions count from.
    /// A story that has named no day yet has none: "on the seventh day"
    /// of a siege in 480 BC is no day of the publication's.
    fn story(&self) -> Option<NaiveDate> {
        match self.doc_type {
            DocType::Narrative => self.story_day,
            _ => Some(self.story_day.unwrap_or(self.base())),
        }
    }

    /// The day relative expressions count from: the publication date, or
    /// in narrative text the last day the text mentioned.
    fn base(&self) -> NaiveDate {
        match self.doc_type {
            DocType::Narrative => self.anchor.unwrap_or(self.dct),
            _ => self.dct,
        }
    }

    fn quarterly(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            self.quarterly
                .get(t.sentence as usize)
                .copied()
                .unwrap_or(false)
        })
    }

    /// Which way the sentence around token `i` looks. Conversation ties
    /// its clauses loosely: there a forward cue anywhere in the sentence
    /// counts when none stands near.
    fn tense(&self, i: usize) -> Option<Tense> {
        // Several rules ask about the same token: read its sentence once.
        let cached = self.tenses.get(i)?;
        if let Some(t) = cached.get() {
            return t;
        }
        let t = self.read_tense(i);
        cached.set(Some(t));
        t
    }

    fn read_tense(&self, i: usize) -> Option<Tense> {
        let read = tense(&self.syntax, self.tokens, i);
        if read.is_some() || self.doc_type != DocType::Colloquial {
            return read;
        }
        // Tokens come in sentence order: look only within this one.
        let sentence = self.tokens.get(i)?.sentence;
        let same = |t: &&Token| t.sentence == sentence;
        let forward = |t: &Token| t.lex.and_then(|l| l.tense) == Some(Tense::Future);
        let before = self.tokens[..i].iter().rev().take_while(same);
        let after = self.tokens[i..].iter().take_while(same);
        before.chain(after).any(forward).then_some(Tense::Future)
    }

    /// The point a narrative has reached, once it has told of a date.
    fn told(&self) -> Option<NaiveDate> {
        self.anchor.filter(|_| self.doc_type == DocType::Narrative)
    }

    /// The day of a month and day written without a year at token `i`: in
    /// a story, the one the story has reached; otherwise the one the tense
    /// points to from the reference date.
    fn undated_day(&self, month: u32, day: u32, i: usize) -> Option<NaiveDate> {
        match self.told() {
            Some(at) => story::day_of(at, month, day),
            None => day_year(self.dct, month, day, self.tense(i)),
        }
    }

    /// The year of a month (or a season beginning in it) named alone at
    /// token `i`.
    fn undated_month(&self, month: u32, i: usize) -> i32 {
        match self.told() {
            Some(at) => story::year_of(at, month, 1),
            None => month_year(self.base(), month, self.tense(i)),
        }
    }

    /// The year "the year", "the end of the year" mean: the report's, or
    /// the story's.
    fn this_year(&self) -> i32 {
        self.told().unwrap_or(self.dct).year()
    }

    /// True when the expression at tokens `first..` stands aside from the
    /// story's line rather than moving it on: a state's bounds ("part of
    /// the empire since 513 BC", "until the fall of Budapest in February
    /// 1945"), a flashback in the past perfect ("had been signed in
    /// 1939"), a plan ("a campaign planned for 1976"), or what counts from
    /// the time of speaking ("two years ago", said in a quotation).
    pub fn aside(&self, first: usize, end: usize) -> bool {
        if self.is(end.wrapping_sub(1), &["ago"]) {
            return true;
        }
        // "the previous year", "a decade earlier": a look back, after
        // which the story goes on from where it was.
        let back = ["previous", "preceding", "earlier", "prior"];
        if (first..end).any(|k| self.is(k, &back)) {
            return true;
        }
        let Some(sentence) = self.tokens.get(first).map(|t| t.sentence) else {
            return false;
        };
        let clause =
            self.tokens[..first].iter().rev().take(8).take_while(|t| {
                t.sentence == sentence && !matches!(t.lower.as_str(), "," | ";" | ":")
            });
        let clause: Vec<&Token> = clause.collect();
        let bounded = clause
            .iter()
            .take(3)
            .any(|t| matches!(t.lower.as_str(), "since" | "until" | "till" | "before"));
        let ahead = |t: &&Token| t.lex.and_then(|l| l.tense) == Some(Tense::Future);
        bounded || clause.iter().any(|t| t.lower == "had") || clause.iter().any(ahead)
    }

    /// True when the sentence around token `i` speaks of the future.
    fn future(&self, i: usize) -> bool {
        self.tense(i) == Some(Tense::Future)
    }
}

/// A number written in digits or words ("24", "twenty four", "a"); returns
/// the value and the token after it. `None` for vague amounts.
fn number(cx: &Context<'_>, i: usize) -> Option<(Option<u32>, usize)> {
    // "five trading days", "two straight weeks": the adjective belongs to
    // the amount.
    let (n, j) = bare_number(cx, i)?;
    if words().counting_adjectives.contains(cx.word(j)) && unit(cx, j + 1).is_some() {
        return Some((n, j + 1));
    }
    Some((n, j))
}

fn bare_number(cx: &Context<'_>, i: usize) -> Option<(Option<u32>, usize)> {
    let t = cx.tokens.get(i)?;
    if t.shape == Shape::Number && t.lower.bytes().all(|b| b.is_ascii_digit()) && t.lower.len() <= 4
    {
        return Some((t.lower.parse().ok(), i + 1));
    }
    let lex = t.lex?;
    if lex.vague {
        // "a few", "a couple of" are vague too.
        let mut j = i + 1;
        if cx.is(j, &["of"]) {
            j += 1;
        }
        return Some((None, j));
    }
    let mut n = lex.number?;
    let mut j = i + 1;
    // "a couple of years" is two, as the corpora count it.
    if n == 1 && cx.is(j, &["couple"]) {
        j += 1;
    }
    if cx.is(j - 1, &["couple"]) {
        return Some((Some(2), if cx.is(j, &["of"]) { j + 1 } else { j }));
    }
    if n == 1
        && cx
            .tokens
            .get(j)
            .and_then(|t| t.lex)
            .is_some_and(|l| l.vague)
    {
        // "a few", "a couple (of)".
        j += 1;
        if cx.is(j, &["of"]) {
            j += 1;
        }
        return Some((None, j));
    }
    // twenty four, twenty-four
    if n >= 20 && n % 10 == 0 {
        let k = if cx.is(j, &["-"]) { j + 1 } else { j };
        if let Some(u) = cx
            .tokens
            .get(k)
            .and_then(|t| t.lex)
            .and_then(|l| l.number)
            .filter(|u| (1..10).contains(u))
        {
            n += u;
            j = k + 1;
        }
    }
    if cx.is(j, &["and"]) && cx.is(j + 1, &["a"]) && cx.is(j + 2, &["half"]) {
        j += 3;
    }
    Some((Some(n), j))
}

fn unit(cx: &Context<'_>, i: usize) -> Option<&'static str> {
    cx.tokens.get(i)?.lex?.unit
}

fn plural(cx: &Context<'_>, i: usize) -> bool {
    cx.word(i).ends_with('s')
}

/// A duration value: P2W, PT3H, PXY.
fn duration(n: Option<u32>, unit: &str) -> String {
    let n = n.map_or_else(|| "X".to_string(), |n| n.to_string());
    match unit {
        "S" => format!("PT{n}S"),
        "MIN" => format!("PT{n}M"),
        "H" => format!("PT{n}H"),
        "WE" => format!("P{n}WE"),
        "FN" => format!(
            "P{}W",
            if n == "X" {
                "X".into()
            } else {
                (n.parse::<u32>().unwrap_or(1) * 2).to_string()
            }
        ),
        // Decades and centuries are written in years, as the corpora do
        // ("decades-long" is PXY there).
        "DE" => n
            .parse::<u32>()
            .map_or_else(|_| "PXY".to_string(), |n| format!("P{}Y", n * 10)),
        "CE" => n
            .parse::<u32>()
            .map_or_else(|_| "PXCE".to_string(), |n| format!("P{}Y", n * 100)),
        u => format!("P{n}{u}"),
    }
}

/// A four-digit year, or a year of one to four digits before the era
/// ("493 BC"), counted as history counts it (-493).
fn year_at(cx: &Context<'_>, i: usize) -> Option<i32> {
    year_bc(cx, i).map(|(y, _)| y).or_else(|| year_ad(cx, i))
}

/// True when token `i` names the era before year 1.
fn is_bc(cx: &Context<'_>, i: usize) -> bool {
    cx.is(i, &["bc", "b.c.", "bce", "b.c.e."])
}

/// A year before the era, "493 BC", "ca. 466 BC", with the token after it.
fn year_bc(cx: &Context<'_>, i: usize) -> Option<(i32, usize)> {
    let t = cx.tokens.get(i)?;
    let plain = t.shape == Shape::Number && t.lower.len() <= 4;
    if !plain || !t.lower.bytes().all(|b| b.is_ascii_digit()) || !is_bc(cx, i + 1) {
        return None;
    }
    let y: i32 = t.lower.parse().ok().filter(|y| *y > 0)?;
    Some((-y, i + 2))
}

/// A four-digit year of the common era.
fn year_ad(cx: &Context<'_>, i: usize) -> Option<i32> {
    let t = cx.tokens.get(i)?;
    if t.shape != Shape::Number
        || t.lower.len() != 4
        || !t.lower.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    t.lower.parse().ok().filter(|y| (1000..=2199).contains(y))
}

/// A year written in digits or spoken ("1994", "nineteen ninety-four",
/// "two thousand", "two thousand and one"), with the token after it.
fn year_words(cx: &Context<'_>, i: usize) -> Option<(i32, usize)> {
    if let Some(found) = year_bc(cx, i) {
        return Some(found);
    }
    if let Some(y) = year_at(cx, i) {
        return Some((y, i + 1));
    }
    if cx.is(i, &["nineteen", "twenty"]) {
        let century = if cx.is(i, &["nineteen"]) { 1900 } else { 2000 };
        let (n, j) = number(cx, i + 1)?;
        let n = n.filter(|n| (10..=99).contains(n))?;
        return Some((century + n as i32, j));
    }
    if cx.is(i, &["two"]) && cx.is(i + 1, &["thousand"]) {
        let k = if cx.is(i + 2, &["and"]) { i + 3 } else { i + 2 };
        if let Some((Some(n), j)) = number(cx, k).filter(|(n, _)| n.is_some_and(|n| n < 100)) {
            return Some((2000 + n as i32, j));
        }
        return Some((2000, i + 2));
    }
    None
}

/// "last year", "this year", "next year", as the year they name, with the
/// token after them: what "June last year" is in. After "of" ("October of
/// next year") the year is told apart, and the expression ends before it.
fn relative_year(cx: &Context<'_>, i: usize) -> Option<(i32, usize)> {
    if cx.is(i, &["of"]) && !cx.is(i + 1, &["that"]) {
        return relative_year(cx, i + 1).map(|(y, _)| (y, i));
    }
    if cx.is(i, &["of"]) {
        return relative_year(cx, i + 1);
    }
    if !cx.is(i + 1, &["year"]) {
        return None;
    }
    // "July 25 of that year": the year the story is in.
    if cx.is(i, &["that"]) {
        return Some((cx.told()?.year(), i + 2));
    }
    let offset = match cx.word(i) {
        "last" | "past" => -1,
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    Some((cx.base().year() + offset, i + 2))
}

fn day_at(cx: &Context<'_>, i: usize) -> Option<u32> {
    let t = cx.tokens.get(i)?;
    let digits = t.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix_ok = matches!(&t.lower[digits.len()..], "" | "st" | "nd" | "rd" | "th");
    if t.shape != Shape::Number || digits.is_empty() || digits.len() > 2 || !suffix_ok {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn month_at(cx: &Context<'_>, i: usize) -> Option<u32> {
    let t = cx.tokens.get(i)?;
    let m = t.lex?.month?;
    // Lowercase "may", "march", "sat"... are verbs and words, not months.
    (t.capital || t.lower.ends_with('.')).then_some(m)
}

/// The year of a month named without one: in a past-tense sentence the
/// last such month, in a forward-looking one the next; otherwise the
/// reference year, unless the month lies just across the turn of the year
/// ("January" in December is next January, "December" in February or March
/// last December): news looks back more readily than ahead.
fn month_year(base: NaiveDate, month: u32, tense: Option<Tense>) -> i32 {
    let delta = month as i32 - base.month() as i32;
    match tense {
        Some(Tense::Past) if delta > 0 => base.year() - 1,
        Some(Tense::Future) if delta < 0 => base.year() + 1,
        Some(_) => base.year(),
        None if delta > 8 => base.year() - 1,
        None if delta < -10 => base.year() + 1,
        None => base.year(),
    }
}

/// The year of a month-and-day written without one: in a past-tense
/// sentence the last such day, in a forward-looking one the next, and
/// otherwise the one nearest the reference date.
fn day_year(base: NaiveDate, month: u32, day: u32, tense: Option<Tense>) -> Option<NaiveDate> {
    let years = [base.year(), base.year() - 1, base.year() + 1];
    let days = years
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day));
    // Tense weighs the distance on its wrong side; a day is rarely more
    // than a few months off, whatever the tense.
    let (ahead, behind) = match tense {
        Some(Tense::Past) => (4, 1),
        Some(Tense::Future) => (1, 4),
        None => (3, 2),
    };
    days.min_by_key(|d| {
        let days = (*d - base).num_days();
        if days > 0 {
            days * ahead
        } else {
            -days * behind
        }
    })
}

/// Explicit dates: "September 29, 2020", "Sept. 29", "29 September 2020",
/// "September 2020", "9/29/2020", "2020-09-29".
fn explicit(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "Saturday, April 25": the weekday joins the date.
    if let Some(w) = cx
        .tokens
        .get(i)
        .filter(|t| t.capital)
        .and_then(|t| t.lex)
        .and_then(|l| l.weekday)
    {
        let j = if cx.is(i + 1, &[","]) { i + 2 } else { i + 1 };
        if month_at(cx, j).is_some() || day_at(cx, j).is_some() {
            let mut f = explicit(cx, j)?;
            // Only when they agree: "until Friday September 18, 2008" is a
            // headline's Friday and a dateline's Thursday.
            let agree = |d: &NaiveDate| d.weekday().number_from_monday() == w;
            if matches!(&f.point, Some(Point::Day(d)) if agree(d)) {
                f.first = i;
                return Some(f);
            }
        }
        return None;
    }
    if let Some(m) = month_at(cx, i) {
        let mut j = i + 1;
        if let Some(d) = day_at(cx, j) {
            j += 1;
            let mut k = j;
            if cx.is(k, &[","]) {
                k += 1;
            }
            if let Some((y, end)) = year_words(cx, k).or_else(|| relative_year(cx, j)) {
                let day = NaiveDate::from_ymd_opt(y, m, d)?;
                return Some(Found::date(i, end, Point::Day(day)));
            }
            let day = cx.undated_day(m, d, i)?;
            return Some(Found::date(i, j, Point::Day(day)));
        }
        if cx.is(j, &[","]) && year_at(cx, j + 1).is_some() {
            j += 1;
        }
        if let Some((y, end)) = year_words(cx, j).or_else(|| relative_year(cx, j)) {
            return Some(Found::date(i, end, Point::Month(y, m)));
        }
        return None;
    }
    if let Some(d) = day_at(cx, i) {
        let mut j = i + 1;
        if cx.is(j, &["of"]) {
            j += 1;
        }
        // "6-7 February", "6 and 7 February": the first day of a range
        // takes the month after the second.
        let ranged = cx.is(j, &["-", "–", "and", "to"]) && day_at(cx, j + 1).is_some();
        if ranged && month_at(cx, j + 2).is_some() {
            let m = month_at(cx, j + 2)?;
            let day = match year_at(cx, j + 3).filter(|_| cx.tokens[j + 3].shape == Shape::Number) {
                Some(y) => NaiveDate::from_ymd_opt(y, m, d)?,
                None => cx.undated_day(m, d, i)?,
            };
            return Some(Found::date(i, i + 1, Point::Day(day)));
        }
        let m = month_at(cx, j)?;
        j += 1;
        let mut k = j;
        if cx.is(k, &[","]) {
            k += 1;
        }
        if let Some((y, end)) = year_bc(cx, k).or_else(|| Some((year_at(cx, k)?, k + 1))) {
            return Some(Found::date(
                i,
                end,
                Point::Day(NaiveDate::from_ymd_opt(y, m, d)?),
            ));
        }
        return Some(Found::date(i, j, Point::Day(cx.undated_day(m, d, i)?)));
    }
    let t = cx.tokens.get(i)?;
    if t.shape != Shape::Number {
        return None;
    }
    let parts: Vec<&str> = t.lower.split(['/', '-']).collect();
    let nums: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if nums.len() != parts.len() || !(2..=3).contains(&nums.len()) {
        return None;
    }
    let day = match (parts[0].len(), nums.as_slice()) {
        (4, [y, m, d]) => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        (_, [m, d, y]) if parts[2].len() == 4 => NaiveDate::from_ymd_opt(*y as i32, *m, *d),
        (_, [m, d, y]) if parts[2].len() == 2 => {
            let y = *y as i32 + if *y < 50 { 2000 } else { 1900 };
            NaiveDate::from_ymd_opt(y, *m, *d)
        }
        (4, [y, m]) if t.lower.contains('-') && (1..=12).contains(m) => {
            return Some(Found::date(i, i + 1, Point::Month(*y as i32, *m)));
        }

        _ => None,
    }?;
    Some(Found::date(i, i + 1, Point::Day(day)))
}

/// Years, decades and centuries: "2020", "fiscal 1989", "the 1990s",
/// "'90s", "the 20th century".
fn years(cx: &Context<'_>, i: usize) -> Option<Found> {
    let t = cx.tokens.get(i)?;
    if cx.is(i, &["fiscal"]) {
        let y = year_at(cx, i + 1)?;
        return Some(Found::date(i, i + 2, Point::Year(y)));
    }
    if t.lower == "'" || t.lower == "’" {
        // '90s is a decade, '82 a year; two digits glued to the apostrophe.
        let n = cx.tokens.get(i + 1)?;
        let (d, decade) = match n.lower.strip_suffix('s') {
            Some(d) => (d, true),
            None => (n.lower.as_str(), false),
        };
        // "'60 Minutes" is a programme.
        let titled = cx.is(i + 2, &["minutes", "hours", "days"])
            && cx.tokens.get(i + 2).is_some_and(|t| t.capital);
        if d.len() != 2 || !d.bytes().all(|b| b.is_ascii_digit()) || n.start != t.end || titled {
            return None;
        }
        let v: i32 = d.parse().ok()?;
        let century = if v < 30 { 2000 } else { 1900 };
        let p = if decade {
            Point::Decade((century + v) / 10)
        } else {
            Point::Year(century + v)
        };
        return Some(Found::date(i, i + 2, p));
    }
    if cx.is(i, &["nineteen", "twenty"]) {
        let (y, j) = year_words(cx, i)?;
        return Some(Found::date(i, j, Point::Year(y)));
    }
    // "the year two thousand", "the year 2000"
    if cx.is(i, &["the"]) && cx.is(i + 1, &["year"]) {
        let (y, j) = year_words(cx, i + 2)?;
        return Some(Found::date(i, j, Point::Year(y)));
    }
    if cx.is(i, &["the"]) {
        let d = match cx.word(i + 1) {
            "nineties" => 199,
            "eighties" => 198,
            "seventies" => 197,
            "sixties" => 196,
            "fifties" => 195,
            _ => return None,
        };
        return Some(Found::date(i, i + 2, Point::Decade(d)));
    }
    if t.shape != Shape::Number {
        return None;
    }
    if let Some(d) = t
        .lower
        .strip_suffix('s')
        .filter(|d| d.len() == 2 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()))
    {
        // "in his 30s", "in their early 20s" is an age, not a decade.
        let owner = (1..=2).any(|n| {
            cx.is(
                i.wrapping_sub(n),
                &["his", "her", "their", "my", "your", "our"],
            )
        });
        if owner {
            return None;
        }
        // "the 70s": a decade of the last century (or this one, for 00s-20s).
        let v: i32 = d.parse().ok()?;
        let century = if v < 30 { 2000 } else { 1900 };
        return Some(Found::date(i, i + 1, Point::Decade((century + v) / 10)));
    }
    if let Some(d) = t.lower.strip_suffix('s') {
        if d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()) {
            let v: i32 = d.parse().ok()?;
            return Some(Found::date(i, i + 1, Point::Decade(v / 10)));
        }
    }
    if let Some(ord) = t.lex.and_then(|l| l.ordinal) {
        if cx.is(i + 1, &["century"]) && ord > 0 {
            if is_bc(cx, i + 2) {
                return Some(Found::date(i, i + 3, Point::Century(-(ord - 1))));
            }
            return Some(Found::date(i, i + 2, Point::Century(ord - 1)));
        }
    }
    // "the 470s BC"
    if let Some(d) = t.lower.strip_suffix("0s").filter(|_| is_bc(cx, i + 1)) {
        let d: i32 = d.parse().ok().filter(|d| (1..=999).contains(d))?;
        return Some(Found::date(i, i + 2, Point::Decade(-d)));
    }
    if let Some((y, end)) = year_bc(cx, i) {
        return Some(Found::date(i, end, Point::Year(y)));
    }
    // "499-493 BC", "490 to 480 BC": the first year of a range is in
    // the era of the second.
    let to_bc = |k: usize| cx.is(k, &["-", "–", "to", "and"]) && year_bc(cx, k + 1).is_some();
    if t.lower.len() <= 3 && to_bc(i + 1) {
        let y: i32 = t.lower.parse().ok().filter(|y| *y > 0)?;
        return Some(Found::date(i, i + 1, Point::Year(-y)));
    }
    if let Some(y) = range_end(cx, i) {
        return Some(Found::date(i, i + 1, Point::Year(y)));
    }
    let y = year_at(cx, i)?;
    let prev = if i > 0 { cx.word(i - 1) } else { "" };
    let next = cx.word(i + 1);
    if prev == "$" || matches!(next, "%" | "percent" | "per") {
        return None;
    }
    // A history reaches back further than the news; a year that opens or
    // closes a range ("1861-1863") is a year.
    let usual = match cx.doc_type {
        DocType::Narrative => (1000..=2199).contains(&y),
        _ => (1900..=2050).contains(&y),
    } || (cx.is(i + 1, &["-", "–"])
        && (year_ad(cx, i + 2).is_some() || range_end(cx, i + 2).is_some()));
    let introduced = matches!(
        prev,
        "in" | "since"
            | "of"
            | "by"
            | "from"
            | "until"
            | "till"
            | "to"
            | "during"
            | "early"
            | "late"
            | "mid"
            | "-"
            | "year"
            | "the"
    );
    let counted = words().counted_nouns.contains(next);
    if (usual && !counted) || introduced {
        return Some(Found::date(i, i + 1, Point::Year(y)));
    }
    None
}

/// The second year of a range glued to its first ("1957-58", "2007-08",
/// "1861-1863"): the two-digit form takes the first year's century and
/// must come after it, so "2020-09" stays a month.
fn range_end(cx: &Context<'_>, i: usize) -> Option<i32> {
    let t = cx.tokens.get(i)?;
    let dash = cx.tokens.get(i.checked_sub(1)?)?;
    let glued = dash.end == t.start && matches!(dash.lower.as_str(), "-" | "–");
    let first = year_ad(cx, i.checked_sub(2)?).filter(|_| glued)?;
    if !t.lower.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = match t.lower.len() {
        2 => first / 100 * 100 + t.lower.parse::<i32>().ok()?,
        4 => t.lower.parse().ok()?,
        _ => return None,
    };
    (y > first).then_some(y)
}

/// The quarter most recently completed at `d`.
fn last_quarter(d: NaiveDate) -> (i32, u32) {
    let q = d.month0() / 3 + 1;
    if q == 1 {
        (d.year() - 1, 4)
    } else {
        (d.year(), q - 1)
    }
}

/// "first" to "fourth" at token `i`: the number of a quarter or a half.
fn quarter_ordinal(cx: &Context<'_>, i: usize) -> Option<u32> {
    let o = cx.tokens.get(i)?.lex?.ordinal?;
    u32::try_from(o).ok().filter(|o| (1..=4).contains(o))
}

/// Quarters and halves: "third quarter", "third-quarter", "the first half
/// of 2020", "Q3", "the quarter", "the latest quarter".
fn quarters(cx: &Context<'_>, i: usize) -> Option<Found> {
    let t = cx.tokens.get(i)?;
    if t.shape == Shape::Word && t.lower.len() == 2 && t.lower.starts_with('q') {
        let q: u32 = t.lower[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
        if let Some(y) = year_at(cx, i + 1) {
            return Some(Found::date(i, i + 2, Point::Quarter(y, q)));
        }
        return Some(Found::date(i, i + 1, Point::Quarter(cx.dct.year(), q)));
    }
    if cx.is(i, &["the"]) && cx.is(i + 1, &["latest", "current", "quarter", "period"]) {
        let mut j = i + 1;
        if cx.is(j, &["latest", "current"]) {
            j += 1;
        }
        // "the current quarter" is the one under way.
        if cx.is(i + 1, &["current"]) && cx.is(j, &["quarter"]) {
            let q = Point::Quarter(cx.dct.year(), cx.dct.month0() / 3 + 1);
            return Some(Found::date(i, j + 1, q));
        }
        if cx.is(j, &["quarter"]) || (cx.is(j, &["period"]) && cx.quarterly(i)) {
            let (y, q) = last_quarter(cx.dct);
            // "the quarter a year ago": the same quarter of last year.
            if cx.is(j + 1, &["a"])
                && cx.is(j + 2, &["year"])
                && cx.is(j + 3, &["ago", "earlier", "before"])
            {
                return Some(Found::date(i, j + 4, Point::Quarter(y - 1, q)));
            }
            // "the quarter ended July 31": the three months to that day,
            // named by the calendar quarter most of them fall in.
            if cx.is(j + 1, &["ended", "ending"]) {
                if let Some((end, _)) = explicit(cx, j + 2).and_then(|f| f.day()) {
                    let middle = end - Duration::days(45);
                    let q = Point::Quarter(middle.year(), middle.month0() / 3 + 1);
                    return Some(Found::date(i, j + 1, q));
                }
            }
            return Some(Found::date(i, j + 1, Point::Quarter(y, q)));
        }
    }
    // "year-earlier", "the year-ago quarter"
    if cx.is(i, &["year"]) && cx.is(i + 1, &["-"]) && cx.is(i + 2, &["earlier", "ago"]) {
        let (y, mut q) = last_quarter(cx.dct);
        let mut end = i + 3;
        let quarter = cx.quarterly(i);
        // "the year-earlier third quarter"
        if let Some(o) = quarter_ordinal(cx, end).filter(|_| cx.is(end + 1, &["quarter"])) {
            q = o;
            end += 1;
        }
        if cx.is(end, &["quarter", "period"]) {
            end += 1;
        }
        let p = if quarter {
            Point::Quarter(y - 1, q)
        } else {
            Point::Year(cx.dct.year() - 1)
        };
        return Some(Found::date(i, end, p));
    }
    // "the 1996 second quarter", "this year's third quarter"
    let (lead_year, i) = if let Some(y) = year_at(cx, i) {
        (Some(y), i + 1)
    } else if cx.is(i, &["this", "last", "next"])
        && cx.is(i + 1, &["year"])
        && cx.is(i + 2, &["'", "’"])
        && cx.is(i + 3, &["s"])
    {
        let off = match cx.word(i) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        (Some(cx.dct.year() + off), i + 4)
    } else {
        (None, i)
    };
    let first = match lead_year {
        Some(_) if cx.is(i - 1, &["s"]) => i - 4,
        Some(_) => i - 1,
        None => i,
    };
    if let (Some(y), true) = (lead_year, cx.is(i, &["quarter"])) {
        let (_, q) = last_quarter(cx.dct);
        return Some(Found::date(first, i + 1, Point::Quarter(y, q)));
    }
    // "last"/"final" is the fourth quarter or the second half; "the first
    // two quarters" the first half.
    let last = cx.is(i, &["last", "final"]);
    let mut ord = if last { 0 } else { quarter_ordinal(cx, i)? };
    let mut j = i + 1;
    if cx.is(j, &["-"]) {
        j += 1;
    }
    let pair = cx.is(j, &["two"]) && cx.is(j + 1, &["quarters"]) && (ord == 1 || last);
    if pair {
        j += 1;
    }
    let is_half = cx.is(j, &["half"]) || pair;
    if !(cx.is(j, &["quarter"]) || is_half) {
        return None;
    }
    if last {
        ord = if is_half { 2 } else { 4 };
    }
    if is_half && ord > 2 {
        return None;
    }
    j += 1;
    let mut year = None;
    if cx.is(j, &["of"]) {
        if let Some(y) = year_at(cx, j + 1) {
            year = Some(y);
            j += 2;
        } else if cx.is(j + 1, &["this", "last", "next"]) && cx.is(j + 2, &["year"]) {
            let off = match cx.word(j + 1) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            year = Some(cx.dct.year() + off);
            j += 3;
        } else if is_half {
            // "the last half of the '70s", "the first half of the match":
            // not a half of a year.
            return None;
        }
    } else if let Some(y) = year_at(cx, j) {
        year = Some(y);
        j += 1;
    }
    // "the last quarter" alone is the one most recently completed.
    if last && !is_half && year.is_none() && lead_year.is_none() {
        let (y, q) = last_quarter(cx.dct);
        return Some(Found::date(first, j, Point::Quarter(y, q)));
    }
    let year = year.or(lead_year).unwrap_or_else(|| {
        // A quarter still to come this year is last year's in a past-tense report.
        let start_month = if is_half {
            (ord - 1) * 6 + 1
        } else {
            (ord - 1) * 3 + 1
        };
        if start_month > cx.dct.month() && !cx.future(i) {
            cx.dct.year() - 1
        } else {
            cx.dct.year()
        }
    });
    let p = if is_half {
        Point::Half(year, ord)
    } else {
        Point::Quarter(year, ord)
    };
    Some(Found::date(first, j, p))
}

/// Weekdays, bare or with a part of the day: "Friday", "Sunday night".
fn weekday(
    cx: &Context<'_>,
    i: usize,
    base: NaiveDate,
    direction: i32,
) -> Option<(NaiveDate, usize, Option<&'static str>)> {
    let t = cx.tokens.get(i)?;
    let w = t.lex?.weekday?;
    if !t.capital && !t.lower.ends_with('.') && t.lower.len() <= 4 {
        return None;
    }
    let today = base.weekday().number_from_monday() as i64;
    let w = w as i64;
    let day = match direction {
        // last Monday: the Monday before the reference day
        -2 => {
            base - Duration::days(
                ((today - w + 7) % 7).max(1) + if (today - w + 7) % 7 == 0 { 6 } else { 0 },
            )
        }
        // next Monday, or a weekday after the last day a narrative told:
        // the one after
        1 | 2 => {
            base + Duration::days(if (w - today + 7) % 7 == 0 {
                7
            } else {
                (w - today + 7) % 7
            })
        }
        // this Monday: in the reference week
        0 => monday(base) + Duration::days(w - 1),
        // a bare weekday ahead: today's name is today, as it is behind
        3 => base + Duration::days((w - today + 7) % 7),
        _ => base - Duration::days((today - w + 7) % 7),
    };
    let mut j = i + 1;
    let mut part = None;
    if let Some(p) = cx
        .tokens
        .get(j)
        .and_then(|t| t.lex)
        .and_then(|l| l.day_part)
    {
        part = Some(p);
        j += 1;
    }
    Some((day, j, part))
}

/// Days named relative to the reference: today, yesterday, tomorrow,
/// tonight, last night, this morning, and bare or qualified weekdays.
fn days(cx: &Context<'_>, i: usize) -> Option<Found> {
    days_told(cx, i, i)
}

/// [`days`], with the tense of a bare weekday read around token `told`:
/// the start of "9 a.m. Tuesday" rather than its weekday.
fn days_told(cx: &Context<'_>, i: usize, told: usize) -> Option<Found> {
    let base = cx.base();
    let w = cx.word(i);
    let shift = match w {
        "today" => Some(0),
        "tonight" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    };
    // "today's youth", "today's world": the present age, not the day.
    let generic = w == "today"
        && cx.is(i + 1, &["'", "’"])
        && cx.is(i + 2, &["s"])
        && words().generic_now.contains(cx.word(i + 3));
    // In a history, "today" is the time of writing, not a day of the story.
    if generic || (w == "today" && cx.doc_type == DocType::Narrative) {
        return Some(Found::date(i, i + 1, Point::Reference("PRESENT_REF", None)));
    }
    if let Some(s) = shift {
        let day = base + Duration::days(s);
        if w == "tonight" {
            return Some(Found::date(i, i + 1, Point::Day(day)));
        }
        if let Some(p) = cx
            .tokens
            .get(i + 1)
            .and_then(|t| t.lex)
            .and_then(|l| l.day_part)
        {
            let mut f = Found::date(i, i + 2, Point::DayPart(day, p));
            f.kind = TimexType::Time;
            return Some(f);
        }
        return Some(Found::date(i, i + 1, Point::Day(day)));
    }
    if matches!(w, "this" | "last") {
        if let Some(p) = cx
            .tokens
            .get(i + 1)
            .and_then(|t| t.lex)
            .and_then(|l| l.day_part)
        {
            let day = if w == "last" {
                base - Duration::days(1)
            } else {
                base
            };
            let mut f = Found::date(i, i + 2, Point::DayPart(day, p));
            f.kind = TimexType::Time;
            return Some(f);
        }
    }
    let named = |k: usize| cx.tokens.get(k).and_then(|t| t.lex).and_then(|l| l.weekday);
    // Only a weekday goes on; the tense below is not cheap to read.
    named(i).or_else(|| named(i + 1))?;
    let (direction, first) = match w {
        "last" | "past" | "previous" | "preceding" => (-2, i + 1),
        "next" | "coming" => (2, i + 1),
        "this" => (0, i + 1),
        // "Wednesday's ruling" names something that has happened.
        _ if cx.is(i + 1, &["'", "’"]) && cx.is(i + 2, &["s"]) => (-1, i),
        _ if cx.doc_type == DocType::Narrative => (1, i),
        _ if cx.future(told) => (3, i),
        _ => (-1, i),
    };
    // "the previous Friday" is the one before the day the text last
    // spoke of, not before today: "turnout 3% below the previous Friday".
    let from = match (w, cx.anchor) {
        ("previous" | "preceding", Some(a)) => a,
        _ => base,
    };
    let (day, end, part) = weekday(cx, first, from, direction)?;
    if cx.doc_type == DocType::Narrative && cx.anchor.is_none() {
        // No day to count from: say which weekday, not which date.
        let w = cx.tokens[first].lex.and_then(|l| l.weekday).unwrap_or(1);
        return Some(Found::date(
            i,
            end,
            Point::Unresolved(format!("XXXX-WXX-{w}")),
        ));
    }
    let point = match part {
        Some(p) => Point::DayPart(day, p),
        None => Point::Day(day),
    };
    Some(Found::date(i, end, point))
}

/// The calendar unit around `base` moved by `offset` units.
fn unit_point(unit: &str, base: NaiveDate, offset: i32) -> Option<Point> {
    let weeks = || add_days(monday(base), i64::from(offset) * 7);
    Some(match unit {
        "D" => Point::Day(add_days(base, i64::from(offset))?),
        "W" => Point::Week(weeks()?),
        "WE" => Point::Weekend(weeks()?),
        "M" => {
            let d = add_months(base, offset)?;
            Point::Month(d.year(), d.month())
        }
        "Q" => {
            let d = add_months(base, offset.checked_mul(3)?)?;
            Point::Quarter(d.year(), d.month0() / 3 + 1)
        }
        "Y" => Point::Year(base.year().checked_add(offset)?),
        "DE" => Point::Decade((base.year() / 10).checked_add(offset)?),
        "CE" => Point::Century((base.year() / 100).checked_add(offset)?),
        _ => return None,
    })
}

/// A part of a day with a modifier or a day after it: "mid-afternoon
/// yesterday", "by mid afternoon", "late evening".
fn day_part(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "noon" and "midday" are clock times.
    if cx.is(i, &["noon", "midday"]) {
        return None;
    }
    if let Some(f) = part_of_day(cx, i) {
        return Some(f);
    }
    let part = cx.tokens.get(i)?.lex?.day_part?;
    let modified = cx.is(i.wrapping_sub(1), &["mid", "-", "early", "late"]);
    let day = days(cx, i + 1).and_then(|f| f.day());
    if !modified && day.is_none() {
        return None;
    }
    let (d, end) = day.unwrap_or((cx.base(), i + 1));
    let mut f = Found::date(i, end, Point::DayPart(d, part));
    f.kind = TimexType::Time;
    Some(f)
}

/// "the night of May 13", "the early morning hours of 30 April", "that
/// afternoon": a part of a day the text names, or of the story's day.
fn part_of_day(cx: &Context<'_>, i: usize) -> Option<Found> {
    if !cx.is(i, &["the", "that"]) {
        return None;
    }
    let mut k = i + 1;
    if cx.is(k, &["early", "late"]) {
        k += 1;
    }
    let part = cx.tokens.get(k)?.lex?.day_part?;
    let mut j = k + 1;
    if cx.is(j, &["hours"]) {
        j += 1;
    }
    let (d, end) = if cx.is(i, &["that"]) && j == k + 1 {
        (cx.story_day?, j)
    } else if cx.is(j, &["of"]) {
        explicit(cx, j + 1)?.day()?
    } else {
        return None;
    };
    let mut f = Found::date(i, end, Point::DayPart(d, part));
    f.kind = TimexType::Time;
    Some(f)
}

/// The second day of "April 24 and 25", "May 3-5": the month of the day
/// just written.
fn day_after_and(cx: &Context<'_>, i: usize) -> Option<Found> {
    let d = day_at(cx, i)?;
    let anchor = cx.last_day?;
    let joined = cx.is(i.wrapping_sub(1), &["and", "to", "through", "-", "or"])
        && day_at(cx, i.wrapping_sub(2)) == Some(anchor.day());
    if !joined || month_at(cx, i + 1).is_some() {
        return None;
    }
    let day = NaiveDate::from_ymd_opt(anchor.year(), anchor.month(), d)?;
    Some(Found::date(i, i + 1, Point::Day(day)))
}

/// "the day before yesterday", "the day after Christmas", "the day before
/// last Tuesday": a day next to another.
fn day_beside(cx: &Context<'_>, i: usize) -> Option<Found> {
    let k = if cx.is(i, &["the"]) { i + 1 } else { i };
    if !(cx.is(k, &["day"]) && cx.is(k + 1, &["before", "after"])) {
        return None;
    }
    let shift = if cx.is(k + 1, &["before"]) { -1 } else { 1 };
    let (d, end) = [explicit, days, holidays]
        .iter()
        .find_map(|rule| rule(cx, k + 2))
        .and_then(|f| f.day())
        .or_else(|| happening_at(cx, k + 2))?;
    Some(Found::date(i, end, Point::Day(d + Duration::days(shift))))
}

/// The day of a happening the text has dated, named from token `k` on ("the
/// shooting", "his death", "the Oct. 23 roadside shooting"), with the token
/// after its name.
fn happening_at(cx: &Context<'_>, k: usize) -> Option<(NaiveDate, usize)> {
    let k = if cx.is(
        k,
        &[
            "the", "a", "an", "his", "her", "their", "its", "that", "this",
        ],
    ) {
        k + 1
    } else {
        k
    };
    // A few words may qualify it: "the deadly market bombings".
    (k..k + 4)
        .take_while(|&n| cx.tokens.get(n).is_some_and(|t| t.shape != Shape::Punct))
        .find_map(|n| {
            let kind = cx.tokens[n].lex?.happening?;
            cx.happened.get(kind).map(|(d, _)| (*d, n + 1))
        })
}

/// "the week of March 6": the ISO week that holds the day.
fn week_of(cx: &Context<'_>, i: usize) -> Option<Found> {
    if !(cx.is(i, &["the"]) && cx.is(i + 1, &["week"]) && cx.is(i + 2, &["of"])) {
        return None;
    }
    let (d, end) = explicit(cx, i + 3)?.day()?;
    Some(Found::date(i, end, Point::Week(monday(d))))
}

/// "this week", "last month", "next year", "last September", "this
/// summer", "the past week" (a duration), "recent weeks", "coming months".
fn relative_units(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "this past spring" is the last one.
    let (w, i, first) = if cx.is(i, &["this"]) && cx.is(i + 1, &["past"]) {
        ("past", i + 1, i)
    } else {
        (cx.word(i), i, i)
    };
    // "This Week", "Next Year" in title case mid-sentence name a show or
    // a book, not a time.
    let titled = |k: usize| cx.tokens.get(k).is_some_and(|t| t.capital);
    let mid_sentence = first > 0 && cx.tokens[first - 1].sentence == cx.tokens[first].sentence;
    if mid_sentence && titled(first) && titled(i + 1) {
        return None;
    }
    let offset = match w {
        "this" | "current" => 0,
        "last" | "previous" | "past" => -1,
        "next" | "coming" | "following" => 1,
        "recent" => -1,
        _ => return None,
    };
    // "this fiscal year", "last financial year": the year.
    let kind = cx.is(i + 2, &["year"]) && words().year_kinds.contains(cx.word(i + 1));
    let j = if kind { i + 2 } else { i + 1 };
    let t = cx.tokens.get(j)?;
    // "the following month" counts from the period the text just named:
    // "In March, ... The following month, ..." is April.
    let base = match (w, &cx.period, t.lower.as_str()) {
        ("following" | "previous", Some(Point::Month(y, m)), "month") => {
            NaiveDate::from_ymd_opt(*y, *m, 1).unwrap_or(cx.base())
        }
        ("following" | "previous", _, _) => cx.anchor.unwrap_or(cx.base()),
        _ => cx.base(),
    };
    // "last Oct. 23": that day in the past (or, after "next", ahead).
    if let (Some(m), Some(d)) = (month_at(cx, j), day_at(cx, j + 1)) {
        let tense = if offset < 0 {
            Tense::Past
        } else {
            Tense::Future
        };
        let day = day_year(base, m, d, Some(tense))?;
        return Some(Found::date(first, j + 2, Point::Day(day)));
    }
    // last/next September
    if let Some(m) = month_at(cx, j) {
        let y = match offset {
            0 => base.year(),
            // last April: the most recent April before this month
            -1 => {
                if m < base.month() {
                    base.year()
                } else {
                    base.year() - 1
                }
            }
            _ => {
                if m > base.month() {
                    base.year()
                } else {
                    base.year() + 1
                }
            }
        };
        return Some(Found::date(first, j + 1, Point::Month(y, m)));
    }
    if let Some(s) = t.lex.and_then(|l| l.season) {
        // last spring: the most recent one that has begun; next spring:
        // the first one still to begin.
        let begins = crate::model::season_start(s).unwrap_or(12);
        // "this past spring" is the most recent; "last spring", as the
        // corpora read it, the one of last year.
        let y = match offset {
            0 => base.year(),
            -1 if first < i && begins < base.month() => base.year(),
            -1 => base.year() - 1,
            _ if begins > base.month() => base.year(),
            _ => base.year() + 1,
        };
        return Some(Found::date(first, j + 1, Point::Season(y, s)));
    }
    // recent weeks, past few years, coming months, last two weeks
    let (n, k) = match number(cx, j) {
        Some((n, k)) if unit(cx, k).is_some() && w != "this" => (Some(n), k),
        _ => (None, j),
    };
    let u = unit(cx, k)?;
    // "for the past few weeks" measures; "in the past few weeks" places.
    let measured = cx.is(first.wrapping_sub(1), &["for"])
        || (cx.is(first.wrapping_sub(1), &["the"]) && cx.is(first.wrapping_sub(2), &["for"]));
    // The article belongs to "the last few months".
    let from = if cx.is(first.wrapping_sub(1), &["the"]) {
        first - 1
    } else {
        first
    };
    if plural(cx, k) || n.is_some() {
        return Some(match (w, n) {
            // "recent weeks", "past years", "the last few months": the
            // past; "coming months": ahead. "The next few days" is a length.
            ("recent", _) | ("past" | "last", None) => {
                Found::date(from, k + 1, Point::Reference("PAST_REF", Some(u)))
            }
            ("past" | "last", Some(None)) if !measured => {
                Found::date(from, k + 1, Point::Reference("PAST_REF", Some(u)))
            }
            ("coming" | "next", None) => {
                Found::date(from, k + 1, Point::Reference("FUTURE_REF", Some(u)))
            }
            (_, Some(n)) => Found::other(first, k + 1, TimexType::Duration, duration(n, u)),
            _ => return None,
        });
    }
    if w == "past" || w == "recent" {
        return Some(Found::other(
            first,
            k + 1,
            TimexType::Duration,
            duration(Some(1), u),
        ));
    }
    let p = unit_point(u, base, offset)?;
    if u == "D" {
        return None;
    }
    // "the following year", "the next month": the article belongs to a
    // period counted from another.
    let counted = matches!(w, "following" | "previous" | "next") && cx.is(from, &["the"]);
    Some(Found::date(if counted { from } else { first }, k + 1, p))
}

/// "two weeks ago", "a year earlier", "three days later", "a week from now".
fn shifted(cx: &Context<'_>, i: usize) -> Option<Found> {
    let (n, j) = number(cx, i)?;
    let u = unit(cx, j)?;
    // "a week or so ago": the same, and approximate.
    let loose = cx.is(j + 1, &["or"]) && cx.is(j + 2, &["so"]);
    let j = if loose { j + 2 } else { j };
    let dir = match cx.word(j + 1) {
        "ago" | "earlier" | "before" => -1,
        "later" | "after" | "hence" => 1,
        "from" if cx.is(j + 2, &["now", "today"]) => 1,
        _ => return None,
    };
    // "ten days before the shooting" counts from the day the text gave
    // the shooting; a happening it has not dated leaves nothing to count
    // from.
    let related = cx.is(j + 1, &["before", "after"])
        && cx
            .tokens
            .get(j + 2)
            .is_some_and(|t| t.shape != Shape::Punct);
    let happening = if related {
        Some(happening_at(cx, j + 2)?)
    } else {
        None
    };
    let end = match happening {
        Some((_, e)) => e,
        None if cx.is(j + 1, &["from"]) => j + 3,
        None => j + 2,
    };
    let base = match happening {
        Some((d, _)) => d,
        None if cx.is(j + 1, &["ago"]) || cx.is(j + 1, &["from"]) => cx.base(),
        None => cx.anchor.unwrap_or(cx.base()),
    };
    // "three days later", "an hour earlier", "ten days before the
    // shooting" name the day they reach from the story's last date or the
    // happening: dates, as the TIMEX3 guidelines read "twelve days later"
    // (the length alone, "for twelve days", is a duration).
    // "an hour later" reaches no other day than the story's: the gap is
    // all it says.
    if cx.is(j + 1, &["later", "earlier"]) && matches!(u, "H" | "MIN" | "S") {
        let mut f = Found::date(i, end, Point::Day(base));
        f.kind = TimexType::Duration;
        f.value = Some(duration(n, u));
        f.approx = true;
        return Some(f);
    }
    let Some(n) = n else {
        let r = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
        return Some(Found::date(i, end, Point::Reference(r, Some(u))));
    };
    let n = i32::try_from(n).ok()?.checked_mul(dir)?;
    let (point, approx) = match u {
        "D" => (Point::Day(add_days(base, i64::from(n))?), false),
        // "two weeks ago" still names about a day; "six weeks ago" a week.
        "W" if n.abs() >= 3 => (
            Point::Week(monday(add_days(base, i64::from(n) * 7)?)),
            false,
        ),
        "W" => (Point::Day(add_days(base, i64::from(n) * 7)?), true),
        "M" => {
            let d = add_months(base, n)?;
            (Point::Month(d.year(), d.month()), false)
        }
        "Y" if cx.quarterly(i) && cx.doc_type == DocType::News => {
            let (y, q) = last_quarter(cx.dct);
            (Point::Quarter(y.checked_add(n)?, q), false)
        }
        "Y" => (Point::Year(base.year().checked_add(n)?), false),
        "DE" => (
            Point::Year(base.year().checked_add(n.checked_mul(10)?)?),
            true,
        ),
        "H" | "MIN" | "S" => (Point::Day(base), true),
        _ => return None,
    };
    let mut f = Found::date(i, end, point);
    f.approx = approx || loose;
    Some(f)
}

/// Durations: "two weeks", "a decade", "several years", "five-year",
/// "the first nine months", "24 hours".
fn durations(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "the region will one day be...": some day ahead, not a day long.
    if cx.is(i, &["one", "some"]) && cx.is(i + 1, &["day"]) {
        let modal = [
            "will", "would", "could", "may", "might", "can", "shall", "'ll",
        ];
        if cx.is(i.wrapping_sub(1), &modal) || cx.is(i.wrapping_sub(2), &modal) {
            return Some(Found::date(i, i + 2, Point::Reference("FUTURE_REF", None)));
        }
    }
    // "'60 Minutes": a number glued to an apostrophe names a title or a
    // year, not an amount.
    let glued = i > 0 && cx.is(i - 1, &["'", "’"]) && cx.tokens[i - 1].end == cx.tokens[i].start;
    if glued {
        return None;
    }
    if around_the_clock(cx, i) {
        return None;
    }
    let (n, mut j) = number(cx, i)?;
    // "2 1/2 years", "two and a half years"
    let mut half = (i..j).any(|k| cx.is(k, &["half"])) && n.is_some();
    if cx.is(j, &["1/2"]) && n.is_some() {
        half = true;
        j += 1;
    }
    // "two to three weeks", "12 to 18 months": the range is written with
    // its lower bound, as the corpora do.
    if cx.is(j, &["to", "or"]) {
        if let Some((Some(_), after)) = number(cx, j + 1) {
            if unit(cx, after).is_some() {
                j = after;
            }
        }
    }
    let mut k = j;
    if cx.is(k, &["-"]) {
        k += 1;
    }
    let u = unit(cx, k)?;
    // "a decades-long dispute", "a day-long meeting": the article belongs
    // to the dispute.
    let long = cx.is(k + 1, &["-"]) && cx.is(k + 2, &["long"]);
    if cx.is(i, &["a", "an"]) && j == i + 1 && (plural(cx, k) || long) {
        return None;
    }
    // "1988 quarter" is a year, "a second" is "another", "three-quarters"
    // and "a quarter of" are fractions.
    if n.is_some_and(|n| n > 999) || (u == "S" && cx.is(i, &["a"])) {
        return None;
    }
    let counted = cx.is(j.wrapping_sub(1), &["consecutive", "straight"]);
    // "three quarters of the vote" is a fraction, "several quarters of
    // losses" a duration.
    let fraction = cx.is(k + 1, &["of"]) && !counted && n.is_some();
    if u == "Q" && (n.is_some_and(|n| n < 2) || fraction || k > j) {
        return None;
    }
    // "a year-earlier figure" is a date, not "a year".
    if cx.is(k + 1, &["-"]) && cx.is(k + 2, &["earlier", "ago"]) {
        return None;
    }
    // "a 6-year-old": an age, not a duration.
    if cx.is(k + 1, &["-", "old"]) && (cx.is(k + 2, &["old"]) || cx.is(k + 1, &["old"])) {
        return None;
    }
    // "a minute and a half"
    let mut end = k + 1;
    if !half && cx.is(end, &["and"]) && cx.is(end + 1, &["a"]) && cx.is(end + 2, &["half"]) {
        half = true;
        end += 3;
    }
    let value = match (half, n) {
        (true, Some(n)) => half_more(n, u).unwrap_or_else(|| duration(Some(n), u)),
        _ => duration(n, u),
    };
    if let Some(first) = rate_start(cx, i, j) {
        return Some(Found::other(first, end, TimexType::Set, value));
    }
    if let Some(f) = ahead(cx, i, end, n, u) {
        return Some(f);
    }
    Some(Found::other(i, end, TimexType::Duration, value))
}

/// "will mature in five years", "may, in a year or two, reopen": in a
/// forward-looking clause, "in" and a length name the time that far
/// ahead, which TIMEX3 writes as a date ("within five years" stays a
/// length). `n` units at tokens `i..end`.
fn ahead(cx: &Context<'_>, i: usize, end: usize, n: Option<u32>, u: &'static str) -> Option<Found> {
    if !cx.is(i.wrapping_sub(1), &["in"]) || !cx.future(i) {
        return None;
    }
    // "in a year or two": some time ahead, about that far.
    if cx.is(end, &["or"]) && cx.is(end + 1, &["two", "so", "more"]) {
        return Some(Found::date(
            i,
            end + 2,
            Point::Reference("FUTURE_REF", Some(u)),
        ));
    }
    let n = i32::try_from(n?).ok()?;
    if !matches!(u, "D" | "W" | "M" | "Y") {
        return None;
    }
    let mut f = Found::date(i, end, unit_point(u, cx.base(), n)?);
    f.approx = true;
    Some(f)
}

/// Where a rate begins, if "a week" at token `i` (its number ending at `j`)
/// is "per week": "twice a week", "three times a year", "$500 million a
/// year", "four flights a week". A rate is a TIMEX3 set; the frequency
/// word belongs to it, the amount does not.
fn rate_start(cx: &Context<'_>, i: usize, j: usize) -> Option<usize> {
    if !(cx.is(i, &["a", "per"]) && j == i + 1) || i == 0 {
        return None;
    }
    let prev = &cx.tokens[i - 1];
    if cx.is(i - 1, &["once", "twice", "thrice"]) {
        return Some(i - 1);
    }
    if cx.is(i - 1, &["times"]) && i >= 2 && number(cx, i - 2).is_some() {
        return Some(i - 2);
    }
    let amount = prev.shape == Shape::Number
        || cx.is(
            i - 1,
            &[
                "million", "billion", "trillion", "percent", "%", "cents", "dollars", "euros",
                "pounds", "yen",
            ],
        );
    let counted = prev.shape == Shape::Word
        && !prev.capital
        && prev.lower.len() > 3
        && prev.lower.ends_with('s')
        && !cx.is(
            i - 1,
            &[
                "perhaps",
                "always",
                "sometimes",
                "unless",
                "besides",
                "across",
                "towards",
                "this",
                "thus",
                "less",
                "does",
                "goes",
                "was",
                "has",
            ],
        );
    (amount || counted).then_some(i)
}

/// True inside "24 hours a day" or "seven days a week": an idiom for
/// "without pause", neither a length of time nor a rate.
fn around_the_clock(cx: &Context<'_>, i: usize) -> bool {
    let idiom = |k: usize| {
        (cx.is(k, &["24"])
            && cx.is(k + 1, &["hours"])
            && cx.is(k + 2, &["a"])
            && cx.is(k + 3, &["day"]))
            || (cx.is(k, &["seven", "7"])
                && cx.is(k + 1, &["days"])
                && cx.is(k + 2, &["a"])
                && cx.is(k + 3, &["week"]))
    };
    idiom(i) || (i >= 2 && idiom(i - 2))
}

/// A duration of `n` and a half units, in the next smaller unit: P2Y6M,
/// PT5H30M. `None` for units that do not halve evenly.
fn half_more(n: u32, unit: &str) -> Option<String> {
    Some(match unit {
        "Y" => format!("P{n}Y6M"),
        "D" => format!("P{n}DT12H"),
        "H" => format!("PT{n}H30M"),
        "MIN" => format!("PT{n}M30S"),
        _ => return None,
    })
}

/// Bare plural units after a preposition: "for years", "over decades".
fn vague_durations(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "for a while": a stretch of no stated length or unit.
    if cx.is(i, &["a"])
        && cx.is(i + 1, &["while"])
        && cx.is(i.wrapping_sub(1), &["for", "in", "after"])
    {
        return Some(Found::other(i, i + 2, TimexType::Duration, "PXX".into()));
    }
    // "a decades-long battle", "a day-long meeting".
    if cx.is(i + 1, &["-"]) && cx.is(i + 2, &["long"]) {
        let u = unit(cx, i)?;
        let n = if plural(cx, i) { None } else { Some(1) };
        return Some(Found::other(i, i + 3, TimexType::Duration, duration(n, u)));
    }
    // "over the years", "in the years that followed", "in the early
    // years": a stretch of unsaid length; "the days before the vote" is
    // one the text anchors on an event, which is not resolved here.
    if cx.is(i, &["the"]) {
        // "the following days", "the intervening years", "the final
        // years": a stretch of unsaid length placed by the story.
        let placed = cx.is(
            i + 1,
            &[
                "following",
                "succeeding",
                "intervening",
                "ensuing",
                "final",
                "closing",
            ],
        );
        if placed && plural(cx, i + 2) {
            let u = unit(cx, i + 2)?;
            return Some(Found::other(
                i,
                i + 3,
                TimexType::Duration,
                duration(None, u),
            ));
        }
        let k = if cx.is(i + 1, &["early"]) {
            i + 2
        } else {
            i + 1
        };
        // "in the first hours of the offensive": a stretch at its start
        // ("the first days after the vote" hangs on a happening instead).
        if cx.is(i + 1, &["first"]) && plural(cx, i + 2) && !cx.is(i + 3, &["after", "before"]) {
            let u = unit(cx, i + 2)?;
            return Some(Found::other(
                i,
                i + 3,
                TimexType::Duration,
                duration(None, u),
            ));
        }
        let u = unit(cx, k)?;
        // "in the weeks before the shooting": about the month of a
        // happening the text dated.
        if plural(cx, k) && matches!(u, "D" | "W") && cx.is(k + 1, &["before", "after"]) {
            let (d, end) = happening_at(cx, k + 2)?;
            let mut f = Found::date(i, end, Point::Month(d.year(), d.month()));
            f.approx = true;
            return Some(f);
        }
        // "in the weeks ahead": a stretch to come.
        if plural(cx, k) && cx.is(k + 1, &["ahead"]) {
            return Some(Found::other(
                i,
                k + 2,
                TimexType::Duration,
                duration(None, u),
            ));
        }
        let led = cx.is(
            i.wrapping_sub(1),
            &["over", "in", "during", "through", "throughout"],
        );
        let anchored = cx.is(
            k + 1,
            &["before", "after", "since", "of", "to", "until", "leading"],
        );
        if !plural(cx, k) || !led || anchored || !matches!(u, "Y" | "DE" | "CE") {
            return None;
        }
        return Some(Found::other(
            i,
            k + 1,
            TimexType::Duration,
            duration(None, u),
        ));
    }
    let u = unit(cx, i)?;
    if !plural(cx, i)
        || i == 0
        || !cx.is(
            i - 1,
            &[
                "for", "over", "within", "after", "than", "took", "take", "lasted", "in",
            ],
        )
    {
        return None;
    }
    Some(Found::other(
        i,
        i + 1,
        TimexType::Duration,
        duration(None, u),
    ))
}

/// Sets: "every week", "each Monday", "daily", "twice a year".
fn sets(cx: &Context<'_>, i: usize) -> Option<Found> {
    let w = cx.word(i);
    let single = match w {
        "daily" => Some("P1D"),
        "weekly" => Some("P1W"),
        "monthly" => Some("P1M"),
        "annually" | "yearly" => Some("P1Y"),
        "hourly" => Some("PT1H"),
        "nightly" => Some("XXXX-XX-XXTNI"),

        _ => None,
    };
    if let Some(v) = single {
        return Some(Found::other(i, i + 1, TimexType::Set, v.to_string()));
    }
    // "per day", "per month": a rate, whatever is counted ("per hour",
    // "per second" measure speeds and flows instead).
    if w == "per" {
        let calendar = |u: &&str| matches!(*u, "D" | "W" | "M" | "Q" | "Y");
        let u = unit(cx, i + 1)
            .filter(|_| !plural(cx, i + 1))
            .filter(calendar)?;
        return Some(Found::other(i, i + 2, TimexType::Set, duration(Some(1), u)));
    }
    if !matches!(w, "every" | "each") {
        return None;
    }
    let mut j = i + 1;
    let mut n = Some(1);
    if let Some((m, k)) = number(cx, j).filter(|(_, k)| unit(cx, *k).is_some()) {
        n = m;
        j = k;
    }
    let t = cx.tokens.get(j)?;
    if let Some(wd) = t.lex.and_then(|l| l.weekday) {
        return Some(Found::other(
            i,
            j + 1,
            TimexType::Set,
            format!("XXXX-WXX-{wd}"),
        ));
    }
    if let Some(s) = t.lex.and_then(|l| l.season) {
        return Some(Found::other(i, j + 1, TimexType::Set, format!("XXXX-{s}")));
    }
    // "each July": that month of every year.
    if let Some(m) = month_at(cx, j) {
        return Some(Found::other(
            i,
            j + 1,
            TimexType::Set,
            format!("XXXX-{m:02}"),
        ));
    }
    if cx.is(j, &["season"]) {
        return Some(Found::other(i, j + 1, TimexType::Set, "P1S".to_string()));
    }
    let u = unit(cx, j)?;
    Some(Found::other(i, j + 1, TimexType::Set, duration(n, u)))
}

/// Clock times: "8 PM", "8:30 a.m.", "20:30 local time", "16:08 UTC".
fn clock(cx: &Context<'_>, i: usize) -> Option<Found> {
    // "high noon" is a showdown, not a time of day.
    if cx.is(i, &["noon", "midnight", "midday"]) && !cx.is(i.wrapping_sub(1), &["high"]) {
        let h = if cx.is(i, &["midnight"]) { 0 } else { 12 };
        let day = days(cx, i + 1).and_then(|f| f.day());
        let (d, end) = day.unwrap_or((cx.base(), i + 1));
        let mut f = Found::date(i, end, Point::Clock(d, h, 0, ""));
        f.kind = TimexType::Time;
        f.dayless = day.is_none();
        return Some(f);
    }
    let t = cx.tokens.get(i)?;
    if t.shape != Shape::Number {
        return None;
    }
    let (digits, glued) = t.lower.split_at(
        t.lower
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(t.lower.len()),
    );
    // "0800 UTC", "1930 GMT": four digits with a zone.
    let military = digits.len() == 4 && glued.is_empty() && cx.is(i + 1, &["utc", "gmt"]);
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) if m.len() == 2 => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
        None if military => (
            digits[..2].parse::<u32>().ok()?,
            digits[2..].parse::<u32>().ok()?,
        ),
        None if !digits.is_empty() && digits.len() <= 2 => (digits.parse::<u32>().ok()?, 0),
        _ => return None,
    };
    let mut j = i + 1;
    let mut h24 = h;
    let meridiem = if !glued.is_empty() {
        glued.to_string()
    } else {
        cx.word(j).to_string()
    };
    let mut marked = false;
    match meridiem.as_str() {
        "pm" | "p.m." => {
            marked = true;
            if h < 12 {
                h24 = h + 12;
            }
        }
        "am" | "a.m." => {
            marked = true;
            if h == 12 {
                h24 = 0;
            }
        }
        _ => {}
    }
    if marked && glued.is_empty() {
        j += 1;
    }
    // "4 in the morning", "8 in the evening", "11 at night".
    if !marked && glued.is_empty() && !digits.contains(':') && h <= 12 {
        let part = if cx.is(j, &["in"]) && cx.is(j + 1, &["the"]) {
            Some((cx.word(j + 2), j + 3))
        } else if cx.is(j, &["at"]) && cx.is(j + 1, &["night"]) {
            Some(("night", j + 2))
        } else {
            None
        };
        let afternoon = match part {
            Some(("morning", _)) => Some(false),
            Some(("afternoon" | "evening", _)) => Some(true),
            Some(("night", _)) => Some((6..12).contains(&h)),
            _ => None,
        };
        if let (Some(pm), Some((_, end))) = (afternoon, part) {
            h24 = match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            marked = true;
            j = end;
        }
    }
    let mut zone = "";
    if cx.is(j, &["utc", "gmt"]) {
        zone = "Z";
        j += 1;
    } else if cx.is(j, &["local"]) && cx.is(j + 1, &["time"]) {
        j += 2;
    }
    if h24 > 23 || m > 59 || (!marked && !digits.contains(':') && !military) {
        return None;
    }
    if !marked
        && zone.is_empty()
        && !cx.is(
            i.wrapping_sub(1),
            &[
                "at", "by", "around", "about", "until", "before", "after", "from",
            ],
        )
        && j == i + 1
    {
        return None;
    }
    // "10 p.m. Wednesday", "5 p.m. EST Nov. 12": the day that follows...
    let mut k = j;
    if cx.is(k, &["est", "edt", "pst", "pdt", "cet", "bst"]) {
        k += 1;
    }
    if cx.is(k, &["on", ","]) {
        k += 1;
    }
    // ... or "6 a.m. ten days before the shooting", "8 p.m. two days ago".
    let day = explicit(cx, k)
        .or_else(|| days_told(cx, k, i))
        .or_else(|| shifted(cx, k))
        .and_then(|f| f.day());
    if let Some((_, end)) = day {
        j = end;
    }
    let mut f = Found::date(
        i,
        j,
        Point::Clock(day.map_or(cx.base(), |(d, _)| d), h24, m, zone),
    );
    f.kind = TimexType::Time;
    f.dayless = day.is_none();
    Some(f)
}

/// Words that refer to the present, past or future by themselves, and
/// seasons and months alone.
fn references(cx: &Context<'_>, i: usize) -> Option<Found> {
    let t = cx.tokens.get(i)?;
    if cx.is(i, &["these"]) && cx.is(i + 1, &["days"]) {
        return Some(Found::date(i, i + 2, Point::Reference("PRESENT_REF", None)));
    }
    // "at this moment", "at this crucial moment": now.
    if cx.is(i, &["this"]) {
        let k = if cx.is(i + 1, &["moment"]) {
            i + 1
        } else {
            i + 2
        };
        let adjective = k == i + 2 && cx.tokens.get(i + 1).is_some_and(|t| t.shape == Shape::Word);
        if cx.is(k, &["moment"]) && (k == i + 1 || adjective) {
            return Some(Found::date(i, k + 1, Point::Reference("PRESENT_REF", None)));
        }
    }
    // "at a later date", "as soon as possible": some time ahead.
    if cx.is(i, &["a"]) && cx.is(i + 1, &["later"]) && cx.is(i + 2, &["date", "time", "stage"]) {
        return Some(Found::date(i, i + 3, Point::Reference("FUTURE_REF", None)));
    }
    if cx.is(i, &["as"])
        && cx.is(i + 1, &["soon"])
        && cx.is(i + 2, &["as"])
        && cx.is(i + 3, &["possible"])
    {
        return Some(Found::date(i, i + 4, Point::Reference("FUTURE_REF", None)));
    }
    // "the then current price", "the then-current chairman": current as
    // of a time gone by.
    if cx.is(i, &["then"]) {
        let k = if cx.is(i + 1, &["-"]) { i + 2 } else { i + 1 };
        if cx.is(k, &["current"]) {
            return Some(Found::date(i, k + 1, Point::Reference("PAST_REF", None)));
        }
    }
    // "year end", "year's end": the end of the report's year; "year-end"
    // its last day. After a past tense ("since year-end"), last year's.
    if cx.is(i, &["year"]) {
        let hyphen = cx.is(i + 1, &["-"]);
        let j = if hyphen {
            i + 2
        } else if cx.is(i + 1, &["'", "’"]) && cx.is(i + 2, &["s"]) {
            i + 3
        } else {
            i + 1
        };
        if cx.is(j, &["end"]) {
            let y = cx.dct.year() - i32::from(cx.tense(i) == Some(Tense::Past));
            if hyphen {
                let d = NaiveDate::from_ymd_opt(y, 12, 31)?;
                return Some(Found::date(i, j + 1, Point::Day(d)));
            }
            let mut f = Found::date(i, j + 1, Point::Year(y));
            f.modifier = Some("END");
            return Some(f);
        }
    }
    let lex = t.lex?;
    if let Some(r) = lex.reference {
        // "past" and "future" only as nouns: "the past", "in the future".
        if matches!(t.lower.as_str(), "past" | "future") && !cx.is(i.wrapping_sub(1), &["the"]) {
            return None;
        }
        if t.lower == "current" && cx.word(i + 1).is_empty() {
            return None;
        }
        // "as soon as" compares.
        let prev = if i > 0 { cx.word(i - 1) } else { "" };
        if t.lower == "soon" && (prev == "as" || cx.word(i + 1).ends_with("ed") || prev == "was") {
            return None;
        }
        return Some(Found::date(i, i + 1, Point::Reference(r, None)));
    }
    if let Some(s) = lex.season {
        // "the Spring of Life demonstrations", "Summer of Love": a name.
        let title = t.capital
            && i > 0
            && cx.tokens[i - 1].sentence == t.sentence
            && cx.is(i + 1, &["of"])
            && cx.tokens.get(i + 2).is_some_and(|n| n.capital);
        if title {
            return None;
        }
        // "the fall of the city" is an event; "the fall of 1863" a season.
        let event = cx.is(i + 1, &["of"]) && year_words(cx, i + 2).is_none();
        if t.lower == "fall"
            && !t.capital
            && (event
                || !cx.is(
                    i.wrapping_sub(1),
                    &["the", "in", "this", "last", "next", "early", "late"],
                ))
        {
            return None;
        }
        // "spring 2020", "the winter of nineteen ninety-six"
        let k = if cx.is(i + 1, &["of"]) { i + 2 } else { i + 1 };
        if let Some((y, end)) = year_words(cx, k) {
            return Some(Found::date(i, end, Point::Season(y, s)));
        }
        let y = match cx.told() {
            Some(at) => story::year_of(at, crate::model::season_start(s).unwrap_or(1), 1),
            None => cx.base().year(),
        };
        return Some(Found::date(i, i + 1, Point::Season(y, s)));
    }
    if let Some(m) = month_at(cx, i) {
        let prev = cx.word(i.wrapping_sub(1));
        let ambiguous = matches!(
            t.lower.as_str(),
            "may" | "march" | "mar" | "jan" | "sat" | "sun" | "dec"
        );
        // "the March accession", "the May elections": a month naming what
        // happens in it; "the March on Washington", "the may" are not.
        let attributive = prev == "the"
            && t.capital
            && cx.tokens.get(i + 1).is_some_and(|n| {
                n.shape == Shape::Word
                    && !n.capital
                    && !matches!(
                        n.lower.as_str(),
                        "on" | "to"
                            | "of"
                            | "from"
                            | "in"
                            | "for"
                            | "against"
                            | "through"
                            | "into"
                            | "and"
                            | "by"
                            | "toward"
                            | "towards"
                            | "across"
                            | "past"
                            | "at"
                    )
            });
        // "from October to March": the end of a range of months.
        let range_end =
            cx.is(i.wrapping_sub(1), &["to", "and"]) && month_at(cx, i.wrapping_sub(2)).is_some();
        if ambiguous
            && !attributive
            && !range_end
            && !matches!(
                prev,
                "in" | "of"
                    | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
                    | "from"
                    | "through"
                    | "during"
                    | "last"
                    | "next"
            )
        {
            return None;
        }
        // "from October to March": the first month of a range comes
        // before the last, whose year the story or the tense decides.
        let to = cx.is(i.wrapping_sub(1), &["from", "between"])
            && cx.is(i + 1, &["to", "until", "through", "-", "–", "and"]);
        let y = match month_at(cx, i + 2).filter(|_| to) {
            Some(last) => cx.undated_month(last, i + 2) - i32::from(m > last),
            None => cx.undated_month(m, i),
        };
        return Some(Found::date(i, i + 1, Point::Month(y, m)));
    }
    None
}

/// Holidays by name ("Thanksgiving", "Christmas Eve", "last Easter"): the
/// nearest occurrence, or the one before or after with last/next.
fn holidays(cx: &Context<'_>, i: usize) -> Option<Found> {
    let (direction, first) = match cx.word(i) {
        "last" => (-1, i + 1),
        "next" | "this" => (1, i + 1),
        _ => (0, i),
    };
    let t = cx.tokens.get(first)?;
    if !t.capital || !super::lexicon::holiday_starts().contains(&t.lower) {
        return None;
    }
    let table = super::lexicon::holidays();
    let mut key = String::new();
    let mut best = None;
    for k in first..(first + 5).min(cx.tokens.len()) {
        let w = cx.word(k);
        let glued = matches!(w, "'" | "’")
            || (w == "s" && k > first && matches!(cx.word(k - 1), "'" | "’"));
        if !key.is_empty() && !glued {
            key.push(' ');
        }
        key.push_str(if w == "’" { "'" } else { w });
        if let Some(rule) = table.get(&key) {
            best = Some((k + 1, rule));
        }
    }
    let (end, rule) = best?;
    let base = cx.base();
    let candidates =
        [base.year() - 1, base.year(), base.year() + 1].map(|y| super::calendar::holiday(rule, y));
    let day = candidates
        .into_iter()
        .flatten()
        .filter(|d| match direction {
            -1 => *d < base,
            1 => *d >= base,
            _ => true,
        });
    let day = if direction == 1 {
        day.min()
    } else if direction == -1 {
        day.max()
    } else {
        day.min_by_key(|d| (*d - base).num_days().abs())
    }?;
    // "Easter week", "Thanksgiving weekend": the week or weekend of it.
    if cx.is(end, &["week"]) {
        return Some(Found::date(i, end + 1, Point::Week(monday(day))));
    }
    // A Monday holiday's weekend is the one before it (Labor Day weekend).
    if cx.is(end, &["weekend"]) {
        let on_monday = day.weekday().number_from_monday() == 1;
        let week = monday(day) - Duration::weeks(i64::from(on_monday));
        return Some(Found::date(i, end + 1, Point::Weekend(week)));
    }
    Some(Found::date(i, end, Point::Day(day)))
}

/// The rules in the order they are tried; the longest match wins, the
/// first among equals.
const RULES: [fn(&Context<'_>, usize) -> Option<Found>; 22] = [
    holidays,
    running_count,
    same_day,
    next_day,
    day_beside,
    day_part,
    day_after_and,
    week_of,
    in_the_unit,
    same_period,
    vague_durations,
    explicit,
    quarters,
    shifted,
    relative_units,
    days,
    years,
    clock,
    sets,
    durations,
    references,
    the_unit,
];

/// "the eighth day of the siege", "a second consecutive day", "the fourth
/// week in a row": a count that has reached the story's own day or week.
fn running_count(cx: &Context<'_>, i: usize) -> Option<Found> {
    let k = if cx.is(i, &["the", "a"]) { i + 1 } else { i };
    // "the first day of the talks" may lie anywhere behind.
    cx.tokens.get(k)?.lex?.ordinal.filter(|o| *o >= 2)?;
    let mut u = k + 1;
    if cx.is(u, &["consecutive", "straight", "successive"]) {
        u += 1;
    }
    // "their second day-long meeting" counts meetings.
    if cx.is(u + 1, &["-"]) {
        return None;
    }
    let day = cx.story()?;
    let point = match cx.word(u) {
        "day" => Point::Day(day),
        "week" => Point::Week(monday(day)),
        _ => return None,
    };
    Some(Found::date(i, u + 1, point))
}

/// "the next day", "the following morning": the day after the one the
/// story last named. With no day named yet there is nothing to count from.
fn next_day(cx: &Context<'_>, i: usize) -> Option<Found> {
    if !(cx.is(i, &["the"]) && cx.is(i + 1, &["next", "following"])) {
        return None;
    }
    let after = cx.story_day? + Duration::days(1);
    if cx.is(i + 2, &["day"]) {
        return Some(Found::date(i, i + 3, Point::Day(after)));
    }
    let part = cx.tokens.get(i + 2)?.lex?.day_part?;
    let mut f = Found::date(i, i + 3, Point::DayPart(after, part));
    f.kind = TimexType::Time;
    Some(f)
}

/// "the same day", "that same day": the day the story last named.
fn same_day(cx: &Context<'_>, i: usize) -> Option<Found> {
    let named = cx.is(i, &["the", "that"]) && cx.is(i + 1, &["same"]) && cx.is(i + 2, &["day"]);
    let day = cx.story_day.filter(|_| named)?;
    Some(Found::date(i, i + 3, Point::Day(day)))
}

/// "the same period last year", "the same month a year ago", "the
/// corresponding quarter of the previous year": the month or quarter the
/// text last named, a year before.
fn same_period(cx: &Context<'_>, i: usize) -> Option<Found> {
    if !(cx.is(i, &["the"]) && cx.is(i + 1, &["same", "corresponding", "comparable"])) {
        return None;
    }
    let unit = cx.word(i + 2);
    if !matches!(unit, "month" | "period" | "quarter") {
        return None;
    }
    let mut j = i + 3;
    if cx.is(j, &["of", "in"]) {
        j += 1;
    }
    if cx.is(j, &["the"]) {
        j += 1;
    }
    let end = if cx.is(j, &["last", "previous", "prior"]) && cx.is(j + 1, &["year"]) {
        j + 2
    } else if cx.is(j, &["a", "one"])
        && cx.is(j + 1, &["year"])
        && cx.is(j + 2, &["ago", "earlier", "before"])
    {
        j + 3
    } else if cx.is(j, &["year"]) && cx.is(j + 1, &["before"]) {
        j + 2
    } else {
        return None;
    };
    let point = match (&cx.period, unit) {
        (Some(Point::Month(y, m)), "month" | "period") => Point::Month(y - 1, *m),
        (Some(Point::Quarter(y, q)), "quarter" | "period") => Point::Quarter(y - 1, *q),
        (_, "quarter") => {
            let (y, q) = last_quarter(cx.dct);
            Point::Quarter(y - 1, q)
        }
        _ => Point::Year(cx.base().year() - 1),
    };
    Some(Found::date(i, end, point))
}

/// "earlier in the year", "late in the day", "later in the week": a part
/// of the reference period; "that year", "that quarter": the one the text
/// last named.
fn in_the_unit(cx: &Context<'_>, i: usize) -> Option<Found> {
    if cx.is(i, &["that"]) {
        let p = match (cx.word(i + 1), &cx.period, cx.anchor) {
            ("day", ..) => Point::Day(cx.story_day?),
            ("quarter", Some(p @ Point::Quarter(..)), _) => p.clone(),
            ("month", Some(p @ Point::Month(..)), _) => p.clone(),
            ("year", Some(Point::Month(y, _) | Point::Quarter(y, _)), _) => Point::Year(*y),
            ("year", _, Some(a)) => Point::Year(a.year()),
            _ => return None,
        };
        return Some(Found::date(i, i + 2, p));
    }
    let modifier = match cx.word(i) {
        "early" | "earlier" => "START",
        "late" | "later" => "END",
        _ => return None,
    };
    if !(cx.is(i + 1, &["in"]) && cx.is(i + 2, &["the"])) {
        return None;
    }
    let base = cx.base();
    let p = match cx.word(i + 3) {
        // "later in the day": the day the story is about.
        "day" => Point::Day(cx.story()?),
        "week" => unit_point("W", base, 0)?,
        "month" => unit_point("M", base, 0)?,
        "year" => Point::Year(base.year()),
        _ => return None,
    };
    let mut f = Found::date(i, i + 4, p);
    f.modifier = Some(modifier);
    Some(f)
}

/// "the year", "the week", "the day", "the weekend": in news, the
/// reference period itself.
fn the_unit(cx: &Context<'_>, i: usize) -> Option<Found> {
    if !cx.is(i, &["the"])
        || cx.is(
            i + 2,
            &["of", "before", "after", "following", "preceding", "leading"],
        )
    {
        return None;
    }
    // "the near future", "the short term": ahead, unmeasured.
    if cx.is(i + 1, &["near", "short", "long"]) && cx.is(i + 2, &["future", "term"]) {
        return Some(Found::date(i, i + 3, Point::Reference("FUTURE_REF", None)));
    }
    // "the year ended March 31" in a report is the twelve months to that
    // day; "the full year", "the current fiscal year", "for the year." the
    // report's year.
    let mut j = i + 1;
    while cx.is(j, &["full", "fiscal", "current"]) {
        j += 1;
    }
    if cx.is(j, &["year"]) {
        if cx.is(j + 1, &["ended", "ending", "to"]) {
            return Some(Found::other(i, j + 1, TimexType::Duration, "P1Y".into()));
        }
        let closed = cx.is(j + 1, &[",", "."]) && cx.is(i.wrapping_sub(1), &["for"]);
        if j > i + 1 || closed {
            return Some(Found::date(i, j + 1, Point::Year(cx.this_year())));
        }
    }
    if cx.is(i + 1, &["latest"]) && cx.is(i + 2, &["period"]) {
        let (y, q) = last_quarter(cx.dct);
        return Some(Found::date(i, i + 3, Point::Quarter(y, q)));
    }
    // "the end of the year", "the middle of the month": the report's own.
    if i > 0 && cx.is(i - 1, &["of"]) {
        let p = match cx.word(i + 1) {
            "year" => Point::Year(cx.this_year()),
            "month" => unit_point("M", cx.told().unwrap_or(cx.dct), 0)?,
            // "the week's busiest session": the week of the story.
            "week" => unit_point("W", cx.story_day.unwrap_or(cx.dct), 0)?,
            _ => return the_period(cx, i),
        };
        return Some(Found::date(i, i + 2, p));
    }
    the_period(cx, i)
}

/// [`the_unit`] for the day and the weekend.
fn the_period(cx: &Context<'_>, i: usize) -> Option<Found> {
    let u = unit(cx, i + 1)?;
    if plural(cx, i + 1) {
        return None;
    }
    let p = match u {
        "WE" => {
            // The weekend just past in a report, the coming one in a forecast.
            let base = cx.base();
            let weekday = base.weekday().number_from_monday();
            let offset = if cx.future(i) || weekday >= 6 { 0 } else { -1 };
            unit_point(u, base, offset)?
        }
        // "during the day Friday": the daytime of the day named next.
        "D" if days(cx, i + 2).is_some() => return None,
        // "ending the day at 5,120": the day the story is about, which is
        // the day it last named.
        "D" => Point::Day(cx.story()?),
        _ => return None,
    };
    Some(Found::date(i, i + 2, p))
}

/// The longest expression starting at token `i`, with any modifier in
/// front ("late last week", "early 2020", "mid-2020", "about two weeks",
/// "the end of this year").
pub fn match_at(cx: &Context<'_>, i: usize) -> Option<Found> {
    let mut modifier = None;
    let mut approx = false;
    let mut j = i;
    match cx.word(i) {
        "early" | "beginning" | "start" => modifier = Some("START"),
        "earlier" if cx.is(i + 1, &["this", "in", "that"]) => modifier = Some("START"),
        "later" if cx.is(i + 1, &["this", "that"]) => modifier = Some("END"),
        "mid" | "middle" => modifier = Some("MID"),
        "late" | "end" => modifier = Some("END"),
        "the" if cx.is(i + 1, &["end", "beginning", "start", "middle"]) => {
            modifier = match cx.word(i + 1) {
                "end" => Some("END"),
                "middle" => Some("MID"),
                _ => Some("START"),
            };
            j += 1;
        }
        "about" | "around" | "approximately" | "roughly" | "nearly" | "almost" | "some" => {
            approx = true
        }
        _ => {}
    }
    if modifier.is_some() || approx {
        j += 1;
        if cx.is(j, &["-", "of", "in", "on"]) {
            j += 1;
        }
        if let Some(mut f) = best(cx, j).or_else(|| bare_period(cx, j)) {
            let point_like = f.point.is_some();
            if (modifier.is_some() && point_like) || (approx && f.kind != TimexType::Set) {
                f.first = i;
                if approx {
                    f.modifier = Some("APPROX");
                    f.approx = point_like || f.approx;
                } else {
                    f.modifier = modifier;
                }
                return Some(f);
            }
        }
    }
    let mut f = best(cx, i)?;
    // "the" belongs to "the third quarter", "the past two months".
    if i > 0 && cx.is(i - 1, &["the"]) && matches!(f.kind, TimexType::Duration) {
        f.first = i - 1;
    }
    Some(f)
}

/// "the end of year", "by the middle of month": a unit without its
/// article after a modifier is the report's (or the story's) own.
fn bare_period(cx: &Context<'_>, i: usize) -> Option<Found> {
    let p = match cx.word(i) {
        "year" => Point::Year(cx.this_year()),
        "month" => unit_point("M", cx.told().unwrap_or(cx.dct), 0)?,
        _ => return None,
    };
    Some(Found::date(i, i + 1, p))
}

fn best(cx: &Context<'_>, i: usize) -> Option<Found> {
    let t = cx.tokens.get(i)?;
    if t.lex.is_none() && t.shape == Shape::Punct && t.lower != "'" && t.lower != "’" {
        return None;
    }
    let mut best: Option<Found> = None;
    for rule in RULES {
        if let Some(f) = rule(cx, i) {
            if best.as_ref().is_none_or(|b| f.end > b.end) {
                best = Some(f);
            }
        }
    }
    let mut f = best?;
    // "the third quarter", "the first half": include the article.
    if f.first == i
        && i > 0
        && cx.is(i - 1, &["the"])
        && matches!(
            f.point,
            Some(Point::Quarter(..) | Point::Half(..) | Point::Decade(_) | Point::Century(_))
        )
    {
        f.first = i - 1;
    }
    Some(f)
}
