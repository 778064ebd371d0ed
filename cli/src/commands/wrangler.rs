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
    let loaded = dogen_codegen::load::load(&args.crate_dir, &[])?;
    let mut now = dogen_codegen::lock::build::from_api(&loaded.api, &loaded.krate, &args.crate_dir);
    let locked = read_file(&lock_path(&args.crate_dir, args.lock.as_deref()))?;
    declare_renames(&mut now, locked.as_ref(), locked.as_ref(), &args.rename)?;
    let desired: Vec<DesiredObject> = now
        .interfaces
        .iter()
        .map(|i| DesiredObject { class: i.class.clone(), binding: i.binding.clone(), sqlite: i.sqlite })
        .collect();
    let mut renames: Vec<Rename> = now
        .interfaces
        .iter()
        .filter_map(|i| Some(Rename { from: i.renamed_from.clone()?, to: i.class.clone() }))
        .collect();
    // A workers-rs object moving to dogen: workers-rs exported the struct's
    // name as the class, dogen's entry exports the interface's class. Where
    // the config still has the struct's name, the planner renames it (it
    // applies a rename only when `from` is live and `to` is not).
    let moves = moved_exports(&loaded.api, &renames);
    renames.extend(moves.iter().map(|m| m.rename.clone()));
    let opts = Options { delete_removed: args.delete_removed };
    let plan = wrangler::plan(&text, format, &desired, &renames, opts)
        .map_err(|e| CodegenError::Wrangler { path: path.clone(), message: e.to_string() })?;
    let mut findings = findings(&plan);
    findings.extend(moves.iter().filter(|m| renamed(&plan, &m.rename)).map(Move::explain));
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

/// A `#[dogen::object]` struct whose name (the class workers-rs exported)
/// differs from its interface's class (the class dogen's entry exports).
struct Move {
    rename: Rename,
    object: String,
    interface: String,
}

impl Move {
    /// Why the config gets a `renamed_classes` migration.
    fn explain(&self) -> String {
        format!(
            "note: class `{from}` is the name workers-rs exported for struct `{object}`; dogen's entry exports its \
             interface's class, `{to}` (the `class` of `#[durable]` on `{interface}`, by default the trait's name), \
             so the config renames `{from}` to `{to}` and keeps its stored data; to keep the name `{from}` instead, \
             write `#[durable(class = \"{from}\")]` on `{interface}`",
            from = self.rename.from,
            to = self.rename.to,
            object = self.object,
            interface = self.interface,
        )
    }
}

/// The moves of the crate's objects, leaving out classes already renamed.
fn moved_exports(api: &dogen_codegen::model::Api, renames: &[Rename]) -> Vec<Move> {
    api.objects
        .iter()
        .filter_map(|served| {
            let iface = &api.interfaces[served.interface];
            let export = served.object.ident.to_string();
            let known = renames.iter().any(|r| r.from == export || r.to == iface.class);
            (export != iface.class && !known).then(|| Move {
                rename: Rename { from: export.clone(), to: iface.class.clone() },
                object: export,
                interface: iface.ident.to_string(),
            })
        })
        .collect()
}

/// Whether the plan's new migration renames as `rename` says.
fn renamed(plan: &Plan, rename: &Rename) -> bool {
    plan.findings.iter().any(|f| match f {
        dogen_codegen::wrangler::Finding::MigrationAdded(m) => m.renamed_classes.contains(rename),
        _ => false,
    })
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
