//! `annals extract`: articles in, store files out.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use annals::extract::{Lexicon, Overrides};
use annals::model::Store;
use annals::store::write;
use annals::Error;
use chrono::NaiveDate;

/// Output formats of `annals extract`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A TOML store file.
    Toml,
    /// The store as JSON.
    Json,
}

/// Arguments of `annals extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Article files: .txt (title line, then body), .md (TOML front matter
    /// between +++ lines) or .html.
    #[arg(required_unless_present = "docs")]
    pub articles: Vec<PathBuf>,
    /// A batch: JSON Lines of {"id", "published", "title", "outlet", "url", "text"};
    /// prints each article's source, events and links as JSON Lines as it is
    /// read, every event with its `doc` (a store that every command reads
    /// from `-`; `annals merge -` merges it), or writes them merged with --out.
    #[arg(long, value_name = "FILE.jsonl", conflicts_with = "articles")]
    pub docs: Option<PathBuf>,
    /// Write `<article-id>.toml` into this store folder instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// With --out: add new findings to existing files, keeping every edit.
    #[arg(long, requires = "out")]
    pub update: bool,
    /// Keep each article's events apart: no merging of the reports of one
    /// happening across articles (a printed --docs batch is never merged).
    #[arg(long)]
    pub no_merge: bool,
    /// Output format when printing.
    #[arg(long, value_enum, default_value = "toml")]
    pub format: Format,
    /// Publication date, when the article does not give it.
    #[arg(long, value_parser = super::day_arg)]
    pub published: Option<NaiveDate>,
    /// Headline.
    #[arg(long)]
    pub title: Option<String>,
    /// Publisher.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Address of the article.
    #[arg(long)]
    pub url: Option<String>,
    /// Extra triggers, actors or places (TOML, like the shipped lexicon); repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
}

fn progress(n: usize) -> Option<indicatif::ProgressBar> {
    (n > 1 && std::io::stderr().is_terminal()).then(|| indicatif::ProgressBar::new(n as u64))
}

/// Runs the command.
pub fn run(args: Args, out: &mut dyn Write) -> annals::Result<u8> {
    let lexicon = if args.lexicon.is_empty() {
        Lexicon::shipped().clone()
    } else {
        Lexicon::with_extensions(&args.lexicon)?
    };
    let overrides = Overrides {
        published: args.published,
        title: args.title.clone(),
        outlet: args.outlet.clone(),
        url: args.url.clone(),
    };
    if let Some(docs) = &args.docs {
        return batch(docs, &args, &lexicon, out);
    }
    let stores = read_all(&args, &overrides, &lexicon)?;
    finish(&args, stores, out)
}

/// Prints or writes the stores extracted, merged unless `--no-merge`.
fn finish(args: &Args, stores: Vec<Store>, out: &mut dyn Write) -> annals::Result<u8> {
    let io = |e| Error::io("<stdout>", e);
    let merged = |stores: Vec<Store>| annals::merge::merge(annals::merge::concat(stores));
    let Some(dir) = &args.out else {
        let stores = if args.no_merge {
            stores
        } else {
            vec![merged(stores)]
        };
        for s in &stores {
            let text = match (args.docs.is_some(), args.format) {
                (true, _) => annals::export::json::store_lines(None, s)?,
                (false, Format::Toml) => write::toml_text(s)?,
                (false, Format::Json) => write::json_text(s)?,
            };
            out.write_all(text.as_bytes()).map_err(io)?;
        }
        return Ok(0);
    };
    if args.no_merge {
        write_all(dir, &stores, args.update)?;
    } else if args.update {
        let done = annals::merge::update::update(dir, stores, &mut written)?;
        super::note(format_args!(
            "{}: {} attached to existing events, {}, {}, {} deleted by hand and remembered",
            dir.display(),
            super::count(done.attached, "report"),
            super::count(done.events, "new event"),
            super::count(done.links, "new link"),
            super::count(done.rejected, "report"),
        ));
    } else {
        annals::merge::write_new(dir, merged(stores), &mut written).map_err(exists_help)?;
    }
    Ok(0)
}

/// Notes a file written on standard error.
fn written(w: &write::Written) {
    let (events, links) = if w.updated {
        ("new event", "new link")
    } else {
        ("event", "link")
    };
    super::note(format_args!(
        "{}: {}, {}",
        w.path.display(),
        super::count(w.events, events),
        super::count(w.links, links)
    ));
}

/// The existing-file error said in the command's flags.
fn exists_help(e: Error) -> Error {
    super::exists_in_flags(
        e,
        "run again with --update to add new findings and keep your edits, or choose another --out folder",
    )
}

/// Reads and extracts every article, noting each id that had to change
/// and showing progress on a terminal.
fn read_all(args: &Args, overrides: &Overrides, lexicon: &Lexicon) -> annals::Result<Vec<Store>> {
    let articles = annals::batch::read_articles(&args.articles, overrides, &mut |a, taken| {
        super::note(format_args!(
            "{}: the id `{taken}` is taken by an earlier article; written as `{}`",
            a.path, a.id
        ))
    })
    .map_err(|e| {
        super::no_date_in_flags(
            e,
            "give it with --published YYYY-MM-DD (relative dates like \"last week\" count from it)",
        )
    })?;
    let bar = progress(articles.len());
    let stores = annals::batch::extract_all(&articles, lexicon, &|| {
        if let Some(b) = &bar {
            b.inc(1);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(stores)
}

/// Writes each store into `dir` as it is, noting each file on standard error.
fn write_all(dir: &std::path::Path, stores: &[Store], update: bool) -> annals::Result<()> {
    write::write_stores(dir, stores, update, &mut written).map_err(exists_help)
}

/// `--docs`: printed as JSON Lines, or with `--out` written as store
/// files; the good documents of a batch are written even when some are bad,
/// and the bad ones reported afterwards with their lines.
fn batch(
    path: &std::path::Path,
    args: &Args,
    lexicon: &Lexicon,
    out: &mut dyn Write,
) -> annals::Result<u8> {
    let shown = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(&shown, e))?;
    let reader = std::io::BufReader::new(file);
    // Printed, a batch streams one document after another, each event
    // with the document it came from: the form programs and scorers read,
    // and memory stays flat however long the batch.
    if args.out.is_none() {
        annals::batch::print_docs(&shown, reader, lexicon, out)?;
        return Ok(0);
    }
    let mut stores = Vec::new();
    let result = annals::batch::extract_docs(&shown, reader, lexicon, &mut |x| {
        stores.push(x.store);
        Ok(())
    });
    let bad = match result {
        Ok(()) => None,
        Err(e @ Error::Batch(_)) => Some(e),
        Err(e) => return Err(e),
    };
    finish(args, stores, out)?;
    bad.map_or(Ok(0), Err)
}
