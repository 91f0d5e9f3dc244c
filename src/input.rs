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

/// The lines of a batch as [`batch_lines`] gives them, each lent out of the
/// reader's own buffer until the next is read: a store's million lines are
/// read where they lie, and only a line that runs past the end of the
/// reader's buffer is gathered into one of ours.
pub(crate) struct Lines<R> {
    path: String,
    raw: RawLines<R>,
    n: usize,
}

impl<R: BufRead> Lines<R> {
    /// The lines of `reader`, named `path` in messages.
    pub(crate) fn new(path: &str, reader: R) -> Lines<R> {
        Lines {
            path: path.to_string(),
            raw: RawLines::new(reader),
            n: 0,
        }
    }

    /// The next line that is not blank; `None` at the end.
    pub(crate) fn next_line(&mut self) -> Option<Result<LentLine<'_>>> {
        let end = loop {
            let raw = match self.raw.next_raw()? {
                Ok(raw) => raw,
                Err(e) => return Some(Err(Error::io(&self.path, e))),
            };
            self.n += 1;
            let mut end = raw.len();
            while end > 0 && (raw[end - 1] == b'\n' || raw[end - 1] == b'\r') {
                end -= 1;
            }
            if !blank(&raw[..end], self.n == 1) {
                break end;
            }
        };
        let line = &self.raw.last()[..end];
        Some(Ok((self.n, lent(&self.path, self.n, line))))
    }

    /// Gives back the reader, standing just past the last line lent.
    pub(crate) fn release(self) {
        self.raw.release();
    }
}

/// The lines of a reader as they lie, each lent out of the reader's
/// buffer (or, when it runs past the buffer's end, gathered into ours)
/// until the next is asked for.
pub(crate) struct RawLines<R> {
    reader: R,
    /// A line gathered from more than one fill of the reader's buffer.
    buf: Vec<u8>,
    /// How many bytes of the reader's buffer the line lent last holds,
    /// taken from the reader when the next is asked for.
    lent: usize,
}

impl<R: BufRead> RawLines<R> {
    /// The lines of `reader`.
    pub(crate) fn new(reader: R) -> RawLines<R> {
        RawLines {
            reader,
            buf: Vec::new(),
            lent: 0,
        }
    }

    /// The next line, its line break included; `None` at the end. The
    /// reader stands just past it once the next is asked for.
    pub(crate) fn next_raw(&mut self) -> Option<std::io::Result<&[u8]>> {
        self.reader.consume(std::mem::take(&mut self.lent));
        self.buf.clear();
        loop {
            let (newline, filled) = match self.reader.fill_buf() {
                Ok(bytes) => (memchr::memchr(b'\n', bytes), bytes.len()),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            };
            match newline {
                Some(i) if self.buf.is_empty() => {
                    self.lent = i + 1;
                    return Some(self.reader.fill_buf().map(|bytes| &bytes[..=i]));
                }
                Some(i) => {
                    self.gather(i + 1);
                    return Some(Ok(&self.buf));
                }
                None if filled == 0 => return (!self.buf.is_empty()).then_some(Ok(&self.buf)),
                None => self.gather(filled),
            }
        }
    }

    /// The line [`RawLines::next_raw`] lent last, again.
    fn last(&mut self) -> &[u8] {
        match self.lent {
            0 => &self.buf,
            len => self.reader.fill_buf().map_or(&[], |bytes| &bytes[..len]),
        }
    }

    /// Gives back the reader, standing just past the last line lent.
    pub(crate) fn release(mut self) {
        self.reader.consume(self.lent);
    }

    /// Moves the first `len` bytes of the reader's buffer to ours.
    fn gather(&mut self, len: usize) {
        if let Ok(bytes) = self.reader.fill_buf() {
            self.buf.extend_from_slice(&bytes[..len]);
        }
        self.reader.consume(len);
    }
}

/// Line `n` of a batch read from `path`, as text, or why it is not.
fn lent<'a>(path: &str, n: usize, bytes: &'a [u8]) -> std::result::Result<&'a str, Diagnostic> {
    match std::str::from_utf8(bytes) {
        Ok(text) if n == 1 => Ok(without_bom(text)),
        Ok(text) => Ok(text),
        Err(e) => {
            let mut d = not_utf8(path, bytes, e.valid_up_to(), "line");
            if let Some(Location::File { line, .. }) = &mut d.location {
                *line = n;
            }
            Err(d)
        }
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

    /// Lines lent from a reader's buffer of any size, runs past its end
    /// gathered, are the lines `split` gives, and a released reader stands
    /// just past the last line lent.
    #[test]
    fn lines_are_the_same_whatever_the_reader_holds_at_once() {
        let text = "{\"a\"}\r\n\n  \nline three is longer than most\n\nx\ny\r\nlast";
        let split: Vec<(usize, &str)> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .enumerate()
            .map(|(i, l)| (i + 1, l))
            .filter(|(_, l)| !l.trim().is_empty())
            .collect();
        for capacity in 1..=text.len() + 1 {
            let reader = std::io::BufReader::with_capacity(capacity, text.as_bytes());
            let mut lines = Lines::new("b.jsonl", reader);
            let mut got = Vec::new();
            while let Some(item) = lines.next_line() {
                let (n, line) = item.unwrap();
                got.push((n, line.unwrap().to_string()));
            }
            let got: Vec<(usize, &str)> = got.iter().map(|(n, l)| (*n, l.as_str())).collect();
            assert_eq!(got, split, "capacity {capacity}");

            let mut reader = std::io::BufReader::with_capacity(capacity, text.as_bytes());
            let mut lines = Lines::new("b.jsonl", &mut reader);
            assert!(lines.next_line().is_some());
            assert!(lines.next_line().is_some());
            lines.release();
            let mut rest = String::new();
            std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
            assert_eq!(rest, "\nx\ny\r\nlast", "capacity {capacity}");
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
