//! What the targets make of the fuzzer's bytes.

/// The first byte, which picks a variant of the input, and the rest as
/// text; `None` when there is no byte or the rest is not UTF-8.
pub fn pick_and_text(data: &[u8]) -> Option<(u8, &str)> {
    let (&pick, rest) = data.split_first()?;
    Some((pick, std::str::from_utf8(rest).ok()?))
}
