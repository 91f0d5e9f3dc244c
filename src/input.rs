//! Reading text people hand us: UTF-8 with or without a byte-order mark,
//! LF or CRLF line ends, and JSON Lines batches whose bad lines are
//! reported by number while the rest are read.

use std::io::BufRead;

use crate::error::{Diagnostic, Error, Location, Result};

/// The byte-order mark some editors put before UTF-8 text.
const BOM: char = '\u{feff}';

/// `text` without a leading byte-order mark.
pub(crate) fn without_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// `bytes` as text without a byte-order mark, or an error naming `path`
/// and the line of the first byte that is not UTF-8.
///
/// ```
/// let text = annals::input::utf8("a.txt", b"\xEF\xBB\xBFRockets hit.".to_vec())?;
/// assert_eq!(text, "Rockets hit.");
/// let latin1 = annals::input::utf8("b.txt", b"caf\xE9".to_vec()).unwrap_err();
/// assert!(latin1.to_string().contains("b.txt:1:4"));
/// # Ok::<(), annals::Error>(())
/// ```
pub fn utf8(path: &str, bytes: Vec<u8>) -> Result<String> {
    decoded(path, bytes).map_err(|d| Error::Invalid(vec![d]))
}

/// [`utf8`], its error the located problem alone, for the layers that
/// report it as their own.
pub(crate) fn decoded(path: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with(BOM) {
                text.drain(..BOM.len_utf8());
            }
            Ok(text)
        }
        Err(e) => {
            let bytes = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            Err(not_utf8(path, bytes, at, "file"))
        }
    }
}

/// The error for a byte at `at` of `bytes` (read from `path`) that is not
/// UTF-8, located by line and column.
fn not_utf8(path: &str, bytes: &[u8], at: usize, what: &str) -> Diagnostic {
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    Diagnostic::error(
        Some(Location::File {
            path: path.to_string(),
            line,
            column,
        }),
        format!("the {what} is not UTF-8 text (binary, or another encoding)"),
    )
    .with_help("convert it to UTF-8 text")
}

/// One line of a batch: its 1-based number and its text, or the problem
/// that made it unreadable (not UTF-8), located at `path:line`.
pub(crate) type BatchLine = (usize, std::result::Result<String, Diagnostic>);

/// The lines of a JSON Lines batch read from `reader` (named `path` in
/// messages), blank lines skipped, a byte-order mark on the first line and
/// CR before LF dropped. A line that is not UTF-8 comes back as its
/// diagnostic and reading goes on; only an I/O failure ends it.
pub(crate) fn batch_lines<R: BufRead>(
    path: &str,
    mut reader: R,
) -> impl Iterator<Item = Result<BatchLine>> {
    let mut n = 0;
    let path = path.to_string();
    // One buffer for every line, each line copied out at its length: a
    // buffer a line grew by doubling, five or six times a line.
    let mut buf = Vec::new();
    std::iter::from_fn(move || loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => return Some(Err(Error::io(&path, e))),
        }
        n += 1;
        let mut end = buf.len();
        while end > 0 && (buf[end - 1] == b'\n' || buf[end - 1] == b'\r') {
            end -= 1;
        }
        let line = match std::str::from_utf8(&buf[..end]) {
            Ok(text) if n == 1 => without_bom(text).to_string(),
            Ok(text) => text.to_string(),
            Err(e) => {
                let mut d = not_utf8(&path, &buf[..end], e.valid_up_to(), "line");
                if let Some(Location::File { line, .. }) = &mut d.location {
                    *line = n;
                }
                return Some(Ok((n, Err(d))));
            }
        };
        if !line.trim().is_empty() {
            return Some(Ok((n, Ok(line))));
        }
    })
}
