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

use clap::Parser as _;

pub use args::{Cli, Command};
pub use commands::{Report, run};
pub use error::Error;

/// Parses `args` (the program name first), runs the command and prints
/// its report, or its error once, on stderr. Returns the exit status.
pub fn main(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
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
