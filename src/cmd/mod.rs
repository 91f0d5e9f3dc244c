//! One module per subcommand: its arguments and the call into the library.

pub mod check;
pub mod dot;
pub mod extract;
pub mod filter_args;
pub mod timeline;
pub mod timex;
pub mod walk;
