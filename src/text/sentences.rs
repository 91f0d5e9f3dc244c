//! Where sentences end, over the tokens of a text: after `.`, `!`, `?` or
//! an ellipsis before a word that opens a sentence (closing quotes and
//! brackets stay with the sentence they close); after an abbreviation or
//! an acronym only before a word that usually opens one ("in the U.S. The
//! …"); at the end of a line after such a mark; at a blank line always; at a line break after a heading or before
//! or after a bullet; after a dateline ("CAIRO, Jan. 28 (Reuters) -").
//! Sentences longer than [`MAX_WINDOW`] tokens are cut into windows.

use super::rules::{Abbrev, Rules};
use super::words::acronym;

/// The most tokens a sentence window holds.
pub const MAX_WINDOW: usize = 160;
/// A window cut at a comma or a conjunction holds at least this many.
const MIN_WINDOW: usize = 40;

/// Token spans of each sentence: ranges of token indices, in order, that
/// cover every token; the flag is true for a window that continues the
/// sentence before it.
pub fn split(text: &str, toks: &[(usize, usize)], rules: &Rules) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let mut pending = false;
    let mut glued_before = false;
    for k in 0..toks.len() {
        let form = &text[toks[k].0..toks[k].1];
        if start == k && paragraph_start(text, toks, k) {
            if let Some(d) = dateline(text, toks, k) {
                windows(text, toks, (k, d + 1), &mut out);
                start = d + 1;
            }
        }
        let Some(next) = toks.get(k + 1) else {
            break;
        };
        let gap = &text.as_bytes()[toks[k].1..next.0];
        let next_form = &text[next.0..next.1];
        let glued = gap.is_empty();
        pending = terminal(form) || pending && glued_before && closer(form);
        glued_before = glued;
        let newline = !gap.is_empty() && gap != b" " && gap.contains(&b'\n');
        let boundary = if newline && blank_line(gap) {
            true
        } else if pending && newline {
            // A mark at the end of a line ends its sentence, whatever follows.
            true
        } else if pending && !(glued && closer(next_form)) {
            let ellipsis = form.starts_with("..") || form == "…";
            opens(next_form, ellipsis, closer(form), rules)
        } else if !pending && form.ends_with('.') && form.len() > 1 {
            weak_end(form, next_form, rules)
        } else {
            newline && line_break(text, toks, (line_start, k), next_form)
        };
        if boundary && start <= k {
            windows(text, toks, (start, k + 1), &mut out);
            start = k + 1;
            pending = false;
        }
        if newline {
            line_start = k + 1;
        }
    }
    if start < toks.len() {
        windows(text, toks, (start, toks.len()), &mut out);
    }
    out
}

fn terminal(form: &str) -> bool {
    matches!(form.as_bytes()[0], b'.' | b'!' | b'?')
        && form.bytes().all(|b| matches!(b, b'.' | b'!' | b'?'))
        || form == "…"
}

fn closer(form: &str) -> bool {
    match form.len() {
        1 => matches!(form.as_bytes()[0], b'"' | b'\'' | b')' | b']'),
        2 => form == "''" || form == "»",
        3 => form == "”" || form == "’",
        _ => false,
    }
}

fn blank_line(gap: &[u8]) -> bool {
    gap.iter().filter(|&&b| b == b'\n').count() >= 2
}

/// True when a sentence ended by `.`, `!` or `?` (or, with `ellipsis`,
/// by "...") is followed by the first word of another. A lower-case word
/// opens one straight after the mark (web text: "call them. they
/// haven't"), not after a closing quote ("'Why?' he asked").
fn opens(next: &str, ellipsis: bool, quoted: bool, rules: &Rules) -> bool {
    let c = next.chars().next().unwrap_or(' ');
    if ellipsis {
        return c.is_uppercase() && (rules.starts_sentence(next) || next.chars().count() > 1);
    }
    c.is_uppercase()
        || c.is_lowercase() && !quoted
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '*' | '•')
        || !c.is_alphabetic() && !matches!(c, ',' | ';' | ':' | ')' | '.')
}

/// An abbreviation or acronym with its dot ends a sentence only before a
/// word that usually opens one.
fn weak_end(form: &str, next: &str, rules: &Rules) -> bool {
    let w = &form[..form.len() - 1];
    let may_end = acronym(w) || rules.abbreviation(w) == Some(Abbrev::After);
    may_end && next.starts_with(char::is_uppercase) && rules.starts_sentence(next)
}

/// True at the first token of the text or of a line.
fn paragraph_start(text: &str, toks: &[(usize, usize)], k: usize) -> bool {
    k == 0 || text[toks[k - 1].1..toks[k].0].contains('\n')
}

/// A dateline at `k` ("CAIRO, Jan. 28 (Reuters) -", "WASHINGTON (AP) —"):
/// the index of its dash.
fn dateline(text: &str, toks: &[(usize, usize)], k: usize) -> Option<usize> {
    let first = &text[toks[k].0..toks[k].1];
    let caps = first.chars().count() >= 2
        && first
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-');
    if !caps {
        return None;
    }
    for d in k + 1..toks.len().min(k + 14) {
        let form = &text[toks[d].0..toks[d].1];
        if text[toks[d - 1].1..toks[d].0].contains('\n') || terminal(form) {
            return None;
        }
        let spaced = toks.get(d + 1).is_some_and(|n| n.0 > toks[d].1);
        if matches!(form, "-" | "--" | "—" | "–") && spaced && d > k {
            return Some(d);
        }
    }
    None
}

/// A single line break ends a sentence after a heading (a short line, or
/// one in title case) and before or after a bulleted line.
fn line_break(text: &str, toks: &[(usize, usize)], (from, to): (usize, usize), next: &str) -> bool {
    let form = |i: usize| &text[toks[i].0..toks[i].1];
    if bullet(form(from)) || bullet(next) {
        return true;
    }
    let last = form(to);
    if matches!(last, "," | ";" | ":" | "-" | "(" | "&") {
        return false;
    }
    let opens =
        next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘(".contains(c));
    let words = || (from..=to).map(form).filter(|w| w.chars().count() >= 4);
    let title_case = words().all(|w| w.starts_with(char::is_uppercase));
    opens && (to - from < 10 || to - from < 25 && title_case)
}

fn bullet(form: &str) -> bool {
    matches!(
        form,
        "-" | "*" | "•" | "·" | "–" | "—" | "▪" | "◦" | "‣" | ">" | "o"
    )
}

/// Pushes the sentence `toks[a..b]`, cut into windows of at most
/// [`MAX_WINDOW`] tokens: after the last semicolon, else colon, else
/// comma, else before the last conjunction, else at the limit.
fn windows(
    text: &str,
    toks: &[(usize, usize)],
    (mut a, b): (usize, usize),
    out: &mut Vec<(usize, usize, bool)>,
) {
    let mut continues = false;
    while b - a > MAX_WINDOW {
        let mut best = [None; 4];
        for k in (a + MIN_WINDOW..a + MAX_WINDOW).rev() {
            let rank = match &text[toks[k].0..toks[k].1] {
                ";" => 0,
                ":" => 1,
                "," => 2,
                "and" | "or" | "but" | "while" | "because" | "whereas" => 3,
                _ => continue,
            };
            if best[rank].is_none() {
                // A conjunction opens the next window; punctuation ends this one.
                best[rank] = Some(if rank == 3 { k } else { k + 1 });
            }
        }
        let cut = best.into_iter().flatten().next().unwrap_or(a + MAX_WINDOW);
        out.push((a, cut, continues));
        continues = true;
        a = cut;
    }
    out.push((a, b, continues));
}
