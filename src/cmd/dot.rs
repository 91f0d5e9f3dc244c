//! `annals dot`.

use std::io::Write;

/// Arguments of `annals dot`.
#[derive(clap::Args)]
pub struct Args {
    /// A store folder, a single file, or `-` for JSON Lines on standard input.
    pub path: Vec<String>,
}

/// Runs the command; returns the exit code.
pub fn run(_args: Args, _out: &mut dyn Write) -> annals::Result<u8> {
    Err(annals::Error::Usage(
        "`annals dot` is not implemented yet".into(),
    ))
}
