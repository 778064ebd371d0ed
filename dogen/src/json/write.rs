//! dogen's JSON writer: serde_json's compact output, byte for byte, except
//! that NaN and the infinities are refused wherever they occur.
//!
//! serde_json writes a non-finite float as `null`. Refusing them with
//! serde_json itself takes a wrapper around its serializer, and the
//! wrapper doubles the serde code compiled for every type a value holds:
//! each field and element passes through a wrapped value, a wrapped
//! compound and serde_json's own compound. Here the check sits in the one
//! serializer, and a field or element costs one small generic function
//! whose separators and key are written by shared code.
//!
//! Numbers and strings are formatted by serde_json's own formatter and
//! escaper, so the bytes are the same; its error type and messages are
//! kept too (`key must be a string`, a `Serialize` impl's custom errors).

use std::fmt::Display;

use serde::ser::{self, Impossible, Serialize, Serializer};
use serde_json::Error;
use serde_json::ser::{CompactFormatter, Formatter};

/// The struct name under which serde_json's `RawValue` hands over its
/// text, to be written as is.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// The struct name under which serde_json's `Number` hands over its digits
/// when serde_json's `arbitrary_precision` is enabled.
const NUMBER: &str = "$serde_json::private::Number";

type Result<T> = std::result::Result<T, Error>;

/// `value` as compact JSON, refusing non-finite floats anywhere in it with
/// the message [`non_finite`](crate::format::non_finite) gives.
#[inline]
pub(crate) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    let mut writer = Writer { out: Vec::with_capacity(128), raw: None };
    // A plain match, not `?` and `map`: this is compiled once per type.
    match value.serialize(&mut writer) {
        Ok(()) => Ok(writer.out),
        Err(e) => Err(e),
    }
}

/// The serializer: the text written so far.
pub(crate) struct Writer {
    out: Vec<u8>,
    /// Set while a `RawValue`'s or a `Number`'s text is written.
    raw: Option<RawText>,
}

/// Where a raw text starts, and what was written there.
#[derive(Clone, Copy)]
struct RawText {
    start: usize,
    /// The length of the one string written as is, once written.
    written: Option<usize>,
    /// Whether a second string came.
    more: bool,
}

#[cold]
fn refuse(value: f64) -> Error {
    ser::Error::custom(crate::format::non_finite(value))
}

#[cold]
fn key_must_be_a_string() -> Error {
    ser::Error::custom("key must be a string")
}

impl Writer {
    // Writing to a `Vec` cannot fail: the formatter's `io::Result`s are
    // always `Ok` and are dropped. These are not inlined: a value's
    // serializer calls them, and only the call is compiled per type.

    fn str(&mut self, value: &str) {
        if let Some(raw) = &mut self.raw {
            raw.more |= raw.written.is_some();
            raw.written = Some(value.len());
            self.out.extend_from_slice(value.as_bytes());
            return;
        }
        let _ = ser::Serializer::serialize_str(&mut serde_json::Serializer::new(&mut self.out), value);
    }

    /// Starts the one field of a `RawValue` or a `Number` (`name`), whose
    /// string is written as is.
    #[cold]
    fn begin_raw(&mut self, name: &str, key: &str) -> Result<()> {
        if key != name {
            return Err(not_raw(name, "expected value"));
        }
        self.raw = Some(RawText { start: self.out.len(), written: None, more: false });
        Ok(())
    }

    /// Ends the raw field `begin_raw` started: it must have been one string
    /// and nothing else, as serde_json requires.
    #[cold]
    fn end_raw(&mut self, name: &str, written: Result<()>) -> Result<()> {
        let raw = self.raw.take();
        written?;
        match raw {
            Some(RawText { start, written: Some(len), more: false }) if self.out.len() == start + len => Ok(()),
            _ => Err(not_raw(name, "expected RawValue")),
        }
    }

    fn f64(&mut self, value: f64) -> Result<()> {
        if !value.is_finite() {
            return Err(refuse(value));
        }
        let _ = CompactFormatter.write_f64(&mut self.out, value);
        Ok(())
    }

    fn f32(&mut self, value: f32) -> Result<()> {
        if !value.is_finite() {
            return Err(refuse(value.into()));
        }
        let _ = CompactFormatter.write_f32(&mut self.out, value);
        Ok(())
    }

    fn i64(&mut self, value: i64) {
        let _ = CompactFormatter.write_i64(&mut self.out, value);
    }

    fn u64(&mut self, value: u64) {
        let _ = CompactFormatter.write_u64(&mut self.out, value);
    }

    fn i128(&mut self, value: i128) {
        let _ = CompactFormatter.write_i128(&mut self.out, value);
    }

    fn u128(&mut self, value: u128) {
        let _ = CompactFormatter.write_u128(&mut self.out, value);
    }

    /// `{"variant":`, which an enum variant's content follows.
    fn open_variant(&mut self, variant: &str) {
        self.out.push(b'{');
        self.str(variant);
        self.out.push(b':');
    }

    /// `open` and a compound in the state its length gives: closed at
    /// once when it is known to be empty, as serde_json does.
    fn open(&mut self, open: u8, close: u8, len: Option<usize>, then: Then) -> Compound<'_> {
        self.out.push(open);
        let state = if len == Some(0) {
            self.out.push(close);
            State::Empty
        } else {
            State::First
        };
        Compound { writer: self, state, then }
    }
}

/// Where a compound stands: serde_json's three states.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Known empty, and already closed.
    Empty,
    First,
    Rest,
}

/// What closes after the compound's own bracket.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Then {
    Nothing,
    /// The `}` of an externally tagged variant.
    Variant,
    /// A `RawValue`'s or an arbitrary-precision `Number`'s text, under
    /// this name: written as is, with no brackets.
    Raw(&'static str),
}

/// An array or an object being written.
pub(crate) struct Compound<'a> {
    writer: &'a mut Writer,
    state: State,
    then: Then,
}

impl Compound<'_> {
    /// The separator before an element or a key.
    fn next(&mut self) {
        if self.state != State::First {
            self.writer.out.push(b',');
        }
        self.state = State::Rest;
    }

    /// A struct field's separator, key and colon.
    fn field(&mut self, key: &str) {
        self.next();
        self.writer.str(key);
        self.writer.out.push(b':');
    }

    fn close(self, close: u8) {
        if self.state != State::Empty {
            self.writer.out.push(close);
        }
        if self.then == Then::Variant {
            self.writer.out.push(b'}');
        }
    }
}

/// `$then!` over serde's integer methods, each with its type and the one
/// `Writer` writes it as.
macro_rules! every_integer {
    ($then:ident) => {
        $then! {
            serialize_i8(i8) => i64;
            serialize_i16(i16) => i64;
            serialize_i32(i32) => i64;
            serialize_i64(i64) => i64;
            serialize_i128(i128) => i128;
            serialize_u8(u8) => u64;
            serialize_u16(u16) => u64;
            serialize_u32(u32) => u64;
            serialize_u64(u64) => u64;
            serialize_u128(u128) => u128;
        }
    };
}

/// The integer methods: each widens its value to the type whose writing
/// `Writer` shares.
macro_rules! integers {
    ($($method:ident($ty:ty) => $wide:ident;)*) => {$(
        #[inline]
        fn $method(self, v: $ty) -> Result<()> {
            self.$wide(v.into());
            Ok(())
        }
    )*};
}

impl<'a> Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    #[inline]
    fn serialize_bool(self, v: bool) -> Result<()> {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    every_integer!(integers);

    #[inline]
    fn serialize_f32(self, v: f32) -> Result<()> {
        self.f32(v)
    }

    #[inline]
    fn serialize_f64(self, v: f64) -> Result<()> {
        self.f64(v)
    }

    #[inline]
    fn serialize_char(self, v: char) -> Result<()> {
        self.str(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    #[inline]
    fn serialize_str(self, v: &str) -> Result<()> {
        self.str(v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        let _ = CompactFormatter.write_byte_array(&mut self.out, v);
        Ok(())
    }

    #[inline]
    fn serialize_none(self) -> Result<()> {
        self.serialize_unit()
    }

    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_unit(self) -> Result<()> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    #[inline]
    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.serialize_unit()
    }

    #[inline]
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<()> {
        self.str(variant);
        Ok(())
    }

    #[inline]
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<()> {
        value.serialize(self)
    }

    #[inline]
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open(b'[', b']', len, Then::Nothing))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>> {
        Ok(self.open(b'[', b']', Some(len), Then::Nothing))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>> {
        Ok(self.open(b'[', b']', Some(len), Then::Nothing))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>> {
        self.open_variant(variant);
        Ok(self.open(b'[', b']', Some(len), Then::Variant))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open(b'{', b'}', len, Then::Nothing))
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'a>> {
        if name == RAW_VALUE || name == NUMBER {
            return Ok(Compound { writer: self, state: State::Empty, then: Then::Raw(name) });
        }
        Ok(self.open(b'{', b'}', Some(len), Then::Nothing))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>> {
        self.open_variant(variant);
        Ok(self.open(b'{', b'}', Some(len), Then::Variant))
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<()> {
        ser::Serializer::collect_str(&mut serde_json::Serializer::new(&mut self.out), value)
    }
}

macro_rules! elements {
    ($($trait:ident::$method:ident, $close:literal;)*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;

            #[inline]
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.next();
                value.serialize(&mut *self.writer)
            }

            fn end(self) -> Result<()> {
                self.close($close);
                Ok(())
            }
        }
    )*};
}

elements! {
    SerializeSeq::serialize_element, b']';
    SerializeTuple::serialize_element, b']';
    SerializeTupleStruct::serialize_field, b']';
    SerializeTupleVariant::serialize_field, b']';
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.next();
        key.serialize(Key(&mut *self.writer))
    }

    #[inline]
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.writer.out.push(b':');
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<()> {
        self.close(b'}');
        Ok(())
    }
}

macro_rules! fields {
    ($($trait:ident)*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;

            #[inline]
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<()> {
                if let Then::Raw(name) = self.then {
                    // The same instantiation as any field's, so that a raw
                    // value costs no serializer of its own per field type.
                    self.writer.begin_raw(name, key)?;
                    let written = value.serialize(&mut *self.writer);
                    return self.writer.end_raw(name, written);
                }
                self.field(key);
                value.serialize(&mut *self.writer)
            }

            fn end(self) -> Result<()> {
                if !matches!(self.then, Then::Raw(_)) {
                    self.close(b'}');
                }
                Ok(())
            }
        }
    )*};
}

fields! { SerializeStruct SerializeStructVariant }

/// serde_json's error for a `RawValue`'s or a `Number`'s (`name`) field
/// that is not its text: for a `RawValue`, `message`.
#[cold]
fn not_raw(name: &str, message: &'static str) -> Error {
    ser::Error::custom(if name == NUMBER { "invalid number" } else { message })
}

/// `Key`'s methods for the values serde_json refuses as map keys.
macro_rules! refuse_all {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method(self, $(_: $ty),*) -> Result<()> {
            Err(key_must_be_a_string())
        }
    )*};
}

/// `Key`'s integer methods: the number as a value is written, in quotes.
macro_rules! quoted_integers {
    ($($method:ident($ty:ty) => $wide:ident;)*) => {$(
        fn $method(self, v: $ty) -> Result<()> {
            self.quoted(|w| w.$method(v))
        }
    )*};
}

/// A map key, written as serde_json writes one: strings and unit variants
/// as they are, numbers and `bool`s quoted, anything else refused.
struct Key<'a>(&'a mut Writer);

impl Key<'_> {
    /// What `write` writes as a value, in quotes.
    fn quoted(self, write: impl FnOnce(&mut Writer) -> Result<()>) -> Result<()> {
        self.0.out.push(b'"');
        write(self.0)?;
        self.0.out.push(b'"');
        Ok(())
    }
}

impl Serializer for Key<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.quoted(|w| w.serialize_bool(v))
    }

    every_integer!(quoted_integers);

    // The writer refuses a non-finite float, here as anywhere.
    fn serialize_f32(self, v: f32) -> Result<()> {
        self.quoted(|w| w.f32(v))
    }

    fn serialize_f64(self, v: f64) -> Result<()> {
        self.quoted(|w| w.f64(v))
    }

    fn serialize_char(self, v: char) -> Result<()> {
        self.0.str(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<()> {
        self.0.str(v);
        Ok(())
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<()> {
        self.0.str(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }

    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<()> {
        self.0.collect_str(value)
    }

    refuse_all! {
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<()> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Impossible<(), Error>> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _: usize) -> Result<Impossible<(), Error>> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Impossible<(), Error>> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Impossible<(), Error>> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Impossible<(), Error>> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Impossible<(), Error>> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Impossible<(), Error>> {
        Err(key_must_be_a_string())
    }
}
