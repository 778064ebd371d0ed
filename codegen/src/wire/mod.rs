//! The wire-type model: the serde types the interfaces reach, read from
//! source, and what their values look like on the wire.
//!
//! - [`model`]: the wire-type model itself ([`model::Api`], [`model::TypeDef`]).
//! - [`builtin`]: types of other crates and `std` whose serde form dogen knows.
//! - [`attr`]: `#[serde(...)]` into typed structs; [`case`]: `rename_all`.
//! - [`parse`]: one struct, enum or alias → [`model::TypeDef`].
//! - [`resolve`]: a scanned crate → [`model::Api`], following names.
//! - [`validate`]: rules over the whole API that hold for every backend.

pub mod attr;
pub mod builtin;
pub mod case;
pub mod model;
pub mod parse;
pub mod resolve;
pub mod validate;
