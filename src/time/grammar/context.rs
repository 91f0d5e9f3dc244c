//! What the rules know about the document: the tokens, the reference date,
//! the story so far, and the tense around a token.

use std::cell::Cell;

use crate::time::happenings::Happened;
use chrono::{Datelike, NaiveDate};

use crate::time::calendar::Point;
use crate::time::lexicon::{sets, Bound, Origin, Toward};
use crate::time::scan::Token;
use crate::time::story;
use crate::time::tense::{may_look_ahead, tense, Syntax, Tense};
use crate::time::DocType;

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
    /// The month the text last told, when it has told no day since
    /// ("killed last October ... crossed out that same day"): a day of it
    /// that the text leaves open.
    pub month_told: Option<(i32, u32)>,
    /// The sentence in which a narrative last moved its point.
    pub told_in: Option<u32>,
    /// The token after the last expression that named a day, and that
    /// day: where a range that starts there ends ("from 6 p.m. Friday until
    /// Saturday morning").
    pub last_told: Option<(usize, NaiveDate)>,
    /// The day each kind of happening was dated on ("shot to death last
    /// Oct. 23"): what "ten days before the shooting" counts from.
    pub happened: Happened,
    /// The last month or quarter mentioned: what "the same period last
    /// year" compares with.
    pub period: Option<Point>,
    /// Whether that month or quarter was written with its year ("the
    /// fourth quarter of 2005"), rather than counted ("a year ago").
    pub period_written: bool,
    /// The parse of the sentences, read when a rule asks for a tense.
    pub syntax: Syntax<'a>,
    /// The tense read around each token, once asked for.
    pub tenses: Vec<Cell<Option<Option<Tense>>>>,
    /// For each sentence, whether it or the one before speaks of quarters:
    /// then "a year ago" in a results report means that quarter a year ago.
    pub quarterly: Vec<bool>,
}

impl<'a> Context<'a> {
    /// The context at the start of a document of `tokens`: no day told
    /// yet.
    pub fn new(
        tokens: &'a [Token],
        syntax: Syntax<'a>,
        dct: NaiveDate,
        doc_type: DocType,
    ) -> Context<'a> {
        let sentences = tokens.last().map_or(0, |t| t.sentence as usize + 1);
        // A results report: once a document speaks of quarters, "a year
        // ago" in it means the same quarter a year ago, from that sentence
        // on.
        let mut quarterly = vec![false; sentences];
        if let Some(first) = tokens
            .iter()
            .find(|t| t.lower == "quarter" || t.lower == "quarterly")
        {
            for q in quarterly.iter_mut().skip(first.sentence as usize) {
                *q = true;
            }
        }
        Context {
            tokens,
            dct,
            doc_type,
            anchor: None,
            last_day: None,
            story_day: None,
            month_told: None,
            told_in: None,
            last_told: None,
            happened: Happened::new(),
            syntax,
            tenses: vec![Cell::new(None); tokens.len()],
            period: None,
            period_written: false,
            quarterly,
        }
    }
}

impl Context<'_> {
    pub(super) fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.lower.as_str())
    }

    pub(super) fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.word(i))
    }

    /// True when token `i` joins two dates into a list or a range ("and",
    /// "to", "-": `joiners` of the lexicon).
    pub(super) fn joins(&self, i: usize) -> bool {
        sets().joiners.contains(self.word(i))
    }

    /// The day a range starts on, when the time at token `i` ends it: the
    /// word before `i` closes a range ("until", "to", "through": `[word_sets]
    /// range_ends`), and the expression right before that word named a
    /// day ("a curfew from 6 p.m. Friday until Saturday morning", "runs
    /// from Thursday to Saturday"). A range's end follows its start, which
    /// no tense of the clause overrides ("until" alone looks ahead).
    pub(super) fn range_start(&self, i: usize) -> Option<NaiveDate> {
        let k = i.checked_sub(1)?;
        let (after, day) = self.last_told?;
        let same = |a: usize| self.tokens.get(a).map(|t| t.sentence);
        let closes = sets().range_ends.contains(self.word(k));
        (closes && after == k && same(k) == same(i)).then_some(day)
    }

    /// How token `i` bounds the time after it ("until", "since", "by").
    pub(super) fn bound(&self, i: usize) -> Option<Bound> {
        self.tokens.get(i)?.lex?.bound
    }

    /// The day the story is about: the last day it named, or else the day
    /// relative expressions count from.
    /// A story that has named no day yet has none: "on the seventh day"
    /// of a siege in 480 BC is no day of the publication's.
    pub(super) fn story(&self) -> Option<NaiveDate> {
        match self.doc_type {
            DocType::Narrative => self.story_day,
            _ => Some(self.story_day.unwrap_or(self.base())),
        }
    }

    /// The day relative expressions count from: the publication date, or
    /// in narrative text the last day the text mentioned.
    pub(super) fn base(&self) -> NaiveDate {
        match self.doc_type {
            DocType::Narrative => self.anchor.unwrap_or(self.dct),
            _ => self.dct,
        }
    }

    pub(super) fn quarterly(&self, i: usize) -> bool {
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
    pub(super) fn tense(&self, i: usize) -> Option<Tense> {
        // Several rules ask about the same token: read its sentence once.
        let cached = self.tenses.get(i)?;
        if let Some(t) = cached.get() {
            return t;
        }
        let t = self.read_tense(i);
        cached.set(Some(t));
        t
    }

    pub(super) fn read_tense(&self, i: usize) -> Option<Tense> {
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
    pub(super) fn told(&self) -> Option<NaiveDate> {
        self.anchor.filter(|_| self.doc_type == DocType::Narrative)
    }

    /// The day of a month and day written without a year at token `i`: in
    /// a story, the one the story has reached; otherwise the one the tense
    /// points to from the reference date.
    pub(super) fn undated_day(&self, month: u32, day: u32, i: usize) -> Option<NaiveDate> {
        match self.told() {
            Some(at) => story::day_of(at, month, day),
            None => day_year(self.dct, month, day, self.tense(i)),
        }
    }

    /// The year of a month (or a season beginning in it) named alone at
    /// token `i`.
    pub(super) fn undated_month(&self, month: u32, i: usize) -> i32 {
        // "who had spent the spring": a flashback lies behind the story;
        // "had been repulsed by January" is a state reached by then.
        let flashback = self.perfect(i) && !self.bounded_by(i);
        if let Some(at) = self.told().filter(|_| flashback) {
            return at.year() - i32::from(month > at.month());
        }
        match self.told() {
            Some(at) => story::year_of(at, month, 1),
            None => month_year(self.base(), month, self.tense(i)),
        }
    }

    /// The year "the year", "the end of the year" mean: the report's, or
    /// the story's.
    pub(super) fn this_year(&self) -> i32 {
        self.told().unwrap_or(self.dct).year()
    }

    /// The year "the year" at token `i` means in a report: the year of
    /// the month or quarter it last wrote out, when that lies in another
    /// year and the clause tells the past ("a loss in the fourth quarter
    /// of 2005 and for the entire year", reported in January 2006), else
    /// [`Context::this_year`]. The tense is read only then.
    pub(super) fn reported_year(&self, i: usize) -> i32 {
        let named = match self.period {
            Some(Point::Month(y, _) | Point::Quarter(y, _)) if self.period_written => y,
            _ => return self.this_year(),
        };
        let other = self.told().is_none() && named != self.dct.year();
        if other && self.tense(i) == Some(Tense::Past) {
            return named;
        }
        self.this_year()
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
        // "the previous year", "a decade earlier": a look back from the
        // story's point, after which the story goes on from where it was.
        let looks_back = |t: &Token| {
            let Some(l) = t.lex else { return false };
            let from_told = |toward: Toward, from: Origin, object: bool| {
                toward == Toward::Back && from == Origin::Told && !object
            };
            l.placer.is_some_and(|p| from_told(p.toward, p.from, false))
                || l.counter
                    .is_some_and(|c| from_told(c.toward, c.from, c.object))
        };
        if self
            .tokens
            .get(first..end)
            .is_some_and(|ts| ts.iter().any(looks_back))
        {
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
        // Whatever a bound governs is the bound's time, not the story's:
        // "lasted until the fall of Budapest in February 1945".
        let bounded = clause
            .iter()
            .any(|t| t.lex.and_then(|l| l.bound).is_some_and(|b| b != Bound::By));
        let ahead = |t: &&Token| t.lex.and_then(|l| l.tense) == Some(Tense::Future);
        let perfect = |t: &&Token| sets().past_perfect.contains(&t.lower);
        bounded || clause.iter().any(perfect) || clause.iter().any(ahead)
    }

    /// True when the clause before token `i` is in the past perfect ("who
    /// had spent the spring"): it looks back from the story's point.
    pub(super) fn perfect(&self, i: usize) -> bool {
        let Some(sentence) = self.tokens.get(i).map(|t| t.sentence) else {
            return false;
        };
        self.tokens[..i]
            .iter()
            .rev()
            .take(8)
            .take_while(|t| t.sentence == sentence && !matches!(t.lower.as_str(), "," | ";" | ":"))
            .any(|t| sets().past_perfect.contains(&t.lower))
    }

    /// True when "by" (or another [`Bound::By`]) bounds the expression
    /// whose head word is token `i`, in front of it or of its modifiers
    /// ("by January", "by the end of November", "by early August"): a
    /// perfect before it says what was done by then, not a flashback.
    fn bounded_by(&self, i: usize) -> bool {
        let frame = |k: usize| {
            let t = &self.tokens[k];
            t.lex.is_some_and(|l| l.modifier.is_some()) || sets().bound_fillers.contains(&t.lower)
        };
        let mut k = i;
        while k > 0 && i - k < 4 && frame(k - 1) {
            k -= 1;
        }
        k > 0 && self.bound(k - 1) == Some(Bound::By)
    }

    /// True when the sentence around token `i` speaks of the future. A
    /// sentence whose words and tags rule that out is not parsed to ask
    /// ([`may_look_ahead`]); conversation, whose forward cue may stand in
    /// any clause, always is.
    pub(super) fn future(&self, i: usize) -> bool {
        let known = self.tenses.get(i).and_then(Cell::get);
        let colloquial = self.doc_type == DocType::Colloquial;
        if known.is_none() && !colloquial && !may_look_ahead(&self.syntax, self.tokens, i) {
            return false;
        }
        self.tense(i) == Some(Tense::Future)
    }
}

/// The year of a month named without one: in a past-tense sentence the
/// last such month, in a forward-looking one the next; otherwise the
/// reference year, unless the month lies just across the turn of the year
/// ("January" in December is next January, "December" in February or March
/// last December): news looks back more readily than ahead.
pub(super) fn month_year(base: NaiveDate, month: u32, tense: Option<Tense>) -> i32 {
    let delta = month as i32 - base.month() as i32;
    // As for a day ([`day_year`]): the tense weighs the distance on its
    // wrong side, so that "told of a cutback in September" in August is
    // the coming September, and a month half a year off the last one.
    let (ahead, behind) = weights(tense);
    let cost = |d: i32| if d > 0 { d * ahead } else { -d * behind };
    let shift = [0, -1, 1].into_iter().min_by_key(|y| cost(delta + 12 * y));
    base.year() + shift.unwrap_or(0)
}

/// How much a month or a day ahead of the reference date and one behind
/// it cost in a clause of this tense.
fn weights(tense: Option<Tense>) -> (i32, i32) {
    match tense {
        Some(Tense::Past) => (4, 1),
        Some(Tense::Future) => (1, 4),
        None => (3, 2),
    }
}

/// The year of a month-and-day written without one: in a past-tense
/// sentence the last such day, in a forward-looking one the next, and
/// otherwise the one nearest the reference date.
pub(super) fn day_year(
    base: NaiveDate,
    month: u32,
    day: u32,
    tense: Option<Tense>,
) -> Option<NaiveDate> {
    let years = [base.year(), base.year() - 1, base.year() + 1];
    let days = years
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day));
    // Tense weighs the distance on its wrong side; a day is rarely more
    // than a few months off, whatever the tense.
    let (ahead, behind) = weights(tense);
    let (ahead, behind) = (i64::from(ahead), i64::from(behind));
    days.min_by_key(|d| {
        let days = (*d - base).num_days();
        if days > 0 {
            days * ahead
        } else {
            -days * behind
        }
    })
}
