//! `dogen wrangler`: the crate's interfaces (and the renames its lock
//! records) → [`wrangler::plan`] → the config written back, or with
//! `--check`, the drift reported.

use std::path::{Path, PathBuf};

use dogen_codegen::Error as CodegenError;
use dogen_codegen::lock::{declare_renames, lock_path, read_file};
use dogen_codegen::output;
use dogen_codegen::wrangler::{self, DesiredObject, FILE_NAMES, Format, Options, Plan, Rename, Severity};

use super::Report;
use super::check::Failure;
use super::lock::current;
use crate::args::WranglerArgs;
use crate::error::Error;

/// Runs `dogen wrangler`.
pub fn run(args: &WranglerArgs) -> Result<Report, Error> {
    let path = config_path(&args.crate_dir, args.config.as_deref())?;
    let format = Format::from_path(&path).ok_or_else(|| CodegenError::Wrangler {
        path: path.clone(),
        message: "the config must end in `.json`, `.jsonc` or `.toml`".into(),
    })?;
    let text = std::fs::read_to_string(&path).map_err(|source| CodegenError::Read { path: path.clone(), source })?;
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
        .map_err(|e| CodegenError::Wrangler { path: path.clone(), message: e.to_string() })?;
    let findings = findings(&plan);
    if args.check {
        if plan.is_clean() {
            return Ok(Report(join(&findings, format!("`{}` is in line with the interfaces", path.display()))));
        }
        let shown = path.display().to_string();
        let diff = dogen_codegen::drift::unified_diff(&text, &plan.text, &path, "dogen wrangler");
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
    output::write_file(&path, plan.text.as_bytes())?;
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
        .ok_or_else(|| CodegenError::NoWranglerConfig(crate_dir.to_path_buf()).into())
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
