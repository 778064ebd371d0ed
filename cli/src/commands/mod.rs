//! The commands, one module each: read the arguments, call the generator
//! library, and say in one line what was done.

pub mod check;
pub mod entry;
pub mod lock;
pub mod new;
pub mod ts;
pub mod wrangler;

use crate::args::{Cli, Command};
use crate::error::Error;

/// What a successful command did, for its report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report(pub String);

/// Runs a parsed command line.
pub fn run(cli: &Cli) -> Result<Report, Error> {
    match &cli.command {
        Command::Ts(args) => ts::run(args),
        Command::Entry(args) => entry::run(args),
        Command::Check(args) => check::run(args),
        Command::Lock(args) => lock::run(args),
        Command::Wrangler(args) => wrangler::run(args),
        Command::New(args) => new::run(args),
    }
}

/// `wrote a, b in `dir``, or that nothing changed.
pub(crate) fn describe(written: &dogen_codegen::output::Written, dir: &std::path::Path) -> String {
    if written.changed.is_empty() {
        format!("`{}` is up to date: {}", dir.display(), written.unchanged.join(", "))
    } else if written.unchanged.is_empty() {
        format!("wrote {} in `{}`", written.changed.join(", "), dir.display())
    } else {
        format!(
            "wrote {} in `{}` ({} unchanged)",
            written.changed.join(", "),
            dir.display(),
            written.unchanged.join(", ")
        )
    }
}
