//! Collects the diagnostics of one run over several files, capping how many one file may
//! report, and returns them in file order and then source order.

use smithy_core::{Diagnostic, Diagnostics, SourceFile};

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
        let diagnostic = |source: &SourceFile, message: String| source.diagnostic(offset, message);
        self.report(file, offset, message.into(), diagnostic);
    }

    /// Reports a diagnostic already located in file number `file` (such as a JSON error),
    /// ordered as if at byte `offset`.
    pub fn located(&mut self, file: usize, offset: usize, located: Diagnostic) {
        self.report(file, offset, located.message.clone(), |_, message| Diagnostic { message, ..located });
    }

    fn report(
        &mut self,
        file: usize,
        offset: usize,
        message: String,
        build: impl FnOnce(&SourceFile, String) -> Diagnostic,
    ) {
        let (Some(source), Some(count)) = (self.files.get(file), self.counts.get_mut(file)) else {
            return;
        };
        *count += 1;
        if *count > MAX_ERRORS_PER_FILE + 1 {
            return;
        }
        if *count == MAX_ERRORS_PER_FILE + 1 {
            let message = format!("too many errors (more than {MAX_ERRORS_PER_FILE}); skipping the rest of this file");
            self.items.push((file, offset, source.diagnostic(offset, message)));
        } else {
            self.items.push((file, offset, build(source, message)));
        }
    }

    /// Where byte `offset` of file number `file` is, as `path:line:column`, for messages
    /// that point at an earlier definition.
    pub fn location(&self, file: usize, offset: usize) -> String {
        match self.files.get(file) {
            Some(source) => source.diagnostic(offset, "").location(),
            None => "another file".to_string(),
        }
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
        self.items.into_iter().map(|(_, _, d)| d).collect()
    }
}
