//! Tuples and tuple structs with several fields are fixed-length arrays.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Tuples {
    async fn pair(&self, p: (i32, String)) -> (bool, (u8, u8), Vec<(char, f64)>);
    async fn point(&self, p: Point) -> Span;
}

#[derive(Serialize, Deserialize)]
pub struct Point(pub f64, pub f64, pub f64);

/// Start and end.
#[derive(Serialize, Deserialize)]
pub struct Span(pub Point, pub Point);
