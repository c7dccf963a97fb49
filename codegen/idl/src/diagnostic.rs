//! Located error messages, rendered compiler-style with the offending line and a caret.

use std::fmt;

/// One problem found in a model, located at a line and column of a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The path of the file, as given by the caller.
    pub file: String,
    /// The 1-based line number, or 0 when the problem has no source location.
    pub line: usize,
    /// The 1-based column, counted in Unicode scalar values (a tab counts as one).
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// The text of the offending line without its line terminator (empty when unknown).
    pub source_line: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Line 0 marks a problem with no source location, such as one found in a JSON AST
        // value by `flatten_mixins`.
        if self.line == 0 {
            return match self.file.is_empty() {
                true => write!(f, "{}", self.message),
                false => write!(f, "{}: {}", self.file, self.message),
            };
        }
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)?;
        let gutter = self.line.to_string();
        write!(f, "\n{gutter} | {}", self.source_line)?;
        // Tabs are copied from the source line so that the caret lines up however the
        // terminal expands them.
        let mut pad: String = self
            .source_line
            .chars()
            .take(self.column.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let shown = pad.chars().count();
        pad.extend(std::iter::repeat_n(' ', self.column.saturating_sub(1).saturating_sub(shown)));
        write!(f, "\n{} | {pad}^", " ".repeat(gutter.len()))
    }
}

impl std::error::Error for Diagnostic {}

/// Every problem found in one run, in file order and then source order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// The diagnostics as a slice.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.items
    }

    /// Iterates over the diagnostics.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// How many problems were found.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether no problem was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Consumes the collection, returning its diagnostics.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    pub(crate) fn from_vec(items: Vec<Diagnostic>) -> Self {
        Diagnostics { items }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics { items: vec![diagnostic] }
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.items {
            writeln!(f, "{diagnostic}")?;
        }
        match self.items.len() {
            1 => write!(f, "1 error"),
            n => write!(f, "{n} errors"),
        }
    }
}

impl std::error::Error for Diagnostics {}

/// A source file with an index of its line starts, to turn byte offsets into locations.
pub(crate) struct SourceFile {
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: String, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        SourceFile { path, text, line_starts }
    }

    /// Builds a diagnostic at a byte offset (clamped to the text, and moved back to a
    /// character boundary, so any offset is safe).
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
        Diagnostic {
            file: self.path.clone(),
            line: line_index + 1,
            column,
            message: message.into(),
            source_line: line_text.to_string(),
        }
    }

    /// The byte offset of a 1-based line and column (clamped to the text).
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let start = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(self.text.len());
        (start + column.saturating_sub(1)).min(self.text.len())
    }

    /// Whether `offset` is the first character of its line.
    pub fn is_line_start(&self, offset: usize) -> bool {
        offset == 0 || self.text.as_bytes().get(offset - 1) == Some(&b'\n')
    }
}

/// How many errors one file may report before the rest of it is skipped, so that random
/// input cannot produce unbounded output.
pub(crate) const MAX_ERRORS_PER_FILE: usize = 50;

/// Collects the diagnostics of a run over several files.
pub(crate) struct Reporter<'a> {
    pub files: &'a [SourceFile],
    items: Vec<(usize, usize, Diagnostic)>,
    counts: Vec<usize>,
}

impl<'a> Reporter<'a> {
    pub fn new(files: &'a [SourceFile]) -> Self {
        Reporter { files, items: Vec::new(), counts: vec![0; files.len()] }
    }

    /// Reports `message` at byte `offset` of file number `file`.
    pub fn error(&mut self, file: usize, offset: usize, message: impl Into<String>) {
        let (Some(source), Some(count)) = (self.files.get(file), self.counts.get_mut(file)) else {
            return;
        };
        *count += 1;
        if *count > MAX_ERRORS_PER_FILE + 1 {
            return;
        }
        let message = if *count == MAX_ERRORS_PER_FILE + 1 {
            format!("too many errors (more than {MAX_ERRORS_PER_FILE}); skipping the rest of this file")
        } else {
            message.into()
        };
        self.items.push((file, offset, source.diagnostic(offset, message)));
    }

    /// Whether file number `file` reported so many errors that the rest of it is skipped.
    pub fn is_full(&self, file: usize) -> bool {
        self.counts.get(file).is_some_and(|&n| n > MAX_ERRORS_PER_FILE)
    }

    /// How many errors were reported so far.
    pub fn count(&self) -> usize {
        self.items.len()
    }

    pub fn finish(mut self) -> Diagnostics {
        self.items.sort_by_key(|&(file, offset, _)| (file, offset));
        Diagnostics::from_vec(self.items.into_iter().map(|(_, _, d)| d).collect())
    }
}
