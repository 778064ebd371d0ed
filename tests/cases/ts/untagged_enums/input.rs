//! `#[serde(untagged)]`: each variant is its content alone; a unit variant
//! is `null`.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Loose {
    async fn parse(&self, value: Value) -> Value;
}

#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Nothing,
    Flag(bool),
    Number(f64),
    Text(String),
    Pair(String, Vec<Value>),
    Object { key: String, value: Box<Value> },
}
