//! Pulling dated events out of news articles.
//!
//! The extractor reads an article sentence by sentence. In each it finds
//! the trigger phrases of the lexicon (`triggers.toml`), one event per kind
//! and sentence; the actors and places of the gazetteer (`gazetteer.toml`),
//! telling the speaker of a reporting verb from the actor of the event; the
//! mode cues (threatened, planned, conditional, feared, denied); casualty
//! counts; and the date from the temporal tagger, taken from the sentence,
//! carried over from the one before when the text goes on with the same
//! episode, or else the publication date, marked as such. Causal and
//! temporal cues inside a sentence and at the start of the next link the
//! events. Every event keeps the sentence it came from and its span.
//!
//! It is rules and data, no statistical model: what it does can be read
//! in the lexicon and changed by adding to it.

mod actors;
pub(crate) mod article;
mod bounds;
mod casualties;
mod causal;
mod events;
mod frames;
mod lexicon;
mod modes;
mod predicates;
mod roles;
mod sentence;
mod title;
mod tokens;
mod verbs;

pub use actors::{ActorRef, Actors, Coded, ParseError};
pub use article::{Article, Overrides, NO_DATE};
pub use lexicon::Lexicon;

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
    events::extract(article, lexicon)
}
