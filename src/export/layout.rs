//! The layout of serde_json's pretty printer (two-space indents,
//! `"key": value`, `[]` and `{}` when empty), byte for byte, in fewer
//! writes: a line break and its indent are one write, and so are a key's
//! quotes with what surrounds them. The JSON timeline of a million events
//! is a gigabyte of such small pieces.

use std::io::{self, Write};

use serde_json::ser::Formatter;

/// `,\n` and enough spaces for 64 levels; deeper levels write in pieces.
const BREAK: &[u8; 130] = &{
    let mut b = [b' '; 130];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// serde_json's `PrettyFormatter` with two-space indents, in fewer writes.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    depth: usize,
    /// Whether the container being written has a value yet.
    has_value: bool,
    /// Whether a key's opening quote is written (its string's own quotes
    /// are then left out).
    in_key: bool,
}

impl Layout {
    /// `,` when not `first`, a line break and the indent, then `tail`.
    fn line<W: ?Sized + Write>(&self, w: &mut W, first: bool, tail: &[u8]) -> io::Result<()> {
        let mut from = usize::from(first);
        let mut left = self.depth * 2;
        while left + 2 > BREAK.len() {
            w.write_all(&BREAK[from..])?;
            left -= BREAK.len() - 2;
            from = 2;
        }
        w.write_all(&BREAK[from..2 + left])?;
        w.write_all(tail)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        match self.has_value {
            true => self.line(w, true, bracket),
            false => w.write_all(bracket),
        }
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }
}

impl Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.line(w, first, b"")
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.in_key = true;
        self.line(w, first, b"\"")
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }

    fn begin_string<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        match self.in_key {
            true => Ok(()),
            false => w.write_all(b"\""),
        }
    }

    fn end_string<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        match self.in_key {
            true => Ok(()),
            false => w.write_all(b"\""),
        }
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Layout;
    use serde::Serialize;
    use serde_json::json;
    use std::collections::BTreeMap;

    fn laid_out(value: &impl Serialize) -> String {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, Layout::default());
        value.serialize(&mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_what_serde_json_pretty_prints() {
        let text: String = (0..0x80u8)
            .map(char::from)
            .chain("é → 😀 \u{2028}".chars())
            .collect();
        let value = json!({
            "a": "quote \" back\\slash \n tab\t \u{1} é → 😀",
            "every character": text,
            "key \"quoted\"\n": {"": []},
            "empty": [],
            "nested": {"list": [1, 2.5, null, {"x": {}}, [[], [true]]], "none": null},
            "n": 1e300,
            "small": 0.001,
            "one": 1.0,
        });
        assert_eq!(
            laid_out(&value),
            serde_json::to_string_pretty(&value).unwrap()
        );
        let numbered: BTreeMap<u32, Vec<u8>> = [(1, vec![2]), (3, vec![])].into();
        assert_eq!(
            laid_out(&numbered),
            serde_json::to_string_pretty(&numbered).unwrap()
        );
    }

    #[test]
    fn indents_past_what_one_write_holds() {
        let mut deep = json!("bottom");
        for i in 0..150 {
            deep = match i % 2 {
                0 => json!([deep, 1]),
                _ => json!({"k": deep, "": {}}),
            };
        }
        assert_eq!(
            laid_out(&deep),
            serde_json::to_string_pretty(&deep).unwrap()
        );
    }
}
