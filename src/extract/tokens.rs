//! Words and sentences of an article, with their byte spans.

/// A word or punctuation mark.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte offset of its start in the text tokenized.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// Lowercase form.
    pub lower: String,
    /// The text as written.
    pub text: String,
}

impl Tok {
    /// True when the word starts with a capital letter.
    pub fn capital(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// True for letters or digits, false for punctuation.
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }
}

/// Splits text into words (letters and digits, inner apostrophes,
/// abbreviations like `U.S.`) and single punctuation marks.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(j, d)) = iter.peek() {
                let next_alnum = text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                let abbreviation =
                    d == '.' && end - i <= 3 && next_alnum && single_letters(&text[i..end]);
                if d.is_alphanumeric() || (matches!(d, '\'' | '’') && next_alnum) || abbreviation
                {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            // U.S. keeps its final dot.
            if text[i..end].contains('.') && text[end..].starts_with('.') {
                end += 1;
                iter.next();
            }
        }
        let t = &text[i..end];
        out.push(Tok {
            start: i,
            end,
            lower: t.to_lowercase(),
            text: t.to_string(),
        });
    }
    out
}

const ABBREVIATIONS: [&str; 24] = [
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "st", "lt", "col", "sgt", "gov", "pres", "prof",
    "capt", "maj", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "no",
];

/// Sentence spans (byte ranges) of `text`: a sentence ends at `.`, `!` or
/// `?` followed by a space and a capital, digit or quote, unless the dot
/// ends an abbreviation or an initial; a line break always ends one.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let mut cut = None;
        if c == b'\n' {
            // News text puts one paragraph, headline or byline on a line.
            cut = Some(i);
        } else if matches!(c, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
                j += 1;
            }
            if text[j..].starts_with("”") {
                j += "”".len();
            }
            let spaced = bytes.get(j).is_some_and(|b| *b == b' ' || *b == b'\n');
            let next = text[j..].trim_start().chars().next();
            let opens = next.is_some_and(|n| {
                n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '\'')
            });
            let word: String = text[start..i]
                .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.')
                .next()
                .unwrap_or("")
                .to_lowercase();
            let abbreviation = c == b'.'
                && (ABBREVIATIONS.contains(&word.as_str())
                    || word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
                    || word.contains('.'));
            if spaced && opens && !abbreviation || next.is_none() {
                cut = Some(j);
            }
        }
        if let Some(end) = cut {
            push(text, start, end, &mut out);
            start = end;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(text, start, text.len(), &mut out);
    out
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

/// "U", "U.S", "a.m": single letters separated by dots.
fn single_letters(s: &str) -> bool {
    s.split('.')
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}
