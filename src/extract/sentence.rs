//! One parsed sentence as the extractor reads it: its words with their
//! lower-case forms, the gazetteer's names found in it, the words that
//! belong to a date expression, and walks over its dependency tree.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::actors::{ActorRef, Actors};
use super::frames::Frames;
use super::lexicon::{Entry, Lexicon};
use super::tokens::Tok;
use crate::text::{Doc, Upos, Word};
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
    /// For each word, whether it is a capitalised common noun in the `of`
    /// phrase of a longer name ("the State of the Union"), no one.
    pub name_pieces: Vec<bool>,
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
        let in_timex: Vec<bool> = toks
            .iter()
            .map(|t| {
                let i = timexes.partition_point(|x| x.byte_end <= t.start);
                timexes
                    .get(i)
                    .is_some_and(|x| x.byte_begin <= t.start && t.end <= x.byte_end)
            })
            .collect();
        let first = range.start;
        let n = toks.len();
        let words = &doc.words[range];
        let mut heads: Vec<Option<usize>> = words
            .iter()
            .map(|w| w.head.and_then(|h| h.checked_sub(first)).filter(|&h| h < n))
            .collect();
        let phoenix = phoenix_names(&toks);
        let names = Names {
            words,
            heads: &heads,
            toks: &toks,
            in_timex: &in_timex,
            longest: longest_names(&toks, lex, &phoenix),
            phoenix,
        };
        let mentions = mentions(&names, lex);
        let mut mention_of = vec![None; toks.len()];
        for (k, m) in mentions.iter().enumerate() {
            for slot in &mut mention_of[m.first..m.end] {
                *slot = Some(k);
            }
        }
        let coded = coded_names(&names, &mention_of);
        let name_pieces = (0..toks.len()).map(|w| names.common_piece(w)).collect();
        subjects_of_helpers_to_their_verbs(&mut heads, |k| words[k].deprel);
        let mut kids = vec![Vec::new(); n];
        for (k, h) in heads.iter().enumerate() {
            if let Some(h) = h {
                kids[*h].push(k);
            }
        }
        let (depths, spans) = tree_shape(&heads, &kids);
        Sent {
            doc,
            first,
            toks,
            mentions,
            mention_of,
            in_timex,
            coded,
            on,
            name_pieces,
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
        base_rel(self.deprel(i))
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
/// A relation without its subtype ("nmod:poss": nmod).
fn base_rel(deprel: &str) -> &str {
    // A relation is a few bytes: a plain search beats the general one.
    let end = deprel
        .bytes()
        .position(|b| b == b':')
        .unwrap_or(deprel.len());
    &deprel[..end]
}

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

/// A sentence's words as the parse joins them, to tell a whole name from
/// a piece of a longer one.
struct Names<'a> {
    words: &'a [Word],
    /// Heads as the parse gives them, within the sentence.
    heads: &'a [Option<usize>],
    toks: &'a [Tok],
    in_timex: &'a [bool],
    /// The longest name of the Phoenix dictionary at each capitalised
    /// word, whether or not it is whole: its length in words and entry.
    phoenix: Vec<Option<(usize, ActorRef)>>,
    /// The longest name of either dictionary at each capitalised word,
    /// whether or not it is whole: one past its last word.
    longest: Vec<Option<usize>>,
}

impl Names<'_> {
    fn rel(&self, k: usize) -> &str {
        base_rel(self.words[k].deprel)
    }

    /// Whether word `k` outside a name is a word of a name: a capitalised
    /// proper noun, no date.
    fn name_word(&self, k: usize) -> bool {
        self.words[k].upos == Upos::Propn && self.toks[k].capital() && !self.in_timex[k]
    }

    /// Whether words `first..end`, a name of the dictionaries for
    /// `entry`, are a whole name as the parse reads the sentence, not a
    /// piece of a longer one ("Peter Bergen" is not Bergen, "the Washington
    /// Post" not Washington, "the University of Michigan" not Michigan).
    fn whole(&self, first: usize, end: usize, entry: &Named<'_>) -> bool {
        let inside = |k: usize| first <= k && k < end;
        let Some(top) = (first..end).find(|&k| self.heads[k].is_none_or(|h| !inside(h))) else {
            return true;
        };
        !self.name_goes_on(first, end, entry)
            && match (self.heads[top], self.rel(top)) {
                (Some(h), "compound" | "amod") => !self.begins_name(h, end, entry),
                (Some(h), "nmod") => entry.nation || !self.of_name(top, h, first),
                _ => true,
            }
    }

    /// Whether a `flat` link joins the name to a name word outside it: a
    /// longer name ("Gamal Mubarak", "Khalid Sheikh Mohamed", "President
    /// Ali Abdullah Saleh" are not Hosni Mubarak, Khalid or Barham Saleh).
    /// Words before it that spell words of the entry's own name
    /// ("Mohammed ElBaradei", "Ahmad Shafiq") are its first names; a body
    /// that begins a longer name ("U.S. Secretary of State") says whose it
    /// is.
    fn name_goes_on(&self, first: usize, end: usize, entry: &Named<'_>) -> bool {
        let inside = |k: usize| first <= k && k < end;
        (0..self.toks.len()).any(|k| {
            let Some(h) = self.heads[k] else { return false };
            let outer = match (inside(k), inside(h)) {
                (true, false) => h,
                (false, true) => k,
                _ => return false,
            };
            // A full name with a title or one more given name before it
            // is still that name ("Mohamed Hosni Mubarak").
            let goes_on = if outer < first {
                end - first == 1 && !entry.spells(&self.toks[outer].lower)
            } else {
                !entry.begins
            };
            self.rel(k) == "flat"
                && self.name_word(outer)
                && goes_on
                && !self.other_name(outer, first, end)
        })
    }

    /// Whether word `k` lies in a dictionary's name that starts outside
    /// `first..end` and ends before it, or starts after it: two names side
    /// by side that the parse runs together ("behind U.S. and China Japan
    /// has slipped", a headline run into the text).
    fn other_name(&self, k: usize, first: usize, end: usize) -> bool {
        (0..=k)
            .any(|a| self.longest[a].is_some_and(|b| a <= k && k < b && (b <= first || a >= end)))
    }

    /// Whether a name ending before `end` qualifies the name word `h`
    /// after it, no title ("the Washington Post", "Nile News TV"; not
    /// "Egyptian President Hosni Mubarak", whose title it qualifies). A
    /// country, a body or a place that begins a longer name says whose or
    /// where it is ("the U.S. Embassy", "the Suez Canal").
    fn begins_name(&self, h: usize, end: usize, entry: &Named<'_>) -> bool {
        !entry.begins
            && !self.locative(h)
            && h >= end
            && self.name_word(h)
            && self.words[h].deprel != "nmod:desc"
    }

    /// Whether the phrase headed by `h` says where ("at the Cairo
    /// Museum", "in West Darfur State"): a name that begins its name says
    /// where it is.
    fn locative(&self, h: usize) -> bool {
        let cases = &Frames::shipped().roles.place_cases;
        (0..h).any(|c| {
            self.heads[c] == Some(h) && self.rel(c) == "case" && cases.contains(&self.toks[c].lower)
        })
    }

    /// Whether word `w` is a capitalised common noun in the `of` phrase of
    /// a longer name ("the State of the Union": Union).
    fn common_piece(&self, w: usize) -> bool {
        self.words[w].upos == Upos::Noun
            && self.toks[w].capital()
            && self.rel(w) == "nmod"
            && self.heads[w].is_some_and(|h| h < w && self.of_name(w, h, w))
    }

    /// Whether the name `top` is the `of` phrase of the capitalised word
    /// `h` before it, a proper noun or a word of running text but no
    /// office: a piece of
    /// `h`'s name ("the State of the Union", "the University of
    /// Michigan"; not "the President of Egypt").
    fn of_name(&self, top: usize, h: usize, first: usize) -> bool {
        let of = (h + 1..first).any(|c| {
            self.heads[c] == Some(top) && self.rel(c) == "case" && self.toks[c].lower == "of"
        });
        let office = Frames::shipped()
            .roles
            .offices
            .contains(&self.toks[h].lower);
        // "Unrest in Egypt: Thousands of demonstrators": a capital after
        // punctuation may open a sentence; inside running text it is a
        // name's.
        let running = h
            .checked_sub(1)
            .is_some_and(|p| self.toks[p].text.chars().any(char::is_alphabetic));
        let name = self.words[h].upos == Upos::Propn || running;
        of && self.toks[h].capital() && name && !office && !self.in_timex[h]
    }
}

/// What a dictionary's name names, as [`Names::whole`] weighs it.
struct Named<'a> {
    /// The name as the dictionary prints it.
    name: &'a str,
    /// A country as a whole.
    nation: bool,
    /// A country, a body or a place, which may begin a longer name.
    begins: bool,
}

impl Named<'_> {
    /// Whether `word` (lower case) spells a word of the name: the same
    /// first three letters ("Mohammed" of Mohamed ElBaradei).
    fn spells(&self, word: &str) -> bool {
        let stem = |w: &str| w.chars().take(3).collect::<String>().to_lowercase();
        let w = stem(word);
        w.chars().count() == 3 && self.name.split(' ').any(|n| stem(n) == w)
    }
}

/// The Phoenix dictionary's names outside the gazetteer's mentions, each
/// starting with a capital letter and a whole name ([`Names::whole`]).
fn coded_names(names: &Names<'_>, mention_of: &[Option<usize>]) -> Vec<(usize, usize, ActorRef)> {
    let toks = names.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if mention_of[i].is_none() {
            if let Some((n, r)) = names.phoenix[i] {
                // The dictionary is written in capitals, so a short name
                // may be an acronym: "ANA" is an army, "Ana" a first name.
                let acronym_ok = n > 1 || toks[i].text.chars().count() > 3 || toks[i].all_caps();
                if acronym_ok
                    && mention_of[i..i + n].iter().all(Option::is_none)
                    && names.whole(i, i + n, &phoenix(r))
                {
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

/// A name of the Phoenix dictionary: people, bodies and the towns of a
/// country, none of which begins a longer name as its own.
fn phoenix(r: ActorRef) -> Named<'static> {
    Named {
        name: Actors::shipped().name(r),
        nation: false,
        begins: false,
    }
}

/// A name of the gazetteer: a country, body or place (no capital, which
/// names its country only when it acts) may begin a longer name.
fn gazetteer(e: &Entry) -> Named<'_> {
    Named {
        name: &e.name,
        nation: e.nation,
        begins: !e.person && e.capital_of.is_none(),
    }
}

/// At each capitalised word, one past the last word of the longest name
/// of the gazetteer or the Phoenix dictionary that starts there.
fn longest_names(
    toks: &[Tok],
    lex: &Lexicon,
    phoenix: &[Option<(usize, ActorRef)>],
) -> Vec<Option<usize>> {
    (0..toks.len())
        .map(|i| {
            if !toks[i].capital() {
                return None;
            }
            let gazetteer = lex.gazetteer.longest_at(toks, i).map(|(n, _)| n);
            let phoenix = phoenix[i].map(|(n, _)| n);
            gazetteer.max(phoenix).map(|n| i + n)
        })
        .collect()
}

/// At each capitalised word, the longest name of the Phoenix dictionary
/// that starts there: its length in words and its entry.
fn phoenix_names(toks: &[Tok]) -> Vec<Option<(usize, ActorRef)>> {
    let lower: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let actors = Actors::shipped();
    (0..toks.len())
        .map(|i| {
            toks[i]
                .capital()
                .then(|| actors.longest_at(&lower, i))
                .flatten()
        })
        .collect()
}

/// The gazetteer's names in a sentence, longest first at each word, each
/// a whole name ([`Names::whole`]).
fn mentions<'l>(names: &Names<'_>, lex: &'l Lexicon) -> Vec<Mention<'l>> {
    let toks = names.toks;
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
            if ok && names.whole(i, i + n, &gazetteer(entry)) {
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
