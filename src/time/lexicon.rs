//! The tagger's lexicon, read once from `lexicon.toml`.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::tense::Cue;
use crate::text::WordMap;

/// What one lowercase word can mean; a word may mean several things
/// ("second" is an ordinal and a unit, "may" a month and a modal verb).
#[derive(Debug, Clone, Default)]
pub struct Lex {
    /// Month number.
    pub month: Option<u32>,
    /// ISO weekday, Monday = 1.
    pub weekday: Option<u32>,
    /// Cardinal number.
    pub number: Option<u32>,
    /// A vague amount ("several").
    pub vague: bool,
    /// Ordinal; -1 for "last".
    pub ordinal: Option<i32>,
    /// TIMEX3 unit code.
    pub unit: Option<&'static str>,
    /// Season code.
    pub season: Option<&'static str>,
    /// Part-of-day code.
    pub day_part: Option<&'static str>,
    /// PRESENT_REF, PAST_REF or FUTURE_REF.
    pub reference: Option<&'static str>,
    /// Which way the word makes its sentence look.
    pub tense: Option<Cue>,
    /// The kind of happening the word names, for "the day after the
    /// shooting".
    pub happening: Option<&'static str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    numbers: HashMap<String, u32>,
    vague_numbers: HashMap<String, bool>,
    ordinals: HashMap<String, i32>,
    units: HashMap<String, String>,
    seasons: HashMap<String, String>,
    day_parts: HashMap<String, String>,
    references: HashMap<String, String>,
    tense_cues: HashMap<String, Cue>,
    happenings: HashMap<String, String>,
    holidays: HashMap<String, String>,
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// Holidays by lowercase name (words joined by single spaces, the
/// possessive written `'s`), with their rule from `lexicon.toml`.
pub fn holidays() -> &'static HashMap<String, String> {
    static HOLIDAYS: OnceLock<HashMap<String, String>> = OnceLock::new();
    HOLIDAYS.get_or_init(|| {
        toml::from_str::<File>(include_str!("lexicon.toml"))
            .map(|f| f.holidays)
            .unwrap_or_default()
    })
}

/// The first words of holiday names, so that most capitalised words are
/// ruled out with one lookup.
pub fn holiday_starts() -> &'static std::collections::HashSet<String> {
    static STARTS: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    STARTS.get_or_init(|| {
        holidays()
            .keys()
            .filter_map(|k| k.split([' ', '\'']).next().map(str::to_string))
            .collect()
    })
}

/// The lexicon, keyed by lowercase word.
pub fn lexicon() -> &'static WordMap<Lex> {
    static LEX: OnceLock<WordMap<Lex>> = OnceLock::new();
    LEX.get_or_init(|| {
        let Ok(file) = toml::from_str::<File>(include_str!("lexicon.toml")) else {
            return WordMap::default();
        };
        let mut map = WordMap::<Lex>::default();
        for (k, v) in file.months {
            map.entry(k).or_default().month = Some(v);
        }
        for (k, v) in file.weekdays {
            map.entry(k).or_default().weekday = Some(v);
        }
        for (k, v) in file.numbers {
            map.entry(k).or_default().number = Some(v);
        }
        for (k, v) in file.vague_numbers {
            map.entry(k).or_default().vague = v;
        }
        for (k, v) in file.ordinals {
            map.entry(k).or_default().ordinal = Some(v);
        }
        for (k, v) in file.units {
            map.entry(k).or_default().unit = Some(leak(v));
        }
        for (k, v) in file.seasons {
            map.entry(k).or_default().season = Some(leak(v));
        }
        for (k, v) in file.day_parts {
            map.entry(k).or_default().day_part = Some(leak(v));
        }
        for (k, v) in file.references {
            map.entry(k).or_default().reference = Some(leak(v));
        }
        for (k, v) in file.tense_cues {
            map.entry(k).or_default().tense = Some(v);
        }
        for (k, v) in file.happenings {
            map.entry(k).or_default().happening = Some(leak(v));
        }
        map
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_lexicon_parses() {
        assert!(super::lexicon().len() > 150);
        assert_eq!(super::lexicon()["sept."].month, Some(9));
    }
}
