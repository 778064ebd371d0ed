//! `#[serde(tag = "..")]`: the tag is a key of the variant's object. A
//! newtype variant adds the tag to its struct; a unit variant, or one
//! holding a unit struct, is the tag alone.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Shapes {
    async fn area(&self, shape: Shape) -> f64;
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Shape {
    Empty,
    Circle { radius: f64 },
    Rect(Rect),
    Point(Origin),
    Nested(Inner),
}

#[derive(Serialize, Deserialize)]
pub struct Rect {
    pub w: f64,
    pub h: f64,
}

#[derive(Serialize, Deserialize)]
pub struct Origin;

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Inner {
    A { a: u8 },
    B,
}
