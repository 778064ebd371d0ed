//! Drift: how the files in an output directory differ from what a backend
//! would write now. Reads only.

use std::fs;
use std::path::Path;

use crate::backend::OutputFile;
use crate::error::Error;

/// How an output directory differs from what a backend would write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drift {
    /// Files whose contents differ, each with a unified diff from the file
    /// in the directory to the generated one.
    pub changed: Vec<(String, String)>,
    /// Generated files the directory lacks.
    pub missing: Vec<String>,
    /// Entries of the directory `dogen ts` does not write (directories end
    /// in `/`).
    pub extra: Vec<String>,
}

impl Drift {
    /// Whether the directory holds exactly the generated files.
    pub fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.missing.is_empty() && self.extra.is_empty()
    }

    /// The diffs, then one line per missing and extra file; `writer` is the
    /// command that writes the files, e.g. `dogen ts`.
    pub fn render(&self, dir: &Path, writer: &str) -> String {
        let mut out = String::new();
        for (_, diff) in &self.changed {
            out.push_str(diff);
        }
        for name in &self.missing {
            out.push_str(&format!("missing: {} ({writer} writes it)\n", dir.join(name).display()));
        }
        for name in &self.extra {
            out.push_str(&format!("extra: {} ({writer} does not write it)\n", dir.join(name).display()));
        }
        out.trim_end().to_owned()
    }

    /// One line: what is out of date, and `fix`, the command that brings
    /// it in step.
    pub fn summary(&self, dir: &Path, fix: &str) -> String {
        let mut fix = format!("run `{fix}`");
        if !self.extra.is_empty() {
            fix.push_str(" and delete the extra files");
        }
        format!(
            "`{}` is out of date: {} changed, {} missing, {} extra; {fix}",
            dir.display(),
            self.changed.len(),
            self.missing.len(),
            self.extra.len()
        )
    }
}

/// Compares the files in `dir` with `files`, reading only. With
/// `owns_dir`, every other entry of `dir` is extra.
pub fn compare(dir: &Path, files: &[OutputFile], owns_dir: bool) -> Result<Drift, Error> {
    let mut drift = Drift::default();
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Read { path: dir.to_path_buf(), source: std::io::Error::other("not a directory") });
    }
    for file in files {
        let path = dir.join(file.name);
        match fs::read(&path) {
            Ok(bytes) if bytes == file.contents.as_bytes() => {}
            Ok(bytes) => {
                let old = String::from_utf8_lossy(&bytes);
                let diff = unified_diff(&old, &file.contents, &path, "generated");
                drift.changed.push((file.name.to_owned(), diff));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => drift.missing.push(file.name.to_owned()),
            Err(source) => return Err(Error::Read { path, source }),
        }
    }
    if owns_dir && dir.is_dir() {
        let entries = fs::read_dir(dir).map_err(|source| Error::read(dir)(source))?;
        for entry in entries {
            let entry = entry.map_err(|source| Error::read(dir)(source))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if files.iter().any(|f| f.name == name) {
                continue;
            }
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            drift.extra.push(if is_dir { format!("{name}/") } else { name });
        }
    }
    drift.extra.sort();
    Ok(drift)
}

/// A unified diff from `old` (the file at `path`) to `new`, whose header
/// says `path (label)`.
pub fn unified_diff(old: &str, new: &str, path: &Path, label: &str) -> String {
    let shown = path.display().to_string();
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&shown, &format!("{shown} ({label})"))
        .to_string()
}
