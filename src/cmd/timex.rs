//! `annals timex`: temporal expressions as JSON Lines.

use std::io::{Read, Write};

use annals::input;
use annals::time::{self, DocType, Timex};
use annals::{Diagnostic, Error, Location};
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::json;

/// Arguments of `annals timex`.
#[derive(clap::Args)]
pub struct Args {
    /// The text to tag: a file, or `-` (the default) for standard input.
    #[arg(default_value = "-", conflicts_with = "docs")]
    pub file: String,
    /// The reference date (publication date), e.g. 2020-09-29.
    #[arg(long, required_unless_present = "docs", value_parser = annals::model::date::day_arg)]
    pub dct: Option<NaiveDate>,
    /// What relative expressions count from.
    #[arg(long = "type", default_value = "news", value_parser = parse_doc_type)]
    pub doc_type: DocType,
    /// A batch: JSON Lines of `{"id", "dct", "doc_type", "text"}`.
    #[arg(long, value_name = "FILE.jsonl")]
    pub docs: Option<String>,
}

fn parse_doc_type(s: &str) -> Result<DocType, String> {
    s.parse()
}

fn line(t: &Timex, doc: Option<&str>) -> serde_json::Value {
    let mut v = json!({
        "begin": t.begin,
        "end": t.end,
        "text": t.text,
        "type": t.kind,
        "value": t.value,
        "mod": t.modifier,
    });
    if let Some(d) = &t.date {
        v["earliest"] = (!d.open_start()).then(|| d.earliest().to_string()).into();
        v["latest"] = (!d.open_end()).then(|| d.latest().to_string()).into();
        v["granularity"] = d.granularity().as_str().into();
    }
    if let Some(doc) = doc {
        v["doc"] = doc.into();
    }
    v
}

#[derive(Deserialize)]
struct Doc {
    id: String,
    #[serde(deserialize_with = "annals::model::date::deserialize_day")]
    dct: NaiveDate,
    #[serde(default)]
    doc_type: Option<String>,
    text: String,
}

/// Prints one JSON line per expression.
pub fn run(args: Args, out: &mut dyn Write) -> annals::Result<u8> {
    let io = |e| Error::io("<stdout>", e);
    if let Some(path) = &args.docs {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let mut problems = Vec::new();
        for item in input::batch_lines(path, std::io::BufReader::new(file)) {
            let (n, text) = item?;
            let text = match text {
                Ok(t) => t,
                Err(d) => {
                    problems.push(d);
                    continue;
                }
            };
            let at = Location::File {
                path: path.clone(),
                line: n,
                column: 1,
            };
            let doc: Doc = match serde_json::from_str(&text) {
                Ok(d) => d,
                Err(e) => {
                    problems.push(Diagnostic::error(Some(at), format!("bad document: {e}")).with_help(
                        "each line must be {\"id\": ..., \"dct\": \"YYYY-MM-DD\", \"doc_type\": \"news\", \"text\": ...}",
                    ));
                    continue;
                }
            };
            let doc_type = match doc.doc_type.as_deref().map(str::parse).transpose() {
                Ok(t) => t.unwrap_or(args.doc_type),
                Err(e) => {
                    problems.push(Diagnostic::error(Some(at), e));
                    continue;
                }
            };
            for t in time::tag(&doc.text, doc.dct, doc_type) {
                writeln!(out, "{}", line(&t, Some(&doc.id))).map_err(io)?;
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid(problems));
        }
        return Ok(0);
    }
    let text = if args.file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io("<stdin>", e))?;
        input::utf8("<stdin>", bytes)?
    } else {
        input::read_text(&args.file)?
    };
    let dct = args
        .dct
        .ok_or_else(|| Error::Usage("give --dct YYYY-MM-DD".into()))?;
    for t in time::tag(&text, dct, args.doc_type) {
        writeln!(out, "{}", line(&t, None)).map_err(io)?;
    }
    Ok(0)
}
