//! dogen's JSON reader and writer: [`Json`](crate::Json)'s two halves.
//!
//! A serde `Deserializer` over UTF-8 text that accepts and refuses exactly
//! what serde_json (with `float_roundtrip`) does, with the same error
//! messages at the same line and column, and gives the same values:
//! `tests/tests/json/` holds the reader to that, value for value and word
//! for word, over generated and mangled documents.
//!
//! It exists for size. serde_json reads floats correctly rounded only with
//! its `float_roundtrip` feature, whose tables and big-number code are most
//! of what a Worker served over fetch would carry for dogen; [`float`]
//! rounds as exactly in a fraction of the code, and on Workers the engine's
//! own conversions ([`host`]) leave even that out. It reads the client's
//! replies too, so a Worker that calls objects carries no second reader.
//!
//! The writer ([`write`]) exists for build time: it writes serde_json's
//! bytes with serde_json's formatter, and refuses non-finite floats itself
//! instead of through a wrapper around serde_json's serializer.

mod error;
mod float;
mod host;
mod read;
mod write;

pub(crate) use error::Result;
pub(crate) use read::{Object, from_slice};
pub(crate) use write::to_vec;
