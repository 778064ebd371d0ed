//! The interface model of dogen: what a `#[durable]` trait means, read the
//! same way by the proc-macro (`dogen-macros`) and by the `dogen` command
//! line (through `dogen-codegen`), so the two cannot disagree.
//!
//! - [`model`]: the interface model (the IR).
//! - [`attr`], [`parse`], [`shape`]: syn → model, local reasoning only.
//! - [`punct`]: syn's punctuated lists, read without allocating.
//! - [`validate`]: rules over a whole interface, one function per rule.
//! - [`render_rust`]: model → the Rust that `#[durable]` emits.
//! - [`expand()`]: the proc-macro's entry point, as a library function.
//! - [`object`]: `#[dogen::object]`, which links a workers-rs Durable Object
//!   struct to the trait it serves over native Workers RPC.
//! - [`ctxt`]: the error sink every stage reports into.
#![warn(missing_docs)]

pub mod attr;
pub mod ctxt;
pub mod expand;
pub mod model;
pub mod object;
pub mod parse;
pub mod punct;
pub mod render_rust;
pub mod shape;
pub mod validate;

pub use expand::{expand, interface};
pub use object::expand_object;
