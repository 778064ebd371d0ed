//! Writing generated files so that a failure leaves the output directory
//! as it was: everything is written to a temporary directory next to it
//! first, then each file is renamed into place.

use std::fs;
use std::path::{Path, PathBuf};

use super::Error;
use crate::backend::OutputFile;

/// Writes `files` into `dir` (created if missing). Other files in `dir` are
/// left alone.
pub fn replace_files(dir: &Path, files: &[OutputFile]) -> Result<(), Error> {
    let failed = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    fs::create_dir_all(&parent).map_err(failed(&parent))?;
    let staging = parent.join(format!(".{name}.dogen-{}", std::process::id()));
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(failed(&staging))?;
    }
    fs::create_dir(&staging).map_err(failed(&staging))?;
    let result = stage_and_move(dir, &staging, files);
    let _ = fs::remove_dir_all(&staging);
    result
}

fn stage_and_move(dir: &Path, staging: &Path, files: &[OutputFile]) -> Result<(), Error> {
    let failed = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    for file in files {
        let path = staging.join(file.name);
        fs::write(&path, &file.contents).map_err(failed(&path))?;
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Write {
            path: dir.to_path_buf(),
            source: std::io::Error::other("exists and is not a directory"),
        });
    }
    fs::create_dir_all(dir).map_err(failed(dir))?;
    for file in files {
        let target = dir.join(file.name);
        fs::rename(staging.join(file.name), &target).map_err(failed(&target))?;
    }
    Ok(())
}
