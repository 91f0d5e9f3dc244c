//! Finding the next byte a reader or writer of text must stop at, a word
//! of eight bytes a step: the store's JSON Lines reader and the writers of
//! JSON, DOT and Markdown all walk long runs of plain text between the few
//! bytes they must act on.
//!
//! [`find_byte`] finds one of a few bytes with a few operations on the
//! whole word: a JSON string's quote, backslash or control character
//! ([`json_special`]: the reader ends or unescapes a string there, the
//! JSON writer escapes it), a line break in a title. [`ByteSet`] answers
//! for any set of bytes with a table by byte: looking each
//! character up in a `match` of a dozen arms was a tenth of `annals dot`
//! on a large store, and a table answers in one load, eight of them
//! tested before one branch.

/// Eight copies of `b`.
const fn lanes(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The bytes of `word` (eight bytes in memory order) that are one of
/// `these` or below `below`, as the high bit of each: exact for the first
/// such byte, which is all the callers read (a borrow only carries upward,
/// so it may mark bytes after it).
fn marks<const N: usize>(word: u64, these: [u8; N], below: u8) -> u64 {
    let high = lanes(0x80);
    let under = |x: u64, n: u8| x.wrapping_sub(lanes(n)) & !x & high;
    these
        .iter()
        .fold(under(word, below), |m, &b| m | under(word ^ lanes(b), 1))
}

/// The position of the first byte of `bytes` at or after `from` that is
/// one of `these` or below `below`, or the length of `bytes` when there is
/// none (or `from` is past it). Eight bytes are tested at a time as one
/// word while eight are left, then one at a time: for a few bytes to find
/// (a table by byte, [`ByteSet`], answers for many).
pub(crate) fn find_byte<const N: usize>(
    bytes: &[u8],
    from: usize,
    these: [u8; N],
    below: u8,
) -> usize {
    let mut at = from;
    while let Some(word) = bytes.get(at..).and_then(<[u8]>::first_chunk) {
        let found = marks(u64::from_le_bytes(*word), these, below);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    // Each byte against each of `these` without a branch (`contains`
    // would call `memchr` for every byte).
    let rest = bytes.get(at..).unwrap_or_default();
    rest.iter()
        .position(|&b| these.iter().fold(b < below, |hit, &t| hit | (t == b)))
        .map_or(bytes.len(), |i| at + i)
}

/// The position of the first byte of `bytes` at or after `from` that a
/// JSON string cannot hold as it is — the closing quote, a backslash, or a
/// control character — or the length of `bytes` when there is none: where
/// the store's reader ends or unescapes a string, and where the JSON
/// writer escapes one.
pub(crate) fn json_special(bytes: &[u8], from: usize) -> usize {
    find_byte(bytes, from, [b'"', b'\\'], 0x20)
}

/// Whether `bytes` hold no byte that a JSON string cannot hold as it is
/// (a quote, a backslash, a control character): each word of eight and
/// the last eight (which may overlap them); fewer than eight as their
/// first four and last four; fewer than four in a word of letters. The
/// JSON writer's strings are mostly short keys and values with nothing
/// to escape, which this tests in a step or two, copied whole then.
pub(crate) fn json_plain(bytes: &[u8]) -> bool {
    let marked = |word: u64| marks(word, [b'"', b'\\'], 0x20);
    let word = |w: Option<&[u8; 8]>| w.map_or(0, |w| marked(u64::from_le_bytes(*w)));
    let half = |w: Option<&[u8; 4]>| w.map_or(0, |w| u64::from(u32::from_le_bytes(*w)));
    let found = match bytes.len() {
        8.. => bytes
            .chunks_exact(8)
            .fold(word(bytes.last_chunk()), |any, c| {
                any | word(c.first_chunk())
            }),
        4.. => marked(half(bytes.first_chunk()) | (half(bytes.last_chunk()) << 32)),
        _ => marked(
            bytes
                .iter()
                .fold(lanes(b'a'), |word, &b| (word << 8) | u64::from(b)),
        ),
    };
    found == 0
}

/// The pieces of `text` between the ASCII byte `sep`, as `text.split`
/// gives them (an empty piece after a final `sep`): each end is found
/// eight bytes at a time ([`find_byte`]), where `split` calls `memchr`
/// for every piece, which costs more than a short one (the dictionaries'
/// lines and tab-separated fields, read at each start).
pub(crate) fn split_at_byte(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let bytes = text.as_bytes();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let end = find_byte(bytes, from, [sep], 0);
        start = (end < bytes.len()).then_some(end + 1);
        // An ASCII byte is never inside a character: the slice is whole.
        text.get(from..end)
    })
}

/// The lines of `text` as `str::lines` gives them: split after each
/// `\n`, which goes with a `\r` before it; no empty line after a final
/// line break.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text).filter(|t| !t.is_empty());
    std::iter::from_fn(move || {
        let t = rest?;
        let end = find_byte(t.as_bytes(), 0, [b'\n'], 0);
        let Some(line) = t.get(..end).filter(|_| end < t.len()) else {
            rest = None;
            return Some(t);
        };
        rest = t.get(end + 1..).filter(|r| !r.is_empty());
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

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
    use super::{find_byte, json_plain, json_special, lines, split_at_byte, ByteSet};

    /// The pieces and lines are those of `str::split` and `str::lines`,
    /// for texts of tabs, line breaks, carriage returns and non-ASCII
    /// characters around every place of a word.
    #[test]
    fn pieces_and_lines_are_those_of_str() {
        let parts = [
            "",
            "\t",
            "\n",
            "\r\n",
            "\r",
            "a",
            "é",
            "tab\tend",
            "\n\n",
            "longer than eight",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let text = format!("{a}{b}{c}");
                    let got: Vec<&str> = split_at_byte(&text, b'\t').collect();
                    assert_eq!(got, text.split('\t').collect::<Vec<_>>(), "{text:?}");
                    let got: Vec<&str> = lines(&text).collect();
                    assert_eq!(got, text.lines().collect::<Vec<_>>(), "{text:?}");
                }
            }
        }
    }

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

    #[test]
    fn finds_the_json_stop_a_byte_by_byte_search_finds() {
        let plainly = |s: &[u8], from: usize| {
            s.get(from..)
                .and_then(|rest| {
                    rest.iter()
                        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                })
                .map_or(s.len(), |i| from + i)
        };
        for len in 0..40 {
            for at in 0..len {
                for special in [
                    b'"', b'\\', b'\n', 0, 0x1f, b' ', 0x7f, 0x80, 0xff, b'!', b'#', b']',
                ] {
                    let mut t = vec![b'a'; len];
                    t[at] = special;
                    if at + 3 < len {
                        t[at + 3] = b'"';
                    }
                    for from in 0..=len + 1 {
                        let found = json_special(&t, from);
                        assert_eq!(found, plainly(&t, from), "{t:?} from {from}");
                    }
                }
            }
        }
        // Every byte value at every place of a word, after a run of
        // bytes just above and below the bounds the word tests use.
        for b in 0..=255u8 {
            for lead in 0..17 {
                let mut t: Vec<u8> = (0..lead).map(|i| [0x21, 0x5d, 0x23, 0xff][i % 4]).collect();
                t.push(b);
                t.extend_from_slice(b"tail end");
                assert_eq!(json_special(&t, 0), plainly(&t, 0), "{t:?}");
            }
        }
    }

    /// `json_plain` says a text is plain exactly when a byte-by-byte
    /// search finds nothing to escape: every byte value at every place of
    /// texts of every length up to 40.
    #[test]
    fn plain_json_is_what_a_byte_by_byte_search_says() {
        for len in 0..40 {
            let text = vec![b'a'; len];
            assert!(json_plain(&text), "{len}");
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut t = text.clone();
                    t[at] = b;
                    let plainly = !(b == b'"' || b == b'\\' || b < 0x20);
                    assert_eq!(json_plain(&t), plainly, "{t:?}");
                }
            }
        }
    }

    #[test]
    fn finds_a_line_break_as_a_byte_by_byte_search_does() {
        for len in 0..30 {
            for at in 0..len {
                for special in [b'\n', b'\r', b'\t', 0x0b, 0x8a, 0x8d, 0] {
                    let mut t = vec![b'x'; len];
                    t[at] = special;
                    let plainly = t.iter().position(|&b| b == b'\n' || b == b'\r');
                    let found = find_byte(&t, 0, [b'\n', b'\r'], 0);
                    assert_eq!(found, plainly.unwrap_or(len), "{t:?}");
                }
            }
        }
    }
}
