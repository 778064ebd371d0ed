//! The futures a generated server's dispatch is assembled from.
//!
//! `#[durable]` writes no `async fn` for its server: an `async` body is a
//! coroutine, and even `cargo check` builds, lays out and proves the auto
//! traits of every coroutine's state, once per trait and per await. The
//! generated code instead picks one method's future in a plain function
//! and wraps it in these two generic types, which the compiler checks
//! once here and only monomorphises in the user's crate:
//!
//! - [`Either`]: a node of the balanced tree that holds the one method's
//!   future a call runs (`⌈log₂ n⌉` nodes deep for `n` methods), and of
//!   the same tree of their outputs;
//! - [`Dispatched`]: the decoded call running, and the function that
//!   encodes its return for the format; or the decoding's error.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::error::ProtocolError;

/// One of two futures, or what one of them returned.
pub enum Either<A, B> {
    /// The left subtree.
    Left(A),
    /// The right subtree.
    Right(B),
}

impl<A: Future, B: Future> Future for Either<A, B> {
    type Output = Either<A::Output, B::Output>;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // SAFETY: the variant's future is pinned structurally: it is never
        // moved out of `Either`, which has no `Drop` and is `Unpin` only
        // when both futures are.
        unsafe {
            match self.get_unchecked_mut() {
                Either::Left(a) => Pin::new_unchecked(a).poll(cx).map(Either::Left),
                Either::Right(b) => Pin::new_unchecked(b).poll(cx).map(Either::Right),
            }
        }
    }
}

/// A dispatched call: its decoded call running, or why it could not start.
pub enum Dispatched<R, E> {
    /// The call runs; `encode` encodes what it returns.
    Run {
        /// The implementation's future.
        run: R,
        /// The format's encoding of what it returns.
        encode: E,
    },
    /// The call could not be decoded (taken by the first poll).
    Refused(Option<ProtocolError>),
}

/// A call: `start` decodes it and starts the implementation's future, whose
/// output `encode` encodes; or `start`'s error, at the first poll.
///
/// `start` is called at once. A closure and not a value, so that its `?`
/// and its return type need no annotation in the generated code; `encode`'s
/// bound here gives its closure its argument's type.
#[inline]
pub fn dispatched<S, R, E, O>(start: S, encode: E) -> Dispatched<R, E>
where
    S: FnOnce() -> Result<R, ProtocolError>,
    R: Future,
    E: Fn(R::Output) -> Result<O, ProtocolError>,
{
    match start() {
        Ok(run) => Dispatched::Run { run, encode },
        Err(error) => Dispatched::Refused(Some(error)),
    }
}

impl<R, E, O> Future for Dispatched<R, E>
where
    R: Future,
    E: Fn(R::Output) -> Result<O, ProtocolError>,
{
    type Output = Result<O, ProtocolError>;

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // SAFETY: `run` is pinned structurally: it is never moved out of
        // `Dispatched`, which has no `Drop` and is `Unpin` only when `run`
        // and `encode` are. `Refused` holds no future.
        match unsafe { self.get_unchecked_mut() } {
            Dispatched::Run { run, encode } => match unsafe { Pin::new_unchecked(run) }.poll(cx) {
                Poll::Ready(ret) => Poll::Ready(encode(ret)),
                Poll::Pending => Poll::Pending,
            },
            // A second poll of a finished future is a caller's error; it
            // stays pending rather than panic.
            Dispatched::Refused(error) => error.take().map_or(Poll::Pending, |error| Poll::Ready(Err(error))),
        }
    }
}
