//! Problems found in a model: [`Diagnostic`] names the file, the shape and, for problems found
//! in text, the line and column with the offending source line; [`Diagnostics`] collects every
//! problem of a run.

use std::fmt;

/// One problem found in a model.
///
/// A diagnostic always says what is wrong and, as precisely as the stage that found it can, where:
/// the file the shape came from, the shape id, and for problems found in text the line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in, as the caller named it.
    pub file: Option<String>,
    /// The absolute shape id (or member id) the problem is about.
    pub shape: Option<String>,
    /// The 1-based line and column (counted in characters), for problems found in text.
    pub position: Option<(usize, usize)>,
    /// What is wrong, as a sentence fragment without a trailing period.
    pub message: String,
    /// The offending source line with a caret under the column, when the problem is in text.
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// A problem with no location yet; see [`Diagnostic::in_file`] and [`Diagnostic::at_shape`].
    pub fn new(message: impl Into<String>) -> Self {
        Self { file: None, shape: None, position: None, message: message.into(), snippet: None }
    }

    /// Sets the file the problem is in.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// Sets the shape the problem is about.
    pub fn at_shape(mut self, shape: impl Into<String>) -> Self {
        self.shape = Some(shape.into());
        self
    }

    /// Sets the line and column of the problem.
    pub fn at_position(mut self, line: usize, column: usize) -> Self {
        self.position = Some((line, column));
        self
    }

    /// Sets the source excerpt shown under the message.
    pub fn with_snippet(mut self, snippet: impl Into<String>) -> Self {
        self.snippet = Some(snippet.into());
        self
    }

    /// The 1-based line, for problems found in text.
    pub fn line(&self) -> Option<usize> {
        self.position.map(|(line, _)| line)
    }

    /// The 1-based column, for problems found in text.
    pub fn column(&self) -> Option<usize> {
        self.position.map(|(_, column)| column)
    }

    /// Where the problem is, as `file:line:column` (or as much of it as is known), for
    /// messages that point at an earlier definition.
    pub fn location(&self) -> String {
        match (&self.file, self.position) {
            (Some(file), Some((line, column))) => format!("{file}:{line}:{column}"),
            (Some(file), None) => file.clone(),
            (None, Some((line, column))) => format!("{line}:{column}"),
            (None, None) => String::new(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut prefix = false;
        if let Some(file) = &self.file {
            f.write_str(file)?;
            if let Some((line, column)) = self.position {
                write!(f, ":{line}:{column}")?;
            }
            prefix = true;
        }
        if let Some(shape) = &self.shape {
            if prefix {
                f.write_str(": ")?;
            }
            f.write_str(shape)?;
            prefix = true;
        }
        if prefix {
            f.write_str(": ")?;
        }
        f.write_str(&self.message)?;
        if let Some(snippet) = &self.snippet {
            write!(f, "\n{snippet}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// Every problem found in one run, in the order they were found. `Display` writes each as
/// `error: …`, with any source excerpt on the lines after it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// No problems.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Records every problem of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Whether no problem was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many problems were recorded.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// The problems as a slice.
    pub fn as_slice(&self) -> &[Diagnostic] {
        &self.0
    }

    /// The problems, consuming the collection.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }

    /// `Ok(value)` when no problem was recorded, else the problems.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.is_empty() { Ok(value) } else { Err(self) }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Self(vec![diagnostic])
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Self(diagnostics)
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, diagnostic) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "error: {diagnostic}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_file_position_and_shape() {
        let located = Diagnostic::new("bad").in_file("a.json").at_position(3, 7).at_shape("ex#S");
        assert_eq!(located.to_string(), "a.json:3:7: ex#S: bad");
        assert_eq!(located.location(), "a.json:3:7");
        assert_eq!(Diagnostic::new("bad").at_shape("ex#S").to_string(), "ex#S: bad");
        assert_eq!(Diagnostic::new("bad").to_string(), "bad");
        let all: Diagnostics =
            [Diagnostic::new("one"), Diagnostic::new("two").with_snippet("1 | x\n  | ^")].into_iter().collect();
        assert_eq!(all.to_string(), "error: one\nerror: two\n1 | x\n  | ^");
        assert_eq!(all.len(), 2);
        assert!(Diagnostics::new().into_result(()).is_ok() && all.into_result(()).is_err());
    }
}
