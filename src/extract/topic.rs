//! The topic of a batch, and the page items off it.
//!
//! A news page carries more than its story: teasers of other stories
//! ("Somali pirates freed a Nigerian tugboat…"), a weather ticker, other
//! sections' headlines. Unlike furniture they do not repeat, but they share
//! nothing with the topic the batch was gathered on. What a topic is can be
//! read from the batch itself: the names most of its documents mention
//! ("Egypt", "Mubarak", "Cairo"). A sentence that names people or places,
//! none of them the batch's, is about something else, and so are the
//! sentences after it that name nobody, up to the next that names someone.
//! A single such sentence between two of the topic stays: a story quotes
//! an expert or names an official the batch rarely mentions.
//!
//! A name is a word the batch writes capitalised inside its sentences (not
//! only first in one): "Egypt" always, "Ministry" not, as "the ministry"
//! is common too. Words of dates ("Friday", "February") name no topic.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Article;
use crate::text::Tokenized;

/// Share of a batch's documents a name must be in to be of its topic.
const TOPIC_SHARE: f64 = 0.1;

/// A batch has a topic only when one name is in at least this share of
/// its documents: a batch of unrelated sentences has none, and nothing in
/// it is off-topic.
const CORE_SHARE: f64 = 0.5;

/// Documents a name must be in, whatever the size of the batch.
const AT_LEAST: usize = 5;

/// Share of a word's uses inside sentences that must be capitalised for
/// it to be a name.
const CAPITALISED: f64 = 0.9;

/// The names of a batch and those of its topic, lower-cased.
#[derive(Debug, Default, Clone)]
pub struct Topic {
    names: HashSet<String>,
    topic: HashSet<String>,
}

/// What a sentence names: a name of the topic, only other names, nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    Topic,
    Other,
    None,
}

impl Topic {
    /// The topic of a batch of articles, each with its tokens; sentences
    /// for which `furniture` holds (a ticker line on every page: "2 men
    /// charged in death of Chicago teen") give the topic no names.
    pub fn of(articles: &[(&Article, Tokenized)], furniture: impl Fn(&str) -> bool) -> Topic {
        // FxHash, and a word lower-cased into one buffer, allocated only
        // when new: a batch's every word passes here.
        let mut uses: HashMap<String, (usize, usize)> = HashMap::default();
        let mut lower = String::new();
        for (a, t) in articles {
            for s in &t.sentences {
                for w in words(&a.text, t, s.tokens.clone()).skip(1) {
                    lower_into(w, &mut lower);
                    let capital = usize::from(w.starts_with(char::is_uppercase));
                    match uses.get_mut(lower.as_str()) {
                        Some((cap, low)) => {
                            *cap += capital;
                            *low += 1 - capital;
                        }
                        None => {
                            uses.insert(lower.clone(), (capital, 1 - capital));
                        }
                    }
                }
            }
        }
        let dates = crate::time::lexicon::lexicon();
        let names: HashSet<String> = uses
            .into_iter()
            .filter(|(w, (cap, low))| {
                *cap as f64 >= CAPITALISED * (cap + low) as f64 && !dates.contains_key(w.as_str())
            })
            .map(|(w, _)| w)
            .collect();
        let mut mine = Topic {
            names,
            topic: HashSet::default(),
        };
        let mut docs: HashMap<&str, usize> = HashMap::default();
        for (a, t) in articles {
            let named: HashSet<&str> = t
                .sentences
                .iter()
                .filter(|s| !furniture(&a.text[s.start..s.end]))
                .flat_map(|s| words(&a.text, t, s.tokens.clone()))
                .filter_map(|w| mine.name(w))
                .collect();
            for n in named {
                *docs.entry(n).or_default() += 1;
            }
        }
        let share = |s: f64| AT_LEAST.max((articles.len() as f64 * s).ceil() as usize);
        if docs.values().any(|&n| n >= share(CORE_SHARE)) {
            let topic = docs
                .into_iter()
                .filter(|&(_, n)| n >= share(TOPIC_SHARE))
                .map(|(w, _)| w.to_string())
                .collect();
            mine.topic = topic;
        }
        mine
    }

    /// The name `w` is, lower-cased, if it is one.
    fn name<'a>(&'a self, w: &str) -> Option<&'a str> {
        if !w.starts_with(char::is_uppercase) {
            return None;
        }
        let mut lower = String::new();
        lower_into(w, &mut lower);
        self.names.get(lower.as_str()).map(String::as_str)
    }

    /// For each sentence of `text` (tokenized as `t`), whether it is off
    /// the batch's topic.
    pub fn off(&self, text: &str, t: &Tokenized) -> Vec<bool> {
        if self.topic.is_empty() {
            return vec![false; t.sentences.len()];
        }
        let named: Vec<Names> = t
            .sentences
            .iter()
            .map(|s| {
                let mut found = Names::None;
                for w in words(text, t, s.tokens.clone()).filter_map(|w| self.name(w)) {
                    if self.topic.contains(w) {
                        return Names::Topic;
                    }
                    found = Names::Other;
                }
                found
            })
            .collect();
        let mut off = false;
        (0..named.len())
            .map(|i| {
                match named[i] {
                    Names::Topic => off = false,
                    Names::Other => {
                        let before = named[..i].iter().rev().find(|n| **n != Names::None);
                        let after = named[i + 1..].iter().find(|n| **n != Names::None);
                        off = !(before == Some(&Names::Topic) && after == Some(&Names::Topic));
                    }
                    Names::None => {}
                }
                off
            })
            .collect()
    }
}

/// The words of tokens `range` of `text`: each token cut at its hyphens
/// ("anti-Mubarak"), the parts that begin with a letter and are longer
/// than one.
/// `w` lower-cased into `out`, without allocating for an ASCII word.
fn lower_into(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&w.to_lowercase());
    }
}

fn words<'t>(
    text: &'t str,
    t: &'t Tokenized,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = &'t str> + 't {
    t.tokens[range]
        .iter()
        .flat_map(move |k| k.form(text).split('-'))
        .filter(|w| w.starts_with(char::is_alphabetic) && w.chars().nth(1).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// One article a text, all of one day.
    fn articles(texts: &[String]) -> Vec<Article> {
        let day = chrono::NaiveDate::from_ymd_opt(2011, 2, 1).unwrap();
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(&format!("d{i}"), day, t.as_str()))
            .collect()
    }

    /// Each article with its tokens, as `Topic::of` reads a batch.
    fn batch(articles: &[Article]) -> Vec<(&Article, Tokenized)> {
        articles.iter().map(|a| (a, tokenize(&a.text))).collect()
    }

    fn topic_of(texts: &[String]) -> (Topic, Vec<Vec<bool>>) {
        let articles = articles(texts);
        let batch = batch(&articles);
        let topic = Topic::of(&batch, |_| false);
        let off = batch.iter().map(|(a, t)| topic.off(&a.text, t)).collect();
        (topic, off)
    }

    const OTHERS: [&str; 6] = ["Somalia", "Nigeria", "Belgium", "Peru", "Chile", "Fiji"];

    #[test]
    fn a_teaser_naming_nothing_of_the_topic_is_off_it() {
        let texts: Vec<String> = (0..6)
            .map(|i| {
                let (x, y) = (OTHERS[i], OTHERS[(i + 1) % 6]);
                format!(
                    "Protesters in Cairo marched on Friday. Police in Egypt fired tear gas. \
                     Pirates from {x} freed a tugboat. The crew from {y} was released. \
                     It sailed on. Then President Mubarak spoke on television. \
                     He read a letter from {x}. Later Mubarak named a deputy in Cairo."
                )
            })
            .collect();
        let (_, off) = topic_of(&texts);
        // The teaser and the sentence after it that names nobody are off;
        // a lone name between two sentences of the topic is not.
        for doc in off {
            assert_eq!(doc, [false, false, true, true, true, false, false, false]);
        }
    }

    #[test]
    fn a_name_only_page_furniture_gives_is_not_the_topic() {
        let ticker = "Two men in Chicago charged in death of teen.";
        let texts: Vec<String> = (0..6)
            .map(|i| {
                format!(
                    "Protesters in Cairo marched in Egypt. {ticker} Pirates from {} sailed.",
                    OTHERS[i]
                )
            })
            .collect();
        let articles = articles(&texts);
        let batch = batch(&articles);
        assert!(Topic::of(&batch, |_| false).topic.contains("chicago"));
        let topic = Topic::of(&batch, |w| w == ticker);
        assert!(!topic.topic.contains("chicago"));
        assert!(topic.topic.contains("egypt"));
    }

    #[test]
    fn a_time_zone_is_no_name() {
        let texts: Vec<String> = (0..6)
            .map(|i| {
                format!(
                    "Protesters in Cairo marched at 10 a.m. ET. Pirates from {} sailed.",
                    OTHERS[i]
                )
            })
            .collect();
        let (topic, _) = topic_of(&texts);
        assert!(topic.names.contains("cairo"), "{:?}", topic.names);
        assert!(!topic.names.contains("et"), "{:?}", topic.names);
    }

    #[test]
    fn a_batch_no_name_holds_together_has_no_topic() {
        let texts: Vec<String> = (0..8)
            .map(|i| format!("Rain flooded the town of {}.", OTHERS[i % 6]))
            .collect();
        let (topic, off) = topic_of(&texts);
        assert!(topic.topic.is_empty());
        assert!(off.iter().flatten().all(|o| !o));
    }
}
