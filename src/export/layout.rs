//! A serde `Serializer` that writes serde_json's pretty layout (two-space
//! indents, `"key": value`, `[]` and `{}` when empty) byte for byte, for
//! the JSON timeline: a million events are a gigabyte of small pieces, and
//! serde_json's own serializer spent a third of the command on them
//! (escaping each string a byte at a time through its `Formatter`, a
//! write through the writer for every piece). Here every piece is
//! appended to one buffer, handed to the writer every 64 KiB; strings are
//! escaped eight bytes at a time, with serde_json's escapes; numbers,
//! booleans and map keys are written by serde_json itself.

use std::io::Write;

use serde::ser::{self, Serialize};

use crate::scan::{json_plain, json_special};

/// What the layout fails with: serde_json's error (an I/O failure is
/// `serde_json::Error::io`, a key that is not a string serde_json's own).
type Error = serde_json::Error;
type Result<T> = std::result::Result<T, Error>;

/// `value` as `serde_json::to_writer_pretty` writes it, into `out`.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> Result<()> {
    let mut pretty = Pretty {
        buf: Vec::with_capacity(FLUSH_AT + (FLUSH_AT >> 2)),
        out,
        depth: 0,
    };
    value.serialize(&mut pretty)?;
    pretty.flush()
}

/// The buffer is written out once it holds this much, between values.
const FLUSH_AT: usize = 1 << 16;

/// `,\n` and the indent of 64 levels; deeper levels take several writes.
const BREAK: &[u8; 130] = &{
    let mut b = [b' '; 130];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// The serializer: the text not yet written, the writer and the nesting.
struct Pretty<'w> {
    buf: Vec<u8>,
    out: &'w mut dyn Write,
    depth: usize,
}

impl<'w> Pretty<'w> {
    fn flush(&mut self) -> Result<()> {
        self.out.write_all(&self.buf).map_err(Error::io)?;
        self.buf.clear();
        Ok(())
    }

    /// `,` unless `first`, a line break and the indent of this depth.
    fn line(&mut self, first: bool) {
        let mut from = usize::from(first);
        let mut left = self.depth * 2;
        while left + 2 > BREAK.len() {
            self.buf.extend_from_slice(&BREAK[from..]);
            left -= BREAK.len() - 2;
            from = 2;
        }
        self.buf.extend_from_slice(&BREAK[from..2 + left]);
    }

    /// Opens a container with `bracket`: the elements go one level deeper.
    fn open(&mut self, bracket: u8) {
        self.buf.push(bracket);
        self.depth += 1;
    }

    /// Closes a container with `bracket`, on a line of its own unless it
    /// is empty (`first` still).
    fn close(&mut self, first: bool, bracket: u8) {
        self.depth -= 1;
        if !first {
            self.line(true);
        }
        self.buf.push(bracket);
    }

    /// A value with no layout of its own (a number, a boolean), as
    /// serde_json writes it.
    fn scalar<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        serde_json::to_writer(&mut self.buf, value)
    }

    /// Opens `{"variant": ` of an enum variant holding data.
    fn variant(&mut self, variant: &str) {
        self.open(b'{');
        self.line(true);
        escape(&mut self.buf, variant);
        self.buf.extend_from_slice(b": ");
    }

    fn compound(&mut self, bracket: u8, variant: bool) -> Compound<'_, 'w> {
        self.open(bracket);
        Compound {
            ser: self,
            first: true,
            variant,
        }
    }
}

/// What serde_json writes for each byte of a string: 0 for the byte
/// itself, else the letter of its escape (`u` for `\u00XX`).
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// `s` as a JSON string, quoted, with serde_json's escapes: `\"`, `\\`,
/// `\b \t \n \f \r` and `\u00XX` (lower-case hex) for the other control
/// characters; everything else as it is. Most strings need no escape and
/// are copied whole.
fn escape(buf: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    if json_plain(bytes) {
        buf.extend_from_slice(bytes);
    } else {
        escape_each(buf, bytes);
    }
    buf.push(b'"');
}

/// `bytes` with each byte that needs it escaped, the runs between copied
/// whole.
fn escape_each(buf: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut start = 0;
    let mut i = json_special(bytes, 0);
    while i < bytes.len() {
        let b = bytes[i];
        buf.extend_from_slice(&bytes[start..i]);
        match ESCAPE[usize::from(b)] {
            b'u' => buf.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xf)],
            ]),
            letter => buf.extend_from_slice(&[b'\\', letter]),
        }
        start = i + 1;
        i = json_special(bytes, start);
    }
    buf.extend_from_slice(&bytes[start..]);
}

/// A map key as serde_json writes it (a string, or a number or boolean
/// in quotes; anything else is its error): serde_json writes a map of
/// that one key, whose braces and `:null` are then dropped.
fn key<K: Serialize + ?Sized>(buf: &mut Vec<u8>, key: &K) -> Result<()> {
    struct One<'k, K: ?Sized>(&'k K);
    impl<K: Serialize + ?Sized> Serialize for One<'_, K> {
        fn serialize<S: ser::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            use ser::SerializeMap;
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry(self.0, &())?;
            map.end()
        }
    }
    let one = serde_json::to_vec(&One(key))?;
    // `{` + the key + `:null}`.
    buf.extend_from_slice(one.get(1..one.len().saturating_sub(6)).unwrap_or_default());
    Ok(())
}

impl<'a, 'w> ser::Serializer for &'a mut Pretty<'w> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'w>;
    type SerializeTuple = Compound<'a, 'w>;
    type SerializeTupleStruct = Compound<'a, 'w>;
    type SerializeTupleVariant = Compound<'a, 'w>;
    type SerializeMap = Compound<'a, 'w>;
    type SerializeStruct = Compound<'a, 'w>;
    type SerializeStructVariant = Compound<'a, 'w>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_i8(self, v: i8) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_i16(self, v: i16) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_i32(self, v: i32) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_i64(self, v: i64) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_i128(self, v: i128) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_u16(self, v: u16) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_u32(self, v: u32) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_u64(self, v: u64) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_u128(self, v: u128) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_f32(self, v: f32) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        self.scalar(&v)
    }
    fn serialize_char(self, v: char) -> Result<()> {
        escape(&mut self.buf, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        escape(&mut self.buf, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<()> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        self.buf.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<()> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<()> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.variant(variant);
        value.serialize(&mut *self)?;
        self.close(false, b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a, 'w>> {
        Ok(self.compound(b'[', false))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'w>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound<'a, 'w>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'w>> {
        self.variant(variant);
        Ok(self.compound(b'[', true))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a, 'w>> {
        Ok(self.compound(b'{', false))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a, 'w>> {
        Ok(self.compound(b'{', false))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'w>> {
        self.variant(variant);
        Ok(self.compound(b'{', true))
    }
}

/// An array or object being written: whether it has no element yet, and
/// whether it sits in the object of an enum variant, closed with it.
struct Compound<'a, 'w> {
    ser: &'a mut Pretty<'w>,
    first: bool,
    variant: bool,
}

impl Compound<'_, '_> {
    /// Starts the next element's line.
    fn next(&mut self) {
        self.ser.line(std::mem::replace(&mut self.first, false));
    }

    /// An element of an array, the buffer written out when it is full.
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.next();
        value.serialize(&mut *self.ser)?;
        match self.ser.buf.len() >= FLUSH_AT {
            true => self.ser.flush(),
            false => Ok(()),
        }
    }

    /// A member of an object named by a field.
    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<()> {
        self.next();
        escape(&mut self.ser.buf, name);
        self.ser.buf.extend_from_slice(b": ");
        value.serialize(&mut *self.ser)
    }

    fn finish(self, bracket: u8) -> Result<()> {
        self.ser.close(self.first, bracket);
        if self.variant {
            self.ser.close(false, b'}');
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.finish(b']')
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.finish(b']')
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.finish(b']')
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.finish(b']')
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<()> {
        self.next();
        key(&mut self.ser.buf, k)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.ser.buf.extend_from_slice(b": ");
        value.serialize(&mut *self.ser)
    }
    fn end(self) -> Result<()> {
        self.finish(b'}')
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(name, value)
    }
    fn end(self) -> Result<()> {
        self.finish(b'}')
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(name, value)
    }
    fn end(self) -> Result<()> {
        self.finish(b'}')
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;
    use serde_json::json;
    use std::collections::BTreeMap;

    fn laid_out(value: &(impl Serialize + ?Sized)) -> String {
        let mut out = Vec::new();
        super::write(value, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn same(value: &(impl Serialize + ?Sized)) {
        assert_eq!(
            laid_out(value),
            serde_json::to_string_pretty(value).unwrap()
        );
    }

    #[test]
    fn writes_what_serde_json_pretty_prints() {
        let text: String = (0..0x80u8)
            .map(char::from)
            .chain("é → 😀 \u{2028}".chars())
            .collect();
        same(&json!({
            "a": "quote \" back\\slash \n tab\t \u{1} é → 😀",
            "every character": text,
            "key \"quoted\"\n": {"": []},
            "empty": [],
            "nested": {"list": [1, 2.5, null, {"x": {}}, [[], [true]]], "none": null},
            "n": 1e300,
            "small": 0.001,
            "one": 1.0,
        }));
        let numbered: BTreeMap<u32, Vec<u8>> = [(1, vec![2]), (3, vec![])].into();
        same(&numbered);
    }

    #[test]
    fn escapes_every_byte_wherever_it_falls_in_a_word() {
        // Each special byte at each place of an eight-byte word, after
        // and before plain text and non-ASCII text, and two together.
        let specials = ['"', '\\', '\0', '\u{1f}', '\n', '\u{7f}', ' ', 'é'];
        for lead in 0..17 {
            for &c in &specials {
                for &d in &specials {
                    let s = format!("{}{c}{d}{}", "x".repeat(lead), "→".repeat(lead % 4));
                    same(&s);
                }
            }
        }
    }

    #[test]
    fn writes_serdes_other_shapes_as_serde_json_does() {
        #[derive(Serialize)]
        enum Shape {
            Unit,
            Newtype(u8),
            Tuple(i8, (), Option<bool>),
            Struct { x: f32, y: Vec<i128> },
            Empty {},
        }
        #[derive(Serialize)]
        struct Unit;
        #[derive(Serialize)]
        struct Pair(u64, char);
        #[derive(Serialize)]
        struct Wrapped(&'static str);
        same(&(
            Shape::Unit,
            Shape::Newtype(7),
            Shape::Tuple(-1, (), Some(false)),
            Shape::Struct {
                x: 0.5,
                y: vec![i128::MIN, 0],
            },
            Shape::Empty {},
            Unit,
            Pair(u64::MAX, '"'),
            Wrapped("w"),
        ));
        same(&[f64::NAN, f64::INFINITY, -0.0, 1e-7]);
        same(&serde_bytes_like());
        let keys: BTreeMap<i64, BTreeMap<bool, char>> =
            [(-3, [(true, 'a')].into()), (4, BTreeMap::new())].into();
        same(&keys);
    }

    /// Bytes as serde sends them (`serialize_bytes`).
    fn serde_bytes_like() -> impl Serialize {
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&[0, 255, 10])
            }
        }
        Bytes
    }

    #[test]
    fn a_key_that_is_not_a_string_fails_as_with_serde_json() {
        let bad: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
        let mut out = Vec::new();
        assert!(super::write(&bad, &mut out).is_err());
        assert!(serde_json::to_string_pretty(&bad).is_err());
    }

    #[test]
    fn indents_past_what_one_write_holds_and_flushes_as_it_goes() {
        let mut deep = json!("bottom");
        for i in 0..150 {
            deep = match i % 2 {
                0 => json!([deep, 1]),
                _ => json!({"k": deep, "": {}}),
            };
        }
        same(&deep);
        let long: Vec<String> = (0..20_000).map(|i| format!("item {i} \"q\"")).collect();
        same(&long);
    }
}
