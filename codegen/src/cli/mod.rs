//! The `dogen` command line as a library: the arguments (clap) and the
//! commands. `src/bin/dogen.rs` only parses, runs and reports.

pub mod entry;
pub mod ts;
pub mod write;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::backend::RenderError;
use crate::scan::Diagnostic;

/// Generate code from the `#[dogen::durable]` traits of a Rust crate, read
/// from source (the crate is not compiled, so wasm32-only crates work).
#[derive(Debug, Parser)]
#[command(name = "dogen", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write TypeScript for a crate's Durable Objects: `index.ts` (a branded
    /// type per `#[durable]` trait and every serde type its methods use),
    /// `env.d.ts` (the namespace bindings on `Env`, merging with `wrangler
    /// types`) and `client.ts` (a client for the fetch wire format).
    ///
    /// Files are rendered in memory and moved into OUT only when everything
    /// succeeded; on error OUT is left as it was. Errors are printed as
    /// `file:line:col: error: message`, all of them.
    #[command(after_help = "Example:\n  dogen ts examples/counter --out examples/counter/ts")]
    Ts(TsArgs),
    /// Write the JavaScript entry module that lets the crate's Rust Durable
    /// Objects answer native Workers RPC: `entry.js`, with one `class X
    /// extends DurableObject` per `#[dogen::object]` struct, forwarding exactly
    /// its interface's methods (and `fetch`, `alarm` and the WebSocket
    /// handlers) to the Rust object, and the Worker's own handlers as the
    /// default export.
    ///
    /// Put it next to wasm-bindgen's output (`wasm-bindgen --target bundler
    /// --out-name MODULE`), and make it the Worker's `main`.
    #[command(after_help = "Example:\n  \
        cargo build --release --target wasm32-unknown-unknown\n  \
        wasm-bindgen --target bundler --out-name index --out-dir build target/wasm32-unknown-unknown/release/counter.wasm\n  \
        dogen entry examples/counter --out build      # then main = \"build/entry.js\" in wrangler config")]
    Entry(EntryArgs),
    /// Reserved: checking that generated files are up to date. Not available yet.
    #[command(hide = true)]
    Check,
}

/// Arguments of `dogen ts`.
#[derive(Debug, clap::Args)]
pub struct TsArgs {
    /// The crate: a directory with `src/lib.rs` or `src/main.rs`.
    #[arg(default_value = ".", value_name = "CRATE_DIR")]
    pub crate_dir: PathBuf,
    /// Where to write `index.ts`, `env.d.ts` and `client.ts` (created if
    /// missing; other files in it are left alone).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
}

/// Arguments of `dogen entry`.
#[derive(Debug, clap::Args)]
pub struct EntryArgs {
    /// The crate: a directory with `src/lib.rs` or `src/main.rs`.
    #[arg(default_value = ".", value_name = "CRATE_DIR")]
    pub crate_dir: PathBuf,
    /// Where to write `entry.js`: wasm-bindgen's output directory.
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// wasm-bindgen's `--out-name`: the entry imports `./MODULE_bg.js` and
    /// `./MODULE_bg.wasm`.
    #[arg(long, default_value = "index", value_name = "MODULE")]
    pub module: String,
}

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The crate directory does not exist.
    #[error("crate directory `{0}` does not exist")]
    MissingCrateDir(PathBuf),
    /// The crate directory has no root module.
    #[error("no `src/lib.rs` or `src/main.rs` in `{0}`")]
    NoRootModule(PathBuf),
    /// A file could not be read.
    #[error("cannot read `{path}`: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The crate's source has errors, each with its place.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Diagnostics(Vec<Diagnostic>),
    /// The crate has no `#[durable]` trait.
    #[error(
        "no `#[durable]` trait found in `{0}` or the modules it declares; dogen reads traits marked `#[dogen::durable]` or `#[durable]`"
    )]
    NoTraits(PathBuf),
    /// The crate has no `#[dogen::object]` struct.
    #[error(
        "no `#[dogen::object(Trait)]` struct found in `{0}` or the modules it declares; put it on the workers-rs `#[durable_object]` struct that serves the trait"
    )]
    NoObjects(PathBuf),
    /// `--module` is not a file stem.
    #[error("`--module {0}` is not a file stem (letters, digits, `_`, `-`)")]
    BadModuleName(String),
    /// A template failed: a bug in dogen.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// An output file could not be written.
    #[error("cannot write `{path}`: {source}")]
    Write {
        /// The file or directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// `dogen check`, which is reserved.
    #[error("`dogen check` is reserved for a later version of dogen and does nothing yet")]
    Reserved,
}

/// What a successful command did, for its one-line report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report(pub String);

/// Runs a parsed command line.
pub fn run(cli: &Cli) -> Result<Report, Error> {
    match &cli.command {
        Command::Ts(args) => ts::run(args),
        Command::Entry(args) => entry::run(args),
        Command::Check => Err(Error::Reserved),
    }
}
