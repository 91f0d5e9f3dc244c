//! `annals check`.

use std::io::Write;

use annals::{Error, Severity};

/// Arguments of `annals check`.
#[derive(clap::Args)]
pub struct Args {
    /// A store folder, a single file, or `-` for JSON Lines on standard input.
    pub path: String,
}

/// Prints every problem of the store, then a summary; exit 1 on any error.
pub fn run(args: Args, out: &mut dyn Write) -> annals::Result<u8> {
    let (loaded, mut diags) = annals::store::read(&args.path)?;
    diags.extend(annals::graph::check::check(&loaded));
    let io = |e| Error::io("<stdout>", e);
    for d in &diags {
        writeln!(out, "{d}").map_err(io)?;
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let s = &loaded.store;
    let verdict = match (errors, warnings) {
        (0, 0) => "ok".to_string(),
        (0, w) => format!("ok, {w} warning{}", plural(w)),
        (e, w) => format!("{e} error{}, {w} warning{}", plural(e), plural(w)),
    };
    writeln!(
        out,
        "{}: {} event{}, {} link{}, {} source{}: {verdict}",
        args.path,
        s.events.len(),
        plural(s.events.len()),
        s.links.len(),
        plural(s.links.len()),
        s.sources.len(),
        plural(s.sources.len()),
    )
    .map_err(io)?;
    Ok(u8::from(errors > 0))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
