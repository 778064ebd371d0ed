//! The reader proper: a serde `Deserializer` over one JSON document.
//!
//! Every rule here (what is refused, in which words, at which position,
//! and which visitor method a value reaches) is serde_json's, so that a
//! document means the same to dogen as to any other Rust JSON code. Where
//! a position is given, `error` names the byte just read and `peek_error`
//! the byte about to be read; errors a visitor makes get the position of
//! the byte last read, as in serde_json.

use std::borrow::Cow;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Expected, Unexpected, Visitor};

use super::error::{Error, Result};
use super::{float, host};
use crate::format::{message, utf8 as utf8_document};

/// The name under which serde_json's `RawValue` asks for a value's text.
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// How deep arrays, objects and enums may nest, as in serde_json: the
/// 128th level is refused.
const MAX_DEPTH: u8 = 128;

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const COLON: &str = "expected `:`";
const LIST_COMMA_OR_END: &str = "expected `,` or `]`";
const OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
const IDENT: &str = "expected ident";
const VALUE: &str = "expected value";
const DOUBLE_QUOTE: &str = "expected `\"`";
const ESCAPE: &str = "invalid escape";
const NUMBER: &str = "invalid number";
const OUT_OF_RANGE: &str = "number out of range";
const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY_STRING: &str = "key must be a string";
const NUMERIC_KEY: &str = "invalid value: expected key to be a number in quotes";
const SURROGATE: &str = "lone leading surrogate in hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING_CHARACTERS: &str = "trailing characters";
const HEX_END: &str = "unexpected end of hex escape";
const RECURSION: &str = "recursion limit exceeded";

/// Reads a `T` from the whole of `bytes`, for [`Json`](crate::Json): they
/// must be UTF-8 throughout, so that bytes a visitor would skip unread (an
/// ignored element) are held to the same rule as the rest, and only
/// whitespace may follow the value. An error is the message `Json` reports.
///
/// Never inlined: in a Worker that calls many methods returning the same
/// type, each call site would otherwise carry its own copy. Per type, it
/// is the UTF-8 check's ASCII path, the call and two matches; the rest is
/// shared.
#[inline(never)]
pub(crate) fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> std::result::Result<T, String> {
    let text = tri!(utf8_document(bytes));
    let mut reader = Reader { text, index: 0, scratch: Vec::new(), depth: MAX_DEPTH };
    match T::deserialize(&mut reader) {
        Ok(value) => match reader.end() {
            Ok(()) => Ok(value),
            Err(e) => Err(e),
        },
        Err(e) => Err(message(&e)),
    }
}

/// One object, the whole of a document, read entry by entry rather than
/// through serde: the protocol's reply envelope and its error object, which
/// every Worker that calls an object reads. Through serde, each was a
/// visitor, a key seed and serde_json's `RawValue` in the client's wasm.
///
/// The rules, words and positions are those of reading the same object
/// into a struct through serde: the reader's errors are placed where
/// they happen, a value refused by what reads it ([`Object::refuse`]) at
/// the byte last read, and an error made without a position
/// ([`Object::error`]) once the object's `}` has been looked for
/// ([`Object::fail`]).
pub(crate) struct Object<'de> {
    reader: Reader<'de>,
    first: bool,
}

impl<'de> Object<'de> {
    /// The object that is the whole of `text`, its `{` read; `expected`
    /// names it in the error for a value of any other kind.
    pub(crate) fn open(text: &'de str, expected: &'static str) -> std::result::Result<Object<'de>, String> {
        let mut reader = Reader { text, index: 0, scratch: Vec::new(), depth: MAX_DEPTH };
        let error = match reader.whitespace() {
            None => reader.peek_error(EOF_VALUE),
            Some(b'{') => {
                reader.eat();
                return Ok(Object { reader, first: true });
            }
            Some(_) => reader.invalid_type(&expected),
        };
        Err(message(&error))
    }

    /// The next key, decoded; `None` at the object's end.
    pub(crate) fn key(&mut self) -> Result<Option<&str>> {
        if !self.reader.key(&mut self.first)? {
            return Ok(None);
        }
        self.reader.eat();
        match self.reader.string(Strictness::Text)? {
            Text::Borrowed(key) | Text::Copied(key) => Ok(Some(utf8(key))),
        }
    }

    /// The next value's text as written (serde_json's `&RawValue`).
    pub(crate) fn raw(&mut self) -> Result<&'de str> {
        self.reader.colon()?;
        self.reader.whitespace();
        let start = self.reader.index;
        self.reader.skip_value()?;
        Ok(&self.reader.text[start..self.reader.index])
    }

    /// Passes over the next value (serde's `IgnoredAny`).
    pub(crate) fn skip(&mut self) -> Result<()> {
        self.reader.colon()?;
        self.reader.skip_value()
    }

    /// The next value, which must be a string, decoded.
    pub(crate) fn string(&mut self) -> Result<&str> {
        self.reader.colon()?;
        match self.reader.whitespace() {
            None => Err(self.reader.peek_error(EOF_VALUE)),
            Some(b'"') => {
                self.reader.eat();
                match self.reader.string(Strictness::Text)? {
                    Text::Borrowed(text) | Text::Copied(text) => Ok(utf8(text)),
                }
            }
            Some(_) => Err(self.reader.invalid_type(&"a string")),
        }
    }

    /// An error about the value or key just read, placed after it.
    #[cold]
    pub(crate) fn refuse(&self, message: String) -> Error {
        self.reader.error_at(Cow::Owned(message), self.reader.index)
    }

    /// An error about the object as a whole (a key twice, one missing),
    /// placed by [`fail`](Self::fail).
    #[cold]
    pub(crate) fn error(message: String) -> Error {
        Error::at(Cow::Owned(message), 0, 0)
    }

    /// The object's end after its last entry: its `}`, then nothing but
    /// whitespace.
    pub(crate) fn close(mut self) -> std::result::Result<(), String> {
        match self.reader.end_map() {
            Ok(()) => self.reader.end(),
            Err(e) => Err(message(&e)),
        }
    }

    /// `error`, made while reading the entries, as the document's: the
    /// object's `}` is looked for first, as it moves where an error
    /// without a position is placed.
    #[cold]
    pub(crate) fn fail(mut self, error: Error) -> String {
        let _ = self.reader.end_map();
        message(&self.reader.fix(error))
    }
}

// The code generic in a visitor or a value type is compiled once for every
// type a document is read into, so it is kept to plain matches on the way
// to the shared, non-generic reading: no closures, no `?`, no generic
// helpers, each of which would be one more function per type for the
// compiler to build and then inline. `tri!` (the crate's) and the macros
// below stand for them.

/// `$result`, its error placed at the byte last read (see `Reader::fix`).
macro_rules! fixed {
    ($reader:expr, $result:expr) => {
        match $result {
            Ok(value) => Ok(value),
            Err(e) => Err($reader.fix(e)),
        }
    };
}

/// The value a visitor read from a container (`$visited`), unless the
/// container's end (`$end`) is wrong; the visitor's error comes first.
macro_rules! ended {
    ($visited:expr, $end:expr) => {
        match $visited {
            Ok(value) => match $end {
                Ok(()) => Ok(value),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        }
    };
}

struct Reader<'de> {
    text: &'de str,
    /// The next byte to read.
    index: usize,
    /// A string with escapes, decoded; the open containers while a value
    /// is skipped.
    scratch: Vec<u8>,
    /// Levels of nesting left.
    depth: u8,
}

/// A number as JSON wrote it, before a visitor sees it.
enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl Number {
    #[inline]
    fn visit<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Number::Unsigned(n) => visitor.visit_u64(n),
            Number::Signed(n) => visitor.visit_i64(n),
            Number::Float(n) => visitor.visit_f64(n),
        }
    }

    fn unexpected(&self) -> Unexpected<'static> {
        match *self {
            Number::Unsigned(n) => Unexpected::Unsigned(n),
            Number::Signed(n) => Unexpected::Signed(n),
            Number::Float(n) => Unexpected::Float(n),
        }
    }
}

/// A string's text: a slice of the document, or decoded into the scratch
/// buffer when it had escapes.
enum Text<'de, 's> {
    Borrowed(&'de [u8]),
    Copied(&'s [u8]),
}

/// How a string's escapes are read.
#[derive(Clone, Copy, PartialEq)]
enum Strictness {
    /// As text: control characters and lone surrogates are refused.
    Text,
    /// As bytes (`deserialize_bytes`): anything goes, a lone surrogate
    /// becomes its WTF-8 bytes.
    Bytes,
}

impl<'de> Reader<'de> {
    /// After the whole document's value: only whitespace may follow.
    /// Most often nothing does (inlined); the rest is shared.
    #[inline(always)]
    fn end(&mut self) -> std::result::Result<(), String> {
        if self.index == self.text.len() {
            return Ok(());
        }
        self.end_after()
    }

    fn end_after(&mut self) -> std::result::Result<(), String> {
        match self.whitespace() {
            Some(_) => Err(message(&self.peek_error(TRAILING_CHARACTERS))),
            None => Ok(()),
        }
    }

    #[inline]
    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.index).copied()
    }

    #[inline]
    fn next(&mut self) -> Option<u8> {
        let byte = self.peek();
        if byte.is_some() {
            self.index += 1;
        }
        byte
    }

    #[inline]
    fn eat(&mut self) {
        self.index += 1;
    }

    /// Skips whitespace; the byte after it, not read.
    #[inline]
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.eat();
        }
        self.peek()
    }

    /// An error at the byte just read. Never inlined (nor is
    /// `peek_error`): at each of the many places that can fail, a call is
    /// smaller than the computation of `error_at`'s arguments.
    #[cold]
    #[inline(never)]
    fn error(&self, message: &'static str) -> Error {
        self.error_at(Cow::Borrowed(message), self.index)
    }

    /// An error at the byte about to be read.
    #[cold]
    #[inline(never)]
    fn peek_error(&self, message: &'static str) -> Error {
        self.error_at(Cow::Borrowed(message), (self.index + 1).min(self.text.len()))
    }

    #[cold]
    fn error_at(&self, message: Cow<'static, str>, index: usize) -> Error {
        let before = &self.bytes()[..index];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
        Error::at(message, line, index - line_start)
    }

    /// `error`, placed at the byte last read if it says nowhere.
    #[cold]
    fn fix(&self, error: Error) -> Error {
        if error.has_position() { error } else { self.error_at(error.into_message(), self.index) }
    }

    /// The rest of `null`, `true` or `false`.
    fn ident(&mut self, rest: &[u8]) -> Result<()> {
        for &expected in rest {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) if b != expected => return Err(self.error(IDENT)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// One level deeper, or the recursion limit.
    #[inline]
    fn descend(&mut self) -> Result<()> {
        self.depth -= 1;
        if self.depth == 0 {
            self.depth += 1;
            return Err(self.peek_error(RECURSION));
        }
        Ok(())
    }

    // ---- numbers ----

    /// A number whose sign (if any) was read. `SINGLE`: a float is rounded
    /// to `f32` (straight from its digits) and must fit one. A constant, so
    /// that a crate that reads no `f32` carries no `f32` conversion.
    fn number<const SINGLE: bool>(&mut self, positive: bool) -> Result<Number> {
        let start = self.index;
        let mut value: u64 = 0;
        match self.next() {
            None => return Err(self.error(EOF_VALUE)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(NUMBER));
                }
            }
            Some(digit @ b'1'..=b'9') => {
                value = u64::from(digit - b'0');
                while let Some(digit @ b'0'..=b'9') = self.peek() {
                    match value.checked_mul(10).and_then(|v| v.checked_add(u64::from(digit - b'0'))) {
                        Some(next) => value = next,
                        // Beyond u64: read as a float.
                        None => return self.float::<SINGLE>(positive, start, None).map(Number::Float),
                    }
                    self.eat();
                }
            }
            Some(_) => return Err(self.error(NUMBER)),
        }
        match self.peek() {
            Some(b'.' | b'e' | b'E') => self.float::<SINGLE>(positive, start, Some(value)).map(Number::Float),
            _ if positive => Ok(Number::Unsigned(value)),
            _ => {
                let negated = (value as i64).wrapping_neg();
                // `-0` and what i64 cannot hold are floats.
                Ok(if negated >= 0 { Number::Float(-(value as f64)) } else { Number::Signed(negated) })
            }
        }
    }

    /// The rest of a number that is a float, from its first digit at
    /// `start` (digits up to `self.index` are read, and are `digits` if
    /// they fit a u64).
    fn float<const SINGLE: bool>(&mut self, positive: bool, start: usize, mut digits: Option<u64>) -> Result<f64> {
        let bytes = self.bytes();
        // The engine converts an `f64` (see `host`): the digits need not be
        // gathered on the way.
        if !SINGLE && host::NUMBERS {
            digits = None;
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.eat();
        }
        let int = &bytes[start..self.index];
        let mut frac: &[u8] = &[];
        if self.peek() == Some(b'.') {
            self.eat();
            let frac_start = self.index;
            // Up to 19 digits in all, as most numbers have, are gathered
            // on the way (19 digits cannot overflow a u64): most often
            // they are all the converter needs.
            let mut room = if digits.is_some() { 19usize.saturating_sub(int.len()) } else { 0 };
            let mut m = digits.unwrap_or(0);
            let mut end = self.index;
            while room >= 8 {
                match bytes.get(end..).and_then(<[u8]>::first_chunk::<8>).and_then(eight_digits) {
                    Some(eight) => m = m * 100_000_000 + eight,
                    None => break,
                }
                room -= 8;
                end += 8;
            }
            while let Some(&digit @ b'0'..=b'9') = bytes.get(end) {
                if room > 0 {
                    m = m * 10 + u64::from(digit - b'0');
                    room -= 1;
                } else {
                    digits = None;
                }
                end += 1;
            }
            self.index = end;
            digits = digits.filter(|_| int.len() <= 19).map(|_| m);
            if self.index == frac_start {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(NUMBER),
                    None => self.peek_error(EOF_VALUE),
                });
            }
            frac = &bytes[frac_start..self.index];
        }
        let mut exp: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.eat();
            let positive_exp = match self.peek() {
                Some(b'+') => {
                    self.eat();
                    true
                }
                Some(b'-') => {
                    self.eat();
                    false
                }
                _ => true,
            };
            let mut magnitude: i32 = match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(digit @ b'0'..=b'9') => i32::from(digit - b'0'),
                Some(_) => return Err(self.error(NUMBER)),
            };
            while let Some(digit @ b'0'..=b'9') = self.peek() {
                self.eat();
                match magnitude.checked_mul(10).and_then(|m| m.checked_add(i32::from(digit - b'0'))) {
                    Some(next) => magnitude = next,
                    None => {
                        // An exponent beyond i32: a nonzero number is out
                        // of range upwards, zero downwards.
                        let zero = int.iter().chain(frac).all(|&d| d == b'0');
                        if !zero && positive_exp {
                            return Err(self.error(OUT_OF_RANGE));
                        }
                        while let Some(b'0'..=b'9') = self.peek() {
                            self.eat();
                        }
                        return Ok(if positive { 0.0 } else { -0.0 });
                    }
                }
            }
            exp = if positive_exp { magnitude.into() } else { -i64::from(magnitude) };
        }
        // Only where the engine converts: elsewhere the text's UTF-8 check
        // alone would cost a native read a fifth more instructions.
        let host = if SINGLE || !host::NUMBERS { None } else { host::parse(utf8(&bytes[start..self.index])) };
        let value = match host {
            Some(value) => value,
            None => match digits.and_then(|m| float::quick(m, exp - frac.len() as i64, SINGLE)) {
                Some(bits) if SINGLE => f64::from(f32::from_bits(bits as u32)),
                Some(bits) => f64::from_bits(bits),
                None if SINGLE => f64::from(float::to_f32(int, frac, exp)),
                None => float::to_f64(int, frac, exp),
            },
        };
        if value.is_infinite() {
            return Err(self.error(OUT_OF_RANGE));
        }
        Ok(if positive { value } else { -value })
    }

    /// An `i128` (or, `unsigned`, a `u128`): digits only, no fraction or
    /// exponent, refused when out of range.
    fn integer128<V: Visitor<'de>>(&mut self, unsigned: bool, visitor: V) -> Result<V::Value> {
        let negative = match self.whitespace() {
            Some(b'-') if unsigned => return Err(self.peek_error(OUT_OF_RANGE)),
            Some(b'-') => {
                self.eat();
                true
            }
            Some(_) => false,
            None => return Err(self.peek_error(EOF_VALUE)),
        };
        let start = self.index;
        tri!(self.integer_digits());
        let mut magnitude: u128 = 0;
        for &digit in &self.bytes()[start..self.index] {
            magnitude = match magnitude.checked_mul(10).and_then(|m| m.checked_add(u128::from(digit - b'0'))) {
                Some(m) => m,
                None => return Err(self.error(OUT_OF_RANGE)),
            };
        }
        let value = if unsigned {
            visitor.visit_u128(magnitude)
        } else if !negative && magnitude <= i128::MAX as u128 {
            visitor.visit_i128(magnitude as i128)
        } else if negative && magnitude <= i128::MIN.unsigned_abs() {
            visitor.visit_i128((magnitude as i128).wrapping_neg())
        } else {
            return Err(self.error(OUT_OF_RANGE));
        };
        fixed!(self, value)
    }

    /// The integer digits of a number, read without their value: one `0`,
    /// or a nonzero digit and any digits after it.
    fn integer_digits(&mut self) -> Result<()> {
        match self.next() {
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error(NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(b'0'..=b'9') = self.peek() {
                    self.eat();
                }
            }
            _ => return Err(self.error(NUMBER)),
        }
        Ok(())
    }

    /// Skips a number whose sign (if any) was read.
    fn skip_number(&mut self) -> Result<()> {
        self.integer_digits()?;
        if self.peek() == Some(b'.') {
            self.eat();
            let start = self.index;
            while let Some(b'0'..=b'9') = self.peek() {
                self.eat();
            }
            if self.index == start {
                return Err(self.peek_error(NUMBER));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.eat();
            if let Some(b'+' | b'-') = self.peek() {
                self.eat();
            }
            match self.next() {
                Some(b'0'..=b'9') => {}
                _ => return Err(self.error(NUMBER)),
            }
            while let Some(b'0'..=b'9') = self.peek() {
                self.eat();
            }
        }
        Ok(())
    }

    // ---- strings ----

    /// A string whose opening quote was read.
    fn string(&mut self, strictness: Strictness) -> Result<Text<'de, '_>> {
        let bytes = self.bytes();
        self.scratch.clear();
        let mut start = self.index;
        loop {
            if strictness == Strictness::Text {
                self.index = plain_run_end(bytes, self.index);
            } else {
                while let Some(&b) = bytes.get(self.index) {
                    if b == b'"' || b == b'\\' {
                        break;
                    }
                    self.index += 1;
                }
            }
            match bytes.get(self.index) {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => {
                    let piece = &bytes[start..self.index];
                    self.index += 1;
                    if self.scratch.is_empty() {
                        return Ok(Text::Borrowed(piece));
                    }
                    self.scratch.extend_from_slice(piece);
                    return Ok(Text::Copied(&self.scratch));
                }
                Some(b'\\') => {
                    self.scratch.extend_from_slice(&bytes[start..self.index]);
                    self.index += 1;
                    self.escape(strictness)?;
                    start = self.index;
                }
                Some(_) => {
                    self.index += 1;
                    return Err(self.error(CONTROL));
                }
            }
        }
    }

    /// A string as text, for a visitor.
    fn str_for<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match tri!(self.string(Strictness::Text)) {
            // The document is UTF-8 and these cuts fall next to ASCII
            // bytes; decoded escapes are checked as they are decoded.
            Text::Borrowed(bytes) => visitor.visit_borrowed_str(utf8(bytes)),
            Text::Copied(bytes) => visitor.visit_str(utf8(bytes)),
        }
    }

    /// The escape after a backslash, decoded into the scratch buffer.
    fn escape(&mut self, strictness: Strictness) -> Result<()> {
        let byte = match self.next() {
            None => return Err(self.error(EOF_STRING)),
            Some(b'"') => b'"',
            Some(b'\\') => b'\\',
            Some(b'/') => b'/',
            Some(b'b') => 0x08,
            Some(b'f') => 0x0c,
            Some(b'n') => b'\n',
            Some(b'r') => b'\r',
            Some(b't') => b'\t',
            Some(b'u') => return self.unicode_escape(strictness),
            Some(_) => return Err(self.error(ESCAPE)),
        };
        self.scratch.push(byte);
        Ok(())
    }

    /// `\uXXXX`, and its low surrogate if it is a high one.
    #[cold]
    fn unicode_escape(&mut self, strictness: Strictness) -> Result<()> {
        let strict = strictness == Strictness::Text;
        let mut unit = self.hex4()?;
        if strict && (0xDC00..=0xDFFF).contains(&unit) {
            return Err(self.error(SURROGATE));
        }
        loop {
            if !(0xD800..=0xDBFF).contains(&unit) {
                push_code_point(&mut self.scratch, u32::from(unit));
                return Ok(());
            }
            let high = unit;
            for expected in [b'\\', b'u'] {
                match self.peek() {
                    None => return Err(self.error(EOF_STRING)),
                    Some(b) if b == expected => self.eat(),
                    Some(_) if strict => {
                        self.eat();
                        return Err(self.error(HEX_END));
                    }
                    Some(_) => {
                        push_code_point(&mut self.scratch, u32::from(high));
                        // After `\`, what follows is another escape.
                        return if expected == b'u' { self.escape(strictness) } else { Ok(()) };
                    }
                }
            }
            let low = self.hex4()?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                if strict {
                    return Err(self.error(SURROGATE));
                }
                push_code_point(&mut self.scratch, u32::from(high));
                unit = low;
                continue;
            }
            let code = 0x1_0000 + ((u32::from(high - 0xD800) << 10) | u32::from(low - 0xDC00));
            push_code_point(&mut self.scratch, code);
            return Ok(());
        }
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u16> {
        let Some(digits) = self.bytes().get(self.index..self.index + 4) else {
            self.index = self.text.len();
            return Err(self.error(EOF_STRING));
        };
        self.index += 4;
        let mut unit: u16 = 0;
        for &digit in digits {
            let Some(value) = char::from(digit).to_digit(16) else {
                return Err(self.error(ESCAPE));
            };
            unit = unit << 4 | value as u16;
        }
        Ok(unit)
    }

    /// Skips a string whose opening quote was read.
    fn skip_str(&mut self) -> Result<()> {
        let bytes = self.bytes();
        loop {
            self.index = plain_run_end(bytes, self.index);
            match bytes.get(self.index) {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => {
                    self.index += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.index += 1;
                    match self.next() {
                        None => return Err(self.error(EOF_STRING)),
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {}
                        Some(b'u') => {
                            self.hex4()?;
                        }
                        Some(_) => return Err(self.error(ESCAPE)),
                    }
                }
                // A control character: nothing else stops the run.
                Some(_) => return Err(self.error(CONTROL)),
            }
        }
    }

    // ---- structure ----

    /// Skips one value, however nested, without recursing.
    fn skip_value(&mut self) -> Result<()> {
        // The open containers, innermost last.
        let mut open = std::mem::take(&mut self.scratch);
        open.clear();
        let result = self.skip_value_in(&mut open);
        self.scratch = open;
        result
    }

    fn skip_value_in(&mut self, open: &mut Vec<u8>) -> Result<()> {
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(EOF_VALUE));
            };
            // Whether a value ended (rather than a container opened).
            let mut ended = true;
            match peek {
                b'n' => {
                    self.eat();
                    self.ident(b"ull")?;
                }
                b't' => {
                    self.eat();
                    self.ident(b"rue")?;
                }
                b'f' => {
                    self.eat();
                    self.ident(b"alse")?;
                }
                b'-' => {
                    self.eat();
                    self.skip_number()?;
                }
                b'0'..=b'9' => self.skip_number()?,
                b'"' => {
                    self.eat();
                    self.skip_str()?;
                }
                b'[' | b'{' => {
                    self.eat();
                    open.push(peek);
                    ended = false;
                }
                _ => return Err(self.peek_error(VALUE)),
            }
            // Close what ends here; stop before the next value.
            let container = loop {
                let Some(&container) = open.last() else {
                    return Ok(());
                };
                match self.whitespace() {
                    Some(b',') if ended => {
                        self.eat();
                        break container;
                    }
                    Some(b']') if container == b'[' => {}
                    Some(b'}') if container == b'{' => {}
                    Some(_) if ended => {
                        return Err(self.peek_error(if container == b'[' {
                            LIST_COMMA_OR_END
                        } else {
                            OBJECT_COMMA_OR_END
                        }));
                    }
                    Some(_) => break container,
                    None => return Err(self.peek_error(if container == b'[' { EOF_LIST } else { EOF_OBJECT })),
                }
                self.eat();
                open.pop();
                ended = true;
            };
            if container == b'{' {
                match self.whitespace() {
                    Some(b'"') => self.eat(),
                    Some(_) => return Err(self.peek_error(KEY_STRING)),
                    None => return Err(self.peek_error(EOF_OBJECT)),
                }
                self.skip_str()?;
                self.colon()?;
            }
        }
    }

    /// Before an array's next element: whether there is one (its first
    /// byte next), or the array ended (its `]` next).
    ///
    /// Inlined into every element type's `next_element_seed`, so only the
    /// usual case is here: an element right after `[` or `,`. The rest is
    /// [`element_after`](Self::element_after), shared.
    #[inline(always)]
    fn element(&mut self, first: &mut bool) -> Result<bool> {
        if let Some((at, next)) = self.entry_start(*first)
            && !matches!(next, b']' | b' ' | b'\n' | b'\t' | b'\r')
        {
            *first = false;
            self.index = at;
            return Ok(true);
        }
        self.element_after(first)
    }

    /// The fast paths of [`element`](Self::element) and [`key`](Self::key):
    /// where a container's next entry starts, and its first byte, if
    /// nothing stands before it: here for the first entry, right after the
    /// `,` next otherwise.
    #[inline(always)]
    fn entry_start(&self, first: bool) -> Option<(usize, u8)> {
        if !first && self.peek() != Some(b',') {
            return None;
        }
        let at = self.index + usize::from(!first);
        self.bytes().get(at).map(|&byte| (at, byte))
    }

    /// [`element`](Self::element) after whitespace, or at the end.
    fn element_after(&mut self, first: &mut bool) -> Result<bool> {
        match self.whitespace() {
            None => Err(self.peek_error(EOF_LIST)),
            Some(b']') => Ok(false),
            Some(_) if *first => {
                *first = false;
                Ok(true)
            }
            Some(b',') => {
                self.eat();
                match self.whitespace() {
                    Some(b']') => Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => Ok(true),
                    None => Err(self.peek_error(EOF_VALUE)),
                }
            }
            Some(_) => Err(self.peek_error(LIST_COMMA_OR_END)),
        }
    }

    /// Before an object's next key: whether there is one (its opening
    /// quote next), or the object ended (its `}` next). Like
    /// [`element`](Self::element), only the usual case is inlined: a key
    /// right after `{` or `,`.
    #[inline(always)]
    fn key(&mut self, first: &mut bool) -> Result<bool> {
        if let Some((at, b'"')) = self.entry_start(*first) {
            *first = false;
            self.index = at;
            return Ok(true);
        }
        self.key_after(first)
    }

    /// [`key`](Self::key) after whitespace, or at the end, or refused.
    fn key_after(&mut self, first: &mut bool) -> Result<bool> {
        match self.whitespace() {
            None => Err(self.peek_error(EOF_OBJECT)),
            Some(b'}') => Ok(false),
            Some(b'"') if *first => {
                *first = false;
                Ok(true)
            }
            Some(_) if *first => Err(self.peek_error(KEY_STRING)),
            Some(b',') => {
                self.eat();
                match self.whitespace() {
                    Some(b'"') => Ok(true),
                    Some(b'}') => Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => Err(self.peek_error(KEY_STRING)),
                    None => Err(self.peek_error(EOF_VALUE)),
                }
            }
            Some(_) => Err(self.peek_error(OBJECT_COMMA_OR_END)),
        }
    }

    fn colon(&mut self) -> Result<()> {
        match self.whitespace() {
            Some(b':') => {
                self.eat();
                Ok(())
            }
            Some(_) => Err(self.peek_error(COLON)),
            None => Err(self.peek_error(EOF_OBJECT)),
        }
    }

    /// After a visitor read a sequence: its `]`, most often next (inlined),
    /// or after whitespace, or missing.
    #[inline(always)]
    fn end_seq(&mut self) -> Result<()> {
        if self.peek() == Some(b']') {
            self.eat();
            return Ok(());
        }
        self.end_seq_after()
    }

    fn end_seq_after(&mut self) -> Result<()> {
        match self.whitespace() {
            Some(b']') => {
                self.eat();
                Ok(())
            }
            Some(b',') => {
                self.eat();
                match self.whitespace() {
                    Some(b']') => Err(self.peek_error(TRAILING_COMMA)),
                    _ => Err(self.peek_error(TRAILING_CHARACTERS)),
                }
            }
            Some(_) => Err(self.peek_error(TRAILING_CHARACTERS)),
            None => Err(self.peek_error(EOF_LIST)),
        }
    }

    /// After a visitor read an object: its `}`, most often next (inlined).
    #[inline(always)]
    fn end_map(&mut self) -> Result<()> {
        if self.peek() == Some(b'}') {
            self.eat();
            return Ok(());
        }
        self.end_map_after()
    }

    fn end_map_after(&mut self) -> Result<()> {
        match self.whitespace() {
            Some(b'}') => {
                self.eat();
                Ok(())
            }
            Some(b',') => Err(self.peek_error(TRAILING_COMMA)),
            Some(_) => Err(self.peek_error(TRAILING_CHARACTERS)),
            None => Err(self.peek_error(EOF_OBJECT)),
        }
    }

    /// An array's elements, its `[` next.
    fn seq<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        tri!(self.descend());
        self.eat();
        let visited = visitor.visit_seq(Seq { reader: self, first: true });
        self.depth += 1;
        // The visitor's error comes first, but the `]` is looked for
        // either way (it moves the position a visitor's error is given).
        let end = self.end_seq();
        ended!(visited, end)
    }

    /// An object's entries, its `{` next.
    fn map<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        tri!(self.descend());
        self.eat();
        let visited = visitor.visit_map(Map { reader: self, first: true });
        self.depth += 1;
        let end = self.end_map();
        ended!(visited, end)
    }

    /// The error for a value of the wrong kind, next in the text: the
    /// value is read, to be named (`invalid type: string "x", expected …`).
    #[cold]
    fn invalid_type(&mut self, expected: &dyn Expected) -> Error {
        // One call of `invalid_type` for every kind: each call is a copy of
        // its message's formatting.
        let unexpected = match self.peek().unwrap_or(0) {
            b'n' => {
                self.eat();
                if let Err(e) = self.ident(b"ull") {
                    return e;
                }
                Unexpected::Unit
            }
            b't' => {
                self.eat();
                if let Err(e) = self.ident(b"rue") {
                    return e;
                }
                Unexpected::Bool(true)
            }
            b'f' => {
                self.eat();
                if let Err(e) = self.ident(b"alse") {
                    return e;
                }
                Unexpected::Bool(false)
            }
            first @ (b'-' | b'0'..=b'9') => {
                if first == b'-' {
                    self.eat();
                }
                match self.number::<false>(first != b'-') {
                    Ok(number) => number.unexpected(),
                    Err(e) => return e,
                }
            }
            b'"' => {
                self.eat();
                match self.string(Strictness::Text) {
                    Ok(Text::Borrowed(s) | Text::Copied(s)) => Unexpected::Str(utf8(s)),
                    Err(e) => return e,
                }
            }
            b'[' => Unexpected::Seq,
            b'{' => Unexpected::Map,
            _ => {
                let error = self.peek_error(VALUE);
                return self.fix(error);
            }
        };
        let error = de::Error::invalid_type(unexpected, expected);
        self.fix(error)
    }

    /// A number for `visitor`; `SINGLE`: an `f32` is wanted.
    fn number_for<const SINGLE: bool, V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let value = match self.whitespace() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'-') => {
                self.eat();
                tri!(self.number::<SINGLE>(false)).visit(visitor)
            }
            Some(b'0'..=b'9') => tri!(self.number::<SINGLE>(true)).visit(visitor),
            Some(_) => Err(self.invalid_type(&visitor)),
        };
        fixed!(self, value)
    }

    /// serde_json's `RawValue`: the text of the next value, as is.
    fn raw_value<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.whitespace();
        let start = self.index;
        tri!(self.skip_value());
        visitor.visit_map(RawValue { text: Some(&self.text[start..self.index]) })
    }
}

/// The number eight ASCII digits spell, or `None` if they are not all
/// digits; a few multiplications instead of eight steps.
#[inline]
fn eight_digits(chunk: &[u8; 8]) -> Option<u64> {
    let v = u64::from_le_bytes(*chunk);
    // Each byte in 0x30..=0x39: its high nibble is 3, and adding 6 keeps it 3.
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    if (v & HIGH) | ((v.wrapping_add(0x0606_0606_0606_0606) & HIGH) >> 4) != 0x3333_3333_3333_3333 {
        return None;
    }
    // Pairs, then fours, then all eight (the first digit is the lowest byte).
    let v = (v & 0x0F0F_0F0F_0F0F_0F0F).wrapping_mul(10 << 8 | 1) >> 8;
    let v = (v & 0x00FF_00FF_00FF_00FF).wrapping_mul(100 << 16 | 1) >> 16;
    Some((v & 0x0000_FFFF_0000_FFFF).wrapping_mul(10_000 << 32 | 1) >> 32)
}

/// The first byte from `at` on that a string cannot hold as it is (`"`,
/// `\\` or a control character), or the end; eight bytes at a time while
/// none is in sight.
#[inline]
fn plain_run_end(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        // A zero byte in `quote` or `backslash`, or a byte below 0x20 in
        // `x`, sets its high bit here (none is set otherwise).
        let found = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (x.wrapping_sub(ONES * 0x20) & !x);
        if found & HIGH != 0 {
            break;
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        at += 1;
    }
    at
}

/// Text the reader cut from a UTF-8 document next to ASCII bytes, or
/// decoded from escapes that were checked.
#[inline]
fn utf8(bytes: &[u8]) -> &str {
    // Never fails (see above); an empty string is the safe answer if it
    // ever did.
    std::str::from_utf8(bytes).unwrap_or_default()
}

/// `code` in UTF-8, or WTF-8 for a lone surrogate (bytes only).
fn push_code_point(out: &mut Vec<u8>, code: u32) {
    if code < 0x80 {
        out.push(code as u8);
    } else if code < 0x800 {
        out.extend_from_slice(&[0xC0 | (code >> 6) as u8, 0x80 | (code & 0x3F) as u8]);
    } else if code < 0x1_0000 {
        out.extend_from_slice(&[
            0xE0 | (code >> 12) as u8,
            0x80 | ((code >> 6) & 0x3F) as u8,
            0x80 | (code & 0x3F) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (code >> 18) as u8,
            0x80 | ((code >> 12) & 0x3F) as u8,
            0x80 | ((code >> 6) & 0x3F) as u8,
            0x80 | (code & 0x3F) as u8,
        ]);
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = match self.whitespace() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'n') => {
                self.eat();
                tri!(self.ident(b"ull"));
                visitor.visit_unit()
            }
            Some(b't') => {
                self.eat();
                tri!(self.ident(b"rue"));
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.eat();
                tri!(self.ident(b"alse"));
                visitor.visit_bool(false)
            }
            Some(b'-') => {
                self.eat();
                tri!(self.number::<false>(false)).visit(visitor)
            }
            Some(b'0'..=b'9') => tri!(self.number::<false>(true)).visit(visitor),
            Some(b'"') => {
                self.eat();
                self.str_for(visitor)
            }
            Some(b'[') => self.seq(visitor),
            Some(b'{') => self.map(visitor),
            Some(_) => Err(self.peek_error(VALUE)),
        };
        fixed!(self, value)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = match self.whitespace() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b't') => {
                self.eat();
                tri!(self.ident(b"rue"));
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.eat();
                tri!(self.ident(b"alse"));
                visitor.visit_bool(false)
            }
            Some(_) => Err(self.invalid_type(&visitor)),
        };
        fixed!(self, value)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_for::<false, V>(visitor)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_for::<false, V>(visitor)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_for::<false, V>(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_for::<false, V>(visitor)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.integer128(false, visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_for::<false, V>(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_for::<false, V>(visitor)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_for::<false, V>(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_for::<false, V>(visitor)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.integer128(true, visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_for::<true, V>(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.number_for::<false, V>(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = match self.whitespace() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'"') => {
                self.eat();
                self.str_for(visitor)
            }
            Some(_) => Err(self.invalid_type(&visitor)),
        };
        fixed!(self, value)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = match self.whitespace() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'"') => {
                self.eat();
                match tri!(self.string(Strictness::Bytes)) {
                    Text::Borrowed(bytes) => visitor.visit_borrowed_bytes(bytes),
                    Text::Copied(bytes) => visitor.visit_bytes(bytes),
                }
            }
            Some(b'[') => self.deserialize_seq(visitor),
            Some(_) => Err(self.invalid_type(&visitor)),
        };
        fixed!(self, value)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.whitespace() == Some(b'n') {
            self.eat();
            tri!(self.ident(b"ull"));
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = match self.whitespace() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'n') => {
                self.eat();
                tri!(self.ident(b"ull"));
                visitor.visit_unit()
            }
            Some(_) => Err(self.invalid_type(&visitor)),
        };
        fixed!(self, value)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value> {
        if name == RAW_VALUE {
            return self.raw_value(visitor);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = match self.whitespace() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'[') => self.seq(visitor),
            Some(_) => Err(self.invalid_type(&visitor)),
        };
        fixed!(self, value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = match self.whitespace() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'{') => self.map(visitor),
            Some(_) => Err(self.invalid_type(&visitor)),
        };
        fixed!(self, value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let value = match self.whitespace() {
            None => return Err(self.peek_error(EOF_VALUE)),
            Some(b'[') => self.seq(visitor),
            Some(b'{') => self.map(visitor),
            Some(_) => Err(self.invalid_type(&visitor)),
        };
        fixed!(self, value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.whitespace() {
            Some(b'{') => {
                tri!(self.descend());
                self.eat();
                let visited = visitor.visit_enum(Enum { reader: self });
                self.depth += 1;
                let value = tri!(visited);
                match self.whitespace() {
                    Some(b'}') => {
                        self.eat();
                        Ok(value)
                    }
                    Some(_) => Err(self.error(VALUE)),
                    None => Err(self.error(EOF_OBJECT)),
                }
            }
            Some(b'"') => visitor.visit_enum(UnitEnum { reader: self }),
            Some(_) => Err(self.peek_error(VALUE)),
            None => Err(self.peek_error(EOF_VALUE)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        tri!(self.skip_value());
        visitor.visit_unit()
    }
}

/// The elements of an array.
struct Seq<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Seq<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        match self.reader.element(&mut self.first) {
            Ok(true) => match seed.deserialize(&mut *self.reader) {
                Ok(value) => Ok(Some(value)),
                Err(e) => Err(e),
            },
            Ok(false) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The entries of an object.
struct Map<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::MapAccess<'de> for Map<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        match self.reader.key(&mut self.first) {
            Ok(true) => match seed.deserialize(Key { reader: &mut *self.reader }) {
                Ok(value) => Ok(Some(value)),
                Err(e) => Err(e),
            },
            Ok(false) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        match self.reader.colon() {
            Ok(()) => seed.deserialize(&mut *self.reader),
            Err(e) => Err(e),
        }
    }
}

/// `{"Variant": value}`.
struct Enum<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> de::EnumAccess<'de> for Enum<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self)> {
        let reader = &mut *self.reader;
        match reader.whitespace() {
            Some(b'"') => {}
            Some(b'}') => return Err(reader.peek_error(VALUE)),
            Some(_) => return Err(reader.peek_error(KEY_STRING)),
            None => return Err(reader.peek_error(EOF_OBJECT)),
        }
        let variant = seed.deserialize(Key { reader: &mut *reader });
        let variant = match variant {
            Ok(variant) => variant,
            Err(e) => return Err(reader.fix(e)),
        };
        tri!(reader.colon());
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(self.reader)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self.reader)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_seq(self.reader, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_struct(self.reader, "", fields, visitor)
    }
}

/// `"Variant"`.
struct UnitEnum<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> de::EnumAccess<'de> for UnitEnum<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self)> {
        let variant = tri!(seed.deserialize(&mut *self.reader));
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitEnum<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant"))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant"))
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], _visitor: V) -> Result<V::Value> {
        Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant"))
    }
}

/// An object's key, its opening quote next: a string, or what the string
/// holds when a number or a bool is wanted (`{"1": …}` for a map keyed by
/// integers).
struct Key<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

macro_rules! numeric_keys {
    ($($method:ident => |$reader:ident, $visitor:ident| $read:expr;)*) => {
        $(fn $method<V: Visitor<'de>>(self, $visitor: V) -> Result<V::Value> {
            let $reader = self.reader;
            $reader.eat();
            match $reader.peek() {
                Some(b'0'..=b'9' | b'-') => {}
                _ => return Err($reader.error(NUMERIC_KEY)),
            }
            let value = tri!($read);
            match $reader.peek() {
                Some(b'"') => $reader.eat(),
                _ => return Err($reader.peek_error(DOUBLE_QUOTE)),
            }
            Ok(value)
        })*
    };
}

impl<'de> de::Deserializer<'de> for Key<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.reader.eat();
        self.reader.str_for(visitor)
    }

    numeric_keys! {
        deserialize_i8 => |reader, visitor| reader.number_for::<false, _>(visitor);
        deserialize_i16 => |reader, visitor| reader.number_for::<false, _>(visitor);
        deserialize_i32 => |reader, visitor| reader.number_for::<false, _>(visitor);
        deserialize_i64 => |reader, visitor| reader.number_for::<false, _>(visitor);
        deserialize_i128 => |reader, visitor| reader.integer128(false, visitor);
        deserialize_u8 => |reader, visitor| reader.number_for::<false, _>(visitor);
        deserialize_u16 => |reader, visitor| reader.number_for::<false, _>(visitor);
        deserialize_u32 => |reader, visitor| reader.number_for::<false, _>(visitor);
        deserialize_u64 => |reader, visitor| reader.number_for::<false, _>(visitor);
        deserialize_u128 => |reader, visitor| reader.integer128(true, visitor);
        deserialize_f32 => |reader, visitor| reader.number_for::<true, _>(visitor);
        deserialize_f64 => |reader, visitor| reader.number_for::<false, _>(visitor);
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let reader = self.reader;
        reader.eat();
        let value = match reader.next() {
            None => return Err(reader.peek_error(EOF_VALUE)),
            Some(b't') => {
                tri!(reader.ident(b"rue\""));
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                tri!(reader.ident(b"alse\""));
                visitor.visit_bool(false)
            }
            Some(first) => {
                // serde_json names the key without the byte it just read;
                // a key that starts with a character beyond ASCII is named
                // whole, since cut, it would not be text.
                if !first.is_ascii() {
                    reader.index -= 1;
                }
                match tri!(reader.string(Strictness::Text)) {
                    Text::Borrowed(s) | Text::Copied(s) => {
                        Err(de::Error::invalid_type(Unexpected::Str(utf8(s)), &visitor))
                    }
                }
            }
        };
        fixed!(reader, value)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // A key is never null.
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value> {
        if name == RAW_VALUE {
            return self.reader.raw_value(visitor);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_enum(self.reader, name, variants, visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_bytes(self.reader, visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_bytes(self.reader, visitor)
    }

    serde::forward_to_deserialize_any! {
        char str string unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The one entry serde_json's `RawValue` reads: its marker, then the text.
struct RawValue<'de> {
    text: Option<&'de str>,
}

impl<'de> de::MapAccess<'de> for RawValue<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.text.is_none() {
            return Ok(None);
        }
        seed.deserialize(BorrowedStrDeserializer::new(RAW_VALUE)).map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        seed.deserialize(BorrowedStrDeserializer::new(self.text.take().unwrap_or_default()))
    }
}
