//! `annals timex`: temporal expressions as JSON Lines.

use std::io::Write;

use annals::export::ExportError;
use annals::time::{self, DocType};
use annals::Error;
use chrono::NaiveDate;

/// Arguments of `annals timex`.
#[derive(clap::Args)]
pub struct Args {
    /// The text to tag: a file, or `-` (the default) for standard input.
    #[arg(default_value = "-", conflicts_with = "docs")]
    pub file: String,
    /// The reference date (publication date), e.g. 2020-09-29.
    #[arg(long, required_unless_present = "docs", value_parser = super::day_arg)]
    pub dct: Option<NaiveDate>,
    /// What relative expressions count from.
    #[arg(long = "type", default_value = "news", value_parser = parse_doc_type)]
    pub doc_type: DocType,
    /// A batch: JSON Lines of `{"id", "dct", "doc_type", "text"}`.
    #[arg(long, value_name = "FILE.jsonl")]
    pub docs: Option<String>,
}

fn parse_doc_type(s: &str) -> Result<DocType, time::TimeError> {
    s.parse()
}

/// Prints one JSON line per expression.
pub fn run(args: Args, out: &mut dyn Write) -> annals::Result<u8> {
    let io = |e| Error::io("<stdout>", e);
    if let Some(path) = &args.docs {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        annals::batch::timex_docs(path, std::io::BufReader::new(file), args.doc_type, out)?;
        return Ok(0);
    }
    let text = super::read_text(&args.file)?;
    let dct = args
        .dct
        .ok_or_else(|| Error::Usage("give --dct YYYY-MM-DD".into()))?;
    for t in time::tag(&text, dct, args.doc_type) {
        let line = serde_json::to_string(&t)
            .map_err(|e| Error::Export(ExportError::Unwritable(e.to_string())))?;
        writeln!(out, "{line}").map_err(io)?;
    }
    Ok(0)
}
