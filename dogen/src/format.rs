//! How values are encoded between a client and a dispatcher.

use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
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

    /// Whether [`decode`](Format::decode) fails by itself when a sequence
    /// holds elements its visitor left unread. A method's argument list then
    /// does not look for extra arguments on the way: the format finds them,
    /// and only a call that failed is read again for the error that names
    /// them. `false` (the default) is always correct, a little slower.
    const ENDS_SEQUENCES: bool = false;
}

/// JSON as UTF-8 bytes: the format of [`crate::InProcess`] and of the fetch
/// transport.
///
/// Encoding refuses NaN and infinities anywhere in a value (serde_json
/// alone would write them as `null`, which reads back as `None` or fails
/// far from the cause); decoding refuses a value that is not UTF-8
/// anywhere, even in a part that is ignored, and an `f32` beyond its range
/// (as serde_json does; see [`deserialize_finite`] for other formats).
/// Decoding reads JSON exactly as serde_json does, floats correctly
/// rounded, with its error messages.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Format for Json {
    type Value = Vec<u8>;

    #[inline]
    fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
        // dogen's writer: serde_json's bytes, non-finite floats refused
        // (see `crate::json`). A plain match, not `map_err`: this is
        // compiled once per type, and a closure would be a function of its
        // own.
        match crate::json::to_vec(value) {
            Ok(out) => Ok(out),
            Err(e) => Err(message(&e)),
        }
    }

    #[inline]
    fn decode<T: DeserializeOwned>(value: &Vec<u8>) -> Result<T, String> {
        // dogen's reader, serde_json's rules (see `crate::json`). Not
        // through `deserialize_finite`: JSON has no literal for NaN or the
        // infinities, and the reader refuses a number beyond f64's range,
        // or beyond f32's where an f32 goes ("number out of range"). The
        // wrapper would refuse nothing more, and would double the serde
        // code compiled for every type a method takes.
        crate::json::from_slice(value)
    }

    fn is_empty_sequence(value: &Vec<u8>) -> bool {
        value.as_slice() == b"[]"
    }

    /// The reader refuses what follows the elements a visitor read
    /// ("trailing characters"), as serde_json does.
    const ENDS_SEQUENCES: bool = true;
}

/// The error's message, shortened as it is written: it quotes the value
/// it could not read, which may be most of the request.
#[cold]
pub(crate) fn message(e: &dyn fmt::Display) -> String {
    crate::protocol::shorten_display(e, crate::protocol::MAX_QUOTE)
}

/// `bytes` as text, if they are UTF-8 throughout.
#[inline]
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, String> {
    if bytes.is_ascii() {
        // SAFETY: ASCII is UTF-8. (The common case, checked inline: a call
        // to `from_utf8` costs more than a short argument list.)
        return Ok(unsafe { std::str::from_utf8_unchecked(bytes) });
    }
    std::str::from_utf8(bytes).map_err(not_utf8)
}

#[cold]
fn not_utf8(e: std::str::Utf8Error) -> String {
    format!("the JSON is not UTF-8: invalid byte at offset {}", e.valid_up_to())
}

/// Serializes `value` into `serializer`, refusing NaN, infinity and
/// -infinity in `f32` and `f64` anywhere in it (fields, `Option`s,
/// sequences, map keys and values, enum variants) with the error
/// `non_finite` describes. Every other call goes to `serializer`
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

/// Deserializes a `T` from `deserializer`, refusing NaN, infinity and
/// -infinity in `f32` and `f64` anywhere in it with the error
/// `non_finite` describes, and a number beyond `f32`'s range where an
/// `f32` is expected (serde alone would make it an infinity). Every other
/// call goes to `deserializer` unchanged.
///
/// Values that serde buffers before it knows their type (the fields of an
/// internally tagged or untagged enum, `#[serde(flatten)]`) are checked for
/// non-finite numbers as they are read, but not for the range of `f32`.
#[inline]
pub fn deserialize_finite<'de, T: Deserialize<'de>, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    T::deserialize(FiniteDe(deserializer))
}

#[cold]
fn refuse_de<E: de::Error>(value: f64) -> E {
    E::custom(non_finite(value))
}

#[cold]
fn out_of_f32<E: de::Error>(value: f64) -> E {
    E::invalid_value(de::Unexpected::Float(value), &"a finite f32")
}

/// A deserializer, or a part of one, whose every value goes through
/// [`FiniteVisitor`].
struct FiniteDe<D>(D);

/// A visitor that refuses non-finite floats (and, when `narrow`, numbers
/// beyond `f32`'s range) and wraps everything it is handed.
struct FiniteVisitor<V> {
    inner: V,
    narrow: bool,
}

#[inline]
fn wrap<V>(inner: V) -> FiniteVisitor<V> {
    FiniteVisitor { inner, narrow: false }
}

macro_rules! forward_de {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(#[inline]
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method($($arg,)* wrap(visitor))
        })*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for FiniteDe<D> {
    type Error = D::Error;

    forward_de! {
        deserialize_any();
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_i128();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_u128();
        deserialize_f64();
        deserialize_char();
        deserialize_str();
        deserialize_string();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_identifier();
        deserialize_ignored_any();
    }

    #[inline]
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_f32(FiniteVisitor { inner: visitor, narrow: true })
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {
        $(#[inline]
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.inner.$method(v)
        })*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for FiniteVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit! {
        visit_bool(bool);
        visit_i8(i8);
        visit_i16(i16);
        visit_i32(i32);
        visit_i64(i64);
        visit_i128(i128);
        visit_u8(u8);
        visit_u16(u16);
        visit_u32(u32);
        visit_u64(u64);
        visit_u128(u128);
        visit_char(char);
        visit_str(&str);
        visit_borrowed_str(&'de str);
        visit_string(String);
        visit_bytes(&[u8]);
        visit_borrowed_bytes(&'de [u8]);
        visit_byte_buf(Vec<u8>);
    }

    #[inline]
    fn visit_f32<E: de::Error>(self, v: f32) -> Result<V::Value, E> {
        if !v.is_finite() {
            return Err(refuse_de(v.into()));
        }
        self.inner.visit_f32(v)
    }

    #[inline]
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        if !v.is_finite() {
            return Err(refuse_de(v));
        }
        if self.narrow && (v as f32).is_infinite() {
            return Err(out_of_f32(v));
        }
        self.inner.visit_f64(v)
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(FiniteDe(deserializer))
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(FiniteDe(deserializer))
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(FiniteDe(seq))
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(FiniteDe(map))
    }

    #[inline]
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(FiniteDe(data))
    }
}

/// A seed whose deserializer goes through [`FiniteDe`].
struct FiniteSeed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for FiniteSeed<S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(FiniteDe(deserializer))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for FiniteDe<A> {
    type Error = A::Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(FiniteSeed(seed))
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for FiniteDe<A> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(FiniteSeed(seed))
    }

    #[inline]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(FiniteSeed(seed))
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for FiniteDe<A> {
    type Error = A::Error;
    type Variant = FiniteDe<A::Variant>;

    #[inline]
    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self::Variant), A::Error> {
        self.0.variant_seed(FiniteSeed(seed)).map(|(value, variant)| (value, FiniteDe(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for FiniteDe<A> {
    type Error = A::Error;

    #[inline]
    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    #[inline]
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(FiniteSeed(seed))
    }

    #[inline]
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, wrap(visitor))
    }

    #[inline]
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0.struct_variant(fields, wrap(visitor))
    }
}
