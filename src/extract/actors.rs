//! The actor dictionary: about 26,000 people, organisations and armed
//! groups with their spellings and date-ranged CAMEO codes, and the generic
//! agents ("police", "rebels", "protesters"), compiled from the Phoenix
//! dictionaries of the PETRARCH event coder (MIT, Open Event Data Alliance;
//! `NOTICE-phoenix`) by `scripts/compile_actors.py` into `actors.tsv` and
//! `agents.tsv` beside this file.
//!
//! Names are matched on lower-cased tokens as [`crate::text::tokenize()`]
//! cuts them: every spelling is tokenized by the same tokenizer when the
//! dictionary loads, so "People's" or "U.S." match in text exactly as they
//! are split there.

use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::ExtractError;
use crate::error::{Diagnostic, Location};
use crate::model::Role;
use crate::scan::{lines, split_at_byte};
use crate::text::{tokenize, WordMap};

const SHIPPED_ACTORS: &str = include_str!("actors.tsv");
const SHIPPED_AGENTS: &str = include_str!("agents.tsv");

/// An actor of the dictionary, to look up with [`Actors::coded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorRef(u32);

/// An actor as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coded<'a> {
    /// The name a briefing prints ("Muammar Gaddafi").
    pub name: &'a str,
    /// ISO 3166-1 alpha-3 country; none for international bodies.
    pub country: Option<&'a str>,
    /// The role on that date; none when the dictionary gives none then
    /// (Gaddafi after August 2011).
    pub role: Option<Role>,
    /// The CAMEO actor code on that date (`LBYGOV`), if one applies.
    pub cameo: Option<&'a str>,
}

/// The error for line `line` of the dictionary file `file`: what is wrong,
/// and the line's format.
fn bad_line(file: &str, line: usize, message: String) -> ExtractError {
    let format = match file {
        ACTORS => "NAME<tab>CAMEO/COUNTRY/role/FROM/TO;...<tab>SPELLING|SPELLING...",
        _ => "ROLE<tab>CODE<tab>SPELLING|SPELLING...",
    };
    ExtractError::Lexicon(vec![Diagnostic::error(
        Some(Location::File {
            path: file.to_string(),
            line,
            column: 1,
        }),
        message,
    )
    .with_help(format!("lines of {file} are {format}"))])
}

/// The names of the dictionary's files in messages.
const ACTORS: &str = "actors.tsv";
const AGENTS: &str = "agents.tsv";

/// One code of an actor, valid from `from` to `to` (inclusive; open ends
/// unbounded; both open: the actor's default).
#[derive(Debug, Clone)]
struct Code {
    /// A span of [`Actors::text`].
    cameo: Span,
    country: Option<[u8; 3]>,
    role: Option<Role>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

impl Code {
    fn dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    fn holds(&self, on: NaiveDate) -> bool {
        self.dated() && self.from.is_none_or(|d| d <= on) && self.to.is_none_or(|d| on <= d)
    }

    /// Days from the range to `on`.
    fn distance(&self, on: NaiveDate) -> i64 {
        let before = self.from.map_or(0, |d| (d - on).num_days().max(0));
        let after = self.to.map_or(0, |d| (on - d).num_days().max(0));
        before + after
    }
}

/// The actor and agent dictionary.
///
/// ```
/// use annals::extract::Actors;
/// use annals::model::Role;
/// use chrono::NaiveDate;
///
/// let actors = Actors::shipped();
/// let words = ["troops", "loyal", "to", "muammar", "gaddafi", "'s", "son"];
/// let (len, who) = actors.longest_at(&words, 3).unwrap();
/// assert_eq!(len, 2);
/// let coded = actors.coded(who, NaiveDate::from_ymd_opt(2011, 3, 20).unwrap());
/// assert_eq!(coded.name, "Muammar Gaddafi");
/// assert_eq!(coded.country, Some("LBY"));
/// assert_eq!(coded.role, Some(Role::Government));
/// assert_eq!(actors.agent("troops"), Some(Role::Military));
/// ```
#[derive(Debug)]
pub struct Actors {
    /// Names and CAMEO codes, one string (a few allocations, not 100,000).
    text: String,
    /// Each actor's name, a span of `text`.
    names: Vec<Span>,
    codes: Vec<Code>,
    /// Each actor's codes, a range of `codes`.
    actor_codes: Vec<Range<u32>>,
    actors: Phrases<u32>,
    agents: Phrases<Role>,
}

impl Actors {
    /// The dictionary shipped in the crate, loaded on first use.
    pub fn shipped() -> &'static Actors {
        static SHIPPED: OnceLock<Actors> = OnceLock::new();
        // A test loads the shipped files, so they cannot fail in a
        // released build; were they to, no actor beats a panic.
        SHIPPED.get_or_init(|| crate::error::shipped(Actors::load_shipped()))
    }

    /// Parses the shipped dictionary: what is wrong with it, located.
    pub fn load_shipped() -> Result<Actors, ExtractError> {
        Actors::parse(SHIPPED_ACTORS, SHIPPED_AGENTS)
    }

    fn empty() -> Actors {
        Actors {
            text: String::new(),
            names: Vec::new(),
            codes: Vec::new(),
            actor_codes: Vec::new(),
            actors: Phrases::default(),
            agents: Phrases::default(),
        }
    }

    /// Reads a dictionary in the format of `actors.tsv` and `agents.tsv`; a
    /// line it cannot read is an [`ExtractError::Lexicon`] at that line.
    pub fn parse(actors: &str, agents: &str) -> Result<Actors, ExtractError> {
        let mut out = Actors::empty();
        let mut spellings = Spellings::default();
        for (n, line) in data_lines(actors) {
            let err = |message: String| bad_line(ACTORS, n, message);
            let mut cols = split_at_byte(line, b'\t');
            let (Some(name), Some(codes), Some(others), None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(err(
                    "expected three tab-separated columns: name, codes, spellings".into(),
                ));
            };
            let id = u32::try_from(out.names.len()).map_err(|_| err("too many actors".into()))?;
            let start = out.codes.len() as u32;
            for code in split_at_byte(codes, b';') {
                let code = parse_code(code, &mut out.text).map_err(err)?;
                out.codes.push(code);
            }
            out.actor_codes.push(start..out.codes.len() as u32);
            let others = split_at_byte(others, b'|').filter(|s| !s.is_empty());
            for s in std::iter::once(name).chain(others) {
                spellings.push(s, id);
            }
            if name.trim().is_empty() {
                return Err(err("the name is empty".into()));
            }
            out.names.push(push_span(&mut out.text, name));
        }
        out.actors = spellings.build();
        let mut spellings = Spellings::default();
        for (n, line) in data_lines(agents) {
            let err = |message: String| bad_line(AGENTS, n, message);
            let cols: Vec<&str> = split_at_byte(line, b'\t').collect();
            let [role, _code, forms] = cols[..] else {
                return Err(err(
                    "expected three tab-separated columns: role, code, spellings".into(),
                ));
            };
            let role: Role = role.parse().map_err(|e| err(format!("{e}")))?;
            for s in split_at_byte(forms, b'|').filter(|s| !s.is_empty()) {
                spellings.push(s, role);
            }
        }
        out.agents = spellings.build();
        Ok(out)
    }

    /// How many actors the dictionary holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True for a dictionary without actors.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The longest actor name starting at word `i` of a sentence given as
    /// lower-cased token forms: `(n, actor)` for a name covering
    /// `lower[i..i + n]`.
    pub fn longest_at(&self, lower: &[&str], i: usize) -> Option<(usize, ActorRef)> {
        self.actors
            .longest_at(lower, i)
            .map(|(n, &id)| (n, ActorRef(id)))
    }

    /// The name a briefing prints for an actor ("Muammar Gaddafi").
    pub fn name(&self, r: ActorRef) -> &str {
        span(&self.text, self.names[r.0 as usize])
    }

    /// The names of the actors that are countries as a whole: every code
    /// of theirs is a bare country code (`EGY`), with no role or sector
    /// (`EGYGOV`, `EGYMIL` are a country's bodies, not the country).
    pub fn countries(&self) -> impl Iterator<Item = &str> + '_ {
        self.actor_codes
            .iter()
            .zip(&self.names)
            .filter(|(range, _)| {
                let codes = &self.codes[range.start as usize..range.end as usize];
                !codes.is_empty() && codes.iter().all(|c| self.bare_country(c))
            })
            .map(|(_, &name)| span(&self.text, name))
    }

    fn bare_country(&self, c: &Code) -> bool {
        let cameo = span(&self.text, c.cameo).as_bytes();
        c.role.is_none() && c.country.is_some_and(|k| k.as_slice() == cameo)
    }

    /// The role of a generic agent word, given as a lower-cased lemma or
    /// form ("police", "protesters", "troops").
    pub fn agent(&self, lower: &str) -> Option<Role> {
        self.agents
            .longest_at(&[lower], 0)
            .filter(|&(n, _)| n == 1)
            .map(|(_, &r)| r)
    }

    /// The longest agent phrase starting at word `i` ("riot police",
    /// "opposition demonstrators"): `(n, role)` for `lower[i..i + n]`.
    pub fn agent_at(&self, lower: &[&str], i: usize) -> Option<(usize, Role)> {
        self.agents.longest_at(lower, i).map(|(n, &r)| (n, r))
    }

    /// The actor as of `on`: the code whose date range holds the day (the
    /// latest-starting one if several do), else the actor's undated code,
    /// else only the country of the nearest range, without a role.
    pub fn coded(&self, r: ActorRef, on: NaiveDate) -> Coded<'_> {
        let range = &self.actor_codes[r.0 as usize];
        let codes = &self.codes[range.start as usize..range.end as usize];
        let name = self.name(r);
        let dated = codes.iter().filter(|c| c.holds(on)).max_by_key(|c| c.from);
        if let Some(c) = dated.or_else(|| codes.iter().find(|c| !c.dated())) {
            return Coded {
                name,
                country: country_of(c),
                role: c.role,
                cameo: Some(span(&self.text, c.cameo)),
            };
        }
        let nearest = codes.iter().min_by_key(|c| c.distance(on));
        Coded {
            name,
            country: nearest.and_then(country_of),
            role: None,
            cameo: None,
        }
    }
}

/// The lines of a file that hold data, numbered from 1.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    lines(text)
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn country_of(c: &Code) -> Option<&str> {
    c.country.as_ref().and_then(|b| std::str::from_utf8(b).ok())
}

/// A string kept in a shared buffer: start and end byte offsets.
type Span = (u32, u32);

/// Appends `s` to `text`, returning where it is.
fn push_span(text: &mut String, s: &str) -> Span {
    let start = text.len() as u32;
    text.push_str(s);
    (start, text.len() as u32)
}

fn span(text: &str, (a, b): Span) -> &str {
    text.get(a as usize..b as usize).unwrap_or("")
}

/// `CAMEO/COUNTRY/role/FROM/TO`, any field but the first may be empty;
/// the CAMEO code goes into `pool`.
fn parse_code(text: &str, pool: &mut String) -> Result<Code, String> {
    let mut fields = text.split('/');
    let mut next = || fields.next();
    let (Some(cameo), Some(country), Some(role), Some(from), Some(to), None) =
        (next(), next(), next(), next(), next(), next())
    else {
        return Err(format!("code `{text}` is not CAMEO/COUNTRY/role/FROM/TO"));
    };
    if cameo.is_empty()
        || !cameo
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return Err(format!(
            "`{cameo}` is not a CAMEO code (upper-case letters and digits)"
        ));
    }
    let iso = country.len() == 3 && country.bytes().all(|b| b.is_ascii_uppercase());
    if !(country.is_empty() || iso) {
        return Err(format!(
            "`{country}` is not an ISO 3166 alpha-3 country code"
        ));
    }
    let role = match role {
        "" => None,
        r => Some(r.parse::<Role>().map_err(|e| e.to_string())?),
    };
    let date = |d: &str| match d {
        "" => Ok(None),
        d => parse_date(d)
            .map(Some)
            .ok_or_else(|| format!("`{d}` is not a date YYYY-MM-DD")),
    };
    let (from, to) = (date(from)?, date(to)?);
    if let (Some(a), Some(b)) = (from, to) {
        if a > b {
            return Err(format!("in `{text}` the range ends before it starts"));
        }
    }
    Ok(Code {
        cameo: push_span(pool, cameo),
        country: country.as_bytes().try_into().ok(),
        role,
        from,
        to,
    })
}

/// `YYYY-MM-DD`, read without chrono's format machinery (tens of
/// thousands load at start-up).
fn parse_date(d: &str) -> Option<NaiveDate> {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Spellings gathered for the tokenizer. One of plain letters and single
/// spaces is a phrase of its words as written (the tokenizer cuts nothing
/// else from it; a test checks this for every shipped spelling); the
/// others go through [`tokenize`] together, joined by line breaks.
struct Spellings<'a, T> {
    /// The plain ones, each with what it names.
    plain: Vec<(&'a str, T)>,
    /// The others, one a line.
    text: String,
    /// Byte offset where each of the others ends, and what it names.
    ends: Vec<(usize, T)>,
    /// Order of addition: `true` for a plain spelling.
    order: Vec<bool>,
}

impl<T> Default for Spellings<'_, T> {
    fn default() -> Self {
        Spellings {
            plain: Vec::new(),
            text: String::new(),
            ends: Vec::new(),
            order: Vec::new(),
        }
    }
}

/// True for a spelling the tokenizer cuts at its spaces only: words of
/// ASCII letters, one space between two.
fn is_plain(spelling: &str) -> bool {
    let mut prev = b' ';
    for b in spelling.bytes() {
        if !(b.is_ascii_alphabetic() || b == b' ' && prev != b' ') {
            return false;
        }
        prev = b;
    }
    prev != b' '
}

impl<'a, T: Copy> Spellings<'a, T> {
    fn push(&mut self, spelling: &'a str, value: T) {
        let plain = is_plain(spelling);
        self.order.push(plain);
        if plain {
            self.plain.push((spelling, value));
        } else {
            self.text.push_str(spelling);
            self.ends.push((self.text.len(), value));
            self.text.push('\n');
        }
    }

    fn build(self) -> Phrases<T> {
        let tokens = tokenize(&self.text).tokens;
        let mut phrases = Phrases::default();
        let mut words: Vec<u32> = Vec::new();
        let mut buf = String::new();
        let mut t = tokens.iter().peekable();
        let (mut plain, mut other) = (self.plain.iter(), self.ends.iter());
        for is_plain in self.order {
            words.clear();
            let value = if is_plain {
                let Some((s, value)) = plain.next() else {
                    break;
                };
                for w in s.split(' ') {
                    words.push(phrases.intern(w, &mut buf));
                }
                *value
            } else {
                let Some(&(end, value)) = other.next() else {
                    break;
                };
                while let Some(tok) = t.next_if(|tok| tok.end <= end) {
                    words.push(phrases.intern(tok.form(&self.text), &mut buf));
                }
                value
            };
            phrases.add(&words, value);
        }
        phrases.finish();
        phrases
    }
}

/// Phrases of lower-cased words, found by their first word.
#[derive(Debug)]
struct Phrases<T> {
    /// Word → id.
    ids: WordMap<u32>,
    /// The words, one string.
    text: String,
    /// Id → word, a span of `text`.
    words: Vec<Span>,
    /// The phrases, grouped by first word, longest first within a group.
    phrases: Vec<Phrase<T>>,
    /// First word id → its group, a range of `phrases`.
    groups: Vec<Range<u32>>,
    /// The words after the first of every phrase.
    rest: Vec<u32>,
}

#[derive(Debug, Clone, Copy)]
struct Phrase<T> {
    first: u32,
    /// The words after the first, a range of `rest`.
    rest: (u32, u32),
    value: T,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            ids: WordMap::default(),
            text: String::new(),
            words: Vec::new(),
            phrases: Vec::new(),
            groups: Vec::new(),
            rest: Vec::new(),
        }
    }
}

impl<T: Copy> Phrases<T> {
    /// The id of `form` lower-cased (`buf` is scratch space).
    fn intern(&mut self, form: &str, buf: &mut String) -> u32 {
        buf.clear();
        if form.is_ascii() {
            buf.push_str(form);
            buf.make_ascii_lowercase();
        } else {
            buf.push_str(&form.to_lowercase());
        }
        if let Some(&id) = self.ids.get(buf.as_str()) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(push_span(&mut self.text, buf));
        self.ids.insert(buf.clone(), id);
        id
    }

    /// Adds a phrase; a spelling already present keeps its first value.
    fn add(&mut self, words: &[u32], value: T) {
        let Some((&first, rest)) = words.split_first() else {
            return;
        };
        let start = self.rest.len() as u32;
        self.rest.extend_from_slice(rest);
        self.phrases.push(Phrase {
            first,
            rest: (start, self.rest.len() as u32),
            value,
        });
    }

    /// Sorts the phrases into groups by first word, longest first, the
    /// order of addition kept among equals (so the first spelling wins).
    fn finish(&mut self) {
        self.phrases
            .sort_by_key(|p| (p.first, std::cmp::Reverse(p.rest.1 - p.rest.0)));
        self.groups = vec![0..0; self.words.len()];
        let mut i = 0;
        while i < self.phrases.len() {
            let first = self.phrases[i].first;
            let j = i + self.phrases[i..]
                .iter()
                .take_while(|p| p.first == first)
                .count();
            self.groups[first as usize] = i as u32..j as u32;
            i = j;
        }
    }

    fn longest_at(&self, lower: &[&str], i: usize) -> Option<(usize, &T)> {
        let &id = self.ids.get(*lower.get(i)?)?;
        let group = self.groups[id as usize].clone();
        let after = &lower[i + 1..];
        self.phrases[group.start as usize..group.end as usize]
            .iter()
            .find(|p| {
                let rest = &self.rest[p.rest.0 as usize..p.rest.1 as usize];
                rest.len() <= after.len()
                    && rest
                        .iter()
                        .zip(after)
                        .all(|(&w, &form)| span(&self.text, self.words[w as usize]) == form)
            })
            .map(|p| (1 + (p.rest.1 - p.rest.0) as usize, &p.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shipped spelling taken as plain is cut by the tokenizer
    /// exactly at its spaces.
    #[test]
    fn plain_spellings_are_what_the_tokenizer_makes_of_them() {
        let mut checked = 0;
        for (file, col) in [
            (SHIPPED_ACTORS, 0),
            (SHIPPED_ACTORS, 2),
            (SHIPPED_AGENTS, 2),
        ] {
            for (_, line) in data_lines(file) {
                let field = line.split('\t').nth(col).unwrap_or("");
                for s in field.split('|').filter(|s| is_plain(s)) {
                    let t = tokenize(s);
                    let forms: Vec<&str> = t.tokens.iter().map(|k| k.form(s)).collect();
                    assert_eq!(forms, s.split(' ').collect::<Vec<_>>(), "{s}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 30_000, "{checked}");
    }
}
