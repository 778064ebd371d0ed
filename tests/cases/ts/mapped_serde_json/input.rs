//! serde_json's `Value`, `Map` and `Number`: any JSON value is `JsonValue`
//! (a definition dogen writes), a `Map` is an object of them, a `Number` a
//! number. Assumes serde_json 1 without `arbitrary_precision` (which writes
//! numbers as objects over native RPC).
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[dogen::durable]
pub trait SerdeJsonValues {
    async fn echo(&self, value: Value) -> serde_json::Value;
    async fn document(&self, doc: Document) -> Document;
}

#[derive(Serialize, Deserialize)]
pub struct Document {
    pub body: Value,
    pub attributes: Map<String, Value>,
    pub score: serde_json::Number,
    pub maybe: Option<Value>,
    pub list: Vec<serde_json::value::Value>,
}
