//! Reading a line of JSON Lines written the plain way (an event, or a
//! source or link with its `"type"` first, as annals and most tools write
//! them) in one pass over its bytes, without serde's generic walk.
//!
//! Loading was most of every command on a large store, and most of
//! loading was serde_json visiting each key and value through the derived
//! deserializers. Here each key is matched once, strings are borrowed
//! where they hold no escapes, and each record is built at its size.
//!
//! The reader only reads what it knows to mean the same as the serde
//! reading: any line it does not take whole (a syntax error, an unknown or
//! repeated key, a value of another type, an escaped key, a number it
//! does not read itself) comes back as `None` with nothing filed, and the
//! full reading ([`super::jsonl`]) reads it and says what is wrong, in
//! the same words and at the same place as before. So a problem is never
//! reported here, and a message never depends on which reader saw it.

use std::borrow::Cow;

use serde::de::{Deserialize, IntoDeserializer};

use super::jsonl::derived;
use super::Loaded;
use crate::model::{Actor, Citation, Event, EventDate, Granularity, Link, Source, Text};
use crate::scan::json_special;

/// Reads `line`, line `mark.1` of place `mark.0`, into `loaded` and
/// returns true; or returns false with nothing filed when the line is not
/// one this reader takes whole.
pub(super) fn record(
    line: &str,
    mark: (usize, usize),
    loaded: &mut Loaded,
    unescaped: &mut String,
) -> bool {
    let typed = match line.strip_prefix(r#"{"type":""#) {
        Some(rest) if rest.starts_with(r#"link","#) => Some(true),
        Some(rest) if rest.starts_with(r#"source","#) => Some(false),
        Some(_) => return false,
        None => None,
    };
    let mut cursor = Cursor {
        text: line,
        at: 0,
        unescaped,
    };
    let read = match typed {
        None => cursor
            .event()
            .map(|e| loaded.push_event(e, mark, Vec::new())),
        Some(true) => cursor.link().map(|l| loaded.push_link(l, mark, Vec::new())),
        Some(false) => cursor
            .source()
            .map(|s| loaded.push_source(s, mark, Vec::new())),
    };
    read.is_some()
}

/// How deep a skipped value may nest: serde_json refuses 128 levels, and
/// a line deeper than this is left to it.
const MAX_DEPTH: usize = 100;

/// A position in a line.
struct Cursor<'a, 'b> {
    text: &'a str,
    at: usize,
    /// Where a string with escapes is decoded before it is copied out at
    /// its length (a string grown as it is decoded would keep the room it
    /// grew, a million times in a large store); kept from line to line.
    unescaped: &'b mut String,
}

impl<'a> Cursor<'a, '_> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte after JSON whitespace, not taken.
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes().get(self.at) {
            if !matches!(b, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(b);
            }
            self.at += 1;
        }
        None
    }

    /// Takes `b` after whitespace.
    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.at += 1)
    }

    /// Takes `word` (`null`, `true`, `false`) if it comes next.
    fn word(&mut self, word: &str) -> bool {
        let _ = self.peek();
        let found = self.text[self.at..].starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    /// The members of an object, each key handed to `member` with the
    /// cursor before its value, which `member` must take.
    fn object(&mut self, mut member: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        if self.eat(b'}').is_some() {
            return Some(());
        }
        loop {
            let key = self.key()?;
            member(self, key)?;
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// The elements of an array, each read by `element`.
    fn array(&mut self, mut element: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'[')?;
        if self.eat(b']').is_some() {
            return Some(());
        }
        loop {
            element(self)?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A key without escapes and its colon: two million in a store of
    /// 100,000 events, each read in the loop of its object.
    #[inline(always)]
    fn key(&mut self) -> Option<&'a str> {
        match self.string()? {
            Cow::Borrowed(key) => {
                self.eat(b':')?;
                Some(key)
            }
            Cow::Owned(_) => None,
        }
    }

    /// A string, borrowed from the line unless it holds escapes. Four
    /// million of them in a store of 100,000 events, most short and
    /// plain: the plain path is inlined where it is read.
    #[inline]
    fn string(&mut self) -> Option<Cow<'a, str>> {
        self.eat(b'"')?;
        let start = self.at;
        let end = json_special(self.bytes(), start);
        self.at = end + 1;
        match *self.bytes().get(end)? {
            b'"' => Some(Cow::Borrowed(&self.text[start..end])),
            b'\\' => self.unescape(start, end).map(Cow::Owned),
            _ => None,
        }
    }

    /// The string from `start` whose first backslash is at `backslash`,
    /// the cursor just past it, decoded.
    #[inline(never)]
    fn unescape(&mut self, start: usize, backslash: usize) -> Option<String> {
        let mut out = std::mem::take(self.unescaped);
        out.clear();
        out.push_str(&self.text[start..backslash]);
        let read = self.escaped(&mut out);
        let string = read.map(|()| out.as_str().to_owned());
        *self.unescaped = out;
        string
    }

    /// The rest of a string whose text so far is `out`, the cursor just
    /// past a backslash.
    fn escaped(&mut self, out: &mut String) -> Option<()> {
        loop {
            let b = *self.bytes().get(self.at)?;
            self.at += 1;
            match b {
                b'"' | b'\\' | b'/' => out.push(char::from(b)),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'u' => out.push(self.unicode()?),
                _ => return None,
            }
            let start = self.at;
            let end = json_special(self.bytes(), start);
            let &stop = self.bytes().get(end)?;
            out.push_str(&self.text[start..end]);
            self.at = end + 1;
            match stop {
                b'"' => return Some(()),
                b'\\' => {}
                _ => return None,
            }
        }
    }

    /// The character of a `\u` escape, the cursor past the `u`: a code
    /// point outside the surrogates, or a surrogate pair.
    fn unicode(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if !(0xD800..0xE000).contains(&first) {
            return char::from_u32(first);
        }
        if first >= 0xDC00 || !self.text[self.at..].starts_with("\\u") {
            return None;
        }
        self.at += 2;
        let second = self.hex4()?;
        if !(0xDC00..0xE000).contains(&second) {
            return None;
        }
        char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
    }

    /// Four hexadecimal digits.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at += 4;
        u32::from_str_radix(digits, 16).ok()
    }

    /// A string as the short text of a model field.
    fn text(&mut self) -> Option<Text> {
        self.string().map(|s| Text::from(s.as_ref()))
    }

    /// `null` as `None`, else what `read` reads.
    fn or_null<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.word("null") {
            return Some(None);
        }
        read(self).map(Some)
    }

    /// A string naming a variant of a unit enum, read by the enum's own
    /// deserializer.
    fn name<T: for<'de> Deserialize<'de>>(&mut self) -> Option<T> {
        let name = self.string()?;
        let de: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.as_ref().into_deserializer();
        T::deserialize(de).ok()
    }

    /// The text of a JSON number, checked against JSON's grammar.
    fn number(&mut self) -> Option<&'a str> {
        let _ = self.peek();
        let start = self.at;
        let b = self.bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while b.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start;
        if b.get(at) == Some(&b'-') {
            at += 1;
        }
        if b.get(at) == Some(&b'0') {
            at += 1;
        } else if !digits(&mut at) {
            return None;
        }
        if b.get(at) == Some(&b'.') {
            at += 1;
            digits(&mut at).then_some(())?;
        }
        if matches!(b.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(b.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            digits(&mut at).then_some(())?;
        }
        self.at = at;
        Some(&self.text[start..at])
    }

    /// A whole number that is neither negative nor written as a fraction.
    fn whole(&mut self) -> Option<u64> {
        let n = self.number()?;
        if !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n.parse().ok()
    }

    /// A count of people (`killed`, `injured`).
    fn count(&mut self) -> Option<u32> {
        u32::try_from(self.whole()?).ok()
    }

    /// A `[begin, end)` pair of offsets.
    fn span(&mut self) -> Option<[usize; 2]> {
        self.eat(b'[')?;
        let begin = usize::try_from(self.whole()?).ok()?;
        self.eat(b',')?;
        let end = usize::try_from(self.whole()?).ok()?;
        self.eat(b']')?;
        Some([begin, end])
    }

    /// A confidence, read by serde_json from its number's text so that
    /// it rounds as it always did.
    fn confidence(&mut self) -> Option<f64> {
        serde_json::from_str(self.number()?).ok()
    }

    /// Any JSON value, checked and left unread: a derived field.
    fn skip(&mut self, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' => self.object(|c, _| c.skip(depth + 1)),
            b'[' => self.array(|c| c.skip(depth + 1)),
            b't' => self.word("true").then_some(()),
            b'f' => self.word("false").then_some(()),
            b'n' => self.word("null").then_some(()),
            _ => self.number().map(drop),
        }
    }

    /// The value of a field this reader leaves to serde: its text, checked
    /// by [`Cursor::skip`], deserialized by serde_json.
    fn by_serde<T: for<'de> Deserialize<'de>>(&mut self) -> Option<T> {
        let _ = self.peek();
        let start = self.at;
        self.skip(0)?;
        serde_json::from_str(&self.text[start..self.at]).ok()
    }

    /// Nothing but whitespace left in the line.
    fn end(&mut self) -> Option<()> {
        self.peek().is_none().then_some(())
    }

    /// A derived field or a typed record's leading `type`, skipped; `None`
    /// for any other key.
    fn derived(&mut self, key: &str, typed: &mut bool, link: bool) -> Option<()> {
        if key == "type" && !std::mem::take(typed) {
            return None;
        }
        derived(key, link).then_some(())?;
        self.skip(0)
    }

    /// A list of actors: names, or tables of a name, a country and a role.
    fn actors(&mut self) -> Option<Vec<Actor>> {
        let mut list = Vec::new();
        self.array(|c| {
            let actor = match c.peek()? {
                b'"' => Actor {
                    name: c.text()?,
                    country: None,
                    role: None,
                },
                _ => c.actor_table()?,
            };
            list.push(actor);
            Some(())
        })?;
        Some(list)
    }

    /// An actor written as a table.
    fn actor_table(&mut self) -> Option<Actor> {
        let (mut name, mut country, mut role) = (None, None, None);
        self.object(|c, key| match key {
            "name" => set(&mut name, c.text()?),
            "country" => set(&mut country, c.or_null(Cursor::text)?),
            "role" => set(&mut role, c.or_null(Cursor::name)?),
            _ => None,
        })?;
        Some(Actor {
            name: name?,
            country: country.flatten(),
            role: role.flatten(),
        })
    }

    /// An event's citations.
    fn citations(&mut self) -> Option<Vec<Citation>> {
        let mut list = Vec::new();
        self.array(|c| {
            let citation = c.citation()?;
            list.push(citation);
            Some(())
        })?;
        Some(list)
    }

    fn citation(&mut self) -> Option<Citation> {
        let (mut id, mut quote, mut span, mut trigger) = (None, None, None, None);
        self.object(|c, key| match key {
            "id" => set(&mut id, c.text()?),
            "quote" => set(&mut quote, c.text()?),
            "span" => set(&mut span, c.or_null(Cursor::span)?),
            "trigger" => set(&mut trigger, c.or_null(Cursor::span)?),
            _ => None,
        })?;
        Some(Citation {
            id: id?,
            quote: quote.unwrap_or_default(),
            span: span.flatten(),
            trigger: trigger.flatten(),
        })
    }

    /// A list of tags.
    fn tags(&mut self) -> Option<Vec<String>> {
        let mut list = Vec::new();
        self.array(|c| {
            let tag = c.string()?.into_owned();
            list.push(tag);
            Some(())
        })?;
        Some(list)
    }

    /// A whole line holding an event.
    fn event(&mut self) -> Option<Event> {
        let (mut id, mut date, mut title, mut summary) = (None, None, None, None);
        let (mut kind, mut cameo, mut mode, mut actors) = (None, None, None, None);
        let (mut targets, mut place, mut killed, mut injured) = (None, None, None, None);
        let (mut tags, mut sources, mut confidence, mut discrepancies) = (None, None, None, None);
        let mut typed = false;
        self.object(|c, key| match key {
            "id" => set(&mut id, c.text()?),
            "date" => set(&mut date, c.string()?.parse().ok()?),
            "title" => set(&mut title, owned(c)?),
            "kind" => set(&mut kind, c.name()?),
            "summary" => set(&mut summary, c.or_null(owned)?),
            "cameo" => set(&mut cameo, c.or_null(owned)?),
            "mode" => set(&mut mode, c.name()?),
            "actors" => set(&mut actors, c.actors()?),
            "targets" => set(&mut targets, c.actors()?),
            "place" => set(&mut place, c.or_null(Cursor::text)?),
            "killed" => set(&mut killed, c.or_null(Cursor::count)?),
            "injured" => set(&mut injured, c.or_null(Cursor::count)?),
            "tags" => set(&mut tags, c.tags()?),
            "sources" => set(&mut sources, c.citations()?),
            "confidence" => set(&mut confidence, c.confidence()?),
            "discrepancies" => set(&mut discrepancies, c.by_serde()?),
            _ => c.derived(key, &mut typed, false),
        })?;
        self.end()?;
        Some(Event {
            id: id?,
            date: date?,
            title: title?,
            summary: summary.flatten(),
            kind: kind?,
            cameo: cameo.flatten(),
            mode: mode.unwrap_or_default(),
            actors: actors.unwrap_or_default(),
            targets: targets.unwrap_or_default(),
            place: place.flatten(),
            killed: killed.flatten(),
            injured: injured.flatten(),
            tags: tags.unwrap_or_default(),
            sources: sources.unwrap_or_default(),
            confidence: confidence.unwrap_or(1.0),
            discrepancies: discrepancies.unwrap_or_default(),
        })
    }

    /// A whole line holding a link, `"type":"link"` first.
    fn link(&mut self) -> Option<Link> {
        let (mut from, mut to, mut relation) = (None, None, None);
        let (mut evidence, mut source, mut confidence) = (None, None, None);
        let mut typed = true;
        self.object(|c, key| match key {
            "from" => set(&mut from, c.text()?),
            "to" => set(&mut to, c.text()?),
            "relation" => set(&mut relation, c.name()?),
            "evidence" => set(&mut evidence, c.text()?),
            "source" => set(&mut source, c.or_null(Cursor::text)?),
            "confidence" => set(&mut confidence, c.confidence()?),
            _ => c.derived(key, &mut typed, true),
        })?;
        self.end()?;
        Some(Link {
            from: from?,
            to: to?,
            relation: relation?,
            evidence: evidence.unwrap_or_default(),
            source: source.flatten(),
            confidence: confidence.unwrap_or(1.0),
        })
    }

    /// A whole line holding a source, `"type":"source"` first.
    fn source(&mut self) -> Option<Source> {
        let (mut id, mut title, mut outlet) = (None, None, None);
        let (mut url, mut published, mut author) = (None, None, None);
        let mut typed = true;
        self.object(|c, key| match key {
            "id" => set(&mut id, owned(c)?),
            "title" => set(&mut title, owned(c)?),
            "outlet" => set(&mut outlet, owned(c)?),
            "url" => set(&mut url, owned(c)?),
            "published" => set(&mut published, c.day()?),
            "author" => set(&mut author, c.or_null(owned)?),
            _ => c.derived(key, &mut typed, false),
        })?;
        self.end()?;
        Some(Source {
            id: id?,
            title: title.unwrap_or_default(),
            outlet: outlet.unwrap_or_default(),
            url: url.unwrap_or_default(),
            published: published?,
            author: author.flatten(),
        })
    }

    /// A publication day: a date of a calendar day, not qualified.
    fn day(&mut self) -> Option<chrono::NaiveDate> {
        let date: EventDate = self.string()?.parse().ok()?;
        let plain = date.granularity() == Granularity::Day && !date.certainty().is_qualified();
        plain.then(|| date.earliest())
    }
}

/// A string as an owned `String`.
fn owned(c: &mut Cursor<'_, '_>) -> Option<String> {
    c.string().map(Cow::into_owned)
}

/// Fills `slot` with `value`; `None` if it was filled before, by a key
/// written twice (an error for serde, which the full reading reports).
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    slot.is_none().then(|| *slot = Some(value))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::record;
    use crate::error::Location;
    use crate::model::Store;
    use crate::store::{jsonl, Loaded};

    /// Lines the reader takes: every field of each record, in and out of
    /// annals' order, with escapes, nulls, whitespace and derived fields.
    const PLAIN: [&str; 12] = [
        r#"{"id":"e0","date":"2015-01-01","title":"Event 0: forces \"clash\"","kind":"assault","actors":[{"name":"Actor 0","country":"USA"}],"place":"Town 0","sources":[{"id":"s-0","quote":"Sentence 0."}]}"#,
        r#"{"type":"link","from":"e1","to":"e2","relation":"responds-to","evidence":"after","source":"s-0","confidence":0.25}"#,
        r#"{"type":"source","id":"s-0","title":"T","outlet":"O","url":"https://x.org/1","published":"2030-01-01","author":"A"}"#,
        r#"{"title":"caf\u00e9 \ud83d\ude00 \/ \b\f\n\r\t \\","kind":"protest","date":"late 2015-W01","id":"e1","mode":"planned"}"#,
        r#" { "id" : "e2" , "date" : "2015-01-01/2015-02" , "title" : "" , "kind" : "other" } "#,
        r#"{"id":"e3","date":"2015","title":"x","kind":"aid","summary":null,"cameo":"0831","actors":["A",{"name":"B","country":null,"role":"armed-group"}],"targets":[],"place":null,"killed":0,"injured":4294967295,"tags":["link-end","é"],"confidence":1e-3}"#,
        r#"{"id":"e4","date":"2015-Q1","title":"x","kind":"aid","sources":[{"id":"s","span":[0,18446744073709551615],"trigger":null},{"id":"t","quote":"","span":null}],"confidence":-0.0}"#,
        r#"{"id":"e5","date":"2015","title":"x","kind":"aid","earliest":"2015-01-01","causes":[{"id":"e1","n":[1,2.5e+3,true,false,null]}],"salience":{"score":0.5},"doc":"d"}"#,
        r#"{"type":"link","from":"e1","to":"e2","relation":"causes","id":"l1","evidence":"","source":null,"confidence":1}"#,
        r#"{"type":"source","id":"s-1","published":"2011-02-10","doc":"x"}"#,
        r#"{"id":"e6","date":"2015","title":"x","kind":"aid","discrepancies":[{"field":"killed","claims":[{"value":"3","sources":["a","b"]}]}]}"#,
        "{\"id\":\"e7\",\t\"date\":\"2015\",\r\n\"title\":\"é\",\"kind\":\"aid\"}\t",
    ];

    /// Lines with a problem, which only the full reading may report.
    const BAD: [&str; 25] = [
        r#"{"id":"e0","date":"2015","title":"x"}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","id":"e1"}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid",}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid"} x"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid""#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"Aid"}"#,
        r#"{"id":"e0","date":"2015-02-30","title":"x","kind":"aid"}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","bogus":1}"#,
        "{\"id\":\"e0\",\"date\":\"2015\",\"title\":\"a\tb\",\"kind\":\"aid\"}",
        r#"{"id":"e0","date":"2015","title":"a\x","kind":"aid"}"#,
        r#"{"id":"e0","date":"2015","title":"\ud800","kind":"aid"}"#,
        r#"{"id":"e0","date":"2015","title":"\udc00\ud800","kind":"aid"}"#,
        r#"{"id":"e0","date":"2015","title":"\u12G4","kind":"aid"}"#,
        "{\"id\":\"e0\",\"date\":\"2015\",\"title\":\"a\u{1}b\",\"kind\":\"aid\"}",
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","killed":-1}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","killed":4294967296}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","killed":1.0}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","killed":01}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","confidence":null}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","confidence":1e400}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","sources":[{"id":"s","span":[1,2,3]}]}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","sources":[{"quote":"q"}]}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","actors":[{"name":"A","role":"warlords"}]}"#,
        r#"{"type":"link","from":"e1","to":"e2","relation":"because"}"#,
        r#"{"type":"source","id":"s","published":"2011-02-10~"}"#,
    ];

    /// Lines serde reads that the reader leaves to it rather than read
    /// them itself: an escaped key, a table date, a `type` not first, an
    /// actor table with a key it does not know, an event's own `type`, a `type` twice.
    const LEFT: [&str; 6] = [
        r#"{"type":"link","type":"link","from":"e1","to":"e2","relation":"causes"}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","type":"event"}"#,
        r#"{"i\u0064":"e0","date":"2015","title":"x","kind":"aid"}"#,
        r#"{"id":"e0","date":{"$__toml_private_datetime":"2015-01-01"},"title":"x","kind":"aid"}"#,
        r#"{"from":"e1","to":"e2","relation":"causes","type":"link"}"#,
        r#"{"id":"e0","date":"2015","title":"x","kind":"aid","actors":[{"name":"A","note":1}]}"#,
    ];

    /// The store each reading makes of `line`: the reader's (`None` when
    /// it declined the line, having filed nothing) and the full
    /// reading's (`None` when it found a problem).
    fn both(line: &str) -> (Option<Store>, Option<Store>) {
        let mut fast = Loaded::default();
        let taken = record(line, (0, 1), &mut fast, &mut String::new());
        if !taken {
            assert_eq!(
                fast.store,
                Store::default(),
                "filed from a declined line: {line}"
            );
        }
        let mut full = Loaded::default();
        let at = |column| Location::File {
            path: "t.jsonl".into(),
            line: 1,
            column,
        };
        let read = jsonl::line_record(line, (0, 1), at, &mut full).is_ok();
        (taken.then_some(fast.store), read.then_some(full.store))
    }

    #[test]
    fn takes_plain_lines_as_serde_reads_them() {
        for line in PLAIN {
            let (fast, full) = both(line);
            assert!(fast.is_some(), "declined: {line}");
            assert_eq!(fast, full, "{line}");
        }
    }

    #[test]
    fn leaves_each_problem_to_the_full_reading() {
        for line in BAD {
            let (fast, full) = both(line);
            assert!(full.is_none(), "no problem in: {line}");
            assert!(fast.is_none(), "taken: {line}");
        }
    }

    #[test]
    fn leaves_what_it_does_not_read_to_serde() {
        for line in LEFT {
            let (fast, full) = both(line);
            assert!(full.is_some(), "serde refuses: {line}");
            assert!(fast.is_none(), "taken: {line}");
        }
    }

    /// What an edit may put into a line: JSON's punctuation, escapes,
    /// numbers, words and keys.
    const PIECES: [&str; 24] = [
        "\"",
        "\\",
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        " ",
        "0",
        "-",
        ".",
        "e",
        "1",
        "u",
        "null",
        "\\u00",
        "\\ud83d",
        "é",
        "\u{1}",
        "\"id\":\"x\",",
        "\"kind\":",
        "\"type\":\"link\",",
        "]}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// Whatever a few edits make of a plain line, the reader either
        /// declines it or reads what serde reads.
        #[test]
        fn an_edited_line_is_read_as_serde_reads_it_or_left_to_it(
            base in 0..PLAIN.len(),
            edits in prop::collection::vec((any::<usize>(), 0..3u8, 0..PIECES.len()), 1..4),
        ) {
            let mut line = PLAIN[base].to_string();
            for (at, op, piece) in edits {
                let mut at = at % (line.len() + 1);
                while !line.is_char_boundary(at) {
                    at -= 1;
                }
                match op {
                    0 => line.insert_str(at, PIECES[piece]),
                    1 => {
                        let end = (at + 1..=line.len()).find(|&i| line.is_char_boundary(i));
                        if let Some(end) = end {
                            line.replace_range(at..end, "");
                        }
                    }
                    _ => {
                        let copy = line[at..].chars().take(8).collect::<String>();
                        line.insert_str(at, &copy);
                    }
                }
            }
            if let (Some(fast), full) = both(&line) {
                prop_assert_eq!(Some(fast), full, "{}", line);
            }
        }
    }
}
