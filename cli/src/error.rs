//! How a command fails, and with which exit status.

use dogen_codegen::Error as CodegenError;

use crate::args::Command;
use crate::commands::check::Failure;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading, rendering or writing failed.
    #[error(transparent)]
    Codegen(#[from] CodegenError),
    /// `dogen check` or `dogen wrangler --check` found drift or a breaking
    /// change: not a failure to run.
    #[error("{}", .0.summary)]
    Check(Failure),
}

impl Error {
    /// The exit status of `command` failing with this error: 1 for drift
    /// or breaking changes and for errors of commands that write; 2 for
    /// errors of the checking commands (`dogen check`, `dogen wrangler
    /// --check`), so CI can tell "out of date" from "could not check".
    pub fn exit_code(&self, command: &Command) -> u8 {
        match (self, command) {
            (Error::Check(_), _) => 1,
            (_, Command::Check(_)) => 2,
            (_, Command::Wrangler(args)) if args.check => 2,
            _ => 1,
        }
    }

    /// Prints the error once: diagnostics one per line with a count,
    /// findings on stdout with their summary on stderr, anything else as
    /// `error: message`.
    pub fn print(&self) {
        match self {
            Error::Codegen(CodegenError::Diagnostics(list)) => {
                for diagnostic in list {
                    eprintln!("{diagnostic}");
                }
                eprintln!("error: {} error(s); nothing was written", list.len());
            }
            Error::Check(failure) => {
                println!("{}", failure.report);
                eprintln!("error: {}", failure.summary);
            }
            other => eprintln!("error: {other}"),
        }
    }
}
