//! `dogen lock`: the current interface → `dogen.lock`, written atomically.
//! A lock that cannot be read (damaged, or of another format) is replaced.

use std::path::Path;

use dogen_codegen::lock::{self, Lock, build};
use dogen_codegen::{load, output};

use super::Report;
use crate::args::LockArgs;
use crate::error::Error;

/// Runs `dogen lock`.
pub fn run(args: &LockArgs) -> Result<Report, Error> {
    let path = lock::lock_path(&args.crate_dir, args.lock.as_deref());
    // A lock that cannot be read is what this command repairs: it is
    // replaced, and no renames are carried over from it.
    let (previous, replaced) = match lock::read_file(&path) {
        Ok(previous) => (previous, None),
        Err(dogen_codegen::Error::BadLock { source, .. }) => (None, Some(source)),
        Err(other) => return Err(other.into()),
    };
    let mut current = current(&args.crate_dir)?;
    lock::declare_renames(&mut current, previous.as_ref(), previous.as_ref(), &args.rename)?;
    let accepted = previous.as_ref().map(|p| lock::diff(p, &current)).unwrap_or_default();
    let changed = output::write_file(&path, current.to_json().as_bytes())?;
    let what = if changed { "wrote" } else { "up to date:" };
    let mut report =
        format!("{what} `{}`: {} class(es), {} type(s)", path.display(), current.interfaces.len(), current.types.len());
    if let Some(why) = replaced {
        report.push_str(&format!("; it replaces a lock that could not be read ({why})"));
    }
    let breaking: Vec<_> = accepted.iter().filter(|c| c.severity == lock::Severity::Breaking).collect();
    if !breaking.is_empty() {
        report.push_str(&format!("; it accepts {} breaking change(s) since the previous lock:", breaking.len()));
        for change in breaking {
            report.push_str(&format!("\n  {change}"));
        }
    }
    Ok(Report(report))
}

/// The lock of the crate in `crate_dir` as its source is now, with every
/// error of the crate reported, like `dogen ts` does.
pub fn current(crate_dir: &Path) -> Result<Lock, Error> {
    let loaded = load::load(crate_dir, &[])?;
    let lock = build::from_api(&loaded.api, &loaded.krate, crate_dir);
    crate::release(loaded);
    Ok(lock)
}
