//! The few TypeScript type expressions dogen writes, as a tree, and their
//! layout: each printed as Prettier's TypeScript printer prints the same
//! syntax (see [`super::doc`]).
//!
//! - `tree`: the type expressions ([`Ts`], [`Member`]) and where one sits
//!   in its parent ([`Parent`]).
//! - `layout`: a type as a [`Doc`](super::doc::Doc) for the layout engine.
//! - `decl`: declarations through the engine ([`type_alias`],
//!   [`print_interface`], [`method_signature`]), and [`checked`], the check
//!   of a direct layout against the engine's.
//! - `direct`: the same declarations written straight to text in the
//!   common layouts ([`type_alias_text`], [`interface_property_text`],
//!   [`method_text`]).
//! - `comment`: doc comments as TSDoc; `literal`: string literals and
//!   property keys.

mod comment;
mod decl;
mod direct;
mod layout;
mod literal;
mod tree;

pub use comment::{doc_comment, tsdoc_lines, write_doc_comment};
pub use decl::{
    MEMBER_INDENT, Piece, checked, interface, interface_property, method_signature, print_interface, type_alias,
    type_parameters,
};
pub use direct::{interface_property_at, interface_property_text, method_text, type_alias_text};
pub use layout::{documented_union, object};
pub use literal::{is_identifier_name, property_key, quote, quote_into, write_property_key};
pub use tree::{Docs, Ids, Member, NO_DOCS, Parent, Ts};

#[cfg(test)]
mod tests;
