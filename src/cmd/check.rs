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
    // Standard output is written a line at a time: a buffer in front of it
    // spares a system call a message.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
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
        (0, w) => format!("ok, {}", super::count(w, "warning")),
        (e, w) => format!(
            "{}, {}",
            super::count(e, "error"),
            super::count(w, "warning")
        ),
    };
    writeln!(
        out,
        "{}: {}, {}, {}: {verdict}",
        args.path,
        super::count(s.events.len(), "event"),
        super::count(s.links.len(), "link"),
        super::count(s.sources.len(), "source"),
    )
    .map_err(io)?;
    out.flush().map_err(io)?;
    super::leave((loaded, diags));
    Ok(u8::from(errors > 0))
}
