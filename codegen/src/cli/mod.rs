//! The `dogen` command line as a library: the arguments (clap) and the
//! commands. `src/bin/dogen.rs` only parses, runs and reports.

pub mod check;
pub mod entry;
pub mod lock;
pub mod ts;
pub mod wrangler;
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
    /// Check, writing nothing, that the files in DIR are what `dogen ts`
    /// writes (`--out DIR`), and that the interface has no breaking change
    /// since its lock file (`--breaking`).
    ///
    /// `--out DIR`: prints a unified diff per changed file and lists missing
    /// files and extra ones. DIR belongs to dogen: every file in it that
    /// `dogen ts` does not write is extra.
    ///
    /// `--breaking`: compares the interface with `dogen.lock` (or with the
    /// lock at a git revision, `--against`), prints every change as
    /// `file:line: breaking [kind] item: why` (or `compatible`), and fails
    /// on any breaking one. docs/breaking.md has the rules.
    ///
    /// Exit status: 0 when everything matches, 1 on drift or a breaking
    /// change, 2 on usage errors, unreadable crates or lock files.
    #[command(after_help = "Examples:\n  \
        dogen check examples/counter --out examples/counter/ts\n  \
        dogen check --breaking --against origin/main")]
    Check(check::CheckArgs),
    /// Write `dogen.lock`: every durable interface (classes, bindings,
    /// methods with wire names, argument and result types, and the serde
    /// types they reach), the baseline of `dogen check --breaking`.
    ///
    /// Writing the lock accepts the current interface, breaking changes
    /// included (they are listed). `--rename OLD=NEW` records that class
    /// OLD became NEW, so `dogen check --breaking` treats it as compatible
    /// and `dogen wrangler` adds the `renamed_classes` migration.
    #[command(after_help = "Example:\n  dogen lock examples/counter")]
    Lock(LockArgs),
    /// Bring `durable_objects.bindings` and `migrations` of the crate's
    /// wrangler config (`wrangler.json`, `wrangler.jsonc` or `wrangler.toml`)
    /// in line with its interfaces, keeping comments and formatting.
    ///
    /// A missing binding is added, a binding of ours gets its interface's
    /// name, a new class gets a migration (`new_sqlite_classes`, or
    /// `new_classes` for `#[durable(sqlite = false)]`), a class renamed in
    /// the lock file gets `renamed_classes`. A class that lost its
    /// interface is reported, and deleted only with `--delete-removed`.
    /// With `--check`, nothing is written and drift exits 1.
    #[command(after_help = "Examples:\n  dogen wrangler examples/counter\n  dogen wrangler --check")]
    Wrangler(wrangler::WranglerArgs),
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

/// Arguments of `dogen lock`.
#[derive(Debug, clap::Args)]
pub struct LockArgs {
    /// The crate: a directory with `src/lib.rs` or `src/main.rs`.
    #[arg(default_value = ".", value_name = "CRATE_DIR")]
    pub crate_dir: PathBuf,
    /// Where to write the lock (default: `dogen.lock` in CRATE_DIR).
    #[arg(long, value_name = "FILE")]
    pub lock: Option<PathBuf>,
    /// Record that class OLD of the previous lock is now class NEW.
    #[arg(long, value_name = "OLD=NEW")]
    pub rename: Vec<lock::RenameArg>,
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
    /// `dogen check` or `dogen wrangler --check` found drift or a breaking
    /// change: not a failure to run, exit code 1.
    #[error("{}", .0.summary)]
    Check(check::Failure),
    /// `dogen check --breaking` without a lock file.
    #[error("no lock file `{0}`; write one with `dogen lock`")]
    NoLock(PathBuf),
    /// A lock file that cannot be read.
    #[error("cannot read lock file `{path}`: {source}")]
    BadLock {
        /// The file (or `REV:file`).
        path: PathBuf,
        /// Why.
        #[source]
        source: crate::lock::LockError,
    },
    /// `git show REV:lock` failed.
    #[error("cannot read `{path}` at git revision `{rev}`: {message}")]
    Git {
        /// The revision.
        rev: String,
        /// The lock file.
        path: PathBuf,
        /// git's message.
        message: String,
    },
    /// A `--rename` that does not fit the crate or the lock.
    #[error("{0}")]
    Rename(String),
    /// No wrangler config in the crate directory.
    #[error("no `wrangler.json`, `wrangler.jsonc` or `wrangler.toml` in `{0}`; pass `--config FILE`")]
    NoWranglerConfig(PathBuf),
    /// The wrangler config cannot be planned.
    #[error("{}: {message}", path.display())]
    Wrangler {
        /// The config file.
        path: PathBuf,
        /// What is wrong, `line:col: ` first when known.
        message: String,
    },
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
}

/// What a successful command did, for its one-line report.
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
    }
}
