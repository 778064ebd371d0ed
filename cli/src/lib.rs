//! The `dogen` command line, as a library: [`args`] (clap), [`commands`]
//! (one module per command, each a thin layer over `dogen-codegen`) and
//! [`main`], which both binaries run: `dogen` and `cargo-dogen` (so that
//! `cargo dogen ts` works in any project).
#![warn(missing_docs)]

pub mod args;
pub mod commands;
pub mod error;

use std::ffi::OsString;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser as _;

pub use args::{Cli, Command};
pub use commands::{Report, run};
pub use error::Error;

/// Whether the process ends as soon as the command returns: set by
/// [`main`], which the binaries call (and not by [`run`], which tests and
/// other programs call in process).
static EXITS_AFTER: AtomicBool = AtomicBool::new(false);

/// Lets go of a command's large values (the crate's syntax trees and the
/// model built from them): freed as usual in process, but left to the
/// operating system when the process ends next, which reclaims them at
/// once where freeing them piece by piece takes a tenth of a large run.
pub(crate) fn release<T>(value: T) {
    if EXITS_AFTER.load(Ordering::Relaxed) {
        std::mem::forget(value);
    }
}

/// Parses `args` (the program name first), runs the command and prints
/// its report, or its error once, on stderr. Returns the exit status.
/// The process is expected to end when it returns (the model and syntax are left to the OS at exit rather than freed).
pub fn main(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    EXITS_AFTER.store(true, Ordering::Relaxed);
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        // clap prints help and version on stdout (status 0) and usage
        // errors on stderr (status 2).
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    match run(&cli) {
        Ok(report) => {
            if !cli.quiet && !report.0.is_empty() {
                println!("{}", report.0);
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            error.print();
            ExitCode::from(error.exit_code(&cli.command))
        }
    }
}
