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
    reader: R,
) -> impl Iterator<Item = Result<BatchLine>> {
    let mut lines = Lines::new(path, reader);
    std::iter::from_fn(move || {
        let item = lines.next_line()?;
        Some(item.map(|(n, line)| (n, line.map(str::to_string))))
    })
}

/// One line of a batch lent by [`Lines::next_line`]: its 1-based number
/// and its text, or the problem that made it unreadable.
pub(crate) type LentLine<'a> = (usize, std::result::Result<&'a str, Diagnostic>);

/// The lines of a batch as [`batch_lines`] gives them, each lent out of one
/// buffer until the next is read: a store's million lines are read where
/// they lie, not copied out one by one.
pub(crate) struct Lines<R> {
    path: String,
    reader: R,
    buf: Vec<u8>,
    n: usize,
}

impl<R: BufRead> Lines<R> {
    /// The lines of `reader`, named `path` in messages.
    pub(crate) fn new(path: &str, reader: R) -> Lines<R> {
        Lines {
            path: path.to_string(),
            reader,
            buf: Vec::new(),
            n: 0,
        }
    }

    /// The next line that is not blank; `None` at the end.
    pub(crate) fn next_line(&mut self) -> Option<Result<LentLine<'_>>> {
        let end = loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(Error::io(&self.path, e))),
            }
            self.n += 1;
            let mut end = self.buf.len();
            while end > 0 && (self.buf[end - 1] == b'\n' || self.buf[end - 1] == b'\r') {
                end -= 1;
            }
            if !blank(&self.buf[..end], self.n == 1) {
                break end;
            }
        };
        let (n, bytes) = (self.n, &self.buf[..end]);
        let line = match std::str::from_utf8(bytes) {
            Ok(text) if n == 1 => Ok(without_bom(text)),
            Ok(text) => Ok(text),
            Err(e) => {
                let mut d = not_utf8(&self.path, bytes, e.valid_up_to(), "line");
                if let Some(Location::File { line, .. }) = &mut d.location {
                    *line = n;
                }
                Err(d)
            }
        };
        Some(Ok((n, line)))
    }
}

/// Whether a line (the `first` of its batch, which may start with a
/// byte-order mark) is UTF-8 text of nothing but whitespace, as
/// `str::trim` counts it: such a line is skipped. Most lines start with a
/// byte that settles it; only a line whose first byte that is not ASCII
/// whitespace is not ASCII is read as text here.
fn blank(bytes: &[u8], first: bool) -> bool {
    match bytes.iter().find(|&&b| !matches!(b, b' ' | b'\t'..=b'\r')) {
        None => true,
        Some(b) if b.is_ascii() => false,
        Some(_) => std::str::from_utf8(bytes).is_ok_and(|text| {
            let text = if first { without_bom(text) } else { text };
            text.trim().is_empty()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_blank_when_trimming_leaves_nothing() {
        let mut lines: Vec<Vec<u8>> = Vec::new();
        let pieces: [&[u8]; 12] = [
            b" ",
            b"\t",
            b"\x0b",
            b"\x0c",
            b"\r",
            b"\x1c",
            b"x",
            b"{",
            "\u{feff}".as_bytes(),
            "\u{3000}".as_bytes(),
            "\u{a0}é".as_bytes(),
            b"\xff",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    lines.push([a, b, c].concat());
                }
            }
        }
        lines.push(Vec::new());
        for line in &lines {
            for first in [true, false] {
                let trimmed = std::str::from_utf8(line).is_ok_and(|text| {
                    let text = if first { without_bom(text) } else { text };
                    text.trim().is_empty()
                });
                assert_eq!(blank(line, first), trimmed, "{line:?} first {first}");
            }
        }
    }

    #[test]
    fn lines_are_numbered_blank_ones_skipped_and_bad_ones_located() {
        let text: Vec<u8> = [
            "\u{feff}\u{3000}{\"a\"}\r\n".as_bytes(),
            b"\n",
            "  \u{3000}\n".as_bytes(),
            b"\xff\n",
            b"\x0b\n",
            b"last",
        ]
        .concat();
        let got: Vec<(usize, std::result::Result<String, String>)> =
            batch_lines("b.jsonl", &text[..])
                .map(|item| {
                    let (n, line) = item.unwrap();
                    (n, line.map_err(|d| d.to_string()))
                })
                .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0], (1, Ok("\u{3000}{\"a\"}".to_string())));
        assert_eq!(got[1].0, 4);
        assert!(
            got[1].1.as_ref().is_err_and(|e| e.contains("b.jsonl:4:1")),
            "{got:?}"
        );
        assert_eq!(got[2], (6, Ok("last".to_string())));
    }
}
