//! `annals dot`.

use std::io::Write;

use annals::export::dot::{self, Cluster};
use annals::export::select;
use annals::graph::CausalGraph;

use super::filter_args::FilterArgs;

/// Arguments of `annals dot`.
#[derive(clap::Args)]
pub struct Args {
    /// A store folder, a single file, or `-` for JSON Lines on standard input.
    pub path: String,
    /// How to group events into boxes.
    #[arg(long, value_enum, default_value = "month")]
    pub cluster: Cluster,
    #[command(flatten)]
    pub filters: FilterArgs,
}

/// Prints the DOT diagram; warns on standard error when Graphviz will be slow.
pub fn run(args: Args, out: &mut dyn Write) -> annals::Result<u8> {
    let store = annals::store::load(&args.path)?;
    let graph = CausalGraph::new(&store);
    let nodes = select(&graph, &args.filters.filter())?;
    if nodes.len() > dot::SLOW_LAYOUT {
        super::note(format_args!(
            "warning: {} events; Graphviz gets very slow past about {}. Narrow the diagram with \
             --from/--to, --actor, --kind, --place, --tag or --around ID --depth N.",
            nodes.len(),
            dot::SLOW_LAYOUT
        ));
    }
    out.write_all(dot::dot(&graph, &nodes, args.cluster).as_bytes())
        .map_err(|e| annals::Error::io("<stdout>", e))?;
    Ok(0)
}
