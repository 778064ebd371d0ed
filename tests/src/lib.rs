//! Shared fixtures for the test suite: the case-folder lister, the one
//! golden-file helper every case folder goes through, and the generator of
//! the benchmarks' large crate ([`bench_crate`]).
//!
//! Golden files are compared with expect-test; bless new or changed ones
//! for the whole suite with `UPDATE_EXPECT=1 cargo test -p dogen-tests`,
//! then read the diff.

use std::fs;
use std::path::{Path, PathBuf};

pub mod bench_crate;

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

/// The name of a case folder.
pub fn case_name(case: &Path) -> String {
    case.file_name().expect("a case folder has a name").to_string_lossy().into_owned()
}

/// Golden files checked in one test: every mismatch is collected (each is
/// printed with its diff as it is found) and [`Golden::finish`] fails the
/// test listing them all.
#[derive(Debug, Default)]
pub struct Golden {
    failures: Vec<String>,
}

impl Golden {
    /// No files checked yet.
    pub fn new() -> Self {
        Golden::default()
    }

    /// Compares `actual` with the golden file at `path` (absolute), or
    /// writes it when blessing.
    pub fn check(&mut self, path: &Path, actual: &str) {
        let expect = expect_test::expect_file![path.to_path_buf()];
        let outcome = std::panic::catch_unwind(|| expect.assert_eq(actual));
        if outcome.is_err() {
            self.failures.push(path.display().to_string());
        }
    }

    /// Records a failure that is not a golden mismatch.
    pub fn fail(&mut self, message: impl Into<String>) {
        self.failures.push(message.into());
    }

    /// Fails the test if any check failed.
    pub fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "{} golden file(s) differ (diffs above); bless with `UPDATE_EXPECT=1 cargo test -p dogen-tests`, then read the diff:\n  {}",
            self.failures.len(),
            self.failures.join("\n  ")
        );
    }
}

/// Every file under `dir` with its bytes, sorted by path: what a test
/// compares to prove a directory did (or did not) change.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap_or_else(|e| panic!("cannot list {}: {e}", d.display())) {
            let path = entry.expect("a readable directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}
