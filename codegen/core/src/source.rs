//! Model source text with an index of its line starts, to turn byte offsets and the
//! line/column positions of parsers into diagnostics that show the offending line.

use crate::diagnostics::Diagnostic;

/// A source file: its path as the caller names it, its text, and where its lines start.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path, as given by the caller; used in diagnostics only.
    pub path: String,
    /// The whole text.
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// Indexes the lines of `text`.
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        SourceFile { path: path.into(), text, line_starts }
    }

    /// A diagnostic at a byte offset, with the line and column (in characters; a tab counts
    /// as one) and the offending line with a caret. Any offset is safe: it is clamped to the
    /// text and moved back to a character boundary.
    pub fn diagnostic(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let end = self.line_starts.get(line_index + 1).map_or(self.text.len(), |next| next - 1);
        let line_text = self.text.get(start..end).unwrap_or("");
        let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
        let column = self.text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        let line = line_index + 1;
        Diagnostic::new(message)
            .in_file(self.path.clone())
            .at_position(line, column)
            .with_snippet(snippet(line, column, line_text))
    }

    /// The byte offset of a 1-based line and a 1-based column counted in bytes, as JSON
    /// parsers report them (clamped to the text).
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let start = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(self.text.len());
        (start + column.saturating_sub(1)).min(self.text.len())
    }

    /// Whether `offset` is the first character of its line.
    pub fn is_line_start(&self, offset: usize) -> bool {
        offset == 0 || self.text.as_bytes().get(offset - 1) == Some(&b'\n')
    }
}

/// The line with a caret under the column, compiler-style:
///
/// ```text
/// 4 | list L { member: Nope }
///   |                  ^
/// ```
fn snippet(line: usize, column: usize, line_text: &str) -> String {
    let gutter = line.to_string();
    // Tabs are copied from the source line so that the caret lines up however the terminal
    // expands them.
    let mut pad: String =
        line_text.chars().take(column.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
    let shown = pad.chars().count();
    pad.extend(std::iter::repeat_n(' ', column.saturating_sub(1).saturating_sub(shown)));
    format!("{gutter} | {line_text}\n{} | {pad}^", " ".repeat(gutter.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_columns_and_a_caret() {
        let file = SourceFile::new("m.smithy", "first\r\n\tsé cond\nlast");
        let d = file.diagnostic(12, "here");
        assert_eq!(d.position, Some((2, 5)));
        assert_eq!(d.to_string(), "m.smithy:2:5: here\n2 | \tsé cond\n  | \t   ^");
        assert_eq!(file.diagnostic(10_000, "end").position, Some((3, 5)));
        // Inside the two-byte `é`: moved back to its start.
        assert_eq!(file.diagnostic(10, "mid").position, Some((2, 3)));
        assert_eq!(file.offset_of(2, 3), 9);
        assert!(file.is_line_start(7) && !file.is_line_start(8));
    }
}
