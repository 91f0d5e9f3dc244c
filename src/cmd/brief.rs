//! `annals brief`.

use std::io::Write;
use std::process::{Command, Stdio};

use annals::export::brief::{self, Brief};
use annals::export::dot::{self, Layout, Options};
use annals::graph::CausalGraph;

use super::dot::{render, Render};

/// Output formats of `annals brief`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Markdown.
    Md,
    /// One self-contained HTML page (the diagram inline when Graphviz is
    /// installed).
    Html,
    /// `{"key_dates": [{"date", "salience", "events"}]}`, in date order.
    Json,
}

/// Arguments of `annals brief`.
#[derive(clap::Args)]
pub struct Args {
    /// A store folder, a single file, or `-` for JSON Lines on standard input.
    pub path: String,
    /// How many key dates.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    pub format: Format,
    /// Title of the brief.
    #[arg(long, default_value = "Brief")]
    pub title: String,
}

/// Prints the brief.
pub fn run(args: Args, out: &mut dyn Write) -> annals::Result<u8> {
    // What happened: a purpose or an unrealised effect is only an end of
    // a causal link ([`annals::model::LINK_END`]), for `dot`, `why` and
    // `impact`.
    let store = annals::store::load(&args.path)?.happenings();
    let graph = CausalGraph::new(&store);
    let b = Brief::new(&graph, args.top, &args.title);
    if b.lines.is_empty() {
        super::note("note: no event is dated to one day, so the brief has no key dates");
    }
    let text = match args.format {
        Format::Md => brief::markdown(&b),
        Format::Json => brief::json(&b)?,
        Format::Html => brief::html(&b, diagram(&b)?.as_deref()),
    };
    out.write_all(text.as_bytes())
        .map_err(|e| annals::Error::io("<stdout>", e))?;
    super::leave((text, b));
    super::leave(graph);
    super::leave(store);
    Ok(0)
}

/// The SVG of the brief's diagram, or `None` when Graphviz's `dot` is not
/// installed.
fn diagram(b: &Brief<'_, '_>) -> annals::Result<Option<String>> {
    let installed = Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !installed {
        super::note("note: Graphviz's `dot` is not installed; the page has no diagram");
        return Ok(None);
    }
    let options = Options {
        layout: Layout::Rows,
        per_row: None,
    };
    let text = dot::dot(b.graph, &b.diagram_nodes(), options);
    let svg = render(&text, Render::Svg)?;
    Ok(Some(String::from_utf8_lossy(&svg).into_owned()))
}
