//! Pulling dated events out of news articles.
//!
//! The extractor reads an article sentence by sentence on the text
//! layer's dependency parse ([`crate::text`]). An event is a predicate: a
//! verb or an eventive noun whose trigger phrase (`triggers.toml`) or
//! CAMEO verb pattern (`verbs.tsv`, from the PETRARCH/Phoenix dictionary)
//! gives it a kind. Its actors come from the subject or a passive's agent,
//! its targets from objects and obliques, its place from locative
//! obliques; names are looked up in the gazetteer (`gazetteer.toml`) and
//! the Phoenix actor dictionary, coded with country and role as of the
//! article's day. Its mode (planned, threatened, conditional, feared,
//! denied, reported) comes from the words that govern it; its date from
//! the date expression that modifies its clause, or the story's date when
//! the text carries it on, or else it is left undated: open before the
//! publication day. Causal cues inside a sentence link its events.
//!
//! What is not news is skipped: questions, negated acts, first- and
//! second-person talk outside quotations, speakers' labels in capitals,
//! everyday verbs with nobody named to do them, and sentences that repeat
//! across a batch (page furniture) or name nothing of the batch's topic
//! (other stories' teasers on the same page).
//!
//! It is rules and data over a trained parse: what it does can be read in
//! the data files and changed by adding to them.

mod actors;
pub(crate) mod article;
mod bounds;
mod casualties;
mod causal;
mod coref;
mod error;
mod events;
pub(crate) mod frames;
mod furniture;
mod lexicon;
mod modes;
mod noise;
mod pairs;
mod pairs_train;
mod predicates;
mod retold;
mod roles;
mod sentence;
mod states;
mod title;
mod tokens;
mod topic;
pub(crate) mod verbs;
mod voice;
mod withdrawing;

pub use actors::{ActorRef, Actors, Coded};
pub use article::{Article, Overrides};
pub use error::ExtractError;
pub(crate) use furniture::Furniture;
pub use lexicon::Lexicon;
pub use pairs::{candidates, Candidate, CausalModel, PairWord};
pub use pairs_train::{train_pairs, Labelled};

pub(crate) use bounds::Acyclic;

use crate::model::Store;

/// The events, links and source of one article. Deterministic: the same
/// article and lexicon give the same store.
///
/// ```
/// use annals::extract::{extract, Article, Lexicon};
/// use chrono::NaiveDate;
///
/// let published = NaiveDate::from_ymd_opt(2020, 9, 29).unwrap();
/// let text = "Three rockets hit the US embassy in Baghdad on Sunday, officials said.";
/// let store = extract(&Article::new("embassy", published, text), Lexicon::shipped());
/// assert_eq!(store.events[0].date.as_str(), "2020-09-27");
/// assert_eq!(store.sources[0].id, "embassy");
/// ```
pub fn extract(article: &Article, lexicon: &Lexicon) -> Store {
    extract_with(article, lexicon, CausalModel::shipped())
}

/// As [`extract`], with another causal pair model than the shipped one
/// (to measure a model trained on part of the data on the rest).
pub fn extract_with(article: &Article, lexicon: &Lexicon, model: &CausalModel) -> Store {
    events::extract(article, lexicon, model, &Furniture::none())
}

/// As [`extract`], for an article of a batch: the sentences that are the
/// batch's page [`Furniture`] are not read.
pub(crate) fn extract_in_batch(
    article: &Article,
    lexicon: &Lexicon,
    furniture: &Furniture,
) -> Store {
    events::extract(article, lexicon, CausalModel::shipped(), furniture)
}
