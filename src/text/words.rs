//! A run of text between spaces cut into tokens the way the English Web
//! Treebank cuts it: punctuation apart, clitics split ("do n't", "John
//! 's"), hyphens apart except after prefixes ("e-mail", "well - known"),
//! numbers whole ("1,000.50"), abbreviations with their dot ("U.S.",
//! "Dr."), web addresses and e-mail addresses whole.

use super::rules::{Abbrev, Rules};

/// True for the characters words are made of.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{300}'..='\u{36F}' | '\u{200C}' | '\u{200D}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// The character at byte `i` (a char boundary below `text.len()`).
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// Cuts `text[start..end]`, a run without white space, into tokens,
/// pushed as byte spans.
pub fn split(text: &str, start: usize, end: usize, rules: &Rules, out: &mut Vec<(usize, usize)>) {
    // Most runs are a plain word, perhaps with a comma after it.
    let chunk = &text.as_bytes()[start..end];
    let n = chunk.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let mark = |b: u8| matches!(b, b',' | b';' | b':' | b')' | b'"' | b'?' | b'!');
    // A dot after a word that is no abbreviation is the sentence's.
    let stop = |b: u8| b == b'.' && n >= 2 && rules.abbreviation(&text[start..start + n]).is_none();
    if n > 0 && (n == chunk.len() || n + 1 == chunk.len() && (mark(chunk[n]) || stop(chunk[n]))) {
        let w = start + n;
        match rules.split_at(&text[start..w]) {
            Some(k) if k < n => out.extend([(start, start + k), (start + k, w)]),
            _ => out.push((start, w)),
        }
        if w < end {
            out.push((w, end));
        }
        return;
    }
    if let Some((a, b)) = link(&text[start..end]) {
        punct(text, start, start + a, out);
        out.push((start + a, start + b));
        punct(text, start + b, end, out);
        return;
    }
    let mut i = start;
    while i < end {
        let c = char_at(text, i);
        if is_word_char(c) {
            i = word(text, i, end, rules, out);
            continue;
        }
        let j = glued_apostrophe(text, i, end, rules)
            .or_else(|| tag(text, i, end))
            .or_else(|| rules.emoticon(&text[i..end]).map(|n| i + n))
            .unwrap_or_else(|| punct_run(text, i, end));
        out.push((i, j));
        i = j;
    }
}

/// Pushes each mark of `text[a..b]` (punctuation only) as tokens.
fn punct(text: &str, a: usize, b: usize, out: &mut Vec<(usize, usize)>) {
    let mut i = a;
    while i < b {
        let j = punct_run(text, i, b);
        out.push((i, j));
        i = j;
    }
}

/// The end of the punctuation token at `i`: one mark, or a run of the
/// same mark ("...", "--", "!!!"), or of `!` and `?` mixed.
fn punct_run(text: &str, i: usize, end: usize) -> usize {
    let c = char_at(text, i);
    let mut j = i + c.len_utf8();
    let runs = |d: char| match c {
        '!' | '?' => matches!(d, '!' | '?'),
        '.' | '-' | '=' | '*' | '_' | '~' | '`' | '\'' | '#' | '+' | '<' | '>' | '/' | '$' => {
            d == c
        }
        _ => false,
    };
    while j < end {
        let d = char_at(text, j);
        if !runs(d) {
            break;
        }
        j += d.len_utf8();
    }
    j
}

/// A hashtag or a handle: "#audiobooks", "@paulhastings.com".
fn tag(text: &str, i: usize, end: usize) -> Option<usize> {
    if !matches!(text.as_bytes()[i], b'#' | b'@') || i + 1 >= end {
        return None;
    }
    let rest = &text[i + 1..end];
    let mut len = rest
        .find(|c: char| !(is_word_char(c) || matches!(c, '_' | '.' | '-')))
        .unwrap_or(rest.len());
    len -= rest[..len].len() - rest[..len].trim_end_matches(['.', '-']).len();
    rest.starts_with(is_word_char).then_some(i + 1 + len)
}

/// "'90s", "'72", "'em", and a clitic standing alone ("'s" after a space).
fn glued_apostrophe(text: &str, i: usize, end: usize, rules: &Rules) -> Option<usize> {
    let c = char_at(text, i);
    if !is_apostrophe(c) {
        return None;
    }
    let from = i + c.len_utf8();
    let rest = &text[from..end];
    let len = rest.find(|d: char| !is_word_char(d)).unwrap_or(rest.len());
    let w = &rest[..len];
    let year = w.len() >= 2
        && w.as_bytes()[..2].iter().all(u8::is_ascii_digit)
        && matches!(&w[2..], "" | "s");
    let ok = year || w.eq_ignore_ascii_case("em") || (!w.is_empty() && rules.is_clitic(w));
    ok.then_some(from + len)
}

/// The word at `i`: letters and digits with inner dots, apostrophes,
/// hyphens, and between digits commas, colons and slashes; then cut.
/// Returns where it ends, its tokens pushed.
fn word(text: &str, i: usize, end: usize, rules: &Rules, out: &mut Vec<(usize, usize)>) -> usize {
    let bytes = text.as_bytes();
    let mut j = i + char_at(text, i).len_utf8();
    let mut prev = char_at(text, i);
    while j < end {
        // Most words are ASCII letters: no decoding for those.
        if bytes[j].is_ascii_alphanumeric() {
            prev = char::from(bytes[j]);
            j += 1;
            continue;
        }
        let d = char_at(text, j);
        if is_word_char(d) {
            prev = d;
            j += d.len_utf8();
            continue;
        }
        let after = j + d.len_utf8();
        if after >= end {
            break;
        }
        let e = char_at(text, after);
        let joins = is_word_char(e)
            && match d {
                '.' | '-' | '‐' => true,
                c if is_apostrophe(c) => prev.is_alphabetic() && e.is_alphabetic(),
                ',' | ':' => prev.is_ascii_digit() && e.is_ascii_digit(),
                '_' => true,
                // "9/29/2020", and "b/c", "w/o" (a letter each side).
                '/' => {
                    prev.is_ascii_digit() && e.is_ascii_digit()
                        || j - i == 1 && !text[after + e.len_utf8()..end].starts_with(is_word_char)
                }
                _ => false,
            };
        if !joins {
            break;
        }
        prev = e;
        j = after + e.len_utf8();
    }
    let j = hyphens(text, i, j, rules, out);
    // A dot that belongs to the last word: "U.S.", "Dr.", "J.", "No. 5".
    let last = out.last().map_or(i, |t| t.0);
    let dots = text[j..end].len() - text[j..end].trim_start_matches('.').len();
    if dots == 1 || dots == 2 && j + 2 == end {
        let next = text[j + 1..].trim_start_matches('.').trim_start();
        if keeps_dot(&text[last..j], next, rules) {
            if let Some(t) = out.last_mut() {
                t.1 = j + 1;
            }
            return j + 1;
        }
    }
    j
}

/// True when the dot after `w` is part of it. (The treebank gives a
/// sentence-final "U.S." its own dot, "U.S ."; here the dot stays, so
/// that a word is one token wherever it stands, as the lexicons list it.)
fn keeps_dot(w: &str, next: &str, rules: &Rules) -> bool {
    let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
    initial
        || acronym(w)
        || match rules.abbreviation(w) {
            Some(Abbrev::Before | Abbrev::After) => true,
            Some(Abbrev::Numeric) => next.starts_with(|c: char| c.is_ascii_digit()),
            None => false,
        }
}

/// Single letters between dots: "U.S", "a.m", "e.g".
pub fn acronym(w: &str) -> bool {
    let mut letters = 0;
    for part in w.split('.') {
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    letters >= 2
}

/// Cuts the word `text[i..j]` at its hyphens, keeping those after a
/// prefix ("e-mail") and inside phone numbers and ISO dates.
fn hyphens(text: &str, i: usize, j: usize, rules: &Rules, out: &mut Vec<(usize, usize)>) -> usize {
    let w = &text[i..j];
    if !w.contains(['-', '‐']) || numeric_code(w) {
        pieces(text, i, j, rules, out);
        return j;
    }
    let mut from = i;
    let mut seg = i;
    for (k, c) in w.char_indices() {
        if c != '-' && c != '‐' {
            continue;
        }
        let at = i + k;
        if rules.joins_hyphen(&text[seg..at]) && seg == from {
            seg = at + c.len_utf8();
            continue;
        }
        pieces(text, from, at, rules, out);
        out.push((at, at + c.len_utf8()));
        from = at + c.len_utf8();
        seg = from;
    }
    pieces(text, from, j, rules, out);
    j
}

/// Phone numbers and ISO dates, whole: "713-853-3989", "2020-09-22",
/// "345-9945" (but a range, "1969-1970", "5-8", is three tokens).
fn numeric_code(w: &str) -> bool {
    let groups: Vec<&str> = w.split('-').collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit() || b == b'/');
    if !groups.iter().all(|g| digits(g)) {
        return false;
    }
    match groups.as_slice() {
        [a, b] => b.len() >= 4 && !(a.len() == 4 && b.len() == 4),
        _ => groups.len() >= 3,
    }
}

/// Pushes `text[i..j]` (no hyphen to cut) as one token or two: clitics
/// split off, and letters glued to a number that are not its suffix.
fn pieces(text: &str, i: usize, j: usize, rules: &Rules, out: &mut Vec<(usize, usize)>) {
    if i >= j {
        return;
    }
    let w = &text[i..j];
    let cut = clitic(w, rules)
        .or_else(|| rules.split_at(w))
        .or_else(|| unit_after_number(w, rules));
    match cut {
        Some(k) if k > 0 && k < w.len() => {
            out.push((i, i + k));
            out.push((i + k, j));
        }
        _ => out.push((i, j)),
    }
}

/// Where a clitic starts: "don't" 2 ("n't"), "John's" 4 ("'s").
fn clitic(w: &str, rules: &Rules) -> Option<usize> {
    let a = w.rfind(['\'', '’', 'ʼ'])?;
    let ending = w[a..].trim_start_matches(is_apostrophe);
    if ending.eq_ignore_ascii_case("t") && a >= 2 && w[..a].ends_with(['n', 'N']) {
        return Some(a - 1);
    }
    (a > 0 && rules.is_clitic(ending)).then_some(a)
}

/// "5pm" is "5" "pm"; "21st" and "1990s" stay whole.
fn unit_after_number(w: &str, rules: &Rules) -> Option<usize> {
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let k = w.find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/')))?;
    let suffix = &w[k..];
    (suffix.chars().all(char::is_alphabetic) && !rules.joins_number(suffix)).then_some(k)
}

/// A web or e-mail address in `chunk`, without the brackets, quotes and
/// punctuation around it: its byte span in the chunk.
fn link(chunk: &str) -> Option<(usize, usize)> {
    if chunk.len() < 5 || !chunk.bytes().any(|b| matches!(b, b'@' | b':' | b'.')) {
        return None;
    }
    let opener = |c: char| matches!(c, '(' | '[' | '{' | '<' | '"' | '\'' | '“' | '‘' | '«');
    let closer = |c: char| {
        matches!(
            c,
            ')' | ']'
                | '}'
                | '>'
                | '"'
                | '\''
                | '”'
                | '’'
                | '»'
                | '.'
                | ','
                | ';'
                | ':'
                | '!'
                | '?'
        )
    };
    let a = chunk.len() - chunk.trim_start_matches(opener).len();
    let b = chunk.trim_end_matches(closer).len();
    if a >= b {
        return None;
    }
    let core = &chunk[a..b];
    let www = core.len() > 4 && core.as_bytes()[..4].eq_ignore_ascii_case(b"www.");
    let web = www || core.contains("://") && core.starts_with(|c: char| c.is_ascii_alphabetic());
    (web || mail(core)).then_some((a, b))
}

/// "name@host.org".
fn mail(core: &str) -> bool {
    let Some((user, host)) = core.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && user
            .chars()
            .all(|c| is_word_char(c) || matches!(c, '.' | '_' | '-' | '+'))
        && host
            .chars()
            .all(|c| is_word_char(c) || matches!(c, '.' | '-'))
        && host.rsplit_once('.').is_some_and(|(h, tld)| {
            !h.is_empty() && tld.len() >= 2 && tld.chars().all(char::is_alphabetic)
        })
}
