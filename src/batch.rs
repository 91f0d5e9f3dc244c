//! Batches: JSON Lines of documents read in chunks, each chunk's lines
//! worked on every core, the results handed on in input order.
//!
//! `annals timex --docs` and `annals extract --docs` are [`timex_docs`]
//! and [`extract_docs`]; `annals extract FILES` is [`read_articles`] and
//! [`extract_all`]. A chunk of [`CHUNK`] lines keeps memory flat and
//! output streaming; with the `parallel` feature (on by default) a chunk's
//! lines are worked on rayon's threads, else one after another, and the
//! output is the same either way.

use std::collections::HashSet;
use std::io::{BufRead, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{Diagnostic, Error, Location, Result};
use crate::export::json::{store_lines, timex_line};
use crate::extract::{self, Article, Lexicon, Overrides};
use crate::model::Store;
use crate::time::{self, DocType};

/// Reads the articles at `paths` on every core. Any bad article is an
/// error, all of them reported together, before anything is extracted.
/// Articles whose names give the same id (`x/a.txt`, `y/a.txt`) get
/// distinct ones in the order given (`a`, `a-2`, `a-3`); `renamed` is told
/// of each, with the id it could not have.
pub fn read_articles(
    paths: &[PathBuf],
    overrides: &Overrides,
    renamed: &mut dyn FnMut(&Article, &str),
) -> Result<Vec<Article>> {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for r in map(paths, |p| Article::from_path(p, overrides)) {
        match r {
            Ok(a) => articles.push(a),
            Err(Error::Invalid(d)) => problems.extend(d),
            Err(e) => return Err(e),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid(problems));
    }
    let mut taken = HashSet::new();
    for a in &mut articles {
        let wanted = a.id.clone();
        let mut n = 1;
        while !taken.insert(a.id.clone()) {
            n += 1;
            a.id = format!("{wanted}-{n}");
        }
        if a.id != wanted {
            renamed(a, &wanted);
        }
    }
    Ok(articles)
}

/// The store of each article, in order, on every core; `done` is called as
/// each is extracted (a progress bar).
pub fn extract_all(
    articles: &[Article],
    lexicon: &Lexicon,
    done: &(dyn Fn() + Sync),
) -> Vec<Store> {
    map(articles, |a| {
        let s = extract::extract(a, lexicon);
        done();
        s
    })
}

/// Lines worked on at once.
pub const CHUNK: usize = 256;

/// Runs `work` on each line of the JSON Lines batch `reader` (named `path`
/// in messages) with its 1-based number, and gives the results to `emit`
/// in input order. A line that cannot be read, or whose work fails with
/// [`Error::Invalid`], is reported at the end with all the others, while
/// the rest are worked on; any other error stops the batch.
pub fn for_each_line<R: BufRead, T: Send>(
    path: &str,
    reader: R,
    work: impl Fn(usize, &str) -> Result<T> + Sync,
    emit: &mut dyn FnMut(T) -> Result<()>,
) -> Result<()> {
    let mut lines = crate::input::batch_lines(path, reader);
    let mut problems = Vec::new();
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        for item in lines.by_ref().take(CHUNK) {
            match item? {
                (n, Ok(line)) => chunk.push((n, line)),
                (_, Err(d)) => problems.push(d),
            }
        }
        if chunk.is_empty() {
            break;
        }
        for r in map(&chunk, |(n, line)| work(*n, line)) {
            match r {
                Ok(t) => emit(t)?,
                Err(Error::Invalid(d)) => problems.extend(d),
                Err(e) => return Err(e),
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(problems))
    }
}

/// `f` over `items`, in order: on every core with the `parallel` feature.
#[cfg(feature = "parallel")]
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(&f).collect()
}

/// `f` over `items`, in order.
#[cfg(not(feature = "parallel"))]
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    items.iter().map(f).collect()
}

/// A line of a temporal-tagging batch.
#[derive(Deserialize)]
struct TimexDoc {
    id: String,
    #[serde(deserialize_with = "crate::model::date::deserialize_day")]
    dct: NaiveDate,
    #[serde(default)]
    doc_type: Option<String>,
    text: String,
}

/// Tags a batch of `{"id", "dct", "doc_type", "text"}` lines and writes one
/// JSON line per expression ([`timex_line`], with `doc`) to `out`, in input
/// order. `doc_type` applies where a line gives none. Bad lines are
/// reported together at the end ([`Error::Invalid`]).
pub fn timex_docs<R: BufRead>(
    path: &str,
    reader: R,
    doc_type: DocType,
    out: &mut dyn Write,
) -> Result<()> {
    let work = |n: usize, line: &str| -> Result<String> {
        let at = Location::File {
            path: path.to_string(),
            line: n,
            column: 1,
        };
        let invalid = |d: Diagnostic| Error::Invalid(vec![d]);
        let doc: TimexDoc = serde_json::from_str(line).map_err(|e| {
            invalid(Diagnostic::error(Some(at.clone()), format!("bad document: {e}")).with_help(
                "each line must be {\"id\": ..., \"dct\": \"YYYY-MM-DD\", \"doc_type\": \"news\", \"text\": ...}",
            ))
        })?;
        let doc_type = match doc.doc_type.as_deref() {
            Some(t) => t.parse().map_err(|e: time::UnknownDocType| {
                invalid(Diagnostic::error(Some(at), e.to_string()))
            })?,
            None => doc_type,
        };
        let mut text = String::new();
        for t in time::tag(&doc.text, doc.dct, doc_type) {
            text.push_str(&timex_line(&t, Some(&doc.id))?);
            text.push('\n');
        }
        Ok(text)
    };
    for_each_line(path, reader, work, &mut |text: String| {
        out.write_all(text.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))
    })
}

/// Extracts the events of a batch of articles (`{"id", "published",
/// "title", "outlet", "url", "text"}` lines) and gives each article's
/// store to `emit`, in input order. Bad lines are reported together at the
/// end ([`Error::Invalid`], each at its line) after every good one has been
/// given.
pub fn extract_docs<R: BufRead>(
    path: &str,
    reader: R,
    lexicon: &Lexicon,
    emit: &mut dyn FnMut(Store) -> Result<()>,
) -> Result<()> {
    let work = |n: usize, line: &str| -> Result<Store> {
        let a = extract::article::batch_line(path, n, line)?;
        Ok(extract::extract(&a, lexicon))
    };
    for_each_line(path, reader, work, emit)
}

/// [`extract_docs`] printed as JSON Lines ([`store_lines`]): each
/// article's source, events and links, which read back as a store.
pub fn print_docs<R: BufRead>(
    path: &str,
    reader: R,
    lexicon: &Lexicon,
    out: &mut dyn Write,
) -> Result<()> {
    extract_docs(path, reader, lexicon, &mut |store: Store| {
        let doc = store.sources.first().map_or("", |s| s.id.as_str());
        let text = store_lines(doc, &store)?;
        out.write_all(text.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))
    })
}
