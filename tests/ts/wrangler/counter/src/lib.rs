//! The Rust Durable Object the wrangler fixtures bind: `dogen ts` reads this
//! crate, and the TypeScript Workers beside it call the object.
use serde::{Deserialize, Serialize};

/// A counter shared by every caller that names it.
#[dogen::durable(binding = "COUNTER")]
pub trait Counter {
    /// Adds `amount` and returns the new value.
    async fn increment(&self, amount: i64) -> i64;
    /// Starts again from zero, unless the counter is frozen.
    async fn reset(&self) -> Result<(), CounterError>;
}

/// Why a counter refused.
#[derive(Serialize, Deserialize)]
pub enum CounterError {
    /// The counter no longer changes.
    Frozen { since: u64 },
}
