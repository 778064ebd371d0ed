//! `dogen lock`: the current interface → `dogen.lock`; and the lock
//! plumbing `dogen check --breaking` and `dogen wrangler` share: reading a
//! lock from a file or a git revision, and declared class renames.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{Error, LockArgs, Report, ts};
use crate::lock::{self, LOCK_FILE, Lock, build};

/// A class rename declared on the command line: `--rename OLD=NEW`.
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

/// Runs `dogen lock`.
pub fn run(args: &LockArgs) -> Result<Report, Error> {
    let path = lock_path(&args.crate_dir, args.lock.as_deref());
    let previous = read_file(&path)?;
    let mut current = current(&args.crate_dir)?;
    declare_renames(&mut current, previous.as_ref(), previous.as_ref(), &args.rename)?;
    let accepted = previous.as_ref().map(|p| lock::diff(p, &current)).unwrap_or_default();
    let text = current.to_json();
    std::fs::write(&path, &text).map_err(|source| Error::Write { path: path.clone(), source })?;
    let mut report =
        format!("wrote `{}`: {} class(es), {} type(s)", path.display(), current.interfaces.len(), current.types.len());
    let breaking = accepted.iter().filter(|c| c.severity == lock::Severity::Breaking).count();
    if breaking > 0 {
        report.push_str(&format!("; it accepts {breaking} breaking change(s) since the previous lock:"));
        for change in accepted.iter().filter(|c| c.severity == lock::Severity::Breaking) {
            report.push_str(&format!("\n  {change}"));
        }
    }
    Ok(Report(report))
}

/// `--lock`, or `dogen.lock` in the crate directory.
pub fn lock_path(crate_dir: &Path, lock: Option<&Path>) -> PathBuf {
    lock.map(Path::to_path_buf).unwrap_or_else(|| crate_dir.join(LOCK_FILE))
}

/// The lock of the crate in `crate_dir` as its source is now, with every
/// error of the crate reported, like `dogen ts` does.
pub fn current(crate_dir: &Path) -> Result<Lock, Error> {
    let root = ts::crate_root(crate_dir)?;
    let (krate, api, ()) = ts::load(&root, |_, _, _| ())?;
    Ok(build::from_api(&api, &krate, crate_dir))
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
