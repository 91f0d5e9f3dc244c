//! `annals merge`: stores in, one merged store out.

use std::io::Write;
use std::path::PathBuf;

use annals::Error;

/// Arguments of `annals merge`.
#[derive(clap::Args)]
pub struct Args {
    /// The stores: folders, files, or `-` for JSON Lines on standard input.
    #[arg(required = true)]
    pub stores: Vec<String>,
    /// Write the merged store into this folder (one file a source) instead
    /// of printing it as JSON Lines.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args, out: &mut dyn Write) -> annals::Result<u8> {
    let mut stores = Vec::new();
    for path in &args.stores {
        stores.push(annals::store::load(path)?);
    }
    let before: usize = stores.iter().map(|s| s.events.len()).sum();
    let merged = annals::merge::merge(annals::merge::concat(stores));
    super::note(format_args!(
        "merged {} into {}",
        super::count(before, "event"),
        super::count(merged.events.len(), "event")
    ));
    let Some(dir) = &args.out else {
        let text = annals::export::json::store_lines(None, &merged)?;
        out.write_all(text.as_bytes())
            .map_err(|e| Error::io("<stdout>", e))?;
        return Ok(0);
    };
    annals::merge::write_new(dir, merged, &mut |_| {})
        .map_err(|e| super::exists_in_flags(e, "choose an empty --out folder"))?;
    Ok(0)
}
