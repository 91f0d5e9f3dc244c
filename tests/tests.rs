//! All integration tests, compiled as one binary.

mod actors;
mod batch;
mod brief;
mod cli;
mod dates;
mod diagrams;
mod exports;
mod extract;
mod extract_check;
mod extract_rules;
mod ids;
mod matrix;
mod merge;
mod parse;
mod pipes;
mod rank;
mod readme;
mod retold;
mod robust;
mod store;
mod stores;
mod text;
mod timex;
mod util;
mod writes;
