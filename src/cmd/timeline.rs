//! `annals timeline`.

use std::io::Write;

use annals::export::{self, json, table, timeline};
use annals::graph::CausalGraph;

use super::filter_args::FilterArgs;

/// Output formats of `annals timeline`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Markdown briefing.
    Md,
    /// Aligned plain text.
    Text,
    /// `{"events": [...], "sources": [...], "links": [...]}`.
    Json,
    /// JSON Lines: sources, one event a line, links.
    Jsonl,
    /// One row an event.
    Csv,
    /// Knight Lab TimelineJS JSON.
    Timelinejs,
}

/// Arguments of `annals timeline`.
#[derive(clap::Args)]
pub struct Args {
    /// A store folder, a single file, or `-` for JSON Lines on standard input.
    pub path: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Title of the briefing (Markdown and TimelineJS).
    #[arg(long, default_value = "Timeline")]
    pub title: String,
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// Prints the chronological briefing.
pub fn run(args: Args, out: &mut dyn Write) -> annals::Result<u8> {
    // What happened: a purpose or an unrealised effect is only an end of
    // a causal link ([`annals::model::LINK_END`]), for `dot`, `why` and
    // `impact`, unless `--tag link-end` asks for them.
    let store = annals::store::load(&args.path)?;
    let asked = args
        .filters
        .tag
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case(annals::model::LINK_END));
    let store = if asked { store } else { store.happenings() };
    let graph = CausalGraph::new(&store);
    let filter = args.filters.filter()?;
    let nodes =
        export::select(&graph, &filter).map_err(|e| super::unknown_event(e, Some("--around")))?;
    if nodes.is_empty() {
        super::note(format_args!("note: {}", export::why_empty(&graph, &filter)));
    }
    let io = |e| annals::Error::io("<stdout>", e);
    // Standard output is written a line at a time: a buffer in front of it
    // lets the long formats stream without a system call a line.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let text = match args.format {
        Format::Md => {
            timeline::write_markdown(&graph, &nodes, &args.title, filter.from, &mut out)
                .map_err(io)?;
            String::new()
        }
        Format::Json => {
            json::write_timeline(&graph, &nodes, &mut out)?;
            String::new()
        }
        Format::Text => timeline::text(&graph, &nodes),
        Format::Jsonl => json::jsonl(&graph, &nodes)?,
        Format::Csv => table::csv(&graph, &nodes),
        Format::Timelinejs => json::timelinejs(&graph, &nodes, &args.title)?,
    };
    out.write_all(text.as_bytes()).map_err(io)?;
    out.flush().map_err(io)?;
    super::leave((text, nodes, graph));
    super::leave(store);
    Ok(0)
}
