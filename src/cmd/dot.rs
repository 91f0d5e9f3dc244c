//! `annals dot`.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use annals::export::dot::{self, Layout, Options};

/// How the diagram's columns are laid out ([`Layout`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LayoutArg {
    /// Rows of columns, as many as keep the picture about 16:10.
    #[default]
    Rows,
    /// One row per month.
    Months,
    /// Everything on one line, however long.
    Line,
}

impl From<LayoutArg> for Layout {
    fn from(a: LayoutArg) -> Layout {
        match a {
            LayoutArg::Rows => Layout::Rows,
            LayoutArg::Months => Layout::Months,
            LayoutArg::Line => Layout::Line,
        }
    }
}
use annals::export::{select, why_empty};
use annals::graph::CausalGraph;
use annals::Error;

use super::filter_args::FilterArgs;

/// Past this many events a diagram no longer reads on a slide; the command
/// says how to cut it down.
const READABLE: usize = 150;

/// What `--render` asks Graphviz for.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Render {
    /// Scalable vector graphics.
    Svg,
    /// A bitmap (96 dpi).
    Png,
}

/// Arguments of `annals dot`.
#[derive(clap::Args)]
pub struct Args {
    /// A store folder, a single file, or `-` for JSON Lines on standard input.
    pub path: String,
    /// How columns of dates wrap: rows that keep a slide's proportions, a
    /// row per month, or one line.
    #[arg(long, value_enum, default_value = "rows")]
    pub layout: LayoutArg,
    /// With `--layout rows`: at most this many events a row.
    #[arg(long, value_name = "N")]
    pub per_row: Option<usize>,
    /// Run Graphviz's `dot` and print the picture instead of the DOT text.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub render: Option<Render>,
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// Prints the DOT diagram, or the picture Graphviz draws of it; says on
/// standard error how to cut down a diagram too large to read.
pub fn run(args: Args, out: &mut dyn Write) -> annals::Result<u8> {
    if args.per_row == Some(0) {
        return Err(Error::Usage(
            "--per-row must be at least 1 event".to_string(),
        ));
    }
    let store = annals::store::load(&args.path)?;
    let graph = CausalGraph::new(&store);
    let filter = args.filters.filter()?;
    let nodes = select(&graph, &filter).map_err(|e| super::unknown_event(e, Some("--around")))?;
    if nodes.is_empty() {
        super::note(format_args!("note: {}", why_empty(&graph, &filter)));
    }
    if nodes.len() > READABLE {
        super::note(format_args!(
            "note: {} events will not read on one slide (about {} do). Cut the diagram down with \
             --top N (the most salient events), --min-reports K, --from/--to, --actor, --kind, --place, --tag or \
             --around ID --depth N.",
            nodes.len(),
            READABLE
        ));
    }
    let options = Options {
        layout: args.layout.into(),
        per_row: args.per_row,
    };
    let io = |e| Error::io("<stdout>", e);
    // Standard output is written a line at a time: the DOT text streams
    // through a buffer.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    match args.render {
        None => dot::write_dot(&graph, &nodes, options, &mut out).map_err(io)?,
        Some(format) => {
            let picture = render(&dot::dot(&graph, &nodes, options), format)?;
            out.write_all(&picture).map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    super::leave((nodes, graph));
    super::leave(store);
    Ok(0)
}

/// Runs `dot -Tsvg` or `dot -Tpng` on `text`; Graphviz's warnings go to
/// standard error as they are.
pub fn render(text: &str, format: Render) -> annals::Result<Vec<u8>> {
    let flag = match format {
        Render::Svg => "-Tsvg",
        Render::Png => "-Tpng",
    };
    let mut child = Command::new("dot")
        .arg(flag)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| {
            Error::Usage(format!(
                "--render needs Graphviz's `dot`, which could not be run ({e}); install Graphviz \
                 (apt-get install graphviz, brew install graphviz, or https://graphviz.org), or \
                 leave out --render and pipe the DOT text: annals dot PATH | dot {flag}"
            ))
        })?;
    let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err(Error::Usage(
            "could not talk to Graphviz's `dot`".to_string(),
        ));
    };
    let input = text.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut picture = Vec::new();
    stdout
        .read_to_end(&mut picture)
        .map_err(|e| Error::io("dot", e))?;
    let status = child.wait().map_err(|e| Error::io("dot", e))?;
    let fed = writer.join().unwrap_or(Ok(()));
    if !status.success() {
        return Err(Error::Usage(format!(
            "Graphviz's `dot {flag}` failed ({status}); its messages are above"
        )));
    }
    fed.map_err(|e| Error::io("dot", e))?;
    Ok(picture)
}
