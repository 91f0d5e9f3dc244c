//! Batches: JSON Lines of documents worked on every core, the results
//! handed on in input order.
//!
//! `annals timex --docs` and `annals extract --docs` are [`timex_docs`]
//! and [`extract_docs`]; `annals extract FILES` is [`read_articles`] and
//! [`extract_all`]. At most 256 lines are in flight, which keeps
//! memory flat and output streaming; with the `parallel` feature (on by
//! default) lines are worked on rayon's threads while the caller's thread
//! reads and writes, else one after another, and the output is the same
//! either way.

use std::collections::HashSet;
use std::io::{BufRead, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{Diagnostic, Error, Location, Result};
use crate::export::json::{store_lines, unwritable};
use crate::extract::{self, Article, ExtractError, Furniture, Lexicon, Overrides};
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
            Err(Error::Extract(e)) => problems.push(e),
            Err(e) => return Err(e),
        }
    }
    if !problems.is_empty() {
        return Err(ExtractError::Articles(problems).into());
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
///
/// ```
/// use annals::batch::{extract_all, read_articles};
/// use annals::extract::{Lexicon, Overrides};
/// use chrono::NaiveDate;
///
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("embassy.txt");
/// std::fs::write(&path, "Embassy attacked\n\nRockets hit the US embassy in Baghdad on Sunday.\n").unwrap();
/// let overrides = Overrides {
///     published: NaiveDate::from_ymd_opt(2020, 9, 29),
///     ..Overrides::default()
/// };
/// let mut renamed = Vec::new();
/// let articles = read_articles(&[path.clone(), path], &overrides, &mut |a, taken| {
///     renamed.push((a.id.clone(), taken.to_string()))
/// })?;
/// assert_eq!(renamed, [("embassy-2".to_string(), "embassy".to_string())]);
/// let stores = extract_all(&articles, Lexicon::shipped(), &|| {});
/// assert_eq!(stores[1].sources[0].id, "embassy-2");
/// # Ok::<(), annals::Error>(())
/// ```
pub fn extract_all(
    articles: &[Article],
    lexicon: &Lexicon,
    done: &(dyn Fn() + Sync),
) -> Vec<Store> {
    let furniture = Furniture::of(&articles.iter().collect::<Vec<_>>());
    map(articles, |a| {
        let s = extract::extract_in_batch(a, lexicon, &furniture);
        done();
        s
    })
}

/// What can go wrong in a batch besides reading and writing it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BatchError {
    /// Lines that could not be worked on (not UTF-8, not the JSON asked
    /// for, an article or document that cannot be read): every one, in
    /// line order, each located at `path:line` with how to fix it. The
    /// good lines were all worked on and handed on before.
    #[error("{}", crate::error::render(.0))]
    Lines(Vec<Diagnostic>),
}

/// Lines in flight at once: read ahead of the oldest line not yet handed
/// on, which keeps memory flat and output streaming.
pub(crate) const WINDOW: usize = 256;

/// Runs `work` on each line of the JSON Lines batch `reader` (named `path`
/// in messages) with its 1-based number, and gives the results to `emit`
/// in input order. A line that cannot be read, or whose work fails with
/// [`BatchError::Lines`] or with an article it cannot read
/// ([`Error::Extract`]), is reported at the end with all the others
/// ([`BatchError::Lines`]), in line order, while the rest are worked on;
/// any other error stops the batch.
///
/// With the `parallel` feature the calling thread reads and emits while
/// rayon's threads work, so neither reading nor writing waits for a whole
/// chunk, and no thread waits for the slowest line of one.
pub(crate) fn for_each_line<R: BufRead, T: Send>(
    path: &str,
    reader: R,
    work: impl Fn(usize, &str) -> Result<T> + Sync,
    emit: &mut dyn FnMut(T) -> Result<()>,
) -> Result<()> {
    let mut problems: Vec<(usize, Vec<Diagnostic>)> = Vec::new();
    let lines = crate::input::batch_lines(path, reader).map(|item| {
        item.map(|(n, line)| {
            line.map_err(|d| problems.push((n, vec![d])))
                .ok()
                .map(|l| (n, l))
        })
    });
    let mut late = Vec::new();
    in_order(lines, &work, &mut |n, r| match r.map_err(of_a_line) {
        Ok(t) => emit(t),
        Err(Ok(d)) => {
            late.push((n, d));
            Ok(())
        }
        Err(Err(e)) => Err(e),
    })?;
    problems.append(&mut late);
    reported(problems)
}

/// The located problems of an error about what one line holds (its text,
/// the article in it), which the batch reports with the others at the end;
/// or the error itself when it is about something else and stops the batch.
fn of_a_line(e: Error) -> Result<Vec<Diagnostic>, Error> {
    match e {
        Error::Batch(BatchError::Lines(d)) => Ok(d),
        Error::Extract(e) => Ok(e.diagnostics()),
        other => Err(other),
    }
}

/// The bad lines of a batch, with their numbers, as one error in line
/// order; none is `Ok`.
fn reported(mut problems: Vec<(usize, Vec<Diagnostic>)>) -> Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    problems.sort_by_key(|(n, _)| *n);
    Err(Error::Batch(BatchError::Lines(
        problems.into_iter().flat_map(|(_, d)| d).collect(),
    )))
}

/// A line to work on (`Some((number, text))`), or one already reported
/// (`None`), or the error that ends reading.
type Line = Result<Option<(usize, String)>>;

/// `work` on each line of `lines`, one after another, and `done` on each
/// result in order.
#[cfg(not(feature = "parallel"))]
fn in_order<T: Send>(
    lines: impl Iterator<Item = Line>,
    work: &(impl Fn(usize, &str) -> Result<T> + Sync),
    done: &mut dyn FnMut(usize, Result<T>) -> Result<()>,
) -> Result<()> {
    for line in lines {
        if let Some((n, text)) = line? {
            done(n, work(n, &text))?;
        }
    }
    Ok(())
}

/// `work` on each line of `lines` on rayon's threads, at most [`WINDOW`]
/// in flight, and `done` on each result in input order on this thread,
/// which also reads the lines.
#[cfg(feature = "parallel")]
fn in_order<T: Send>(
    mut lines: impl Iterator<Item = Line>,
    work: &(impl Fn(usize, &str) -> Result<T> + Sync),
    done: &mut dyn FnMut(usize, Result<T>) -> Result<()>,
) -> Result<()> {
    let (tx, rx) = std::sync::mpsc::channel::<(usize, usize, Result<T>)>();
    rayon::in_place_scope(|s| {
        let mut ready = std::collections::BTreeMap::new();
        let (mut sent, mut next, mut more) = (0, 0, true);
        loop {
            while more && sent - next < WINDOW {
                match lines.next().transpose()? {
                    None => more = false,
                    Some(None) => {}
                    Some(Some((n, text))) => {
                        let (tx, seq) = (tx.clone(), sent);
                        s.spawn(move |_| {
                            // The receiver lives until every job is done.
                            let _ = tx.send((seq, n, work(n, &text)));
                        });
                        sent += 1;
                    }
                }
            }
            let Some((seq, n, r)) = (next < sent).then(|| receive(&rx)).flatten() else {
                return Ok(());
            };
            ready.insert(seq, (n, r));
            while let Some((n, r)) = ready.remove(&next) {
                next += 1;
                done(n, r)?;
            }
        }
    })
}

/// The next message of `rx`. On a thread of a rayon pool (a caller inside
/// `ThreadPool::install`) the jobs queued here are run while waiting, so
/// that a pool of one thread cannot wait for itself.
#[cfg(feature = "parallel")]
fn receive<M>(rx: &std::sync::mpsc::Receiver<M>) -> Option<M> {
    loop {
        if let Ok(m) = rx.try_recv() {
            return Some(m);
        }
        if rayon::yield_now() != Some(rayon::Yield::Executed) {
            // Not in a pool, or nothing left to run here: what is in
            // flight runs on other threads.
            return rx.recv().ok();
        }
    }
}

/// `f` over `items`, in order: on every core with the `parallel` feature.
#[cfg(feature = "parallel")]
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(&f).collect()
}

/// `f` over `items`, in order.
#[cfg(not(feature = "parallel"))]
pub(crate) fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
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
/// JSON line per expression (its [`time::Timex`] form with `doc`, the
/// line's id, among its keys in alphabetical order) to `out`, in input
/// order. `doc_type` applies where a line gives none. Bad lines are
/// reported together at the end ([`BatchError::Lines`]).
///
/// ```
/// use annals::batch::timex_docs;
/// use annals::time::DocType;
///
/// let batch = r#"{"id": "d1", "dct": "2020-09-29", "text": "The talks began last Monday."}"#;
/// let mut out = Vec::new();
/// timex_docs("batch.jsonl", batch.as_bytes(), DocType::News, &mut out)?;
/// let line = String::from_utf8(out).unwrap();
/// assert!(line.contains(r#""doc":"d1""#) && line.contains(r#""value":"2020-09-28""#));
/// # Ok::<(), annals::Error>(())
/// ```
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
        let invalid = |d: Diagnostic| Error::Batch(BatchError::Lines(vec![d]));
        let doc: TimexDoc = serde_json::from_str(line).map_err(|e| {
            invalid(Diagnostic::error(Some(at.clone()), format!("bad document: {e}")).with_help(
                "each line must be {\"id\": ..., \"dct\": \"YYYY-MM-DD\", \"doc_type\": \"news\", \"text\": ...}",
            ))
        })?;
        let doc_type = match doc.doc_type.as_deref() {
            Some(t) => t.parse().map_err(|e: time::TimeError| {
                invalid(Diagnostic::error(Some(at), e.to_string()))
            })?,
            None => doc_type,
        };
        let mut text = String::new();
        for t in time::tag(&doc.text, doc.dct, doc_type) {
            // A JSON object's keys come in alphabetical order (serde_json's
            // map is sorted), so `doc` takes its place among the others.
            let mut v = serde_json::to_value(&t).map_err(unwritable)?;
            v["doc"] = doc.id.as_str().into();
            text.push_str(&v.to_string());
            text.push('\n');
        }
        Ok(text)
    };
    for_each_line(path, reader, work, &mut |text: String| {
        out.write_all(text.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))
    })
}

/// One article of a batch, extracted.
#[derive(Debug)]
pub struct Extracted {
    /// The article's `id` exactly as the batch gave it (its store's source
    /// id is the slug of it).
    pub doc: String,
    /// Its source, events and links.
    pub store: Store,
}

/// Extracts the events of a batch of articles (`{"id", "published",
/// "title", "outlet", "url", "text"}` lines) and gives each article's
/// store to `emit`, in input order. Bad lines are reported together at the
/// end ([`BatchError::Lines`], each at its line) after every good one has been
/// given.
///
/// ```
/// use annals::batch::{extract_docs, BatchError};
/// use annals::extract::Lexicon;
///
/// let batch = r#"{"id": "a", "published": "2020-09-29", "text": "Rockets hit the US embassy in Baghdad on Sunday."}
/// {"id": "b", "published": "2020-09-29"}
/// "#;
/// let mut stores = Vec::new();
/// let bad = extract_docs("batch.jsonl", batch.as_bytes(), Lexicon::shipped(), &mut |x| {
///     stores.push(x.store);
///     Ok(())
/// });
/// assert_eq!(stores[0].sources[0].id, "a");
/// let Err(annals::Error::Batch(BatchError::Lines(problems))) = bad else {
///     panic!("line 2 has no text")
/// };
/// assert!(problems[0].to_string().starts_with("batch.jsonl:2:"));
/// ```
pub fn extract_docs<R: BufRead>(
    path: &str,
    reader: R,
    lexicon: &Lexicon,
    emit: &mut dyn FnMut(Extracted) -> Result<()>,
) -> Result<()> {
    let work = |chunk: &[(usize, String)]| -> Vec<Result<Extracted>> {
        let articles = map(chunk, |(n, line)| {
            extract::article::batch_line(path, *n, line)
        });
        let good: Vec<&Article> = articles.iter().filter_map(|a| a.as_ref().ok()).collect();
        let furniture = Furniture::of(&good);
        let stores = map(&articles, |a| {
            let a = a.as_ref().ok()?;
            Some(extract::extract_in_batch(a, lexicon, &furniture))
        });
        articles
            .into_iter()
            .zip(stores)
            .map(|(a, s)| {
                a.map(|a| Extracted {
                    doc: a.doc,
                    store: s.unwrap_or_default(),
                })
            })
            .collect()
    };
    for_each_chunk(path, reader, work, emit)
}

/// As [`for_each_line`], with the lines worked on [`WINDOW`] at a time:
/// `work` gets a chunk's lines with their numbers and gives one result a
/// line, in order. For work that looks across the documents of a batch.
fn for_each_chunk<R: BufRead, T: Send>(
    path: &str,
    reader: R,
    work: impl Fn(&[(usize, String)]) -> Vec<Result<T>>,
    emit: &mut dyn FnMut(T) -> Result<()>,
) -> Result<()> {
    let mut lines = crate::input::batch_lines(path, reader);
    let mut problems = Vec::new();
    loop {
        let mut chunk = Vec::with_capacity(WINDOW);
        for item in lines.by_ref().take(WINDOW) {
            match item? {
                (n, Ok(line)) => chunk.push((n, line)),
                (n, Err(d)) => problems.push((n, vec![d])),
            }
        }
        if chunk.is_empty() {
            break;
        }
        for ((n, _), r) in chunk.iter().zip(work(&chunk)) {
            match r.map_err(of_a_line) {
                Ok(t) => emit(t)?,
                Err(Ok(d)) => problems.push((*n, d)),
                Err(Err(e)) => return Err(e),
            }
        }
    }
    reported(problems)
}

/// [`extract_docs`] printed as JSON Lines ([`store_lines`]): each
/// article's source, events and links, which read back as a store.
///
/// ```
/// use annals::extract::Lexicon;
///
/// let batch = r#"{"id": "a", "published": "2020-09-29", "text": "Rockets hit the US embassy in Baghdad on Sunday."}"#;
/// let mut out = Vec::new();
/// annals::batch::print_docs("batch.jsonl", batch.as_bytes(), Lexicon::shipped(), &mut out)?;
/// let lines = String::from_utf8(out).unwrap();
/// let store = annals::store::parse("batch.jsonl", &lines).0.store;
/// assert_eq!(store.sources[0].id, "a");
/// assert!(!store.events.is_empty());
/// # Ok::<(), annals::Error>(())
/// ```
pub fn print_docs<R: BufRead>(
    path: &str,
    reader: R,
    lexicon: &Lexicon,
    out: &mut dyn Write,
) -> Result<()> {
    extract_docs(path, reader, lexicon, &mut |x: Extracted| {
        let text = store_lines(Some(&x.doc), &x.store)?;
        out.write_all(text.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))
    })
}
