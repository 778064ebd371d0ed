//! The client side: how a typed client's calls reach a dispatcher.

use crate::dispatch::{Dispatch, Reply};
use crate::error::CallError;
use crate::format::{Format, Json};

/// Carries one encoded call to a dispatcher and brings back its reply.
///
/// Generated clients (`<Trait>Client<T: Transport>`) encode arguments with
/// [`Transport::Format`], call [`Transport::call`] and decode the reply.
pub trait Transport {
    /// The encoding this transport carries.
    type Format: Format;

    /// Sends `args` (the encoded argument sequence) to the method with wire
    /// name `method`.
    async fn call(
        &self,
        method: &'static str,
        args: <Self::Format as Format>::Value,
    ) -> Result<Reply<<Self::Format as Format>::Value>, CallError>;
}

/// Calls a dispatcher in the same process, through the same JSON encoding
/// as the fetch transport: unit-test a Durable Object's logic natively and
/// exercise every serde round trip on the way.
#[derive(Debug, Clone, Default)]
pub struct InProcess<D> {
    server: D,
}

impl<D> InProcess<D> {
    /// A transport that calls `server`.
    pub fn new(server: D) -> Self {
        InProcess { server }
    }

    /// The dispatcher behind this transport.
    pub fn server(&self) -> &D {
        &self.server
    }
}

impl<D: Dispatch<Json>> Transport for InProcess<D> {
    type Format = Json;

    async fn call(&self, method: &'static str, args: Vec<u8>) -> Result<Reply<Vec<u8>>, CallError> {
        self.server.dispatch(method, &args).await.map_err(CallError::from)
    }
}

/// A generated typed client (`<Trait>Client<T>`), as transports and helpers
/// such as `dogen::worker::client` see it.
pub trait Client<T: Transport>: Sized {
    /// The namespace binding's name in wrangler config and on `Env`.
    const BINDING: &'static str;
    /// The JavaScript class that wrangler's `class_name` names.
    const CLASS: &'static str;

    /// A client that calls through `transport`.
    fn from_transport(transport: T) -> Self;
}
