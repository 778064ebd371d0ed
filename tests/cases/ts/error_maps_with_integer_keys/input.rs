//! Maps with integer keys are refused: native RPC (serde-wasm-bindgen)
//! writes a map with integer keys as no object at all and reads object keys
//! only as strings, so no TypeScript type is true of them on both paths. Use
//! `String` keys (or a `Vec` of pairs).
use std::collections::{BTreeMap, HashMap};

pub type Id = u64;

#[dogen::durable]
pub trait Sparse {
    async fn by_id(&self, rows: HashMap<u64, String>) -> BTreeMap<i32, Vec<u8>>;
    async fn aliased(&self, rows: HashMap<Id, bool>) -> u8;
}
