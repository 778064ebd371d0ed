#![deny(warnings)]
#![deny(missing_docs)]
//! User types may be called `T`, `F` or `D`: the generated generics carry a
//! reserved prefix. Undocumented methods still get documented client methods.

use serde::{Deserialize, Serialize};

/// A type named like a generic parameter.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct T(pub u8);
/// Another one.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct F(pub u8);
/// And another.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct D(pub u8);

/// An interface over them.
#[dogen::durable]
pub trait Shapes {
    #[allow(missing_docs)]
    async fn take(&self, t: T, f: F) -> D;
}

struct Adder;

impl Shapes for Adder {
    async fn take(&self, t: T, f: F) -> D {
        D(t.0 + f.0)
    }
}

fn main() {
    futures_executor::block_on(async {
        let client = ShapesClient::in_process(Box::new(Adder));
        assert_eq!(client.take(T(1), F(2)).await.unwrap(), D(3));
    });
}
