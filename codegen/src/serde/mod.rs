//! serde types, read from source: what the values crossing an interface
//! look like on the wire.
//!
//! - [`attr`]: `#[serde(...)]` into typed structs; [`case`]: `rename_all`.
//! - [`parse`]: one struct, enum or alias → [`crate::model::TypeDef`].
//! - [`resolve`]: a scanned crate → [`crate::model::Api`], following names.
//! - [`validate`]: rules over the whole API.

pub mod attr;
pub mod case;
pub mod parse;
pub mod resolve;
pub mod validate;
