//! Rust Durable Objects as first-class citizens for every caller.
//!
//! Describe a Durable Object's interface once, as a trait:
//!
//! ```
//! /// A counter shared by every caller that names it.
//! #[dogen::durable(binding = "COUNTER")]
//! pub trait Counter {
//!     /// Adds `amount` and returns the new value.
//!     async fn increment(&self, amount: i64) -> i64;
//! }
//! ```
//!
//! and `#[durable]` emits, next to the trait:
//!
//! - `CounterServer<T>`, which implements [`Dispatch`]: a call by wire name
//!   and encoded arguments, routed to your implementation;
//! - `CounterClient<T>`, a typed client over any [`Transport`]:
//!   [`InProcess`] for native tests, or (feature `worker`) the fetch
//!   transport over a workers-rs `Stub`.
//!
//! The wire format is documented in `docs/protocol.md`.
//!
//! # Features
//!
//! - `worker`: the workers-rs glue: the fetch transport ([`worker::client`],
//!   [`worker::FetchTransport`]), [`worker::serve`] for a Durable Object's
//!   `fetch`, and native Workers RPC ([`rpc`]) for `#[dogen::object]`
//!   structs on wasm32.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Durable Objects are single-threaded: dogen's futures are not `Send`, and
// its async traits say so by not promising it.
#![allow(async_fn_in_trait)]

/// `$result`'s value, or a return with its error: `?` without the
/// conversion functions it compiles, in code generic in a user's types,
/// once for every such type.
macro_rules! tri {
    ($result:expr) => {
        match $result {
            Ok(value) => value,
            Err(e) => return Err(e),
        }
    };
}

mod dispatch;
mod error;
mod format;
mod json;
pub mod protocol;
#[cfg(feature = "worker")]
#[cfg_attr(docsrs, doc(cfg(feature = "worker")))]
pub mod rpc;
mod run;
mod transport;
#[cfg(feature = "worker")]
#[cfg_attr(docsrs, doc(cfg(feature = "worker")))]
pub mod worker;

pub use dispatch::{Dispatch, Reply};
pub use dogen_macros::{durable, object};
pub use error::{CallError, Failure, Fallible, ProtocolError, ProtocolErrorKind, TransportError};
pub use format::{Format, Json};
pub use transport::{Client, InProcess, Transport};

#[doc(hidden)]
pub mod __private;

/// Emits its input only where native Workers RPC exists: wasm32 with the
/// `worker` feature. `#[dogen::object]` wraps its wasm-bindgen export in it.
#[cfg(all(feature = "worker", target_arch = "wasm32"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __rpc_export {
    ($($item:tt)*) => { $($item)* };
}

/// Emits its input only where native Workers RPC exists: wasm32 with the
/// `worker` feature. `#[dogen::object]` wraps its wasm-bindgen export in it.
#[cfg(not(all(feature = "worker", target_arch = "wasm32")))]
#[doc(hidden)]
#[macro_export]
macro_rules! __rpc_export {
    ($($item:tt)*) => {};
}
