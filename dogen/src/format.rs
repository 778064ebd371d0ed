//! How values are encoded between a client and a dispatcher.

use serde::de::DeserializeOwned;
use serde::ser::{self, Serialize, Serializer};

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
///
/// Encoding refuses NaN and infinities anywhere in a value (serde_json
/// alone would write them as `null`, which reads back as `None` or fails
/// far from the cause); decoding refuses a value that is not UTF-8
/// anywhere, even in a part that is ignored.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Format for Json {
    type Value = Vec<u8>;

    #[inline]
    fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
        let mut out = Vec::with_capacity(128);
        serialize_finite(value, &mut serde_json::Serializer::new(&mut out)).map_err(|e| e.to_string())?;
        Ok(out)
    }

    #[inline]
    fn decode<T: DeserializeOwned>(value: &Vec<u8>) -> Result<T, String> {
        // Validated whole, so bytes that serde_json would skip unread (an
        // ignored element) are held to the same rule as the rest.
        let text = std::str::from_utf8(value).map_err(not_utf8)?;
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    fn is_empty_sequence(value: &Vec<u8>) -> bool {
        value.as_slice() == b"[]"
    }
}

#[cold]
fn not_utf8(e: std::str::Utf8Error) -> String {
    format!("the JSON is not UTF-8: invalid byte at offset {}", e.valid_up_to())
}

/// Serializes `value` into `serializer`, refusing NaN, infinity and
/// -infinity in `f32` and `f64` anywhere in it (fields, `Option`s,
/// sequences, map keys and values, enum variants) with the error
/// [`non_finite`] describes. Every other call goes to `serializer`
/// unchanged.
///
/// Neither JSON nor Workers RPC can carry these numbers faithfully (JSON
/// has no literal for them; serde_json writes `null`), so every format
/// refuses them the same way: the server's reply is an `encode` error, the
/// client's arguments a `bad_arguments` error on its side.
#[inline]
pub fn serialize_finite<T: Serialize + ?Sized, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    value.serialize(Finite(serializer))
}

/// The message for a number JSON and Workers RPC cannot carry.
#[cold]
pub fn non_finite(value: f64) -> String {
    let name = if value.is_nan() {
        "NaN"
    } else if value > 0.0 {
        "infinity"
    } else {
        "-infinity"
    };
    format!("{name} cannot be sent: JSON and Workers RPC carry finite numbers only")
}

#[cold]
fn refuse<E: ser::Error>(value: f64) -> E {
    E::custom(non_finite(value))
}

/// A serializer, or one of its compound serializers, that refuses
/// non-finite floats and wraps every value handed to it the same way.
struct Finite<S>(S);

/// A value serialized through [`Finite`].
struct FiniteValue<'a, T: ?Sized>(&'a T);

impl<T: Serialize + ?Sized> Serialize for FiniteValue<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Finite(serializer))
    }
}

macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(#[inline]
        fn $method(self, $($arg: $ty),*) -> Result<S::Ok, S::Error> {
            self.0.$method($($arg),*)
        })*
    };
}

impl<S: Serializer> Serializer for Finite<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Finite<S::SerializeSeq>;
    type SerializeTuple = Finite<S::SerializeTuple>;
    type SerializeTupleStruct = Finite<S::SerializeTupleStruct>;
    type SerializeTupleVariant = Finite<S::SerializeTupleVariant>;
    type SerializeMap = Finite<S::SerializeMap>;
    type SerializeStruct = Finite<S::SerializeStruct>;
    type SerializeStructVariant = Finite<S::SerializeStructVariant>;

    forward! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_i128(v: i128);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_u128(v: u128);
        serialize_char(v: char);
        serialize_str(v: &str);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    #[inline]
    fn serialize_f32(self, v: f32) -> Result<S::Ok, S::Error> {
        if !v.is_finite() {
            return Err(refuse(v.into()));
        }
        self.0.serialize_f32(v)
    }

    #[inline]
    fn serialize_f64(self, v: f64) -> Result<S::Ok, S::Error> {
        if !v.is_finite() {
            return Err(refuse(v));
        }
        self.0.serialize_f64(v)
    }

    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&FiniteValue(value))
    }

    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &FiniteValue(value))
    }

    #[inline]
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_variant(name, index, variant, &FiniteValue(value))
    }

    #[inline]
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(Finite)
    }

    #[inline]
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len).map(Finite)
    }

    #[inline]
    fn serialize_tuple_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.0.serialize_tuple_struct(name, len).map(Finite)
    }

    #[inline]
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.0.serialize_tuple_variant(name, index, variant, len).map(Finite)
    }

    #[inline]
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.0.serialize_map(len).map(Finite)
    }

    #[inline]
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_struct(name, len).map(Finite)
    }

    #[inline]
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        self.0.serialize_struct_variant(name, index, variant, len).map(Finite)
    }

    // `collect_seq` and `collect_map` keep serde's defaults, which go
    // through `serialize_seq` and `serialize_map` above; strings cannot
    // hold a float.
    #[inline]
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.collect_str(value)
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! compound {
    ($($trait:ident { $($method:ident),* })*) => {
        $(impl<C: ser::$trait> ser::$trait for Finite<C> {
            type Ok = C::Ok;
            type Error = C::Error;

            $(#[inline]
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
                self.0.$method(&FiniteValue(value))
            })*

            #[inline]
            fn end(self) -> Result<C::Ok, C::Error> {
                self.0.end()
            }
        })*
    };
}

compound! {
    SerializeSeq { serialize_element }
    SerializeTuple { serialize_element }
    SerializeTupleStruct { serialize_field }
    SerializeTupleVariant { serialize_field }
    SerializeMap { serialize_key, serialize_value }
}

macro_rules! fields {
    ($($trait:ident)*) => {
        $(impl<C: ser::$trait> ser::$trait for Finite<C> {
            type Ok = C::Ok;
            type Error = C::Error;

            #[inline]
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), C::Error> {
                self.0.serialize_field(key, &FiniteValue(value))
            }

            #[inline]
            fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
                self.0.skip_field(key)
            }

            #[inline]
            fn end(self) -> Result<C::Ok, C::Error> {
                self.0.end()
            }
        })*
    };
}

fields! { SerializeStruct SerializeStructVariant }
