//! Map keys are strings, integers or unit-variant enums: JSON object keys
//! are strings.
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[dogen::durable]
pub trait Keys {
    async fn go(&self, a: HashMap<Point, u8>, b: HashMap<bool, u8>) -> Holder<String>;
}

#[derive(Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct Point {
    pub x: i32,
}

#[derive(Serialize, Deserialize)]
pub struct Holder<K> {
    pub map: HashMap<K, u8>,
}
