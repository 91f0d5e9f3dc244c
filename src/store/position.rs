//! Turning byte offsets into the `line:column` people see in their editor.

use crate::error::Location;

/// Maps byte offsets of one text to 1-based lines and columns, columns
/// counted in characters so that a caret lines up in an editor.
pub struct LineIndex<'a> {
    path: &'a str,
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`, read from `path`.
    pub fn new(path: &'a str, text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { path, text, starts }
    }

    /// The location of a byte offset (clamped into the text).
    pub fn location(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Location::File {
            path: self.path.to_string(),
            line,
            column,
        }
    }
}
