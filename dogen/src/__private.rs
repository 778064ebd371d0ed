//! Helpers for code that `#[durable]` generates. Not a public API.

use serde::de::{DeserializeOwned, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::dispatch::Reply;
use crate::error::{CallError, ProtocolError, ProtocolErrorKind};
use crate::format::Format;
use crate::transport::Transport;

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

/// Decodes the argument tuple of `method`.
#[inline]
pub fn decode_args<F: Format, T: DeserializeOwned + Arity>(method: &str, args: &F::Value) -> Result<T, ProtocolError> {
    let bad =
        |e: String| ProtocolError::new(ProtocolErrorKind::BadArguments, format!("bad arguments for `{method}`: {e}"));
    if let Some(len) = F::unchecked_sequence_len(args)
        && len != T::ARITY
    {
        let plural = if T::ARITY == 1 { "" } else { "s" };
        return Err(bad(format!("expected {} argument{plural}, got {len}", T::ARITY)));
    }
    F::decode(args).map_err(bad)
}

/// How many arguments an argument tuple holds.
pub trait Arity {
    /// The number of arguments.
    const ARITY: usize;
}

impl Arity for NoArgs {
    const ARITY: usize = 0;
}

macro_rules! arity {
    ($($n:literal => ($($t:ident),+);)+) => {
        $(impl<$($t),+> Arity for ($($t,)+) {
            const ARITY: usize = $n;
        })+
    };
}

arity! {
    1 => (A);
    2 => (A, B);
    3 => (A, B, C);
    4 => (A, B, C, D);
    5 => (A, B, C, D, E);
    6 => (A, B, C, D, E, F);
    7 => (A, B, C, D, E, F, G);
    8 => (A, B, C, D, E, F, G, H);
    9 => (A, B, C, D, E, F, G, H, I);
    10 => (A, B, C, D, E, F, G, H, I, J);
    11 => (A, B, C, D, E, F, G, H, I, J, K);
    12 => (A, B, C, D, E, F, G, H, I, J, K, L);
    13 => (A, B, C, D, E, F, G, H, I, J, K, L, M);
    14 => (A, B, C, D, E, F, G, H, I, J, K, L, M, N);
    15 => (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O);
    16 => (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P);
}

/// Checks the (empty) arguments of a method that takes none.
#[inline]
pub fn decode_no_args<F: Format>(method: &str, args: &F::Value) -> Result<(), ProtocolError> {
    if F::is_empty_sequence(args) {
        return Ok(());
    }
    decode_args::<F, NoArgs>(method, args).map(|NoArgs| ())
}

/// Encodes the value a method returned.
#[inline]
pub fn encode_value<F: Format, T: Serialize + ?Sized>(
    method: &str,
    value: &T,
) -> Result<Reply<F::Value>, ProtocolError> {
    F::encode(value).map(Reply::Ok).map_err(|e| encode_failed(method, e))
}

/// Encodes what a method returning `Result<T, E>` returned.
#[inline]
pub fn encode_result<F: Format, T: Serialize, E: Serialize>(
    method: &str,
    result: &Result<T, E>,
) -> Result<Reply<F::Value>, ProtocolError> {
    match result {
        Ok(value) => F::encode(value).map(Reply::Ok),
        Err(error) => F::encode(error).map(Reply::Err),
    }
    .map_err(|e| encode_failed(method, e))
}

fn encode_failed(method: &str, e: String) -> ProtocolError {
    ProtocolError::new(ProtocolErrorKind::Encode, format!("cannot encode the reply of `{method}`: {e}"))
}

/// The error for a wire name no method has.
#[cold]
pub fn unknown_method(method: &str, known: &[&str]) -> ProtocolError {
    ProtocolError::new(
        ProtocolErrorKind::UnknownMethod,
        format!("unknown method `{method}`; this object has {}", list(known)),
    )
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        return "no methods".into();
    }
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// Calls a method that cannot fail.
pub async fn call_value<T, A, R>(transport: &T, method: &'static str, args: &A) -> Result<R, CallError>
where
    T: Transport,
    A: Serialize + ?Sized,
    R: DeserializeOwned,
{
    let args = encode_args::<T::Format, A>(method, args)?;
    match transport.call(method, args).await? {
        Reply::Ok(value) => Ok(decode_reply::<T::Format, R>(method, &value)?),
        Reply::Err(_) => Err(CallError::Protocol(ProtocolError::new(
            ProtocolErrorKind::BadReply,
            format!("`{method}` cannot fail, yet its reply is an error"),
        ))),
    }
}

/// Calls a method returning `Result<R, E>`.
pub async fn call_result<T, A, R, E>(transport: &T, method: &'static str, args: &A) -> Result<R, CallError<E>>
where
    T: Transport,
    A: Serialize + ?Sized,
    R: DeserializeOwned,
    E: DeserializeOwned,
{
    let args = encode_args::<T::Format, A>(method, args)?;
    match transport.call(method, args).await.map_err(CallError::widen)? {
        Reply::Ok(value) => Ok(decode_reply::<T::Format, R>(method, &value)?),
        Reply::Err(error) => Err(CallError::App(decode_reply::<T::Format, E>(method, &error)?)),
    }
}

fn encode_args<F: Format, A: Serialize + ?Sized>(method: &str, args: &A) -> Result<F::Value, ProtocolError> {
    F::encode(args).map_err(|e| {
        ProtocolError::new(ProtocolErrorKind::BadArguments, format!("cannot encode the arguments of `{method}`: {e}"))
    })
}

fn decode_reply<F: Format, R: DeserializeOwned>(method: &str, value: &F::Value) -> Result<R, ProtocolError> {
    F::decode(value).map_err(|e| {
        ProtocolError::new(ProtocolErrorKind::BadReply, format!("cannot decode the reply of `{method}`: {e}"))
    })
}
