//! The `dogen` command line: parses arguments, runs the command, reports.

use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser as _;
use dogen_codegen::cli::{self, Cli, Error};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            match error.downcast_ref::<Error>() {
                // Already one `file:line:col: error: message` per line.
                Some(Error::Diagnostics(list)) => {
                    eprintln!("{}", error.root_cause());
                    eprintln!("error: {} error(s); nothing was written", list.len());
                }
                _ => eprintln!("error: {error:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<String> {
    let report = cli::run(cli).map_err(anyhow::Error::from).context("dogen failed")?;
    Ok(report.0)
}
