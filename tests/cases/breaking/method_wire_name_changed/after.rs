use serde::{Deserialize, Serialize};

/// A counter.
#[dogen::durable]
pub trait Counter {
    async fn add(&self, by: u32) -> u64;
    #[durable(rename = "current")]
    async fn get(&self) -> u64;
}
