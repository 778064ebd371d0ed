//! `dogen ts`: scan → model → validate → render → write.

use std::path::{Path, PathBuf};

use super::{Error, Report, TsArgs, write};
use crate::backend::ts::TypeScript;
use crate::backend::{OutputFile, render};
use crate::ctxt::Ctxt;
use crate::model::Api;
use crate::scan::Crate;
use crate::serde::{resolve, validate};

/// Runs `dogen ts`.
pub fn run(args: &TsArgs) -> Result<Report, Error> {
    let root = crate_root(&args.crate_dir)?;
    let (api, files) = generate(&root)?;
    write::replace_files(&args.out, &files)?;
    let names: Vec<&str> = files.iter().map(|f| f.name).collect();
    Ok(Report(format!(
        "wrote {} in `{}`: {} trait(s), {} type(s)",
        names.join(", "),
        args.out.display(),
        api.interfaces.len(),
        api.types.len()
    )))
}

/// The root module of the crate in `dir`: `src/lib.rs`, else `src/main.rs`.
pub fn crate_root(dir: &Path) -> Result<PathBuf, Error> {
    if !dir.is_dir() {
        return Err(Error::MissingCrateDir(dir.to_path_buf()));
    }
    ["src/lib.rs", "src/main.rs"]
        .iter()
        .map(|p| dir.join(p))
        .find(|p| p.is_file())
        .ok_or_else(|| Error::NoRootModule(dir.to_path_buf()))
}

/// Reads the crate whose root module is `root` and renders its TypeScript,
/// in memory. Every error of the crate is reported, sorted by place.
pub fn generate(root: &Path) -> Result<(Api, Vec<OutputFile>), Error> {
    let (_, api, ()) = load(root, |_, _, _| ())?;
    let files = render(&TypeScript, &api)?;
    Ok((api, files))
}

/// Scans the crate whose root module is `root`, builds and validates its
/// API, and runs `more`, a command's own checks, with the same error sink.
/// Every error of the crate is reported at once, sorted by place; a crate
/// without `#[durable]` traits is an error too.
pub fn load<T>(root: &Path, more: impl FnOnce(&Ctxt, &Crate, &Api) -> T) -> Result<(Crate, Api, T), Error> {
    let krate = Crate::scan(root).map_err(|source| Error::Read { path: root.to_path_buf(), source })?;
    let cx = Ctxt::new();
    let api = resolve::api(&cx, &krate);
    validate::validate(&cx, &api);
    let extra = more(&cx, &krate, &api);
    let mut diagnostics = krate.errors.clone();
    diagnostics.extend(krate.diagnostics(cx.into_errors()));
    if !diagnostics.is_empty() {
        diagnostics.sort();
        diagnostics.dedup();
        return Err(Error::Diagnostics(diagnostics));
    }
    if api.interfaces.is_empty() {
        return Err(Error::NoTraits(root.to_path_buf()));
    }
    Ok((krate, api, extra))
}
