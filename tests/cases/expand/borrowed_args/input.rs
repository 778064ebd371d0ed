//! Arguments taken by reference decode into owned values on the server
//! (`&str` into `String`, `&[T]` into `Vec<T>`, `&T` into `T`) and are
//! lent to the implementation.

use serde::{Deserialize, Serialize};

/// A labelled point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pin {
    pub label: String,
    pub x: i32,
    pub y: i32,
}

/// Formats things it is lent.
#[dogen::durable]
pub trait Formatter {
    /// Joins `parts` with `sep`.
    async fn join(&self, parts: &[String], sep: &str) -> String;
    async fn describe(&self, pin: &Pin, precise: bool) -> String;
    async fn total(&self, values: &[u32]) -> u64;
}

struct Plain;

impl Formatter for Plain {
    async fn join(&self, parts: &[String], sep: &str) -> String {
        parts.join(sep)
    }

    async fn describe(&self, pin: &Pin, precise: bool) -> String {
        if precise { format!("{} at ({}, {})", pin.label, pin.x, pin.y) } else { pin.label.clone() }
    }

    async fn total(&self, values: &[u32]) -> u64 {
        values.iter().map(|&v| u64::from(v)).sum()
    }
}

fn main() {
    futures_executor::block_on(async {
        let formatter = FormatterClient::in_process(Box::new(Plain));
        let parts = ["a".to_owned(), "b".to_owned()];
        expect(formatter.join(&parts, "+").await, Ok("a+b".to_owned()));
        let pin = Pin { label: "home".into(), x: 3, y: -4 };
        expect(formatter.describe(&pin, true).await, Ok("home at (3, -4)".to_owned()));
        expect(formatter.describe(&pin, false).await, Ok("home".to_owned()));
        expect(formatter.total(&[u32::MAX, 1]).await, Ok(u64::from(u32::MAX) + 1));
        expect(FormatterClient::<()>::BINDING, "FORMATTER");
    });
}

/// Panics unless `actual` is `expected` (a function, so the golden file
/// stays readable: macro bodies are not formatted).
#[track_caller]
fn expect<T: PartialEq + std::fmt::Debug>(actual: T, expected: T) {
    assert_eq!(actual, expected);
}
