//! The generator library behind the `dogen` command line.
//!
//! It reads a crate's source without compiling it, builds the model of its
//! `#[durable]` traits through the same code as the proc-macro
//! (`dogen-interface`), adds the serde types they reach, and renders them
//! with one backend per target.
//!
//! - [`scan`]: a crate's files and modules, read with syn; [`cfg`](mod@cfg): `#[cfg]`
//!   for the wasm32 build; [`config`]: the crate's `Cargo.toml` settings
//!   (features, type mappings).
//! - [`wire`]: the wire-type model: the serde types the interfaces reach.
//! - [`model`]: everything a backend reads (the interface and wire models).
//! - [`load`]: crate directory → validated [`model::Api`], every error at once.
//! - [`backend`]: one backend per target (`ts`, `entry`), each owning its
//!   naming rules, its templates and its files.
//! - [`output`]: writing generated files all or nothing; [`drift`]:
//!   comparing them with what is on disk.
//! - [`lock`]: the interface lock file and breaking-change detection.
//! - [`wrangler`]: wrangler config kept in step with the interfaces.
//! - [`version`]: the `dogen` version a crate resolves, against this one's.
//! - [`starter`]: a new project from zero (`dogen new`).
#![warn(missing_docs)]

pub mod backend;
pub mod cfg;
pub mod config;
pub mod diagnostic;
pub mod drift;
pub mod error;
pub mod load;
pub mod lock;
pub mod model;
pub mod output;
pub mod scan;
pub mod starter;
pub mod version;
pub mod wire;
pub mod wrangler;

pub use error::Error;

/// The version of dogen this library belongs to: generated files name it,
/// and [`version`] compares it with the `dogen` crate a project resolves.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
