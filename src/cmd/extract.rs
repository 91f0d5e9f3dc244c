//! `annals extract`.

use std::io::Write;

/// Arguments of `annals extract`.
#[derive(clap::Args)]
pub struct Args {
    /// A store folder, a single file, or `-` for JSON Lines on standard input.
    pub path: Vec<String>,
}

/// Runs the command; returns the exit code.
pub fn run(_args: Args, _out: &mut dyn Write) -> annals::Result<u8> {
    Err(annals::Error::Usage(
        "`annals extract` is not implemented yet".into(),
    ))
}
