//! JSON written value by value in the layout of serde_json's pretty
//! printer (two-space indents, `"key": value`, `[]` and `{}` when empty),
//! byte for byte, without going through `Serialize`: the JSON timeline of
//! a million events spent a quarter of its time in the generic printer.

use std::io::{self, Write};

use serde_json::ser::{CompactFormatter, Formatter};

/// A writer of pretty JSON. Open a container, then write keys (in an
/// object) or items (in an array) each followed by its value, then close.
pub(crate) struct Pretty<W: Write> {
    out: W,
    depth: usize,
    /// Whether the container being written has a value yet.
    has_value: bool,
}

impl<W: Write> Pretty<W> {
    /// A printer writing to `out`.
    pub fn new(out: W) -> Pretty<W> {
        Pretty {
            out,
            depth: 0,
            has_value: false,
        }
    }

    /// The writer, with everything written so far.
    pub fn into_inner(self) -> W {
        self.out
    }

    /// Opens an object (`b'{'`) or an array (`b'['`).
    pub fn open(&mut self, bracket: u8) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        self.out.write_all(&[bracket])
    }

    /// Closes what [`Pretty::open`] opened: `b'}'` or `b']'`.
    pub fn close(&mut self, bracket: u8) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline()?;
        }
        self.has_value = true;
        self.out.write_all(&[bracket])
    }

    fn newline(&mut self) -> io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        self.out.write_all(b"\n")?;
        let mut left = self.depth * 2;
        while left > 0 {
            let n = left.min(SPACES.len());
            self.out.write_all(&SPACES[..n])?;
            left -= n;
        }
        Ok(())
    }

    /// Starts the next item of an array; its value follows.
    pub fn item(&mut self) -> io::Result<()> {
        if self.has_value {
            self.out.write_all(b",")?;
        }
        self.newline()
    }

    /// Starts the member `key` of an object; its value follows.
    pub fn key(&mut self, key: &str) -> io::Result<()> {
        self.item()?;
        self.string(key)?;
        self.out.write_all(b": ")
    }

    /// A string value, escaped as serde_json escapes it: `"` and `\\`
    /// with a backslash, control characters as `\n`-style or `\u00XX`
    /// escapes, everything else as it is.
    pub fn string(&mut self, s: &str) -> io::Result<()> {
        self.has_value = true;
        self.out.write_all(b"\"")?;
        let bytes = s.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0..=0x1f => &[],
                _ => continue,
            };
            self.out.write_all(&bytes[start..i])?;
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let code = [
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 15)],
                ];
                self.out.write_all(&code)?;
            } else {
                self.out.write_all(escape)?;
            }
            start = i + 1;
        }
        self.out.write_all(&bytes[start..])?;
        self.out.write_all(b"\"")
    }

    /// A string value, or `null`.
    pub fn opt_string(&mut self, s: Option<&str>) -> io::Result<()> {
        match s {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    /// `null`.
    pub fn null(&mut self) -> io::Result<()> {
        self.has_value = true;
        self.out.write_all(b"null")
    }

    /// A whole number.
    pub fn uint(&mut self, n: u64) -> io::Result<()> {
        self.has_value = true;
        CompactFormatter.write_u64(&mut self.out, n)
    }

    /// A number as serde_json writes an `f64` (`null` when not finite).
    pub fn float(&mut self, x: f64) -> io::Result<()> {
        if !x.is_finite() {
            return self.null();
        }
        self.has_value = true;
        CompactFormatter.write_f64(&mut self.out, x)
    }

    /// `"key": "value"`.
    pub fn field(&mut self, key: &str, value: &str) -> io::Result<()> {
        self.key(key)?;
        self.string(value)
    }

    /// An array of strings.
    pub fn strings<'a>(&mut self, list: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
        self.open(b'[')?;
        for s in list {
            self.item()?;
            self.string(s)?;
        }
        self.close(b']')
    }

    /// A pair of whole numbers as an array (a span).
    pub fn pair(&mut self, [a, b]: [usize; 2]) -> io::Result<()> {
        self.open(b'[')?;
        for n in [a, b] {
            self.item()?;
            self.uint(n as u64)?;
        }
        self.close(b']')
    }
}

#[cfg(test)]
mod tests {
    use super::Pretty;
    use serde_json::json;

    #[test]
    fn escapes_every_character_as_serde_json_does() {
        let text: String = (0..0x80u8)
            .map(char::from)
            .chain("é → 😀 \u{2028}".chars())
            .collect();
        let mut p = Pretty::new(Vec::new());
        p.string(&text).unwrap();
        let mine = String::from_utf8(p.into_inner()).unwrap();
        assert_eq!(mine, serde_json::to_string(&text).unwrap());
    }

    #[test]
    fn writes_what_serde_json_pretty_prints() {
        let value = json!({
            "a": "quote \" back\\slash \n tab\t \u{1} é → 😀",
            "empty": [],
            "nested": {"list": [1, 2.5, null, {"x": {}}], "none": null},
            "n": 1e300,
            "small": 0.001,
            "one": 1.0,
        });
        let mut p = Pretty::new(Vec::new());
        p.open(b'{').unwrap();
        p.field("a", value["a"].as_str().unwrap()).unwrap();
        p.key("empty").unwrap();
        p.strings([]).unwrap();
        p.key("n").unwrap();
        p.float(1e300).unwrap();
        p.key("nested").unwrap();
        p.open(b'{').unwrap();
        p.key("list").unwrap();
        p.open(b'[').unwrap();
        p.item().unwrap();
        p.uint(1).unwrap();
        p.item().unwrap();
        p.float(2.5).unwrap();
        p.item().unwrap();
        p.float(f64::NAN).unwrap();
        p.item().unwrap();
        p.open(b'{').unwrap();
        p.key("x").unwrap();
        p.open(b'{').unwrap();
        p.close(b'}').unwrap();
        p.close(b'}').unwrap();
        p.close(b']').unwrap();
        p.key("none").unwrap();
        p.opt_string(None).unwrap();
        p.close(b'}').unwrap();
        p.key("one").unwrap();
        p.float(1.0).unwrap();
        p.key("small").unwrap();
        p.float(0.001).unwrap();
        p.close(b'}').unwrap();
        let mine = String::from_utf8(p.into_inner()).unwrap();
        assert_eq!(mine, serde_json::to_string_pretty(&value).unwrap());
    }
}
