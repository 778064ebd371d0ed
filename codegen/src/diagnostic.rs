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

/// The diagnostic for `message` at `span` in `path`.
pub fn at(path: &Path, span: proc_macro2::Span, message: String) -> Diagnostic {
    let start = span.start();
    Diagnostic { path: path.to_path_buf(), line: start.line.max(1), column: start.column + 1, message }
}
