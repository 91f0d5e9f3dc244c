//! All integration tests, compiled as one binary.

mod cli;
mod dates;
mod exports;
mod store;
mod timex;
mod util;
