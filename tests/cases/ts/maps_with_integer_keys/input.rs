//! Maps with integer keys are objects too: serde_json writes the keys as
//! strings of digits, which TypeScript indexes by number.
use std::collections::{BTreeMap, HashMap};

#[dogen::durable]
pub trait Sparse {
    async fn by_id(&self, rows: HashMap<u64, String>) -> BTreeMap<i32, Vec<u8>>;
    async fn small(&self, rows: BTreeMap<u8, bool>) -> HashMap<usize, u16>;
}
