//! What can go wrong in a call, kept apart so callers can tell the callee's
//! typed answer from a broken call.

use std::convert::Infallible;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a typed client call did not return a value.
///
/// `E` is the method's application error: the `E` of `Result<T, E>`, or
/// [`Infallible`] for methods that cannot fail.
#[derive(Debug, Clone, PartialEq)]
pub enum CallError<E = Infallible> {
    /// The method ran and returned `Err(E)`.
    App(E),
    /// The method failed to produce a value: it returned a [`Failure`]
    /// (a storage or runtime error) or it panicked. Not part of the
    /// method's type: the wire's `internal` error.
    Failed(Failure),
    /// The callee rejected the call (unknown method, bad arguments), or one
    /// side could not encode or decode a value.
    Protocol(ProtocolError),
    /// The call or its reply was lost on the way.
    Transport(TransportError),
}

impl<E> CallError<E> {
    /// The application error, if that is what this is.
    pub fn app(self) -> Option<E> {
        match self {
            CallError::App(e) => Some(e),
            _ => None,
        }
    }
}

impl CallError<Infallible> {
    /// The same error, for a method whose application error is `E`.
    pub fn widen<E>(self) -> CallError<E> {
        match self {
            CallError::App(never) => match never {},
            CallError::Failed(f) => CallError::Failed(f),
            CallError::Protocol(p) => CallError::Protocol(p),
            CallError::Transport(t) => CallError::Transport(t),
        }
    }
}

impl<E: fmt::Display> fmt::Display for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::App(e) => write!(f, "{e}"),
            CallError::Failed(e) => write!(f, "{e}"),
            CallError::Protocol(e) => write!(f, "{e}"),
            CallError::Transport(e) => write!(f, "{e}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for CallError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CallError::App(e) => Some(e),
            CallError::Failed(e) => Some(e.as_error()),
            CallError::Protocol(e) => Some(e),
            CallError::Transport(e) => Some(e),
        }
    }
}

impl<E> From<ProtocolError> for CallError<E> {
    /// An `internal` error is the callee's [`Failure`]; every other kind is
    /// a protocol error.
    fn from(e: ProtocolError) -> Self {
        match e.kind {
            ProtocolErrorKind::Internal => CallError::Failed(Failure::new(e.message)),
            _ => CallError::Protocol(e),
        }
    }
}

impl<E> From<TransportError> for CallError<E> {
    fn from(e: TransportError) -> Self {
        CallError::Transport(e)
    }
}

/// A call the callee could not run, or a value one side could not encode
/// or decode. Travels on the wire as `{"kind": "...", "message": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProtocolError {
    /// What kind of failure this is.
    pub kind: ProtocolErrorKind,
    /// A human-readable explanation, naming the method.
    pub message: String,
}

/// The kinds of [`ProtocolError`]. On the wire, in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProtocolErrorKind {
    /// No method has this wire name.
    UnknownMethod,
    /// The arguments are of the wrong number or types, or not decodable.
    BadArguments,
    /// The callee could not encode the method's value or error.
    Encode,
    /// The reply could not be decoded as the method's declared type.
    BadReply,
    /// The request is not a dogen call of a version this side speaks.
    BadRequest,
    /// The request body is larger than the server accepts
    /// ([`crate::protocol::MAX_BODY`]).
    TooLarge,
    /// The method failed to produce a value: it returned a [`Failure`] or
    /// panicked. Its effects up to the failure stand.
    Internal,
}

impl ProtocolError {
    /// A new error of `kind`.
    pub fn new(kind: ProtocolErrorKind, message: impl Into<String>) -> Self {
        ProtocolError { kind, message: message.into() }
    }
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ProtocolError {}

/// The call or its reply was lost: the transport's own failure, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError(pub String);

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "transport failed: {}", self.0)
    }
}

impl std::error::Error for TransportError {}

/// A method failed to produce a value for a reason outside its interface:
/// storage, the network, the runtime, or a panic. Not part of the method's
/// type in any language: callers see it as a failed call (a rejected
/// promise over Workers RPC, the `internal` error over fetch,
/// [`CallError::Failed`] in Rust).
///
/// Any error converts into a `Failure` with `?`, so a method returning
/// [`Fallible<T>`] can use storage directly:
///
/// ```ignore
/// async fn increment(&self, amount: i64) -> dogen::Fallible<i64> {
///     let value: i64 = self.storage.get("value").await?.unwrap_or(0) + amount;
///     self.storage.put("value", value).await?;
///     Ok(value)
/// }
/// ```
///
/// Like `anyhow::Error`, it does not implement `std::error::Error` itself,
/// which is what lets every error convert into it.
#[derive(Clone, PartialEq, Eq)]
pub struct Failure {
    message: Message,
}

/// A failure's text, as an error: what [`CallError::Failed`] gives as its
/// `source`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Message(String);

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Message {}

impl Failure {
    /// A failure described by `message`.
    pub fn new(message: impl fmt::Display) -> Self {
        Failure { message: Message(message.to_string()) }
    }

    /// What failed.
    pub fn message(&self) -> &str {
        &self.message.0
    }

    /// The failure as a `std::error::Error`.
    pub fn as_error(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        &self.message
    }
}

impl<E: std::error::Error> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure::new(error)
    }
}

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Failure").field(&self.message.0).finish()
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.0)
    }
}

/// What a method returns when it may fail for a reason outside its
/// interface (see [`Failure`]). Its callers' types are those of `T`: a
/// `Fallible<i64>` method is `Promise<number>` in TypeScript, a
/// `Fallible<Result<T, E>>` one `Promise<DurableResult<T, E>>`.
pub type Fallible<T> = Result<T, Failure>;
