//! Page furniture: sentences that repeat across many documents of a batch.
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

use super::topic::Topic;
use super::Article;
use crate::text::Tokenized;
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
