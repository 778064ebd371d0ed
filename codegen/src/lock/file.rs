//! Lock files on disk: reading one from the working copy or from a git
//! revision, and carrying declared class renames from one lock to the next.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{LOCK_FILE, Lock};
use crate::error::Error;

/// A declared class rename: class `from` of a previous lock is now `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameArg {
    /// The class name the lock has.
    pub from: String,
    /// The class name the crate has now.
    pub to: String,
}

impl std::str::FromStr for RenameArg {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.split_once('=') {
            Some((from, to)) if !from.trim().is_empty() && !to.trim().is_empty() && from.trim() != to.trim() => {
                Ok(RenameArg { from: from.trim().to_owned(), to: to.trim().to_owned() })
            }
            _ => Err(format!("expected `OLD=NEW` with two different class names, got `{text}`")),
        }
    }
}

/// `lock`, or `dogen.lock` in the crate directory.
pub fn lock_path(crate_dir: &Path, lock: Option<&Path>) -> PathBuf {
    lock.map(Path::to_path_buf).unwrap_or_else(|| crate_dir.join(LOCK_FILE))
}

/// The lock at `path`, `None` when there is no file.
pub fn read_file(path: &Path) -> Result<Option<Lock>, Error> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(Error::Read { path: path.to_path_buf(), source }),
    };
    Lock::from_json(&text).map(Some).map_err(|source| Error::BadLock { path: path.to_path_buf(), source })
}

/// The lock file `path` as it was at git revision `rev`, read with `git show`
/// in the file's directory.
pub fn read_at_revision(path: &Path, rev: &str) -> Result<Lock, Error> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| LOCK_FILE.into());
    let spec = format!("{rev}:./{name}");
    let failed = |message: String| Error::Git { rev: rev.to_owned(), path: path.to_path_buf(), message };
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["show", &spec])
        .output()
        .map_err(|e| failed(format!("cannot run git: {e}")))?;
    if !output.status.success() {
        return Err(failed(String::from_utf8_lossy(&output.stderr).trim().to_owned()));
    }
    let text = String::from_utf8(output.stdout).map_err(|_| failed("the file is not UTF-8".into()))?;
    Lock::from_json(&text)
        .map_err(|source| Error::BadLock { path: PathBuf::from(format!("{rev}:{}", path.display())), source })
}

/// Fills `renamed_from` on the current lock: carried over from `carried`
/// (the working copy's lock) for classes it already knew, then set by each
/// `--rename OLD=NEW`. A rename must name a class the crate has now and
/// one it no longer has; with a `baseline` lock, `OLD` must be one of its
/// classes.
pub fn declare_renames(
    current: &mut Lock,
    carried: Option<&Lock>,
    baseline: Option<&Lock>,
    renames: &[RenameArg],
) -> Result<(), Error> {
    if let Some(carried) = carried {
        for iface in &mut current.interfaces {
            if let Some(old) = carried.interface(&iface.class) {
                iface.renamed_from.clone_from(&old.renamed_from);
            }
        }
    }
    for (i, rename) in renames.iter().enumerate() {
        let bad = |why: String| Error::Rename(format!("`--rename {}={}`: {why}", rename.from, rename.to));
        if renames[..i].iter().any(|r| r.from == rename.from || r.to == rename.to) {
            return Err(bad("another `--rename` names the same class".into()));
        }
        if current.interface(&rename.from).is_some() {
            return Err(bad(format!("the crate still has class `{}`", rename.from)));
        }
        if let Some(baseline) = baseline
            && baseline.interface(&rename.from).is_none()
        {
            let known: Vec<String> = baseline.interfaces.iter().map(|i| format!("`{}`", i.class)).collect();
            return Err(bad(format!("the lock has no class `{}`; it has {}", rename.from, known.join(", "))));
        }
        let Some(iface) = current.interfaces.iter_mut().find(|i| i.class == rename.to) else {
            return Err(bad(format!("the crate has no class `{}`", rename.to)));
        };
        iface.renamed_from = Some(rename.from.clone());
    }
    Ok(())
}
