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
                match serde_json::Number::from_f64(value) {
                    Some(number) => fmt::Display::fmt(&number, f)?,
                    None if value.is_nan() => f.write_str("NaN")?,
                    None if value > 0.0 => f.write_str("inf")?,
                    None => f.write_str("-inf")?,
                }
                f.write_str("`")
            }
            other => fmt::Display::fmt(&other, f),
        }
    }
}

/// Takes ` at line L column C` off the end of `message`, if it is there
/// exactly (digits only), and returns L and C.
fn split_position(message: &mut String) -> Option<(usize, usize)> {
    let start = message.rfind(" at line ")?;
    let rest = &message[start + " at line ".len()..];
    let line_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let column = rest[line_digits..].strip_prefix(" column ")?;
    if !column.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let line = rest[..line_digits].parse().ok()?;
    let column = column.parse().ok()?;
    message.truncate(start);
    Some((line, column))
}
