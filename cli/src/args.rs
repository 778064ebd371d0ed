//! The command line's arguments (clap). Each command's first doc line is its
//! one-line summary in `dogen --help`; the rest is its long help
//! (`dogen <command> --help`).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use dogen_codegen::Error as CodegenError;
use dogen_codegen::backend::Backend;
use dogen_codegen::backend::entry::Entry;
use dogen_codegen::backend::ts::TypeScript;
use dogen_codegen::lock::RenameArg;

/// TypeScript, native Workers RPC and CI checks for Rust Durable Objects.
///
/// Everything is generated from the crate's `#[dogen::durable]` traits.
///
/// dogen reads the crate's source with syn; it does not compile it, so
/// wasm32-only crates work. Errors name `file:line:col`; every command
/// exits 0 on success, 1 on an error or on drift, and 2 on a usage error
/// or when a checking command could not check.
#[derive(Debug, Parser)]
#[command(name = "dogen", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// Print nothing on success (errors are still printed).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write TypeScript types, `Env` bindings and a fetch client.
    ///
    /// Writes `index.ts` (a branded type per `#[durable]` trait, for
    /// `DurableObjectNamespace<Counter>`, and every serde type its methods
    /// use), `env.d.ts` (the namespace bindings on `Env`, merging with
    /// `wrangler types`) and `client.ts` (a client for the fetch wire
    /// format).
    ///
    /// OUT belongs to dogen: it is replaced as a whole, all or nothing, so
    /// a failure or a kill leaves it as it was; files already as generated
    /// are not rewritten.
    #[command(after_help = "Example:\n  dogen ts examples/counter --out examples/counter/ts")]
    Ts(TsArgs),
    /// Write `entry.js`, which gives the Rust objects native Workers RPC.
    ///
    /// One `class X extends DurableObject` per `#[dogen::object]` struct,
    /// forwarding exactly its interface's methods (and `fetch`, `alarm` and
    /// the WebSocket handlers) to the Rust object, and the Worker's own
    /// handlers as the default export. Write it next to the build's
    /// `MODULE.js` and make it the Worker's `main`. Either build works:
    /// worker-build (`worker-build --release`, then `dogen entry --out
    /// build`), or wasm-bindgen alone with `--target module
    /// --experimental-reset-state-function --force-enable-abort-handler`.
    ///
    /// A call never hangs: a panic rejects the call that panicked with its
    /// message, calls in flight finish, and the object continues on a fresh
    /// Wasm instance.
    #[command(after_help = "Examples:\n  \
        worker-build --release && dogen entry --out build   # main = \"build/entry.js\"\n\n  \
        cargo build --release --target wasm32-unknown-unknown\n  \
        wasm-bindgen --target module --experimental-reset-state-function --force-enable-abort-handler \\\n    \
        --out-name index --out-dir build target/wasm32-unknown-unknown/release/counter.wasm\n  \
        dogen entry --out build")]
    Entry(EntryArgs),
    /// Check that generated files and the interface match the source.
    ///
    /// `--out DIR`: compares DIR with what the backend (`--backend`, `ts`
    /// by default) writes now; prints a unified diff per changed file and
    /// lists missing files and, for backends that own their directory,
    /// extra ones.
    ///
    /// `--breaking`: compares the interface with `dogen.lock` (or with the
    /// lock at a git revision, `--against`), prints every change as
    /// `file:line: breaking [kind] item: why` (or `compatible`), and fails
    /// on any breaking one. docs/breaking.md has the rules.
    ///
    /// Exit status: 0 when everything matches, 1 on drift or a breaking
    /// change, 2 when the check could not run (usage errors, unreadable
    /// crates or lock files).
    #[command(after_help = "Examples:\n  \
        dogen check examples/counter --out examples/counter/ts\n  \
        dogen check examples/counter --out build --backend entry\n  \
        dogen check --breaking --against origin/main")]
    Check(CheckArgs),
    /// Record the interfaces in `dogen.lock`, for breaking-change checks.
    ///
    /// The lock holds every durable interface: classes, bindings, methods
    /// with wire names, argument and result types, and the serde types they
    /// reach. Writing it accepts the current interface, breaking changes
    /// included (they are listed). `--rename OLD=NEW` records that class
    /// OLD became NEW, so `dogen check --breaking` treats it as compatible
    /// and `dogen wrangler` adds the `renamed_classes` migration. A lock
    /// that cannot be read is replaced.
    #[command(after_help = "Example:\n  dogen lock examples/counter")]
    Lock(LockArgs),
    /// Bring wrangler config's bindings and migrations in line.
    ///
    /// Edits `durable_objects.bindings` and `migrations` of `wrangler.json`,
    /// `wrangler.jsonc` or `wrangler.toml`, keeping comments and formatting.
    /// A missing binding is added, a binding of ours gets its interface's
    /// name, a new class gets a migration (`new_sqlite_classes`, or
    /// `new_classes` for `#[durable(sqlite = false)]`), a class renamed in
    /// the lock file gets `renamed_classes`. A class that lost its
    /// interface is reported, and deleted only with `--delete-removed`.
    /// With `--check`, nothing is written and drift exits 1.
    #[command(after_help = "Examples:\n  dogen wrangler examples/counter\n  dogen wrangler --check")]
    Wrangler(WranglerArgs),
    /// Start a project: a Rust Durable Object and a TypeScript Worker calling it.
    ///
    /// Writes DIR (which must not exist, or be empty): a crate whose
    /// `#[dogen::durable]` trait is a to-do list kept in storage, served by a
    /// workers-rs `#[durable_object]` struct with `#[dogen::object]`; its
    /// wrangler.toml (worker-build, then `dogen entry`, as the build; the
    /// binding and the migration); and `caller/`, a TypeScript Worker bound
    /// to it with `script_name`, typed by `wrangler types` and `dogen ts`
    /// together. The `dogen` dependency is this command line's checkout when
    /// it was installed from one, else the release of the same version.
    #[command(after_help = "Example:\n  dogen new todo-app && cd todo-app && dogen ts --out ts")]
    New(NewArgs),
}

/// Arguments of `dogen new`.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The project's directory; its last component names the project.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The crate's and the Worker's name (default: DIR's name).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Depend on the `dogen` crate at this path (a checkout's `dogen/`).
    #[arg(long, value_name = "PATH")]
    pub dogen_path: Option<PathBuf>,
}

/// Arguments of `dogen ts`.
#[derive(Debug, clap::Args)]
pub struct TsArgs {
    /// The crate: a directory with `src/lib.rs` or `src/main.rs`.
    #[arg(default_value = ".", value_name = "CRATE_DIR")]
    pub crate_dir: PathBuf,
    /// The directory to write `index.ts`, `env.d.ts` and `client.ts` to
    /// (created if missing). Not the crate directory, nor inside `src/`.
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
}

/// Arguments of `dogen entry`.
#[derive(Debug, clap::Args)]
pub struct EntryArgs {
    /// The crate: a directory with `src/lib.rs` or `src/main.rs`.
    #[arg(default_value = ".", value_name = "CRATE_DIR")]
    pub crate_dir: PathBuf,
    /// Where to write `entry.js`: the build's output directory (worker-build's
    /// `build/`, or wasm-bindgen's `--out-dir`).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// The build's module name (wasm-bindgen's `--out-name`): the entry
    /// imports `./MODULE.js`.
    #[arg(long, default_value = "index", value_name = "MODULE")]
    pub module: String,
}

/// The backends `dogen check --out` can compare: one value per backend of
/// `dogen_codegen::backend`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BackendArg {
    /// TypeScript: `dogen ts`.
    Ts,
    /// The JavaScript RPC entry: `dogen entry`.
    Entry,
}

impl BackendArg {
    /// The backend, with the options of `dogen check`, and the command that
    /// writes its files into `out` for the crate in `crate_dir`.
    pub fn backend(self, args: &CheckArgs, out: &std::path::Path) -> Result<(Box<dyn Backend>, String), CodegenError> {
        let (krate, out) = (args.crate_dir.display(), out.display());
        Ok(match self {
            BackendArg::Ts => (Box::new(TypeScript), format!("dogen ts {krate} --out {out}")),
            BackendArg::Entry => (
                Box::new(Entry::new(&args.module)?),
                format!("dogen entry {krate} --out {out} --module {}", args.module),
            ),
        })
    }
}

/// Arguments of `dogen check`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["out", "breaking"])))]
pub struct CheckArgs {
    /// The crate: a directory with `src/lib.rs` or `src/main.rs`.
    #[arg(default_value = ".", value_name = "CRATE_DIR")]
    pub crate_dir: PathBuf,
    /// Compare what the backend would write with the files in DIR.
    #[arg(long, short, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The backend whose files `--out` holds.
    #[arg(long, value_enum, default_value = "ts", requires = "out")]
    pub backend: BackendArg,
    /// With `--backend entry`: wasm-bindgen's `--out-name`.
    #[arg(long, default_value = "index", value_name = "MODULE", requires = "out")]
    pub module: String,
    /// Compare the interface with the lock file and classify every change
    /// as compatible or breaking for callers that are already deployed.
    #[arg(long)]
    pub breaking: bool,
    /// The lock file (default: `dogen.lock` in CRATE_DIR).
    #[arg(long, value_name = "FILE", requires = "breaking")]
    pub lock: Option<PathBuf>,
    /// Compare with the lock file as committed at this git revision (e.g.
    /// `origin/main`) instead of the working copy's.
    #[arg(long, value_name = "REV", requires = "breaking")]
    pub against: Option<String>,
    /// Declare that class OLD of the lock is now class NEW (a
    /// `renamed_classes` migration): compatible, not a removal. Renames
    /// recorded in the working copy's lock (`dogen lock --rename`) count too.
    #[arg(long, value_name = "OLD=NEW", requires = "breaking")]
    pub rename: Vec<RenameArg>,
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
    pub rename: Vec<RenameArg>,
}

/// Arguments of `dogen wrangler`.
#[derive(Debug, clap::Args)]
pub struct WranglerArgs {
    /// The crate: a directory with `src/lib.rs` or `src/main.rs`.
    #[arg(default_value = ".", value_name = "CRATE_DIR")]
    pub crate_dir: PathBuf,
    /// The wrangler config (default: `wrangler.json`, `wrangler.jsonc` or
    /// `wrangler.toml` in CRATE_DIR, the first that exists).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The lock file whose recorded renames become `renamed_classes`
    /// (default: `dogen.lock` in CRATE_DIR; a missing file records none).
    #[arg(long, value_name = "FILE")]
    pub lock: Option<PathBuf>,
    /// Declare that class OLD is now class NEW, as `dogen lock --rename` does.
    #[arg(long, value_name = "OLD=NEW")]
    pub rename: Vec<RenameArg>,
    /// Delete classes that no longer have an interface (`deleted_classes`).
    /// This destroys their stored data; without it they are only reported.
    #[arg(long)]
    pub delete_removed: bool,
    /// Write nothing; report what would change and exit 1 if anything
    /// would change or a removed class needs a decision.
    #[arg(long)]
    pub check: bool,
}
