//! `annals why`, `annals impact` and `annals path`: walks of the causal graph.

use std::io::Write;

use annals::export;
use annals::graph::{CausalGraph, Direction};
use annals::Error;

/// Arguments of `annals why` and `annals impact`.
#[derive(clap::Args)]
pub struct TreeArgs {
    /// The event id.
    pub id: String,
    /// The store: a folder, a file, or `-` for JSON on standard input.
    pub path: String,
}

/// Arguments of `annals path`.
#[derive(clap::Args)]
pub struct PathArgs {
    /// The event the path starts from.
    pub from: String,
    /// The event the path leads to.
    pub to: String,
    /// The store: a folder, a file, or `-` for JSON on standard input.
    pub path: String,
}

fn tree(a: TreeArgs, direction: Direction, out: &mut dyn Write) -> annals::Result<u8> {
    let store = annals::store::load(&a.path)?;
    let graph = CausalGraph::new(&store);
    let root = graph
        .find(&a.id)
        .map_err(|e| super::unknown_event(e, None))?;
    out.write_all(export::walk::tree(&graph, root, direction).as_bytes())
        .map_err(|e| Error::io("<stdout>", e))?;
    Ok(0)
}

/// Runs `annals why`: the causal chain that led to an event.
pub fn why(a: TreeArgs, out: &mut dyn Write) -> annals::Result<u8> {
    tree(a, Direction::Causes, out)
}

/// Runs `annals impact`: what followed from an event.
pub fn impact(a: TreeArgs, out: &mut dyn Write) -> annals::Result<u8> {
    tree(a, Direction::Effects, out)
}

/// Runs `annals path`: the causal path from one event to another, or the
/// other way round; exit 1 when there is none.
pub fn path(a: PathArgs, out: &mut dyn Write) -> annals::Result<u8> {
    let store = annals::store::load(&a.path)?;
    let graph = CausalGraph::new(&store);
    let find = |id: &str| graph.find(id).map_err(|e| super::unknown_event(e, None));
    let (from, to) = (find(&a.from)?, find(&a.to)?);
    let io = |e| Error::io("<stdout>", e);
    let path = |from, to| export::walk::path(&graph, from, to);
    match path(from, to).or_else(|| path(to, from)) {
        Some(text) => {
            out.write_all(text.as_bytes()).map_err(io)?;
            Ok(0)
        }
        None => {
            writeln!(out, "no causal path between `{}` and `{}`", a.from, a.to).map_err(io)?;
            Ok(1)
        }
    }
}
