use serde::{Deserialize, Serialize};

/// A counter.
#[dogen::durable]
pub trait Counter {
    async fn add(&self, by: u32) -> u64;
    async fn get(&self) -> u64;
}
