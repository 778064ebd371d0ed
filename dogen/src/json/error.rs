//! The reader's error: a message and, once known, where in the text.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Unexpected};

/// A refused document: serde_json's words, with `at line L column C` when
/// the position is known.
pub(crate) struct Error(Box<Inner>);

struct Inner {
    message: Cow<'static, str>,
    /// 1-based; 0 while the position is unknown (an error a visitor made).
    line: usize,
    /// Bytes from the start of the line up to and including the one at
    /// fault.
    column: usize,
}

pub(crate) type Result<T> = std::result::Result<T, Error>;

impl Error {
    #[cold]
    pub(crate) fn at(message: Cow<'static, str>, line: usize, column: usize) -> Error {
        Error(Box::new(Inner { message, line, column }))
    }

    /// Whether the error already says where it happened.
    #[inline]
    pub(crate) fn has_position(&self) -> bool {
        self.0.line != 0
    }

    /// The error's message without a position, to be placed.
    #[cold]
    pub(crate) fn into_message(self) -> Cow<'static, str> {
        self.0.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.line == 0 {
            f.write_str(&self.0.message)
        } else {
            write!(f, "{} at line {} column {}", self.0.message, self.0.line, self.0.column)
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Error {
        let mut message = message.to_string();
        // A message that already ends in a position (an error of a JSON
        // reader a `Deserialize` ran inside, passed on as text) keeps it.
        let (line, column) = split_position(&mut message).unwrap_or((0, 0));
        Error::at(Cow::Owned(message), line, column)
    }

    #[cold]
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Error {
        de::Error::custom(format_args!("invalid type: {}, expected {expected}", Shown(unexpected)))
    }

    #[cold]
    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn de::Expected) -> Error {
        de::Error::custom(format_args!("invalid value: {}, expected {expected}", Shown(unexpected)))
    }
}

/// An unexpected value as JSON calls it: `null` for unit, floats as
/// serde_json writes them (`1e20`, `0.5`).
struct Shown<'a>(Unexpected<'a>);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Float(value) => {
                f.write_str("floating point `")?;
                write_float(f, value)?;
                f.write_str("`")
            }
            other => fmt::Display::fmt(&other, f),
        }
    }
}

/// `value` as serde_json writes a float: its shortest digits, plainly
/// when the exponent is in -5..=15 (`0.00001`, `100.0`), else as
/// `1.5e+300` or `1e-7`. Built on the standard library's shortest digits
/// (on Workers, the engine's: see `host`), not on serde_json's writer.
fn write_float(f: &mut fmt::Formatter<'_>, value: f64) -> fmt::Result {
    if !value.is_finite() {
        return f.write_str(if value.is_nan() {
            "NaN"
        } else if value > 0.0 {
            "inf"
        } else {
            "-inf"
        });
    }
    if value.is_sign_negative() {
        f.write_str("-")?;
    }
    // The shortest digits: `0.00015`, `1500`; from the engine, also
    // `1.5e-7`.
    match super::host::shortest(value.abs()) {
        Some(text) => write_shortest(f, value, &text, true),
        None => write_shortest(f, value, &format!("{}", value.abs()), false),
    }
}

/// [`write_float`] once the shortest digits of the finite `value` are
/// known: `text`, as the engine (`engine`) or the standard library wrote
/// them, plainly or with an exponent (`1.5e-7`, `1e+21`).
fn write_shortest(f: &mut fmt::Formatter<'_>, value: f64, text: &str, engine: bool) -> fmt::Result {
    // One pass over the bytes: the digits, where the point is, and the
    // exponent. (`split_once`, `find` and `str::parse` cost a Worker
    // about half a KB of wasm for this.)
    let mut digits: Vec<u8> = Vec::with_capacity(text.len());
    let mut point = None;
    let mut shift: i64 = 0;
    let mut negative = false;
    let mut in_exponent = false;
    for &byte in text.as_bytes() {
        match byte {
            b'0'..=b'9' if in_exponent => shift = shift * 10 + i64::from(byte - b'0'),
            b'0'..=b'9' => digits.push(byte),
            b'.' => point = Some(digits.len()),
            b'e' => in_exponent = true,
            b'-' => negative = true,
            _ => {}
        }
    }
    if negative {
        shift = -shift;
    }
    let point = point.unwrap_or(digits.len());
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    let exp = point as i64 - 1 - leading as i64 + shift;
    digits.drain(..leading.min(digits.len().saturating_sub(1)));
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    // Exactly halfway between two shortest forms, the standard library
    // takes the larger, serde_json (and the engine) the one with an even
    // last digit. Only an odd last digit can differ, and only if the value
    // is the decimal halfway between.
    if !engine && digits.len() >= 2 && digits[digits.len() - 1] % 2 == 1 {
        let mut halfway = digits.clone();
        if let Some(last) = halfway.last_mut() {
            *last -= 1;
        }
        halfway.push(b'5');
        if super::float::equals(value.abs(), &halfway, exp + 1 - halfway.len() as i64) {
            halfway.truncate(digits.len());
            digits = halfway;
        }
    }
    let digits = std::str::from_utf8(&digits).unwrap_or("0");
    // Plain `write_str` calls: formatting arguments cost more code.
    let zeros = |f: &mut fmt::Formatter<'_>, n: usize| (0..n).try_for_each(|_| f.write_str("0"));
    match usize::try_from(exp) {
        Ok(point) if exp <= 15 => {
            if digits.len() > point + 1 {
                let (int, frac) = digits.split_at(point + 1);
                f.write_str(int)?;
                f.write_str(".")?;
                f.write_str(frac)
            } else {
                f.write_str(digits)?;
                zeros(f, point + 1 - digits.len())?;
                f.write_str(".0")
            }
        }
        Err(_) if exp >= -5 => {
            f.write_str("0.")?;
            zeros(f, (-exp - 1) as usize)?;
            f.write_str(digits)
        }
        _ => {
            let (first, rest) = digits.split_at(1);
            f.write_str(first)?;
            if !rest.is_empty() {
                f.write_str(".")?;
                f.write_str(rest)?;
            }
            f.write_str(if exp > 0 { "e+" } else { "e" })?;
            fmt::Display::fmt(&exp, f)
        }
    }
}

/// Takes ` at line L column C` off the end of `message`, if it is there
/// exactly (digits only), and returns L and C.
fn split_position(message: &mut String) -> Option<(usize, usize)> {
    const AT: &[u8] = b" at line ";
    // Over bytes, with a window search rather than `str::rfind` and
    // digits read by `protocol::decimal` rather than `str::parse`: the
    // standard library's substring searcher alone is about 2 KB of wasm,
    // for a message of a few dozen bytes.
    let bytes = message.as_bytes();
    let start = bytes.windows(AT.len()).rposition(|w| w == AT)?;
    let (line, rest) = number(bytes.get(start + AT.len()..)?);
    let (column, rest) = number(rest.strip_prefix(b" column ")?);
    let position = (line?, column?);
    if !rest.is_empty() {
        return None;
    }
    message.truncate(start);
    Some(position)
}

/// The number `bytes` starts with as a `usize`, and what follows it.
fn number(bytes: &[u8]) -> (Option<usize>, &[u8]) {
    let (value, rest) = crate::protocol::decimal(bytes);
    (value.and_then(|n| usize::try_from(n).ok()), rest)
}

#[cfg(test)]
mod tests {
    use super::{split_position, write_float, write_shortest};

    struct Float(f64);

    impl std::fmt::Display for Float {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write_float(f, self.0)
        }
    }

    /// The shortest digits with an exponent, as the engine writes the very
    /// large and small ones (`1.5e-7`, `1e+21`).
    struct Exponent(f64);

    impl std::fmt::Display for Exponent {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            if self.0.is_sign_negative() {
                f.write_str("-")?;
            }
            let text = format!("{:e}", self.0.abs());
            let text = if text.contains("e-") { text } else { text.replace('e', "e+") };
            write_shortest(f, self.0, &text, false)
        }
    }

    /// Word for word what serde_json writes, over edge cases, random bit
    /// patterns and exact ties between two shortest forms.
    #[test]
    fn floats_are_written_as_serde_json_writes_them() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            0.1,
            100.0,
            1e15,
            1e16,
            1e-5,
            1e-6,
            1.5e-7,
            5e-324,
            f64::MAX,
            f64::MIN,
            12345.678,
            1e21,
            1.234e-5,
            1234567890123456.0,
            12345678901234567.0,
            0.00001234,
            123456789012345.67,
            -1149636667324797.2,
        ];
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push(f64::from_bits(x));
            values.push((x % 100_000_000) as f64 / 10f64.powi((x % 30) as i32 - 10));
            // Above 2^50 a double's step is 1/4: its 17th digit is often
            // an exact tie between two shortest forms.
            values.push(((1u64 << 50) + x % (1 << 40)) as f64 + (x >> 60) as f64 * 0.25);
        }
        for value in values.into_iter().filter(|v| v.is_finite()) {
            let theirs = serde_json::Number::from_f64(value).map(|n| n.to_string());
            assert_eq!(Some(Float(value).to_string()), theirs, "{value:e}");
            assert_eq!(Some(Exponent(value).to_string()), theirs, "{value:e} with an exponent");
        }
    }

    /// A message that ends in exactly ` at line L column C` loses it to
    /// the position; any other is left whole.
    #[test]
    fn a_position_is_taken_off_the_end_only_when_it_is_exact() {
        let split = |text: &str| {
            let mut message = text.to_owned();
            let position = split_position(&mut message);
            (message, position)
        };
        assert_eq!(split("expected `:` at line 3 column 17"), ("expected `:`".to_owned(), Some((3, 17))));
        assert_eq!(
            split("a at line 1 column 2 at line 30 column 4"),
            ("a at line 1 column 2".to_owned(), Some((30, 4)))
        );
        assert_eq!(split(" at line 0 column 0"), (String::new(), Some((0, 0))));
        for whole in [
            "no position",
            "x at line  column 7",
            "x at line 3 column ",
            "x at line 3 column 7 and more",
            "x at line 3 column 7a",
            "x at line 3  column 7",
            "x at line -3 column 7",
            "x at line 99999999999999999999999 column 1",
            "x at line 1 column 99999999999999999999999",
            " at line ",
        ] {
            assert_eq!(split(whole), (whole.to_owned(), None), "{whole}");
        }
    }
}
