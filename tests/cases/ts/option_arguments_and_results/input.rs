//! `Option` arguments and results are `T | null`. Trailing `Option`
//! arguments are optional: the dispatcher reads a left-out one as `None`.
//! One followed by a required argument is not.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Lookups {
    async fn find(&self, id: Option<u32>, hint: Option<String>) -> Option<Item>;
    async fn count(&self) -> Option<u64>;
    async fn nested(&self, x: Option<Option<i32>>) -> Vec<Option<Item>>;
    async fn lead(&self, first: Option<u32>, then: u32) -> u32;
}

#[derive(Serialize, Deserialize)]
pub struct Item {
    pub id: u32,
}
