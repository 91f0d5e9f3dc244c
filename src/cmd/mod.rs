//! One module per subcommand: its arguments and the call into the library.

pub mod check;
pub mod dot;
pub mod extract;
pub mod filter_args;
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

/// `1 event`, `2 events`: a count and its noun, plural when not one.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
