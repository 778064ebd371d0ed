//! `dogen wrangler`: the crate's interfaces (and the renames its lock
//! records) → [`crate::wrangler::plan`] → the config written back, or with
//! `--check`, the drift reported.

use std::path::{Path, PathBuf};

use super::check::Failure;
use super::lock::{RenameArg, current, declare_renames, lock_path, read_file};
use super::{Error, Report};
use crate::wrangler::{self, DesiredObject, FILE_NAMES, Format, Options, Plan, Rename, Severity};

/// Arguments of `dogen wrangler`.
#[derive(Debug, clap::Args)]
pub struct WranglerArgs {
    /// The crate: a directory with `src/lib.rs` or `src/main.rs`.
    #[arg(default_value = ".", value_name = "CRATE_DIR")]
    pub crate_dir: PathBuf,
    /// The wrangler config (default: `wrangler.json`, `wrangler.jsonc` or
    /// `wrangler.toml` in CRATE_DIR, the first that exists).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The lock file whose recorded renames become `renamed_classes`
    /// (default: `dogen.lock` in CRATE_DIR; a missing file records none).
    #[arg(long, value_name = "FILE")]
    pub lock: Option<PathBuf>,
    /// Declare that class OLD is now class NEW, as `dogen lock --rename` does.
    #[arg(long, value_name = "OLD=NEW")]
    pub rename: Vec<RenameArg>,
    /// Delete classes that no longer have an interface (`deleted_classes`).
    /// This destroys their stored data; without it they are only reported.
    #[arg(long)]
    pub delete_removed: bool,
    /// Write nothing; report what would change and exit 1 if anything
    /// would change or a removed class needs a decision.
    #[arg(long)]
    pub check: bool,
}

/// Runs `dogen wrangler`.
pub fn run(args: &WranglerArgs) -> Result<Report, Error> {
    let path = config_path(&args.crate_dir, args.config.as_deref())?;
    let format = Format::from_path(&path).ok_or_else(|| Error::Wrangler {
        path: path.clone(),
        message: "the config must end in `.json`, `.jsonc` or `.toml`".into(),
    })?;
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Read { path: path.clone(), source })?;
    let mut now = current(&args.crate_dir)?;
    let locked = read_file(&lock_path(&args.crate_dir, args.lock.as_deref()))?;
    declare_renames(&mut now, locked.as_ref(), locked.as_ref(), &args.rename)?;
    let desired: Vec<DesiredObject> = now
        .interfaces
        .iter()
        .map(|i| DesiredObject { class: i.class.clone(), binding: i.binding.clone(), sqlite: i.sqlite })
        .collect();
    let renames: Vec<Rename> = now
        .interfaces
        .iter()
        .filter_map(|i| Some(Rename { from: i.renamed_from.clone()?, to: i.class.clone() }))
        .collect();
    let opts = Options { delete_removed: args.delete_removed };
    let plan = wrangler::plan(&text, format, &desired, &renames, opts)
        .map_err(|e| Error::Wrangler { path: path.clone(), message: e.to_string() })?;
    let findings = findings(&plan);
    if args.check {
        if plan.is_clean() {
            return Ok(Report(join(&findings, format!("`{}` is in line with the interfaces", path.display()))));
        }
        let shown = path.display().to_string();
        let diff = similar::TextDiff::from_lines(&text, &plan.text)
            .unified_diff()
            .context_radius(3)
            .header(&shown, &format!("{shown} (dogen wrangler)"))
            .to_string();
        let changes = plan.findings.iter().filter(|f| f.severity() == Severity::Change).count();
        let warnings = plan.findings.iter().filter(|f| f.severity() == Severity::Warning).count();
        let mut fix = String::new();
        if changes > 0 {
            fix.push_str("; run `dogen wrangler` to apply the changes");
        }
        if warnings > 0 {
            fix.push_str("; the warnings need a decision");
        }
        return Err(Error::Check(Failure {
            report: join(&findings, diff.trim_end().to_owned()),
            summary: format!("`{shown}` is out of date: {changes} change(s), {warnings} warning(s){fix}"),
        }));
    }
    if !plan.has_changes() {
        return Ok(Report(join(&findings, format!("`{}` is already in line with the interfaces", path.display()))));
    }
    write_atomically(&path, &plan.text)?;
    Ok(Report(join(&findings, format!("wrote `{}`", path.display()))))
}

/// `--config`, or the first wrangler config in the crate directory.
fn config_path(crate_dir: &Path, config: Option<&Path>) -> Result<PathBuf, Error> {
    if let Some(config) = config {
        return Ok(config.to_path_buf());
    }
    FILE_NAMES
        .iter()
        .map(|name| crate_dir.join(name))
        .find(|p| p.is_file())
        .ok_or_else(|| Error::NoWranglerConfig(crate_dir.to_path_buf()))
}

/// `change: ...`, `warning: ...`, `note: ...`, one line each.
fn findings(plan: &Plan) -> Vec<String> {
    plan.findings.iter().map(|f| format!("{}: {f}", f.severity())).collect()
}

fn join(lines: &[String], last: String) -> String {
    let mut all = lines.to_vec();
    all.push(last);
    all.join("\n")
}

/// Writes `text` to a file next to `path`, then renames it over `path`, so
/// a failed write leaves the config as it was.
fn write_atomically(path: &Path, text: &str) -> Result<(), Error> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let staging = path.with_file_name(format!(".{name}.dogen-{}", std::process::id()));
    let failed = |source| Error::Write { path: path.to_path_buf(), source };
    std::fs::write(&staging, text).map_err(failed)?;
    std::fs::rename(&staging, path).map_err(|source| {
        let _ = std::fs::remove_file(&staging);
        Error::Write { path: path.to_path_buf(), source }
    })
}
