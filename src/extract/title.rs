//! Titles written from an event's fields, headline style: actor, verb in
//! the present tense, object, place ("Pompeo threatens to close US embassy
//! in Baghdad"), at most 90 characters, never a clipped sentence.

use super::predicates::Predicate;
use super::roles::{subject_of, Roles};
use super::sentence::Sent;
use crate::text::Upos;

/// The longest title, in characters.
pub const MAX_TITLE: usize = 90;

/// Dependents left out of a headline's phrases: articles, punctuation and
/// whole clauses.
const DROP: [&str; 11] = [
    "det",
    "punct",
    "acl",
    "advcl",
    "appos",
    "parataxis",
    "cc",
    "conj",
    "ccomp",
    "dep",
    "discourse",
];

/// Dependents of a phrase's own head that tie it into its sentence and are
/// no part of a headline: "(after) the death", "(has been) target",
/// "(to) talks". Deeper down they stay: "attack on Tripoli".
const HEAD_DROP: [&str; 6] = ["case", "mark", "cop", "aux", "nsubj", "advmod"];

/// The title of predicate `p`.
pub fn title(s: &Sent<'_, '_, '_>, p: &Predicate, roles: &Roles) -> String {
    let mut parts: Vec<String> = Vec::new();
    let who = roles.actors.first().map(|a| a.name.to_string());
    let noun_event = s.upos(p.word) == Upos::Noun;
    if noun_event && p.anchor == p.word {
        // "NATO air strike on Tripoli"; "(their) demonstrations": the
        // title names whose, or no one.
        let phrase = words_of(s, p.word, 8, false);
        match who {
            Some(w) if !phrase.to_lowercase().contains(&w.to_lowercase()) => {
                parts.push(w);
                parts.push(phrase);
            }
            _ => parts.push(phrase),
        }
    } else {
        let verb = p.anchor;
        let passive = s.children(verb).any(|c| s.deprel(c).ends_with(":pass"))
            || (s.deprel(verb) == "acl" && s.xpos(verb) == "VBN");
        if passive {
            // "Five people killed in Baghdad".
            match roles.targets.first() {
                Some(t) => parts.push(t.name.to_string()),
                None => {
                    if let Some(subj) = s.children_by(verb, &["nsubj"]).first() {
                        parts.push(phrase(s, *subj, 4));
                    }
                }
            }
            parts.push(s.toks[verb].text.clone());
            if let Some(w) = who {
                parts.push(format!("by {w}"));
            }
        } else {
            // The subject, or the governor's for a controlled infinitive
            // ("rebels vowed to help": rebels help).
            let subject = subject_of(s, verb).filter(|&n| s.deprel(n) == "nsubj");
            let plural = roles.actors.len() > 1
                || subject.is_some_and(|n| {
                    // "Young Algerians" are people; "the United States" one country.
                    s.xpos(n) == "NNS"
                        || s.xpos(n) == "NNPS"
                            && roles.actors.first().is_some_and(|a| a.role.is_some())
                });
            // Without a named actor, the subject as written: "Rockets hit…".
            match (who, subject) {
                (Some(w), _) => parts.push(w),
                (None, Some(n)) if s.upos(n) != Upos::Pron => parts.push(phrase(s, n, 4)),
                _ => {}
            }
            let lemma = s.lemma(verb);
            // "Syria refuses to accept refugees": a refusal says so.
            let (head, rest) = if p.refused {
                ("refuse", Some(format!("to {lemma}")))
            } else {
                (lemma, None)
            };
            parts.push(if plural || parts.is_empty() {
                head.to_string()
            } else {
                present(head)
            });
            parts.extend(rest);
            parts.extend(complements(s, verb));
            // "Staged a protest": the object is among the complements.
            if noun_event && !s.children_by(verb, &["obj", "iobj"]).contains(&p.word) {
                parts.push(phrase(s, p.word, 6));
            }
        }
    }
    if let Some(place) = &roles.place {
        let so_far = parts.join(" ");
        if !so_far.contains(place.as_str()) {
            parts.push(format!("in {place}"));
        }
    }
    fit(&parts.join(" "))
}

/// The objects and particles of a verb, and an `xcomp` with its own
/// object ("threatens to close embassy").
fn complements(s: &Sent<'_, '_, '_>, verb: usize) -> Vec<String> {
    let mut out = Vec::new();
    for c in s.children(verb) {
        match s.deprel(c) {
            "compound:prt" => out.push(s.toks[c].lower.clone()),
            // "accuses which of…": a relative pronoun names nothing, nor
            // does a subordinator a misparse made an object ("demands
            // that").
            "obj" | "iobj"
                if !matches!(s.xpos(c), "WDT" | "WP")
                    && !matches!(s.upos(c), Upos::Sconj | Upos::Adp) =>
            {
                out.push(phrase(s, c, 5))
            }
            "xcomp" if s.upos(c) == Upos::Verb => {
                // "resume shelling" keeps its gerund; "to close" its mark.
                if s.xpos(c) == "VBG" && !s.is_to_infinitive(c) {
                    out.push(s.toks[c].lower.clone());
                } else {
                    out.push(format!("to {}", s.lemma(c)));
                }
                out.extend(complements(s, c));
                break;
            }
            _ => {}
        }
    }
    out
}

/// The words of the phrase headed by `h`, without articles, punctuation
/// or clauses, at most `max` words around the head.
fn phrase(s: &Sent<'_, '_, '_>, h: usize, max: usize) -> String {
    words_of(s, h, max, true)
}

/// [`phrase`], with the head's possessive pronoun only if `whose`.
fn words_of(s: &Sent<'_, '_, '_>, h: usize, max: usize, whose: bool) -> String {
    let mut keep: Vec<usize> = vec![h];
    let mut stack = vec![h];
    while let Some(w) = stack.pop() {
        for c in s.children(w) {
            let pronoun = s.deprel(c) == "nmod:poss" && s.upos(c) == Upos::Pron;
            if DROP.contains(&s.rel(c))
                || s.in_timex[c]
                || w == h && (HEAD_DROP.contains(&s.rel(c)) || pronoun && !whose)
            {
                continue;
            }
            keep.push(c);
            stack.push(c);
        }
    }
    keep.sort_unstable();
    // The words nearest the head, kept in text order.
    if keep.len() > max {
        keep.sort_by_key(|&k| k.abs_diff(h));
        keep.truncate(max);
        // A word whose own head was cut goes too: no "in" without its place.
        while let Some(i) = keep
            .iter()
            .position(|&k| k != h && s.head(k).is_some_and(|up| !keep.contains(&up)))
        {
            keep.remove(i);
        }
        keep.sort_unstable();
    }
    let words: Vec<&str> = keep.iter().map(|&k| s.toks[k].text.as_str()).collect();
    words.join(" ").replace(" 's", "'s").replace(" ’s", "’s")
}

/// The present tense, third person singular, of a verb's lemma.
pub fn present(lemma: &str) -> String {
    match lemma {
        "be" => return "is".into(),
        "have" => return "has".into(),
        "do" => return "does".into(),
        "go" => return "goes".into(),
        _ => {}
    }
    let b = lemma.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    if lemma.ends_with('y') && b.len() > 1 && !vowel(b[b.len() - 2]) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|e| lemma.ends_with(e))
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    }
}

/// Capitalised, spaces evened, cut at a word to `MAX_TITLE` characters.
fn fit(raw: &str) -> String {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let mut out = String::new();
    for w in words {
        if out.chars().count() + 1 + w.chars().count() > MAX_TITLE {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_tense() {
        assert_eq!(present("threaten"), "threatens");
        assert_eq!(present("carry"), "carries");
        assert_eq!(present("approach"), "approaches");
        assert_eq!(present("be"), "is");
        assert_eq!(present("say"), "says");
    }

    #[test]
    fn titles_fit() {
        let long = "word ".repeat(40);
        assert!(fit(&long).chars().count() <= MAX_TITLE);
        assert_eq!(fit("  pompeo   threatens "), "Pompeo threatens");
    }
}
