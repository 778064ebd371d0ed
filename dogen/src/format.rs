//! How values are encoded between a client and a dispatcher.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// An encoding of serde values. Arguments travel as one sequence (a JSON
/// array, a JS array), results and errors as one value each.
pub trait Format {
    /// An encoded value.
    type Value;

    /// Encodes `value`; `Err` carries serde's message.
    fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Self::Value, String>;

    /// Decodes a `T` from `value`; `Err` carries serde's message.
    fn decode<T: DeserializeOwned>(value: &Self::Value) -> Result<T, String>;

    /// Whether `value` is, without decoding it, an empty sequence: the
    /// arguments of a method that takes none. A fast path only: `false`
    /// makes the caller decode it the long way.
    fn is_empty_sequence(value: &Self::Value) -> bool {
        let _ = value;
        false
    }
}

/// JSON as UTF-8 bytes: the format of [`crate::InProcess`] and of the fetch
/// transport.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Format for Json {
    type Value = Vec<u8>;

    fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
        serde_json::to_vec(value).map_err(|e| e.to_string())
    }

    fn decode<T: DeserializeOwned>(value: &Vec<u8>) -> Result<T, String> {
        serde_json::from_slice(value).map_err(|e| e.to_string())
    }

    fn is_empty_sequence(value: &Vec<u8>) -> bool {
        value.as_slice() == b"[]"
    }
}
