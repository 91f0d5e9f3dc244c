//! Finding the next byte an escaper must change, eight bytes a step.
//!
//! The escapers of DOT and Markdown write long runs of plain text between
//! the few bytes they change; looking each character up in a `match` of a
//! dozen arms was a tenth of `annals dot` on a large store. A table by byte
//! answers in one load, and eight of them are tested before one branch.

/// A set of bytes, as a table by byte.
pub(crate) struct ByteSet([bool; 256]);

impl ByteSet {
    /// The set of `bytes`, with every byte below `below` and every byte
    /// from `from` up.
    pub(crate) const fn new(bytes: &[u8], below: u8, from: u16) -> ByteSet {
        let mut table = [false; 256];
        let mut i = 0;
        while i < 256 {
            table[i] = i < below as usize || i >= from as usize;
            i += 1;
        }
        let mut j = 0;
        while j < bytes.len() {
            table[bytes[j] as usize] = true;
            j += 1;
        }
        ByteSet(table)
    }

    /// The position of the first byte of `s` in the set.
    pub(crate) fn find(&self, s: &[u8]) -> Option<usize> {
        let mut at = 0;
        for chunk in s.chunks_exact(8) {
            if chunk
                .iter()
                .fold(false, |any, &b| any | self.0[usize::from(b)])
            {
                break;
            }
            at += 8;
        }
        let rest = s.get(at..).unwrap_or_default();
        rest.iter()
            .position(|&b| self.0[usize::from(b)])
            .map(|i| at + i)
    }
}

#[cfg(test)]
mod tests {
    use super::ByteSet;

    const SET: ByteSet = ByteSet::new(b"\"&", 0x20, 0x80);

    /// The first byte in the set, one byte at a time.
    fn plainly(s: &[u8]) -> Option<usize> {
        s.iter()
            .position(|&b| b == b'"' || b == b'&' || !(0x20..0x80).contains(&b))
    }

    #[test]
    fn finds_what_a_byte_by_byte_search_finds() {
        let mut texts: Vec<Vec<u8>> = vec![Vec::new(), b"plain text".to_vec()];
        for len in 0..40 {
            for at in 0..len {
                for special in [b'"', b'&', b'\n', 0x1f, 0x80, 0xff] {
                    let mut t = vec![b'a'; len];
                    t[at] = special;
                    texts.push(t.clone());
                    if at + 3 < len {
                        t[at + 3] = b'"';
                        texts.push(t);
                    }
                }
            }
        }
        for t in &texts {
            assert_eq!(SET.find(t), plainly(t), "{t:?}");
        }
        assert_eq!(SET.find("ab é".as_bytes()), Some(3));
        assert_eq!(SET.find(b" !#%'"), None);
    }
}
