//! Why a generator operation failed. Each message is complete on its own:
//! it names the file and the OS error once, so a command line prints it as
//! it is.

use std::path::PathBuf;

use crate::backend::RenderError;
use crate::diagnostic::Diagnostic;

/// Why reading a crate, rendering or writing failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The crate directory does not exist.
    #[error("crate directory `{0}` does not exist")]
    MissingCrateDir(PathBuf),
    /// The crate directory has no root module.
    #[error("no `src/lib.rs` or `src/main.rs` in `{0}`")]
    NoRootModule(PathBuf),
    /// A file or directory could not be read.
    #[error("cannot read `{}`: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The crate's source has errors, each with its place.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Diagnostics(Vec<Diagnostic>),
    /// The crate has no `#[durable]` trait.
    #[error(
        "no `#[durable]` trait found in `{}` or the modules it declares; dogen reads traits marked `#[dogen::durable]` or `#[durable]`",
        .0.display()
    )]
    NoTraits(PathBuf),
    /// A template failed: a bug in dogen.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// An output file could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Write {
        /// The file or directory.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// `--out` names a directory dogen must not replace.
    #[error("`--out {}` {why}", path.display())]
    BadOut {
        /// The directory given.
        path: PathBuf,
        /// Why it is refused.
        why: String,
    },
    /// The crate depends on a `dogen` this generator cannot serve.
    #[error("{0}")]
    Version(#[from] crate::version::Mismatch),
    /// A backend option that does not fit.
    #[error("{0}")]
    Usage(String),
    /// The crate has no `#[dogen::object]` struct, which `dogen entry` needs.
    #[error(
        "no `#[dogen::object(Trait)]` struct found in the crate or the modules it declares; put it on the workers-rs `#[durable_object]` struct that serves the trait"
    )]
    NoObjects,
    /// `dogen check --breaking` without a lock file.
    #[error("no lock file `{}`; write one with `dogen lock`", .0.display())]
    NoLock(PathBuf),
    /// A lock file that cannot be read.
    #[error("cannot read lock file `{}`: {source}; run `dogen lock` to write it again", path.display())]
    BadLock {
        /// The file (or `REV:file`).
        path: PathBuf,
        /// Why.
        source: crate::lock::LockError,
    },
    /// `git show REV:lock` failed.
    #[error("cannot read `{}` at git revision `{rev}`: {message}", path.display())]
    Git {
        /// The revision.
        rev: String,
        /// The lock file.
        path: PathBuf,
        /// git's message.
        message: String,
    },
    /// A declared class rename that does not fit the crate or the lock.
    #[error("{0}")]
    Rename(String),
    /// No wrangler config in the crate directory.
    #[error("no `wrangler.json`, `wrangler.jsonc` or `wrangler.toml` in `{}`; pass `--config FILE`", .0.display())]
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
    /// A read error of `path`.
    pub fn read(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Read { path, source }
    }

    /// A write error of `path`.
    pub fn write(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Write { path, source }
    }
}
