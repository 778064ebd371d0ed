//! The `dogen` command line: parses arguments, runs the command, reports.

use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser as _;
use dogen_codegen::cli::{self, Cli, Error};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(report) => {
            if !report.is_empty() {
                println!("{report}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            let code = error.downcast_ref::<Error>().map_or(1, |e| e.exit_code(&cli.command));
            match error.downcast_ref::<Error>() {
                // Already one `file:line:col: error: message` per line.
                Some(Error::Diagnostics(list)) => {
                    eprintln!("{}", error.root_cause());
                    eprintln!("error: {} error(s); nothing was written", list.len());
                }
                // Drift or breaking changes: the findings are the output.
                Some(Error::Check(failure)) => {
                    println!("{}", failure.report);
                    eprintln!("error: {}", failure.summary);
                }
                _ => eprintln!("error: {error:#}"),
            }
            ExitCode::from(code)
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<String> {
    let report = cli::run(cli).map_err(anyhow::Error::from).context("dogen failed")?;
    Ok(report.0)
}
