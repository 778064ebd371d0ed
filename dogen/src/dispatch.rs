//! The server side: a call by wire name, routed to an implementation.

use crate::error::ProtocolError;
use crate::format::Format;

/// What a method produced, encoded: its value, or its typed application
/// error (the `E` of a method returning `Result<T, E>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<V> {
    /// The method returned normally; for `Result<T, E>` methods, this is `T`.
    Ok(V),
    /// The method returned `Err(E)`; this is `E`.
    Err(V),
}

/// Routes calls to an implementation of one `#[durable]` trait.
///
/// `#[durable]` implements this for the generated `<Trait>Server<T>`, for
/// every [`Format`].
pub trait Dispatch<F: Format> {
    /// The wire names of every method, in declaration order.
    const METHODS: &'static [&'static str];

    /// Decodes `args` for `method`, calls it and encodes what it returns.
    ///
    /// An unknown method, arguments of the wrong number or types, and a
    /// malformed payload are a [`ProtocolError`], never a panic.
    async fn dispatch(&self, method: &str, args: &F::Value) -> Result<Reply<F::Value>, ProtocolError>;
}
