//! An error at a place in a source file, printed `path:line:col: error: message`
//! like rustc and cargo print theirs.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error at a place in a file: printed `path:line:col: error: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: error: {}", self.path.display(), self.line, self.column, self.message)
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`; an
/// offset past the end or inside a character counts from the character's
/// start.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// The diagnostic for `message` at `span` in `path`.
pub fn at(path: &Path, span: proc_macro2::Span, message: String) -> Diagnostic {
    let start = span.start();
    Diagnostic { path: path.to_path_buf(), line: start.line.max(1), column: start.column + 1, message }
}
