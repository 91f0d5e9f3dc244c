//! The one error type of the library, and the diagnostics it carries.
//!
//! Bad input is normal input: a store with a typo, an article without a
//! date. So an error is mostly a list of [`Diagnostic`]s, each saying where
//! (file, line and column, or document id and offset), what is wrong and how
//! to fix it, and all of them are reported at once.

use std::fmt;

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Location {
    /// A position in a file, 1-based line and column (columns count
    /// characters, as editors do).
    File {
        /// The path as the user gave it.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A whole file, when no position applies.
    Path(String),
    /// A document of a batch and a code-point offset into its text.
    Document {
        /// The document's id.
        id: String,
        /// Code-point offset.
        offset: usize,
    },
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File { path, line, column } => write!(f, "{path}:{line}:{column}"),
            Location::Path(path) => f.write_str(path),
            Location::Document { id, offset } => write!(f, "{id}@{offset}"),
        }
    }
}

/// How bad a problem is: errors make `annals check` fail, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The store is wrong.
    Error,
    /// The store is valid but probably not what was meant.
    Warning,
}

/// One problem, with its place and a hint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    /// Where; `None` for problems of the store as a whole.
    pub location: Option<Location>,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `location`.
    pub fn error(location: Option<Location>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            location,
            severity: Severity::Error,
            message: message.into(),
            help: None,
        }
    }

    /// A warning at `location`.
    pub fn warning(location: Option<Location>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(location, message)
        }
    }

    /// Adds a hint on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{loc}: ")?;
        }
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in the library: each layer's own error
/// type, whose kinds a caller can match on (`Error::Graph(GraphError::
/// UnknownEvent { .. })`, `Error::Extract(ExtractError::NoDate { .. })`,
/// `Error::Store(StoreError::Invalid(problems))`,
/// `Error::Batch(BatchError::Lines(problems))`), a file that cannot be
/// read or written ([`Error::Io`], the same problem with the same fix in
/// any layer), and text that is not UTF-8 ([`Error::Invalid`]).
///
/// Located problems are reported all at once, each kind holding its list:
/// a store's load lists every problem of every file
/// ([`crate::store::StoreError::Invalid`]), a treebank every bad line
/// ([`crate::text::TextError::Treebank`]), and a batch every bad line in
/// line order whatever layer found it ([`crate::batch::BatchError::Lines`]:
/// JSON, encoding and article problems together).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path as the user gave it.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Text that is not UTF-8 ([`crate::input::utf8`]), located at its
    /// first bad byte; an application's own located problems (the command
    /// line says the library's in its terms with it).
    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
    /// A batch with lines that could not be worked on.
    #[error(transparent)]
    Batch(#[from] crate::batch::BatchError),
    /// The text layer: a treebank with bad lines, a model that cannot be
    /// read or trained.
    #[error(transparent)]
    Text(#[from] crate::text::TextError),
    /// The time layer: a document type it does not know.
    #[error(transparent)]
    Time(#[from] crate::time::TimeError),
    /// The extract layer: an article that cannot be read, a lexicon that
    /// cannot be loaded.
    #[error(transparent)]
    Extract(#[from] crate::extract::ExtractError),
    /// The store layer: store text with problems, a store that cannot be
    /// written as asked.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// The graph layer: an event id the store does not have.
    #[error(transparent)]
    Graph(#[from] crate::graph::GraphError),
    /// The export layer: a record that cannot be written.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// A request that cannot be carried out as asked (conflicting
    /// options); the command line's own errors.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The process exit code for this error: 1 for invalid input (and
    /// output that cannot be written from it), 2 for usage and I/O problems
    /// (the convention of `grep` and `diff`).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Invalid(_)
            | Error::Batch(_)
            | Error::Text(crate::text::TextError::Treebank(_))
            | Error::Extract(_)
            | Error::Store(_)
            | Error::Export(_) => 1,
            Error::Io { .. }
            | Error::Text(_)
            | Error::Time(_)
            | Error::Graph(_)
            | Error::Usage(_) => 2,
        }
    }
}

/// A file's path and where its lines start, enough to turn a byte offset
/// into a line and a column counted in characters without the text: the
/// few lines that are not ASCII are kept, the others need no text.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileLines {
    path: String,
    starts: Vec<usize>,
    /// `(line index, text)` of each line that is not ASCII, in order.
    wide: Vec<(usize, Box<str>)>,
}

impl FileLines {
    /// Indexes `text`, read from `path`.
    pub(crate) fn new(path: &str, text: &str) -> FileLines {
        let mut lines = FileLines {
            path: path.to_string(),
            starts: vec![0],
            wide: Vec::new(),
        };
        let bytes = text.as_bytes();
        lines.starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        if !text.is_ascii() {
            for (i, &start) in lines.starts.iter().enumerate() {
                let end = lines.starts.get(i + 1).map_or(text.len(), |&e| e);
                let line = text.get(start..end).unwrap_or("");
                if !line.is_ascii() {
                    lines.wide.push((i, line.into()));
                }
            }
        }
        lines
    }

    /// The location of a byte offset, clamped to the end of the file.
    pub(crate) fn location(&self, offset: usize) -> Location {
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.starts[line];
        let bytes = offset - start;
        let column = match self.wide.binary_search_by_key(&line, |w| w.0) {
            Ok(k) => {
                let text = &self.wide[k].1;
                let bytes = bytes.min(text.len());
                text.get(..bytes).map_or(bytes, |s| s.chars().count())
            }
            Err(_) => bytes,
        };
        Location::File {
            path: self.path.clone(),
            line: line + 1,
            column: column + 1,
        }
    }
}

/// A TOML error `e` of the file `path`, whose TOML starts at byte `shift`
/// of its `text`, as an error at the line and column serde points to, its
/// message written by `message` from serde's.
pub(crate) fn toml_error(
    path: &str,
    text: &str,
    shift: usize,
    e: &toml::de::Error,
    message: impl FnOnce(&str) -> String,
) -> Diagnostic {
    let at = shift + e.span().map_or(0, |s| s.start);
    let loc = FileLines::new(path, text).location(at);
    Diagnostic::error(Some(loc), message(e.message().trim()))
}

/// A data file built into the crate, loaded. What is wrong with one is a
/// defect of the build, reported with its location by the test suite
/// (`cargo test shipped`, which loads every one of them), so a build whose
/// tests pass never stops here; were one broken, it stops with that
/// location rather than working on an empty table.
pub(crate) fn shipped<T, E: fmt::Display>(loaded: std::result::Result<T, E>) -> T {
    loaded.unwrap_or_else(|e| panic!("a data file built into annals does not load:\n{e}"))
}

pub(crate) fn render(diags: &[Diagnostic]) -> String {
    let lines: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    lines.join("\n")
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
