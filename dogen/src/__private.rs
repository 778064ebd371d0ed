//! Helpers for code that `#[durable]` generates. Not a public API.

use std::cell::Cell;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::de::{DeserializeOwned, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::dispatch::Reply;
use crate::error::{ProtocolError, ProtocolErrorKind};
use crate::format::Format;
pub use crate::format::{deserialize_finite, serialize_finite};
use crate::protocol::{MAX_MESSAGE, quote, shorten};
pub use crate::run::nodes;
use crate::transport::Transport;

// The types of a client method's future, by shorter paths (rustdoc shows
// their names, not the path).
pub use crate::error::CallError;
pub use core::{future::Future, result::Result};

#[cfg(feature = "worker")]
pub use worker::{js_sys, wasm_bindgen, wasm_bindgen_futures};

/// The argument list of a method without arguments: an empty sequence.
#[derive(Debug, Clone, Copy)]
pub struct NoArgs;

impl Serialize for NoArgs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_tuple(0)?.end()
    }
}

impl<'de> Deserialize<'de> for NoArgs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Empty;
        impl<'de> Visitor<'de> for Empty {
            type Value = NoArgs;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an empty argument list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NoArgs, A::Error> {
                match seq.next_element::<serde::de::IgnoredAny>()? {
                    None => Ok(NoArgs),
                    Some(_) => Err(serde::de::Error::invalid_length(1, &self)),
                }
            }
        }
        deserializer.deserialize_tuple(0, Empty)
    }
}

/// The call a generated server's dispatch serves: the method's wire name
/// and its encoded arguments, in the format `F`.
///
/// Named once per dispatch, so that each method's code decodes and encodes
/// through a method call that spells neither the format nor the wire name
/// again: `let (a, b,) = request.args()?;`, `request.value(&ret)`. The
/// called method's name is what an error names: the `match` that picked
/// the method compared it with the wire name.
///
/// Two lifetimes: the future of a dispatch keeps the request, and its
/// opaque type can name each of the borrows, not a region both outlive.
pub struct Request<'m, 'a, F: Format> {
    method: &'m str,
    args: &'a F::Value,
}

impl<F: Format> Clone for Request<'_, '_, F> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<F: Format> Copy for Request<'_, '_, F> {}

impl<'m, 'a, F: Format> Request<'m, 'a, F> {
    /// The call to `method` with `args`.
    #[inline]
    pub fn new(method: &'m str, args: &'a F::Value) -> Self {
        Request { method, args }
    }

    /// Decodes the argument tuple.
    ///
    /// Where the format refuses unread elements itself
    /// ([`Format::ENDS_SEQUENCES`]), the arguments are read without looking
    /// for more: an extra argument fails the decode, and `after_args` reads
    /// the call again for the error that counts them.
    #[inline]
    pub fn args<T: ArgList>(self) -> Result<T, ProtocolError> {
        // Plain matches, not closures, in this and the other helpers
        // compiled once per method or type: each closure would be a
        // function of its own.
        if F::ENDS_SEQUENCES {
            ARGS_READ.set(false);
            match F::decode::<Args<T, false>>(self.args) {
                Ok(Args(args)) => Ok(args),
                Err(e) => Err(after_args::<F, T>(self.method, self.args, e)),
            }
        } else {
            match F::decode::<Args<T, true>>(self.args) {
                Ok(Args(args)) => Ok(args),
                Err(e) => Err(bad_arguments(self.method, e)),
            }
        }
    }

    /// Checks the (empty) arguments of a method that takes none.
    #[inline]
    pub fn no_args(self) -> Result<(), ProtocolError> {
        if F::is_empty_sequence(self.args) {
            return Ok(());
        }
        match F::decode::<NoArgs>(self.args) {
            Ok(NoArgs) => Ok(()),
            Err(e) => Err(bad_arguments(self.method, e)),
        }
    }

    /// Encodes the value the method returned; `Err` is the format's
    /// message, which [`reply`](Request::reply) makes the call's error.
    /// Always inlined: left to the optimizer, it stays a call of its own in
    /// a dispatch arm that returns an integer, which then costs more than
    /// the encoding.
    #[inline(always)]
    pub fn value<T: Serialize + ?Sized>(self, value: &T) -> Result<Reply<F::Value>, String> {
        F::encode(value).map(Reply::Ok)
    }

    /// Encodes what a method returning `Result<T, E>` returned, as
    /// [`value`](Request::value) does.
    #[inline]
    pub fn result<T: Serialize, E: Serialize>(self, result: &Result<T, E>) -> Result<Reply<F::Value>, String> {
        match result {
            Ok(value) => F::encode(value).map(Reply::Ok),
            Err(error) => F::encode(error).map(Reply::Err),
        }
    }

    /// The call's outcome from what an arm of the dispatch encoded: its
    /// reply, or the error that the reply could not be encoded. Applied
    /// once, after the arms, rather than in each.
    #[inline(always)]
    pub fn reply(self, encoded: Result<Reply<F::Value>, String>) -> Result<Reply<F::Value>, ProtocolError> {
        match encoded {
            Ok(reply) => Ok(reply),
            Err(e) => Err(encode_failed(self.method, e)),
        }
    }

    /// The error for a method that returned a [`Failure`](crate::Failure).
    #[inline]
    pub fn failed(self, failure: crate::Failure) -> ProtocolError {
        failed(self.method, failure)
    }

    /// The error for a wire name no method has; `known` are the ones there
    /// are.
    #[inline]
    pub fn unknown(self, known: &[&str]) -> ProtocolError {
        unknown_method(self.method, known)
    }
}

thread_local! {
    /// Set once an argument list without the check for extra arguments has
    /// read all its arguments: a failure after that is the format's refusal
    /// of what follows them.
    static ARGS_READ: Cell<bool> = const { Cell::new(false) };
}

/// The error for arguments read without the check for extra ones: when
/// they were all read, the same error [`Args`] with the check gives
/// (`expected 1 argument, got 2`, or what is wrong with what follows),
/// read again from `args`; the format's own error otherwise.
#[cold]
fn after_args<F: Format, T: ArgList>(method: &str, args: &F::Value, e: String) -> ProtocolError {
    let e = match ARGS_READ.get() {
        true => F::decode::<T::Rest>(args).err().unwrap_or(e),
        false => e,
    };
    bad_arguments(method, e)
}

/// The error for arguments that do not decode; serde's message is
/// shortened, for it quotes what it could not read.
#[cold]
fn bad_arguments(method: &str, e: String) -> ProtocolError {
    ProtocolError::new(ProtocolErrorKind::BadArguments, format!("bad arguments for `{method}`: {}", quote(&e)))
}

/// An argument list as it travels: a sequence with one element per
/// argument. Trailing `Option` arguments may be left out and are `None`, so
/// adding one to a method keeps older callers working; any other missing
/// argument, and any extra one, is an error. With `CHECK_EXTRA` false, an
/// extra argument is left for the format to refuse (see [`Request::args`]).
pub struct Args<T, const CHECK_EXTRA: bool>(pub T);

/// An argument tuple `(A, B, ...)` that [`Args`] decodes.
pub trait ArgList: Sized {
    /// How many arguments the method takes.
    const ARITY: usize;

    /// Skips this many arguments and refuses any that follow them: the
    /// error for an argument list that failed after all its arguments were
    /// read.
    type Rest: DeserializeOwned;

    /// Reads the arguments from `seq`; with `check_extra`, refuses elements
    /// after the last argument.
    fn visit<'de, S: SeqAccess<'de>>(seq: S, check_extra: bool) -> Result<Self, S::Error>;
}

impl<'de, T: ArgList, const CHECK_EXTRA: bool> Deserialize<'de> for Args<T, CHECK_EXTRA> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ArgsVisitor<T, const CHECK_EXTRA: bool>(std::marker::PhantomData<T>);
        impl<'de, T: ArgList, const CHECK_EXTRA: bool> Visitor<'de> for ArgsVisitor<T, CHECK_EXTRA> {
            type Value = Args<T, CHECK_EXTRA>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "an array of {}", arguments(T::ARITY))
            }
            fn visit_seq<S: SeqAccess<'de>>(self, seq: S) -> Result<Args<T, CHECK_EXTRA>, S::Error> {
                let args = tri!(T::visit(seq, CHECK_EXTRA));
                if !CHECK_EXTRA {
                    ARGS_READ.set(true);
                }
                Ok(Args(args))
            }
        }
        deserializer.deserialize_seq(ArgsVisitor::<T, CHECK_EXTRA>(std::marker::PhantomData))
    }
}

/// `N` arguments skipped, and the rest refused as [`Args`] refuses them.
pub struct Rest<const N: usize>;

impl<'de, const N: usize> Deserialize<'de> for Rest<N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RestVisitor<const N: usize>;
        impl<'de, const N: usize> Visitor<'de> for RestVisitor<N> {
            type Value = Rest<N>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "an array of {}", arguments(N))
            }
            fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Rest<N>, S::Error> {
                for _ in 0..N {
                    seq.next_element::<serde::de::IgnoredAny>()?;
                }
                no_more_args(&mut seq, N).map(|()| Rest)
            }
        }
        deserializer.deserialize_seq(RestVisitor::<N>)
    }
}

/// "1 argument", "2 arguments".
fn arguments(n: usize) -> String {
    format!("{n} argument{}", if n == 1 { "" } else { "s" })
}

/// The argument at `index` of `arity`: the next element, or, once the
/// sequence has ended, `None` for an `Option` and an error for anything
/// else. `sent` counts the elements the sequence had.
fn next_arg<'de, T: Deserialize<'de>, S: SeqAccess<'de>>(
    seq: &mut S,
    index: usize,
    arity: usize,
    sent: &mut usize,
) -> Result<T, S::Error> {
    if *sent == index
        && let Some(value) = tri!(seq.next_element())
    {
        *sent += 1;
        return Ok(value);
    }
    T::deserialize(Missing::<S::Error> { sent: *sent, arity, error: std::marker::PhantomData })
}

/// Refuses what follows the last argument.
fn no_more_args<'de, S: SeqAccess<'de>>(seq: &mut S, arity: usize) -> Result<(), S::Error> {
    let mut extra = 0;
    while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
        extra += 1;
    }
    match extra {
        0 => Ok(()),
        _ => Err(serde::de::Error::custom(format_args!("expected {}, got {}", arguments(arity), arity + extra))),
    }
}

/// A left-out trailing argument: `None` to an `Option`, an error to the rest
/// (the same rule serde applies to a missing struct field).
struct Missing<E> {
    sent: usize,
    arity: usize,
    error: std::marker::PhantomData<E>,
}

impl<'de, E: serde::de::Error> Deserializer<'de> for Missing<E> {
    type Error = E;

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, E> {
        Err(E::custom(format_args!("expected {}, got {}", arguments(self.arity), self.sent)))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

macro_rules! arg_lists {
    ($($n:literal => ($($t:ident $i:literal),+);)+) => {
        $(impl<$($t: DeserializeOwned),+> ArgList for ($($t,)+) {
            const ARITY: usize = $n;

            type Rest = Rest<$n>;

            #[allow(non_snake_case)]
            #[inline]
            fn visit<'de, S: SeqAccess<'de>>(mut seq: S, check_extra: bool) -> Result<Self, S::Error> {
                let mut sent = 0;
                $(let $t = tri!(next_arg::<$t, S>(&mut seq, $i, $n, &mut sent));)+
                if check_extra && sent == $n {
                    tri!(no_more_args(&mut seq, $n));
                }
                Ok(($($t,)+))
            }
        })+
    };
}

arg_lists! {
    1 => (A 0);
    2 => (A 0, B 1);
    3 => (A 0, B 1, C 2);
    4 => (A 0, B 1, C 2, D 3);
    5 => (A 0, B 1, C 2, D 3, E 4);
    6 => (A 0, B 1, C 2, D 3, E 4, F 5);
    7 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6);
    8 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
    9 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
    10 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
    11 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
    12 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);
    13 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, M 12);
    14 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, M 12, N 13);
    15 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, M 12, N 13, O 14);
    16 => (A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11, M 12, N 13, O 14, P 15);
}

/// The error for a method that returned a [`Failure`](crate::Failure).
#[cold]
fn failed(method: &str, failure: crate::Failure) -> ProtocolError {
    ProtocolError::new(ProtocolErrorKind::Internal, format!("`{method}` failed: {}", quote(failure.message())))
}

#[cold]
fn encode_failed(method: &str, e: String) -> ProtocolError {
    ProtocolError::new(ProtocolErrorKind::Encode, format!("cannot encode the reply of `{method}`: {}", quote(&e)))
}

/// The error for a wire name no method has.
#[cold]
fn unknown_method(method: &str, known: &[&str]) -> ProtocolError {
    ProtocolError::new(
        ProtocolErrorKind::UnknownMethod,
        shorten(&format!("unknown method `{}`; this object has {}", quote(method), Names(known)), MAX_MESSAGE),
    )
}

/// Wire names as a message lists them: `` `a`, `b` ``, or `no methods`.
/// Written straight into the message rather than built first: smaller
/// code in every object's wasm.
struct Names<'a>(&'a [&'a str]);

impl std::fmt::Display for Names<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            return f.write_str("no methods");
        }
        let mut separator = "`";
        for name in self.0 {
            f.write_str(separator)?;
            f.write_str(name)?;
            separator = "`, `";
        }
        f.write_str("`")
    }
}

/// A client method's call of `method` through `transport`, before its
/// arguments: `call(t, "m").args(&(&a, &b,)).value()`, or
/// `call(t, "m").value()` for a method without arguments.
///
/// A generated client method is a plain function returning the future of
/// [`Encoded::value`] or [`Encoded::result`], so no method has a future of
/// its own to compile. The arguments are encoded when the method is
/// called, into a value whose type does not name them: the future borrows
/// the transport, not the arguments. Method calls, so that the generated
/// code spells neither the transport's type nor the value's, which the
/// method's return type gives.
#[inline]
pub fn call<'a, T: Transport>(transport: &'a T, method: &'static str) -> Call<'a, T> {
    Call { transport, method }
}

/// See [`call`].
pub struct Call<'a, T> {
    transport: &'a T,
    method: &'static str,
}

impl<'a, T: Transport> Call<'a, T> {
    /// Encodes the argument tuple. Always inlined, so the code is
    /// `encode_with`'s, one copy per format and argument tuple however
    /// many clients (and transports) share that tuple; an error is what the
    /// call's future returns.
    #[inline(always)]
    pub fn args<A: Serialize + ?Sized>(self, args: &A) -> Encoded<'a, T> {
        Encoded { transport: self.transport, method: self.method, args: encode_with::<T::Format, A>(self.method, args) }
    }

    /// Calls a method without arguments that cannot fail.
    #[inline]
    pub fn value<R: DeserializeOwned + 'a>(self) -> impl Future<Output = Result<R, CallError>> + 'a {
        self.args(&NoArgs).value()
    }

    /// Calls a method without arguments that returns `Result<R, E>`.
    #[inline]
    pub fn result<R: DeserializeOwned + 'a, E: DeserializeOwned + 'a>(
        self,
    ) -> impl Future<Output = Result<R, CallError<E>>> + 'a {
        self.args(&NoArgs).result()
    }
}

/// A client method's call with its arguments encoded (see [`call`]).
pub struct Encoded<'a, T: Transport> {
    transport: &'a T,
    method: &'static str,
    args: Result<<T::Format as Format>::Value, ProtocolError>,
}

impl<'a, T: Transport> Encoded<'a, T> {
    /// Calls a method that cannot fail. The only `async` part, `send`, is
    /// generic in the transport alone; what depends on the value type is
    /// `Decoded`'s `poll` and the decoding.
    pub fn value<R: DeserializeOwned + 'a>(self) -> impl Future<Output = Result<R, CallError>> + 'a {
        Decoded {
            call: send(self.transport, self.method, self.args),
            method: self.method,
            decode: value_reply::<T::Format, R>,
        }
    }

    /// Calls a method returning `Result<R, E>`.
    pub fn result<R: DeserializeOwned + 'a, E: DeserializeOwned + 'a>(
        self,
    ) -> impl Future<Output = Result<R, CallError<E>>> + 'a {
        Decoded {
            call: send(self.transport, self.method, self.args),
            method: self.method,
            decode: result_reply::<T::Format, R, E>,
        }
    }
}

/// The call itself: the encoded arguments to the transport, or their
/// encoding error as the call's.
async fn send<T: Transport>(
    transport: &T,
    method: &'static str,
    args: Result<<T::Format as Format>::Value, ProtocolError>,
) -> Result<Reply<<T::Format as Format>::Value>, CallError> {
    transport.call(method, args?).await
}

/// A call's future (`call`) and what makes its outcome the method's
/// (`decode`).
struct Decoded<C: Future, O> {
    call: C,
    method: &'static str,
    decode: fn(&'static str, C::Output) -> O,
}

impl<C: Future, O> Future for Decoded<C, O> {
    type Output = O;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<O> {
        // SAFETY: `call` is pinned structurally: it is never moved out of
        // `Decoded`, which has no `Drop` and is `Unpin` only when `call` is.
        let this = unsafe { self.get_unchecked_mut() };
        match unsafe { Pin::new_unchecked(&mut this.call) }.poll(cx) {
            Poll::Ready(outcome) => Poll::Ready((this.decode)(this.method, outcome)),
            Poll::Pending => Poll::Pending,
        }
    }
}

fn value_reply<F: Format, R: DeserializeOwned>(
    method: &'static str,
    reply: Result<Reply<F::Value>, CallError>,
) -> Result<R, CallError> {
    let value = match reply {
        Ok(Reply::Ok(value)) => value,
        Ok(Reply::Err(_)) => return Err(CallError::Protocol(cannot_fail(method))),
        Err(e) => return Err(e),
    };
    match F::decode(&value) {
        Ok(value) => Ok(value),
        Err(e) => Err(CallError::Protocol(bad_reply(method, e))),
    }
}

fn result_reply<F: Format, R: DeserializeOwned, E: DeserializeOwned>(
    method: &'static str,
    reply: Result<Reply<F::Value>, CallError>,
) -> Result<R, CallError<E>> {
    match reply {
        Ok(Reply::Ok(value)) => match F::decode(&value) {
            Ok(value) => Ok(value),
            Err(e) => Err(CallError::Protocol(bad_reply(method, e))),
        },
        Ok(Reply::Err(error)) => match F::decode(&error) {
            Ok(error) => Err(CallError::App(error)),
            Err(e) => Err(CallError::Protocol(bad_reply(method, e))),
        },
        Err(e) => Err(e.widen()),
    }
}

#[cold]
fn cannot_fail(method: &str) -> ProtocolError {
    ProtocolError::new(ProtocolErrorKind::BadReply, format!("`{method}` cannot fail, yet its reply is an error"))
}

#[inline]
fn encode_with<F: Format, A: Serialize + ?Sized>(method: &str, args: &A) -> Result<F::Value, ProtocolError> {
    match F::encode(args) {
        Ok(value) => Ok(value),
        Err(e) => Err(cannot_encode_args(method, e)),
    }
}

#[cold]
fn cannot_encode_args(method: &str, e: String) -> ProtocolError {
    ProtocolError::new(
        ProtocolErrorKind::BadArguments,
        format!("cannot encode the arguments of `{method}`: {}", quote(&e)),
    )
}

#[cold]
fn bad_reply(method: &str, e: String) -> ProtocolError {
    ProtocolError::new(ProtocolErrorKind::BadReply, format!("cannot decode the reply of `{method}`: {}", quote(&e)))
}

/// `message` shortened as [`Json`](crate::Json) shortens the errors it
/// reports, for tests that hold its reader to serde_json's words.
#[doc(hidden)]
pub fn quote_message(message: &dyn std::fmt::Display) -> String {
    crate::protocol::shorten_display(message, crate::protocol::MAX_QUOTE)
}
