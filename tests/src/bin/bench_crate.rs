//! Writes a benchmark crate's sources (see `dogen_tests::bench_crate`):
//!
//!     bench-crate DIR [--flavor plain|dogen|tarpc|jsonrpsee] [--traits N]
//!         [--methods N] [--types N] [--files N] [--buildable] [--no-entries]
//!         [--no-client] [--typeshare] [--dogen PATH]
//!
//! Defaults are the `dogen ts` benchmark's crate (`Spec::TS`). With
//! `--dogen`, also writes `DIR/deps.toml`: the `[dependencies]` the crate
//! needs, `dogen` at PATH.

use std::path::PathBuf;
use std::process::ExitCode;

use dogen_tests::bench_crate::{Flavor, Spec};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut spec = Spec::TS;
    let mut dir = None;
    let mut dogen = None;
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> usize {
            args.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| panic!("{name} takes a number"))
        };
        match arg.as_str() {
            "--traits" => spec.traits = number("--traits"),
            "--methods" => spec.methods = number("--methods"),
            "--types" => spec.types = number("--types"),
            "--files" => spec.files = number("--files"),
            "--buildable" => spec.buildable = true,
            "--typeshare" => spec.typeshare = true,
            "--no-entries" => spec.rpc_entries = false,
            "--no-client" => spec.client = false,
            "--flavor" => {
                let name = args.next().unwrap_or_default();
                spec.flavor = Flavor::from_name(&name).unwrap_or_else(|| panic!("unknown flavor `{name}`"));
            }
            "--dogen" => dogen = args.next().map(PathBuf::from),
            "-h" | "--help" => {
                eprintln!("{}", include_str!("bench_crate.rs").lines().take(8).collect::<Vec<_>>().join("\n"));
                return ExitCode::SUCCESS;
            }
            _ if dir.is_none() && !arg.starts_with('-') => dir = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("bench-crate: unexpected argument `{arg}` (see --help)");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("bench-crate: which directory? (see --help)");
        return ExitCode::from(2);
    };
    if let Some(conflict) = spec.conflict() {
        eprintln!("bench-crate: {conflict}");
        return ExitCode::from(2);
    }
    let files = spec.write(&dir).expect("bench crate written");
    if let Some(dogen) = dogen {
        std::fs::write(dir.join("deps.toml"), spec.dependencies(&dogen)).expect("deps.toml written");
    }
    let bytes: u64 = files.iter().map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0)).sum();
    println!("{} files, {} bytes", files.len(), bytes);
    ExitCode::SUCCESS
}
