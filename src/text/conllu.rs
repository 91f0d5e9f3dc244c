//! Reading and writing CoNLL-U, the Universal Dependencies file format: the
//! treebank the models learn from, and what `annals parse` prints.
//!
//! Only the columns the models use are kept (form, lemma, UPOS, XPOS, head,
//! relation); multi-word token lines (`1-2`) and empty nodes (`8.1`) are kept
//! verbatim so that a re-annotated file lines up word for word with its
//! source.

use std::fmt::Write as _;

use super::model::Model;
use super::tokenize::tokenize;
use crate::error::{Diagnostic, Error, Location};

/// One syntactic word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TreebankWord {
    /// The word as written.
    pub form: String,
    /// Its dictionary form.
    pub lemma: String,
    /// Universal part-of-speech tag.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// 1-based index of the head word; 0 for the root.
    pub head: usize,
    /// Universal Dependencies relation to the head, with its subtype.
    pub deprel: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TreebankSentence {
    /// Comment lines (`# text = ...`), without the leading `#`.
    pub comments: Vec<String>,
    /// The syntactic words, in order.
    pub words: Vec<TreebankWord>,
    /// Multi-word token and empty-node lines, each with the number of
    /// words that precede it, so they can be written back in place.
    pub extra: Vec<(usize, String)>,
}

/// Parses CoNLL-U text. `path` names the file in error messages.
///
/// A malformed line is an error naming its line; heads that point outside
/// their sentence are errors too, so a model never trains on a broken tree.
///
/// ```
/// use annals::text::conllu;
///
/// let text = "1\tRockets\trocket\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n\
///             2\thit\thit\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
/// let sentences = conllu::parse(text, "two.conllu")?;
/// assert_eq!(sentences[0].words[1].form, "hit");
/// assert_eq!(conllu::write(&sentences), text);
/// let broken = conllu::parse("1\tRockets\n", "broken.conllu").unwrap_err();
/// assert!(broken.to_string().contains("broken.conllu:1"));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn parse(text: &str, path: &str) -> Result<Vec<TreebankSentence>, Error> {
    let mut sentences = Vec::new();
    let mut current = TreebankSentence::default();
    let mut problems = Vec::new();
    let text = crate::input::without_bom(text);
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let at = || Location::File {
            path: path.to_string(),
            line: index + 1,
            column: 1,
        };
        if line.trim().is_empty() {
            finish(&mut current, &mut sentences, &mut problems, &at());
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            current.comments.push(comment.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            problems.push(bad(
                at(),
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
            continue;
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            current.extra.push((current.words.len(), line.to_string()));
            continue;
        }
        match word(&cols, current.words.len() + 1) {
            Ok(w) => current.words.push(w),
            Err(message) => problems.push(bad(at(), message)),
        }
    }
    let end = Location::Path(path.to_string());
    finish(&mut current, &mut sentences, &mut problems, &end);
    if problems.is_empty() {
        Ok(sentences)
    } else {
        Err(super::TextError::Treebank(problems).into())
    }
}

fn bad(location: Location, message: String) -> Diagnostic {
    Diagnostic::error(Some(location), message).with_help(
        "each word line has ID, FORM, LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL, DEPS, MISC separated by tabs",
    )
}

fn word(cols: &[&str], expected_id: usize) -> Result<TreebankWord, String> {
    let id: usize = cols[0]
        .parse()
        .map_err(|_| format!("`{}` is not a word number", cols[0]))?;
    if id != expected_id {
        return Err(format!("word {id} where word {expected_id} was expected"));
    }
    let head = match cols[6] {
        "_" => 0,
        h => h
            .parse()
            .map_err(|_| format!("`{h}` is not a head number"))?,
    };
    Ok(TreebankWord {
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos: cols[3].to_string(),
        xpos: cols[4].to_string(),
        head,
        deprel: cols[7].to_string(),
    })
}

fn finish(
    current: &mut TreebankSentence,
    sentences: &mut Vec<TreebankSentence>,
    problems: &mut Vec<Diagnostic>,
    at: &Location,
) {
    let sentence = std::mem::take(current);
    if sentence.words.is_empty() {
        return;
    }
    let n = sentence.words.len();
    if let Some(w) = sentence.words.iter().find(|w| w.head > n) {
        problems.push(bad(
            at.clone(),
            format!(
                "the head of `{}` is word {}, past the sentence's {n} words",
                w.form, w.head
            ),
        ));
        return;
    }
    sentences.push(sentence);
}

/// Writes sentences as CoNLL-U, one blank line after each.
pub fn write(sentences: &[TreebankSentence]) -> String {
    let mut out = String::new();
    for sentence in sentences {
        for comment in &sentence.comments {
            let _ = writeln!(out, "#{comment}");
        }
        let mut extra = sentence.extra.iter().peekable();
        for (i, w) in sentence.words.iter().enumerate() {
            while let Some((_, line)) = extra.next_if(|(before, _)| *before == i) {
                let _ = writeln!(out, "{line}");
            }
            let tags = [&w.form, &w.lemma, &w.upos, &w.xpos].map(String::as_str);
            row(&mut out, i + 1, tags, w.head, &w.deprel, "_");
        }
        for (_, line) in extra {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    out
}

/// Writes one word line: ID, FORM, LEMMA, UPOS, XPOS, FEATS (none), HEAD,
/// DEPREL, DEPS (none), MISC.
fn row(
    out: &mut String,
    id: usize,
    [form, lemma, upos, xpos]: [&str; 4],
    head: usize,
    deprel: &str,
    misc: &str,
) {
    let _ = writeln!(
        out,
        "{id}\t{}\t{}\t{}\t{}\t_\t{head}\t{}\t_\t{misc}",
        field(form),
        field(lemma),
        field(upos),
        field(xpos),
        field(deprel)
    );
}

/// A column value with no tab, newline or emptiness to break the format.
fn field(s: &str) -> String {
    if s.is_empty() {
        return "_".to_string();
    }
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Tokenizes, tags and parses raw `text`, writing CoNLL-U sentence by
/// sentence (so memory stays bounded by the token list, whatever the
/// text's length). Each sentence carries `# sent_id` and `# text`; each
/// word's MISC column its code-point range in the text (`TokenRange=`) and
/// `SpaceAfter=No` where no space follows.
pub fn write_parsed(
    text: &str,
    model: &Model,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let tokenized = tokenize(text);
    let mut buf = String::new();
    for (n, sentence) in tokenized.sentences.iter().enumerate() {
        let tokens = &tokenized.tokens[sentence.tokens.clone()];
        let forms: Vec<&str> = tokens.iter().map(|t| t.form(text)).collect();
        buf.clear();
        let _ = writeln!(buf, "# sent_id = {}", n + 1);
        let flat: String = text[sentence.start..sentence.end]
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let _ = writeln!(buf, "# text = {flat}");
        for (i, (token, a)) in tokens.iter().zip(model.analyse(&forms)).enumerate() {
            let space = if text[token.end..].starts_with(|c: char| c.is_whitespace())
                || token.end == text.len()
            {
                ""
            } else {
                "|SpaceAfter=No"
            };
            let misc = format!("TokenRange={}:{}{space}", token.cp_start, token.cp_end);
            let head = a.head.map_or(0, |h| h + 1);
            row(
                &mut buf,
                i + 1,
                [forms[i], &a.lemma, a.upos.as_str(), a.xpos],
                head,
                a.deprel,
                &misc,
            );
        }
        buf.push('\n');
        out.write_all(buf.as_bytes())?;
    }
    Ok(())
}
