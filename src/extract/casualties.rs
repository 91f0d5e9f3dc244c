//! Killed and injured counts of an assault: numbers before person nouns,
//! given to the nearer of a killing or an injuring word.

use super::tokens::Tok;

const PERSON_NOUNS: [&str; 18] = [
    "people",
    "persons",
    "children",
    "women",
    "men",
    "civilians",
    "soldiers",
    "protesters",
    "demonstrators",
    "police",
    "policemen",
    "officers",
    "troops",
    "members",
    "militants",
    "fighters",
    "residents",
    "others",
];

fn number_word(t: &Tok) -> Option<u32> {
    if let Ok(n) = t.lower.replace(',', "").parse::<u32>() {
        return Some(n);
    }
    let n = match t.lower.as_str() {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "twenty" => 20,
        "dozens" | "dozen" => 12,
        _ => return None,
    };
    Some(n)
}

/// Killed and injured counts: numbers before person nouns, attributed to
/// the nearer of a killing or an injuring word.
pub fn casualties(toks: &[Tok]) -> (Option<u32>, Option<u32>) {
    let is_kill = |t: &Tok| {
        ["kill", "died", "dead", "death", "slain", "lost their lives"]
            .iter()
            .any(|k| t.lower.starts_with(k))
    };
    let is_hurt = |t: &Tok| {
        ["injur", "wound", "hurt"]
            .iter()
            .any(|k| t.lower.starts_with(k))
    };
    let kills: Vec<usize> = (0..toks.len()).filter(|&i| is_kill(&toks[i])).collect();
    let hurts: Vec<usize> = (0..toks.len()).filter(|&i| is_hurt(&toks[i])).collect();
    if kills.is_empty() && hurts.is_empty() {
        return (None, None);
    }
    let (mut killed, mut injured) = (None::<u32>, None::<u32>);
    for i in 0..toks.len() {
        let Some(n) = number_word(&toks[i]) else {
            continue;
        };
        let noun = (i + 1..(i + 3).min(toks.len()))
            .find(|&j| PERSON_NOUNS.contains(&toks[j].lower.as_str()));
        let direct = toks
            .get(i + 1)
            .is_some_and(|t| is_kill(t) || is_hurt(t) || t.lower == "were" || t.lower == "people");
        if noun.is_none() && !(direct && n > 1) {
            continue;
        }
        let dist = |list: &[usize]| {
            list.iter()
                .map(|&k| k.abs_diff(i))
                .min()
                .unwrap_or(usize::MAX)
        };
        // "639 were injured": a count that opens its own clause belongs
        // to the verb that follows it, whatever lies nearer before.
        let linking = |t: &Tok| {
            PERSON_NOUNS.contains(&t.lower.as_str())
                || ["were", "was", "are", "is", "been", "have", "has", "had"]
                    .contains(&t.lower.as_str())
        };
        let following = (i + 1..(i + 4).min(toks.len()))
            .find(|&j| !linking(&toks[j]))
            .filter(|&j| is_kill(&toks[j]) || is_hurt(&toks[j]))
            .map(|j| is_kill(&toks[j]));
        let kill = following.unwrap_or_else(|| dist(&kills) <= dist(&hurts));
        if kill {
            killed = Some(killed.unwrap_or(0) + n);
        } else {
            injured = Some(injured.unwrap_or(0) + n);
        }
    }
    (killed, injured)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::words;

    #[test]
    fn a_count_before_its_own_verb_belongs_to_that_verb() {
        let toks = words("Three people died and 639 were injured in the clashes.");
        assert_eq!(casualties(&toks), (Some(3), Some(639)));
    }

    #[test]
    fn a_count_after_its_verb_belongs_to_the_nearest() {
        let toks = words("The blast killed 12 people and wounded 40 others.");
        assert_eq!(casualties(&toks), (Some(12), Some(40)));
    }
}
