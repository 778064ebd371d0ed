//! Shared fixtures for the test suite.

use std::fs;
use std::path::{Path, PathBuf};

/// Every case folder under `dir` (relative to this crate, e.g.
/// `cases/ts`), sorted, so each golden test lists its cases the same way.
pub fn case_dirs(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", root.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    cases
}
