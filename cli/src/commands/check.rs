//! `dogen check`: generated files against the source (`--out`), the
//! interface against its lock (`--breaking`). Reads only; never writes.

use dogen_codegen::backend::render;
use dogen_codegen::lock::{self, Change, Severity};
use dogen_codegen::{drift, load};

use super::Report;
use crate::args::CheckArgs;
use crate::error::Error;

/// What `dogen check` found wrong: printed in full on stdout, with
/// `summary` as the error line. Exit code 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Everything found: diffs, file lists, classified changes.
    pub report: String,
    /// One line.
    pub summary: String,
}

/// Runs `dogen check`.
pub fn run(args: &CheckArgs) -> Result<Report, Error> {
    let mut report = Vec::new();
    let mut problems = Vec::new();
    let mut fine = Vec::new();
    if let Some(out) = &args.out {
        let (backend, fix) = args.backend.backend(args, out)?;
        let loaded = load::load(&args.crate_dir, &[backend.as_ref()])?;
        let files = render(backend.as_ref(), &loaded.api)?;
        let drift = drift::compare(out, &files, backend.owns_out_dir())?;
        crate::release((loaded, files));
        if drift.is_clean() {
            fine.push(format!("`{}` is up to date", out.display()));
        } else {
            report.push(drift.render(out, &format!("dogen {}", backend.name())));
            problems.push(drift.summary(out, &fix));
        }
    }
    if args.breaking {
        let (changes, against) = breaking(args)?;
        let breaking = changes.iter().filter(|c| c.severity == Severity::Breaking).count();
        let count = format!("{breaking} breaking and {} compatible change(s)", changes.len() - breaking);
        if changes.is_empty() {
            fine.push(format!("the interface matches {against}"));
        } else if breaking == 0 {
            let lines: Vec<String> = changes.iter().map(ToString::to_string).collect();
            fine.push(format!("{}\n{count} against {against}", lines.join("\n")));
        } else {
            let lines: Vec<String> = changes.iter().map(ToString::to_string).collect();
            report.push(lines.join("\n"));
            problems.push(format!("{count} against {against}"));
        }
    }
    if problems.is_empty() {
        return Ok(Report(fine.join("\n")));
    }
    report.extend(fine);
    Err(Error::Check(Failure { report: report.join("\n"), summary: problems.join("; ") }))
}

/// The changes from the lock to the current interface, and what the lock
/// was (for messages).
fn breaking(args: &CheckArgs) -> Result<(Vec<Change>, String), Error> {
    let path = lock::lock_path(&args.crate_dir, args.lock.as_deref());
    let (baseline, working, against) = match &args.against {
        Some(rev) => {
            (lock::read_at_revision(&path, rev)?, lock::read_file(&path)?, format!("`{}` at `{rev}`", path.display()))
        }
        None => {
            let lock = lock::read_file(&path)?.ok_or_else(|| dogen_codegen::Error::NoLock(path.clone()))?;
            (lock.clone(), Some(lock), format!("`{}`", path.display()))
        }
    };
    let mut now = super::lock::current(&args.crate_dir)?;
    lock::declare_renames(&mut now, working.as_ref(), Some(&baseline), &args.rename)?;
    Ok((lock::diff(&baseline, &now), against))
}
