//! Everything a backend reads, in one place: the interface model shared
//! with the proc-macro ([`dogen_interface::model`]) and the wire-type model
//! of the serde types that cross it ([`crate::wire::model`]).

pub use crate::wire::model::*;
pub use dogen_interface::model::*;
