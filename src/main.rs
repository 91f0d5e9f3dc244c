//! The `annals` command: a thin front over the library. Each subcommand
//! parses its arguments and calls one library function.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

/// mimalloc: small blocks in size classes without a header each, so a
/// store's many short strings take less memory than with the system
/// allocator, and allocating them is faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Dated geopolitical events from news articles: causal graph, briefing
/// timelines, Graphviz diagrams.
#[derive(Parser)]
#[command(name = "annals", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a store: every problem with its location; exit 1 if any.
    Check(cmd::check::Args),
    /// Print the chronological briefing timeline.
    Timeline(cmd::timeline::Args),
    /// Print a Graphviz DOT diagram of the causal graph.
    Dot(cmd::dot::Args),
    /// Print a one-page brief: the key dates, what they followed from, the
    /// causal chains and the sources.
    Brief(cmd::brief::Args),
    /// Print the causal chain that led to an event.
    Why(cmd::walk::TreeArgs),
    /// Print what followed from an event.
    Impact(cmd::walk::TreeArgs),
    /// Print the causal path between two events.
    Path(cmd::walk::PathArgs),
    /// Find and resolve temporal expressions in text.
    Timex(cmd::timex::Args),
    /// Pull dated events out of news articles.
    Extract(cmd::extract::Args),
    /// Merge the reports of one happening across stores into one event.
    Merge(cmd::merge::Args),
    /// Tag, lemmatize and parse text; print CoNLL-U.
    Parse(cmd::parse::Args),
    /// Print a shell completion script (bash: `annals completions bash >
    /// ~/.local/share/bash-completion/completions/annals`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (`annals man > annals.1; man ./annals.1`).
    Man,
}

/// Writes the completion script for `shell` or the man page of the command.
fn generate(command: &Command, out: &mut dyn Write) -> annals::Result<u8> {
    use clap::CommandFactory;
    let mut cli = Cli::command();
    let io = |e| annals::Error::io("<stdout>", e);
    match command {
        Command::Completions { shell } => {
            let mut buffer = Vec::new();
            clap_complete::generate(*shell, &mut cli, "annals", &mut buffer);
            out.write_all(&buffer).map_err(io)?;
        }
        _ => clap_mangen::Man::new(cli).render(out).map_err(io)?,
    }
    Ok(0)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let result = match cli.command {
        Command::Check(a) => cmd::check::run(a, &mut out),
        Command::Timeline(a) => cmd::timeline::run(a, &mut out),
        Command::Dot(a) => cmd::dot::run(a, &mut out),
        Command::Brief(a) => cmd::brief::run(a, &mut out),
        Command::Why(a) => cmd::walk::why(a, &mut out),
        Command::Impact(a) => cmd::walk::impact(a, &mut out),
        Command::Path(a) => cmd::walk::path(a, &mut out),
        Command::Timex(a) => cmd::timex::run(a, &mut out),
        Command::Extract(a) => cmd::extract::run(a, &mut out),
        Command::Merge(a) => cmd::merge::run(a, &mut out),
        Command::Parse(a) => cmd::parse::run(a, &mut out),
        c @ (Command::Completions { .. } | Command::Man) => generate(&c, &mut out),
    };
    let flushed = out.flush();
    match result.and_then(|code| {
        flushed
            .map(|_| code)
            .map_err(|e| annals::Error::io("<stdout>", e))
    }) {
        Ok(code) => ExitCode::from(code),
        Err(annals::Error::Io { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            cmd::note(&e);
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
