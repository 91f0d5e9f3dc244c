//! Page furniture: sentences that repeat across many documents of a
//! batch, and what a page glues before a sentence ([`body_start`]).
//!
//! Pages scraped from a news site carry the site's own text around every
//! article: a comment policy, a sign-up form, a ticker of other stories.
//! None of it is news about the topic, yet it reads like sentences, and a
//! single comment-policy line gave over a hundred `statement` events on
//! one topic. What tells it apart is that it repeats: the same sentence in
//! a tenth of the documents of a batch is furniture. News copy repeats
//! too (an agency's paragraph in several outlets, a background paragraph
//! in every update of a story), but rarely in so many documents at once,
//! and a background paragraph reports nothing new.

use std::collections::{HashMap, HashSet};

use super::sentence::Sent;
use super::tokens::Tok;
use super::topic::Topic;
use super::Article;
use crate::text::Tokenized;
use crate::text::Upos;
use crate::text::{fnv, mix, FNV_START};

/// Share of a batch's documents a sentence must appear in to be furniture.
const SHARE: f64 = 0.1;

/// Documents a sentence must appear in to be furniture, whatever the size
/// of the batch: a sentence two or three outlets share is agency copy.
const AT_LEAST: usize = 5;

/// The sentences that repeat across a batch, by fingerprint.
#[derive(Debug, Default, Clone)]
pub struct Furniture {
    repeated: HashSet<u64>,
    /// The batch's topic, to find the page items off it.
    topic: Topic,
}

impl Furniture {
    /// No furniture: every sentence is read.
    pub fn none() -> Furniture {
        Furniture::default()
    }

    /// The furniture of a batch: sentences found in at least a tenth of
    /// `articles` (and at least five of them), and its [`Topic`].
    pub fn of(articles: &[&Article]) -> Furniture {
        let needed = AT_LEAST.max((articles.len() as f64 * SHARE).ceil() as usize);
        if articles.len() < needed {
            return Furniture::none();
        }
        let tokenized: Vec<(&Article, Tokenized)> = articles
            .iter()
            .map(|a| (*a, crate::text::tokenize(&a.text)))
            .collect();
        let mut seen: HashMap<u64, usize> = HashMap::new();
        for (a, t) in &tokenized {
            let mine: HashSet<u64> = t
                .sentences
                .iter()
                .map(|s| fingerprint(&a.text[s.start..s.end]))
                .collect();
            for f in mine {
                *seen.entry(f).or_default() += 1;
            }
        }
        let repeated: HashSet<u64> = seen
            .into_iter()
            .filter(|&(_, n)| n >= needed)
            .map(|(f, _)| f)
            .collect();
        let topic = Topic::of(&tokenized, |words| repeated.contains(&fingerprint(words)));
        Furniture { repeated, topic }
    }

    /// For each sentence of `text` (tokenized as `t`), whether it is a page
    /// item off the batch's topic ([`Topic::off`]).
    pub fn off_topic(&self, text: &str, t: &Tokenized) -> Vec<bool> {
        self.topic.off(text, t)
    }

    /// Whether the sentence `words` is furniture.
    pub fn contains(&self, words: &str) -> bool {
        !self.repeated.is_empty() && self.repeated.contains(&fingerprint(words))
    }
}

/// A sentence's fingerprint: its letters and digits, lower-cased, so that
/// spacing and punctuation left by page extraction do not matter. The
/// text layer's FNV-1a over their UTF-8, then mixed: every sentence of a
/// batch is fingerprinted, and this costs a few instructions a byte where
/// SipHash over each character cost dozens.
fn fingerprint(words: &str) -> u64 {
    let mut h = FNV_START;
    let mut buf = [0u8; 4];
    for c in words.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                h = fnv(h, &[c.to_ascii_lowercase() as u8]);
            }
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                h = fnv(h, l.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    mix(h, 0)
}

/// Whether `sentence` holds the stamp of a posted reader's comment: a
/// clock time ("7:59 pm", "10:43 am") followed by a bar, as comment threads
/// print the time of each comment before its text or its "Report abuse"
/// link ("January 27, 2011 at 7:59 pm | Report abuse |"). A page's reader
/// comments come after its article, so everything from the first stamp on
/// is comments, not news.
pub fn comment_stamp(sentence: &str) -> bool {
    sentence.match_indices('|').any(|(bar, _)| {
        let before = sentence[..bar].trim_end().to_ascii_lowercase();
        let Some(clock) = before
            .strip_suffix("am")
            .or_else(|| before.strip_suffix("pm"))
            .map(str::trim_end)
        else {
            return false;
        };
        let digits: Vec<char> = clock.chars().rev().take(5).collect();
        // Reversed "h:mm" or "hh:mm": two digits, a colon, a digit.
        matches!(
            digits.as_slice(),
            [m2, m1, ':', h, ..] if m2.is_ascii_digit() && m1.is_ascii_digit() && h.is_ascii_digit()
        )
    })
}

/// The first word of the sentence proper in `s`, after what a page puts
/// before it with no stop between: a stamp in brackets holding a clock
/// time ("(Update 10 p.m. ET) Lake Shore Drive is shut down"), and
/// headlines of other stories ("Egypt cracks down on protesters Protesters
/// fill the streets of Cairo ElBaradei: Egypt is not stable The country's
/// main opposition party said…"). Nothing before it is news of the
/// sentence: it names no event. A headline is short and has no comma; a
/// long stretch before a new sentence is a sentence whose stop is missing
/// ("…, citing medical sources As the government cracked down…"), and
/// stays.
pub fn body_start(s: &Sent<'_, '_, '_>) -> usize {
    let start = stamp_end(s).unwrap_or(0);
    let (mut from, mut body) = (start, start);
    for k in start.max(1)..s.len() {
        if glued_at(s, k) {
            if headline(&s.toks[from..k]) {
                body = k;
            }
            from = k;
        }
    }
    body
}

/// Most words (and marks) a headline glued before a sentence has.
const HEADLINE_WORDS: usize = 20;

/// Whether `words` read as a headline: a few words, no comma.
fn headline(words: &[Tok]) -> bool {
    words.len() <= HEADLINE_WORDS && !words.iter().any(|t| t.text == ",")
}

/// One past the closing bracket of a stamp that opens `s`: brackets
/// (maybe after a dash) around a clock time or a date.
fn stamp_end(s: &Sent<'_, '_, '_>) -> Option<usize> {
    let open = (0..s.len()).find(|&k| !matches!(s.toks[k].text.as_str(), "-" | "--" | "—"))?;
    if s.toks[open].text != "(" {
        return None;
    }
    let mut depth = 0usize;
    for k in open..s.len() {
        match s.toks[k].text.as_str() {
            "(" => depth += 1,
            ")" => {
                depth -= 1;
                if depth == 0 {
                    return (open..k).any(|w| s.in_timex[w]).then_some(k + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether a new sentence begins at word `k` with no stop before it: a
/// capitalised word that is no name, followed by a word in lower case,
/// comes after a word that ends a phrase (no article, preposition,
/// conjunction, auxiliary or pronoun) or after a closing quote, and is
/// not joined to it in the parse: neither governs the other, nor do they
/// share a head ("new Constitution", "allow Pao to be buried"). The
/// word opens a clause (an article, a pronoun, a preposition: "stable The
/// country's", "Alexandria The ascent"), or is a common noun after a word
/// in lower case ("fire Police fire tear gas") that modifies no noun
/// after it ("insurgents fighting Coalition forces"): a capitalised adjective
/// is a people's ("supported Arab governments") and a capitalised word
/// after another is a name's ("the Committee to Protect Journalists").
fn glued_at(s: &Sent<'_, '_, '_>, k: usize) -> bool {
    let word = s.toks[k].text.as_str();
    let capitalised = word.starts_with(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && s.upos(k) != Upos::Propn
        && !s.xpos(k).starts_with("NNP")
        && s.mention_of[k].is_none()
        && !s.in_timex[k];
    let next_lower = s
        .toks
        .get(k + 1)
        .is_some_and(|t| t.text.starts_with(char::is_lowercase));
    if !capitalised || !next_lower || s.toks[k - 1].end == s.toks[k].start {
        return false;
    }
    let Some(p) = phrase_end(s, k - 1) else {
        return false;
    };
    let opens_clause = matches!(
        s.upos(k),
        Upos::Det | Upos::Pron | Upos::Adp | Upos::Sconj | Upos::Cconj | Upos::Num
    );
    let common_noun = s.upos(k) == Upos::Noun
        && s.toks[p].text.starts_with(char::is_lowercase)
        && !(s.head(k) == Some(k + 1) && matches!(s.rel(k), "compound" | "amod" | "nmod"));
    let joined = s.head(p) == Some(k)
        || s.head(k) == Some(p)
        || s.head(p).is_some() && s.head(p) == s.head(k);
    (opens_clause || common_noun) && !joined
}

/// The word that ends the phrase before a new sentence at `p`: `p` itself,
/// or the word a closing quote at `p` follows ("so fast ' The press");
/// `None` when `p` ends no phrase: a function word, a stop (a missed
/// sentence end is no glue) or an opening quote.
fn phrase_end(s: &Sent<'_, '_, '_>, p: usize) -> Option<usize> {
    let text = s.toks[p].text.as_str();
    let closing = matches!(text, "'" | "\"" | "’" | "”" | "''")
        && p > 0
        && s.toks[p - 1].end == s.toks[p].start;
    let word = if closing { p - 1 } else { p };
    let last = s.toks[word].text.chars().last()?;
    let function = matches!(
        s.upos(word),
        Upos::Adp | Upos::Det | Upos::Cconj | Upos::Sconj | Upos::Aux | Upos::Part | Upos::Pron
    );
    (last.is_alphanumeric() && !function).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::{comment_stamp, fingerprint};

    /// Case, spacing and punctuation do not change a fingerprint, in any
    /// script; the letters and digits do.
    #[test]
    fn fingerprints_keep_letters_and_digits_only() {
        let f = fingerprint;
        assert_eq!(f("Post a comment: 3 rules."), f("post a COMMENT 3 rules"));
        assert_eq!(f("Ça va, ÉTÉ 2011"), f("ça va été 2011"));
        assert_ne!(f("Post a comment"), f("Post a comment 2"));
        assert_ne!(f("été"), f("ete"));
        assert_ne!(f("ab"), f("ba"));
    }

    #[test]
    fn a_clock_time_before_a_bar_stamps_a_comment() {
        assert!(comment_stamp(
            "I hope not!!! January 27, 2011 at 7:59 pm | Report abuse | I don't believe it."
        ));
        assert!(comment_stamp("February 3, 2011 06:30 AM | Hey!"));
        // A time in news copy, or a bar without a time, is no comment.
        assert!(!comment_stamp("The curfew starts at 3:00 pm in Cairo."));
        assert!(!comment_stamp("Egypt | Politics | World"));
        assert!(!comment_stamp("Update 8 p.m. Cairo | 1 p.m. ET"));
    }
}
