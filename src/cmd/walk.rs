//! `annals why`, `annals impact` and `annals path`: walks of the causal graph.

use std::io::Write;

/// Arguments of `annals why`.
#[derive(clap::Args)]
pub struct WhyArgs {
    /// The event id.
    pub id: String,
    /// The store.
    #[arg(default_value = "events")]
    pub path: String,
}

/// Arguments of `annals impact`.
#[derive(clap::Args)]
pub struct ImpactArgs {
    /// The event id.
    pub id: String,
    /// The store.
    #[arg(default_value = "events")]
    pub path: String,
}

/// Arguments of `annals path`.
#[derive(clap::Args)]
pub struct PathArgs {
    /// The first event id.
    pub from: String,
    /// The second event id.
    pub to: String,
    /// The store.
    #[arg(default_value = "events")]
    pub path: String,
}

fn todo() -> annals::Result<u8> {
    Err(annals::Error::Usage("not implemented yet".into()))
}

/// Runs `annals why`.
pub fn why(_a: WhyArgs, _out: &mut dyn Write) -> annals::Result<u8> {
    todo()
}
/// Runs `annals impact`.
pub fn impact(_a: ImpactArgs, _out: &mut dyn Write) -> annals::Result<u8> {
    todo()
}
/// Runs `annals path`.
pub fn path(_a: PathArgs, _out: &mut dyn Write) -> annals::Result<u8> {
    todo()
}
