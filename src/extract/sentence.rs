//! One parsed sentence as the extractor reads it: its words with their
//! lower-case forms, the gazetteer's names found in it, the words that
//! belong to a date expression, and walks over its dependency tree.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::actors::{ActorRef, Actors};
use super::lexicon::{Entry, Lexicon};
use super::tokens::Tok;
use crate::text::{Doc, Upos};
use crate::time::Timex;

/// An actor or place of the gazetteer found in a sentence: its words
/// (indices into the sentence) and its entry.
pub struct Mention<'l> {
    /// First word.
    pub first: usize,
    /// One past the last word.
    pub end: usize,
    /// The gazetteer's entry.
    pub entry: &'l Entry,
}

/// A sentence of a parsed document.
pub struct Sent<'d, 't, 'l> {
    /// The parsed document.
    pub doc: &'d Doc<'t>,
    /// Index of the sentence's first word in the document.
    pub first: usize,
    /// The words, indexed from 0 at the sentence's first word.
    pub toks: Vec<Tok>,
    /// The gazetteer's names, in text order, not overlapping.
    pub mentions: Vec<Mention<'l>>,
    /// For each word, the mention it belongs to.
    pub mention_of: Vec<Option<usize>>,
    /// For each word, whether it lies inside a date or time expression.
    pub in_timex: Vec<bool>,
    /// Names of the Phoenix actor dictionary the gazetteer does not
    /// cover: first word, one past the last, the actor.
    pub coded: Vec<(usize, usize, ActorRef)>,
    /// The day actors are coded as of (their roles change with time).
    pub on: NaiveDate,
    heads: Vec<Option<usize>>,
    kids: Vec<Vec<usize>>,
    depths: Vec<usize>,
    spans: Vec<(usize, usize)>,
}

/// "Russia has threatened to stop talks": the parse sometimes hangs the
/// subject from the auxiliary that carries the tense. An auxiliary or a
/// copula governs nothing in UD, so its subject is its verb's.
fn subjects_of_helpers_to_their_verbs(
    heads: &mut [Option<usize>],
    deprel: impl Fn(usize) -> &'static str,
) {
    for k in 0..heads.len() {
        let Some(h) = heads[k] else { continue };
        let helper = matches!(deprel(h).split(':').next(), Some("aux" | "cop"));
        let subject = matches!(
            deprel(k).split(':').next(),
            Some("nsubj" | "csubj" | "expl")
        );
        if helper && subject {
            // Its verb, unless the helper is the root itself.
            if let Some(verb) = heads[h].filter(|&v| v != k) {
                heads[k] = Some(verb);
            }
        }
    }
}

impl<'d, 't, 'l> Sent<'d, 't, 'l> {
    /// The sentence of `doc` covering words `range`, with the date
    /// expressions `timexes` (sorted by position) of the whole text.
    pub fn new(
        doc: &'d Doc<'t>,
        range: std::ops::Range<usize>,
        text: &str,
        timexes: &[Timex],
        lex: &'l Lexicon,
        on: NaiveDate,
    ) -> Sent<'d, 't, 'l> {
        let toks: Vec<Tok> = doc.words[range.clone()]
            .iter()
            .map(|w| {
                let form = w.token.form(text);
                Tok {
                    start: w.token.start,
                    end: w.token.end,
                    lower: form.to_lowercase(),
                    text: form.to_string(),
                }
            })
            .collect();
        let in_timex = toks
            .iter()
            .map(|t| {
                let i = timexes.partition_point(|x| x.byte_end <= t.start);
                timexes
                    .get(i)
                    .is_some_and(|x| x.byte_begin <= t.start && t.end <= x.byte_end)
            })
            .collect();
        let mentions = mentions(&toks, lex);
        let mut mention_of = vec![None; toks.len()];
        for (k, m) in mentions.iter().enumerate() {
            for slot in &mut mention_of[m.first..m.end] {
                *slot = Some(k);
            }
        }
        let first = range.start;
        let n = toks.len();
        let words = &doc.words[range];
        let mut heads: Vec<Option<usize>> = words
            .iter()
            .map(|w| w.head.and_then(|h| h.checked_sub(first)).filter(|&h| h < n))
            .collect();
        subjects_of_helpers_to_their_verbs(&mut heads, |k| words[k].deprel);
        let mut kids = vec![Vec::new(); n];
        for (k, h) in heads.iter().enumerate() {
            if let Some(h) = h {
                kids[*h].push(k);
            }
        }
        let (depths, spans) = tree_shape(&heads, &kids);
        let coded = coded_names(&toks, &mention_of);
        Sent {
            doc,
            first,
            toks,
            mentions,
            mention_of,
            in_timex,
            coded,
            on,
            heads,
            kids,
            depths,
            spans,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The part of speech of word `i`.
    pub fn upos(&self, i: usize) -> Upos {
        self.doc.words[self.first + i].upos
    }

    /// The lemma of word `i` as the lemmatiser gives it: lower case,
    /// except that a proper noun keeps its case ("Cairo") and so do a few
    /// common words training saw capitalised ("islamists": "Islamist",
    /// "tv": "TV").
    pub fn lemma(&self, i: usize) -> &str {
        &self.doc.words[self.first + i].lemma
    }

    /// The lemma of word `i` as the word lists of the data files hold it:
    /// in lower case ("Islamist" is "islamist"), borrowed when it is so
    /// already. A proper noun's keeps its case, so that no list of common
    /// words takes it: "Press" in "White House Press Secretary" is not the
    /// verb of `[noise] asked_of`.
    pub fn lower_lemma(&self, i: usize) -> Cow<'_, str> {
        let lemma = self.lemma(i);
        if self.xpos(i).starts_with("NNP") || !lemma.chars().any(char::is_uppercase) {
            Cow::Borrowed(lemma)
        } else {
            Cow::Owned(lemma.to_lowercase())
        }
    }

    /// The Penn tag of word `i`.
    pub fn xpos(&self, i: usize) -> &'static str {
        self.doc.words[self.first + i].xpos
    }

    /// The relation of word `i` to its head.
    pub fn deprel(&self, i: usize) -> &'static str {
        self.doc.words[self.first + i].deprel
    }

    /// The relation without its subtype.
    pub fn rel(&self, i: usize) -> &'static str {
        let d = self.deprel(i);
        // A relation is a few bytes: a plain search beats the general one.
        let end = d.bytes().position(|b| b == b':').unwrap_or(d.len());
        &d[..end]
    }

    /// The head of word `i`, `None` for the root.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i]
    }

    /// The dependents of word `i`, in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.kids[i].iter().copied()
    }

    /// The dependents of `i` whose relation (without subtype) is one of
    /// `rels`.
    pub fn children_by(&self, i: usize, rels: &[&str]) -> Vec<usize> {
        self.children(i)
            .filter(|&c| rels.contains(&self.rel(c)))
            .collect()
    }

    /// Whether `ancestor` is `i` or above it.
    pub fn dominates(&self, ancestor: usize, i: usize) -> bool {
        let (lo, hi) = self.spans[ancestor];
        if i < lo || i > hi {
            return false;
        }
        let mut w = i;
        for _ in 0..=self.len() {
            if w == ancestor {
                return true;
            }
            match self.heads[w] {
                Some(h) => w = h,
                None => return false,
            }
        }
        false
    }

    /// How far word `i` is from the root.
    pub fn depth(&self, i: usize) -> usize {
        self.depths[i]
    }

    /// The first and last word of the subtree of `i`.
    pub fn span(&self, i: usize) -> (usize, usize) {
        self.spans[i]
    }

    /// Whether word `i` is an infinitive marked by "to" ("to evacuate").
    pub fn is_to_infinitive(&self, i: usize) -> bool {
        self.children_by(i, &["mark"])
            .into_iter()
            .any(|m| self.toks[m].lower == "to")
    }

    /// Whether the sentence asks a question: a question mark among the
    /// punctuation that closes it ("?", "?!", "?\"").
    pub fn is_question(&self) -> bool {
        self.toks
            .iter()
            .rev()
            .take_while(|t| !t.text.chars().any(char::is_alphanumeric))
            .any(|t| t.text.contains('?'))
    }

    /// Whether the sentence quotes anyone.
    pub fn quotes(&self) -> bool {
        self.toks.iter().any(Tok::quote_mark)
    }

    /// Whether word `i` is set in capitals with a neighbour that is too:
    /// a speaker's label in a transcript ("MOHAMED ELBARADEI, LEADING
    /// OPPOSITION FIGURE:"), a heading or a shout, never running text.
    pub fn in_capitals(&self, i: usize) -> bool {
        let capitals = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                t.text.chars().count() > 1
                    && t.text.chars().any(char::is_alphabetic)
                    && !t.text.chars().any(char::is_lowercase)
            })
        };
        capitals(i) && (i > 0 && capitals(i - 1) || capitals(i + 1))
    }

    /// Whether word `i` lies in a transcript's speaker label, the words in
    /// capitals before a colon that open the sentence ("ROBERTSON
    /// (voice-over):", "MR. CROWLEY:"): it says who talks, and names no
    /// one who acts in what follows. What a parenthesis adds counts for
    /// nothing.
    pub fn in_speaker_label(&self, i: usize) -> bool {
        let mut depth = 0usize;
        let mut named = false;
        for (k, t) in self.toks.iter().enumerate() {
            match t.text.as_str() {
                ":" => return named && i < k,
                "(" | "-LRB-" => depth += 1,
                ")" | "-RRB-" => depth = depth.saturating_sub(1),
                _ if depth > 0 || !t.text.chars().any(char::is_alphabetic) => {}
                _ if t.all_caps() => named = true,
                _ => return false,
            }
        }
        false
    }
}

/// The depth of every word and the first and last word of its subtree,
/// in one pass from the roots (the parser gives a tree, so no word is
/// visited twice).
fn tree_shape(heads: &[Option<usize>], kids: &[Vec<usize>]) -> (Vec<usize>, Vec<(usize, usize)>) {
    let n = heads.len();
    let mut depths = vec![0; n];
    let mut order = Vec::with_capacity(n);
    let mut stack: Vec<usize> = (0..n).filter(|&k| heads[k].is_none()).collect();
    while let Some(w) = stack.pop() {
        order.push(w);
        for &c in &kids[w] {
            depths[c] = depths[w] + 1;
            stack.push(c);
        }
    }
    let mut spans: Vec<(usize, usize)> = (0..n).map(|k| (k, k)).collect();
    for &w in order.iter().rev() {
        if let Some(h) = heads[w] {
            let (lo, hi) = spans[w];
            spans[h] = (spans[h].0.min(lo), spans[h].1.max(hi));
        }
    }
    (depths, spans)
}

/// The Phoenix dictionary's names outside the gazetteer's mentions, each
/// starting with a capital letter.
fn coded_names(toks: &[Tok], mention_of: &[Option<usize>]) -> Vec<(usize, usize, ActorRef)> {
    let lower: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let actors = Actors::shipped();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if mention_of[i].is_none() && toks[i].capital() {
            if let Some((n, r)) = actors.longest_at(&lower, i) {
                // The dictionary is written in capitals, so a short name
                // may be an acronym: "ANA" is an army, "Ana" a first name.
                let acronym_ok = n > 1 || toks[i].text.chars().count() > 3 || toks[i].all_caps();
                if acronym_ok && mention_of[i..i + n].iter().all(Option::is_none) {
                    out.push((i, i + n, r));
                    i += n;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// The gazetteer's names in a sentence, longest first at each word.
fn mentions<'l>(toks: &[Tok], lex: &'l Lexicon) -> Vec<Mention<'l>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((n, (entry, exact))) = lex.gazetteer.longest_at(toks, i) {
            let ok = if *exact {
                // US, UN: only as written in capitals, never "us".
                toks[i..i + n].iter().all(Tok::all_caps)
            } else {
                toks[i].capital() || !entry.name.chars().next().is_some_and(char::is_uppercase)
            };
            if ok {
                out.push(Mention {
                    first: i,
                    end: i + n,
                    entry,
                });
                i += n;
                continue;
            }
        }
        i += 1;
    }
    out
}
