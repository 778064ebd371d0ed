//! A struct with no fields is an object with no keys; an enum with no
//! variants has no values.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Nothing {
    async fn empty(&self, e: Empty) -> Never;
    async fn tuple(&self, t: EmptyTuple) -> Empty;
}

#[derive(Serialize, Deserialize)]
pub struct Empty {}

#[derive(Serialize, Deserialize)]
pub struct EmptyTuple();

#[derive(Serialize, Deserialize)]
pub enum Never {}
