//! The interface model of dogen, and everything that reads or renders it.
//!
//! - [`model`]: what a `#[durable]` trait means (the IR).
//! - [`attr`], [`parse`], [`shape`]: syn → model.
//! - [`validate`]: rules over a whole interface.
//! - [`render_rust`]: model → the Rust that `#[durable]` emits.
//! - [`expand`]: the proc-macro's entry point, as a library function.
//! - [`object`]: `#[dogen::object]`, which links a workers-rs Durable Object
//!   struct to the trait it serves over native Workers RPC.
//!
//! With the `cli` feature, also the `dogen` command line:
//!
//! - [`scan`]: a crate's files and modules, read without compiling it.
//! - [`serde`]: the serde types the interfaces reach, into the model.
//! - [`backend`]: one backend per target language (TypeScript).
//! - [`lock`]: the interface lock file and breaking-change detection.
//! - [`wrangler`]: wrangler config kept in step with the interfaces.
//! - [`cli`]: the commands, as a library.
#![warn(missing_docs)]

pub mod attr;
#[cfg(feature = "cli")]
pub mod backend;
#[cfg(feature = "cli")]
pub mod cli;
pub mod ctxt;
pub mod expand;
#[cfg(feature = "cli")]
pub mod lock;
pub mod model;
pub mod object;
pub mod parse;
pub mod render_rust;
#[cfg(feature = "cli")]
pub mod scan;
#[cfg(feature = "cli")]
pub mod serde;
pub mod shape;
pub mod validate;
#[cfg(feature = "cli")]
pub mod wrangler;

pub use expand::{expand, interface};
pub use object::expand_object;
