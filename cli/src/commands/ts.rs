//! `dogen ts`: load → validate → render TypeScript → write all or nothing.

use dogen_codegen::backend::{render, ts::TypeScript};
use dogen_codegen::{load, output};

use super::{Report, describe};
use crate::args::TsArgs;
use crate::error::Error;

/// Runs `dogen ts`.
pub fn run(args: &TsArgs) -> Result<Report, Error> {
    output::check_out_dir(&args.crate_dir, &args.out)?;
    let loaded = load::load(&args.crate_dir, &[&TypeScript])?;
    let files = render(&TypeScript, &loaded.api)?;
    let written = output::write_dir(&args.out, &files)?;
    let report = Report(format!(
        "{}: {} trait(s), {} type(s)",
        describe(&written, &args.out),
        loaded.api.interfaces.len(),
        loaded.api.types.len()
    ));
    crate::release((loaded, files));
    Ok(report)
}
