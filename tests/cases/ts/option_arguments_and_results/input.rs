//! `Option` arguments and results are `T | null`: arguments travel as an
//! array, so none of them may be left out.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Lookups {
    async fn find(&self, id: Option<u32>, hint: Option<String>) -> Option<Item>;
    async fn count(&self) -> Option<u64>;
    async fn nested(&self, x: Option<Option<i32>>) -> Vec<Option<Item>>;
}

#[derive(Serialize, Deserialize)]
pub struct Item {
    pub id: u32,
}
