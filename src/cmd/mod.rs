//! One module per subcommand: its arguments and the call into the library.

pub mod brief;
pub mod check;
pub mod dot;
pub mod extract;
pub mod filter_args;
pub mod merge;
pub mod parse;
pub mod timeline;
pub mod timex;
pub mod walk;

/// Writes one line to standard error. A closed or broken standard error
/// (`annals ... 2>&1 | head -1`) is not a failure: the line is dropped.
pub fn note(line: impl std::fmt::Display) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// The text of `file`, or of standard input for `-`, read as every command
/// reads text (UTF-8, byte-order mark dropped, a bad byte located).
pub fn read_text(file: &str) -> annals::Result<String> {
    use std::io::Read;
    let (name, bytes) = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| annals::Error::io("<stdin>", e))?;
        ("<stdin>", bytes)
    } else {
        (
            file,
            std::fs::read(file).map_err(|e| annals::Error::io(file, e))?,
        )
    };
    annals::input::utf8(name, bytes)
}

/// `1 event`, `2 events`: a count and its noun, plural when not one.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The parser of a day option (`--dct`, `--published`): what is wrong, if
/// anything, without repeating the value.
pub fn day_arg(text: &str) -> Result<chrono::NaiveDate, String> {
    annals::model::date::parse_day(text).map_err(|e| e.reason)
}

/// A store file that exists ([`annals::store::StoreError::Exists`]) said
/// with `help` in the command's terms (its flags), which the library does
/// not know. Other errors pass unchanged.
pub fn exists_in_flags(e: annals::Error, help: &str) -> annals::Error {
    match e {
        annals::Error::Store(e @ annals::store::StoreError::Exists(_)) => {
            annals::Error::Invalid(with_help(e.diagnostics(), help))
        }
        other => other,
    }
}

/// An article without a publication date
/// ([`annals::extract::ExtractError::NoDate`]), alone or among other bad
/// articles, said with `help` in the command's terms. Other errors pass
/// unchanged.
pub fn no_date_in_flags(e: annals::Error, help: &str) -> annals::Error {
    use annals::extract::ExtractError;
    fn said(e: &ExtractError, help: &str) -> Vec<annals::Diagnostic> {
        match e {
            ExtractError::NoDate { .. } => with_help(e.diagnostics(), help),
            ExtractError::Articles(all) => all.iter().flat_map(|e| said(e, help)).collect(),
            other => other.diagnostics(),
        }
    }
    match e {
        annals::Error::Extract(e) => annals::Error::Invalid(said(&e, help)),
        other => other,
    }
}

fn with_help(diags: Vec<annals::Diagnostic>, help: &str) -> Vec<annals::Diagnostic> {
    diags.into_iter().map(|d| d.with_help(help)).collect()
}

/// An unknown event id as the command reports it: after `flag` when the id
/// came from one (`--around: no event ...`), with a hint on listing the
/// ids when the store has none close to it. Other errors pass unchanged.
pub fn unknown_event(e: annals::Error, flag: Option<&str>) -> annals::Error {
    let annals::Error::Graph(annals::graph::GraphError::UnknownEvent { closest, .. }) = &e else {
        return e;
    };
    let prefix = flag.map_or_else(String::new, |f| format!("{f}: "));
    let help = match closest {
        Some(_) => "",
        None => "\n  help: `annals timeline STORE --format csv` lists every id (the first column)",
    };
    annals::Error::Usage(format!("{prefix}{e}{help}"))
}

/// Leaves `value`'s memory to the operating system, which takes all of a
/// process's back at once when it exits: freeing a store of a million
/// records piece by piece would cost a second more. Only for plain data
/// (records, graphs, text) a command has finished with, never for files,
/// locks or buffered writers, whose drop does work.
pub fn leave<T>(value: T) {
    std::mem::forget(value);
}
