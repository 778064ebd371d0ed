//! `dogen check`: generated files against the source (`--out`), the
//! interface against its lock (`--breaking`). Reads only; never writes.

use std::fs;
use std::path::{Path, PathBuf};

use super::lock::{RenameArg, current, declare_renames, lock_path, read_at_revision, read_file};
use super::{Error, Report, ts};
use crate::backend::OutputFile;
use crate::lock::{self, Change, Severity};

/// Arguments of `dogen check`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["out", "breaking"])))]
pub struct CheckArgs {
    /// The crate: a directory with `src/lib.rs` or `src/main.rs`.
    #[arg(default_value = ".", value_name = "CRATE_DIR")]
    pub crate_dir: PathBuf,
    /// Compare the TypeScript `dogen ts` would write with the files in DIR.
    /// DIR belongs to dogen: any file in it that `dogen ts` does not write
    /// counts as extra.
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Compare the interface with the lock file and classify every change
    /// as compatible or breaking for callers that are already deployed.
    #[arg(long)]
    pub breaking: bool,
    /// The lock file (default: `dogen.lock` in CRATE_DIR).
    #[arg(long, value_name = "FILE", requires = "breaking")]
    pub lock: Option<PathBuf>,
    /// Compare with the lock file as committed at this git revision (e.g.
    /// `origin/main`) instead of the working copy's.
    #[arg(long, value_name = "REV", requires = "breaking")]
    pub against: Option<String>,
    /// Declare that class OLD of the lock is now class NEW (a
    /// `renamed_classes` migration): compatible, not a removal. Renames
    /// recorded in the working copy's lock (`dogen lock --rename`) count too.
    #[arg(long, value_name = "OLD=NEW", requires = "breaking")]
    pub rename: Vec<RenameArg>,
}

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
        let root = ts::crate_root(&args.crate_dir)?;
        let (_, files) = ts::generate(&root)?;
        let drift = compare(out, &files)?;
        if drift.is_clean() {
            fine.push(format!("`{}` is up to date", out.display()));
        } else {
            report.push(drift.render(out));
            problems.push(drift.summary(out, &args.crate_dir));
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
    let path = lock_path(&args.crate_dir, args.lock.as_deref());
    let (baseline, working, against) = match &args.against {
        Some(rev) => (read_at_revision(&path, rev)?, read_file(&path)?, format!("`{}` at `{rev}`", path.display())),
        None => {
            let lock = read_file(&path)?.ok_or_else(|| Error::NoLock(path.clone()))?;
            (lock.clone(), Some(lock), format!("`{}`", path.display()))
        }
    };
    let mut now = current(&args.crate_dir)?;
    declare_renames(&mut now, working.as_ref(), Some(&baseline), &args.rename)?;
    Ok((lock::diff(&baseline, &now), against))
}

/// How an output directory differs from what `dogen ts` would write.
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

    /// The diffs, then one line per missing and extra file.
    pub fn render(&self, dir: &Path) -> String {
        let mut out = String::new();
        for (_, diff) in &self.changed {
            out.push_str(diff);
        }
        for name in &self.missing {
            out.push_str(&format!("missing: {} (dogen ts writes it)\n", dir.join(name).display()));
        }
        for name in &self.extra {
            out.push_str(&format!("extra: {} (dogen ts does not write it)\n", dir.join(name).display()));
        }
        out.trim_end().to_owned()
    }

    fn summary(&self, dir: &Path, crate_dir: &Path) -> String {
        let mut fix = format!("run `dogen ts {} --out {}`", crate_dir.display(), dir.display());
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

/// Compares the files in `dir` with `files`, reading only.
pub fn compare(dir: &Path, files: &[OutputFile]) -> Result<Drift, Error> {
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
                let shown = path.display().to_string();
                let diff = similar::TextDiff::from_lines(old.as_ref(), file.contents.as_str())
                    .unified_diff()
                    .context_radius(3)
                    .header(&shown, &format!("{shown} (generated)"))
                    .to_string();
                drift.changed.push((file.name.to_owned(), diff));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => drift.missing.push(file.name.to_owned()),
            Err(source) => return Err(Error::Read { path, source }),
        }
    }
    if dir.is_dir() {
        let entries = fs::read_dir(dir).map_err(|source| Error::Read { path: dir.to_path_buf(), source })?;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Read { path: dir.to_path_buf(), source })?;
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
