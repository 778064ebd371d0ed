//! A token-bucket rate limiter as a Durable Object: one object per tenant,
//! buckets per key. Its interface exercises what crosses the wire: structs,
//! a tagged enum, maps, `Option`, typed errors and 64-bit integers.

mod logic;
mod store;
#[cfg(target_arch = "wasm32")]
mod worker;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use logic::Limiter;
pub use store::{MemoryStore, Store};

/// How many tokens a bucket holds and how fast it refills.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// The most tokens a bucket holds.
    pub capacity: u32,
    /// Tokens added per second.
    pub refill_per_second: f64,
    /// A label shown in reports, if any.
    #[serde(default)]
    pub label: Option<String>,
}

/// The state of one key's bucket.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Usage {
    /// Tokens left.
    pub tokens: f64,
    /// When the bucket was last refilled, in milliseconds since the epoch.
    pub updated_at_ms: i64,
    /// Tokens granted so far, ever.
    pub granted_total: u64,
}

/// A granted request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Grant {
    /// Tokens left after this grant.
    pub remaining: f64,
    /// Tokens granted so far for this key, ever.
    pub granted_total: u64,
}

/// What happened, for the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// Tokens were granted.
    Granted {
        /// The bucket's key.
        key: String,
        /// Tokens taken.
        cost: u32,
        /// When, in milliseconds since the epoch.
        at_ms: i64,
    },
    /// A request was refused.
    Denied {
        /// The bucket's key.
        key: String,
        /// How long until enough tokens are back.
        retry_after_ms: u64,
    },
    /// Buckets were emptied.
    Reset {
        /// The key, or `None` for every key.
        key: Option<String>,
    },
}

/// Why a call was refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LimitError {
    /// No policy was configured yet.
    NotConfigured,
    /// The policy is not usable.
    InvalidPolicy(String),
    /// Not enough tokens: try again later.
    RateLimited {
        /// How long until enough tokens are back.
        retry_after_ms: u64,
    },
}

/// A rate limiter shared by every caller that names the same tenant.
#[dogen::durable(binding = "LIMITER", class = "RateLimiter")]
pub trait Limits {
    /// Sets the policy for every bucket; returns the previous one.
    async fn configure(&self, policy: Policy) -> Result<Option<Policy>, LimitError>;
    /// Takes `cost` tokens from `key`'s bucket at time `now_ms`.
    async fn acquire(&self, key: &str, cost: u32, now_ms: i64) -> Result<Grant, LimitError>;
    /// The bucket of `key`, if it was ever used.
    async fn usage(&self, key: String) -> Option<Usage>;
    /// Every bucket, by key.
    async fn buckets(&self) -> BTreeMap<String, Usage>;
    /// The newest `limit` events (all when `None`), oldest first.
    async fn history(&self, limit: Option<u16>) -> Vec<Event>;
    /// Empties `key`'s bucket, or every bucket; returns how many were reset.
    async fn reset(&self, key: Option<String>) -> u64;
}
