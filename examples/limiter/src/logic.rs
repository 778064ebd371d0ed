//! The limiter's logic, written once against [`Store`].

use std::collections::BTreeMap;

use crate::store::Store;
use crate::{Event, Grant, LimitError, Limits, Policy, Usage};

const POLICY: &str = "policy";
const BUCKETS: &str = "buckets";
const EVENTS: &str = "events";
/// The audit log keeps this many events.
const MAX_EVENTS: usize = 100;

/// A token-bucket limiter over a [`Store`].
#[derive(Debug, Default)]
pub struct Limiter<S> {
    store: S,
}

impl<S: Store> Limiter<S> {
    /// A limiter keeping its state in `store`.
    pub fn new(store: S) -> Self {
        Limiter { store }
    }

    async fn buckets_map(&self) -> BTreeMap<String, Usage> {
        self.store.get(BUCKETS).await.unwrap_or_default()
    }

    async fn log(&self, event: Event) {
        let mut events: Vec<Event> = self.store.get(EVENTS).await.unwrap_or_default();
        events.push(event);
        if events.len() > MAX_EVENTS {
            events.drain(..events.len() - MAX_EVENTS);
        }
        self.store.put(EVENTS, &events).await;
    }
}

impl<S: Store> Limits for Limiter<S> {
    async fn configure(&self, policy: Policy) -> Result<Option<Policy>, LimitError> {
        if policy.capacity == 0 {
            return Err(LimitError::InvalidPolicy("capacity must be at least 1".into()));
        }
        if !(policy.refill_per_second.is_finite() && policy.refill_per_second > 0.0) {
            return Err(LimitError::InvalidPolicy("refillPerSecond must be a positive number".into()));
        }
        let previous = self.store.get(POLICY).await;
        self.store.put(POLICY, &policy).await;
        Ok(previous)
    }

    async fn acquire(&self, key: &str, cost: u32, now_ms: i64) -> Result<Grant, LimitError> {
        let policy: Policy = self.store.get(POLICY).await.ok_or(LimitError::NotConfigured)?;
        let capacity = f64::from(policy.capacity);
        if cost > policy.capacity {
            return Err(LimitError::InvalidPolicy(format!("cost {cost} exceeds the capacity {}", policy.capacity)));
        }
        let mut buckets = self.buckets_map().await;
        let bucket = buckets.entry(key.to_owned()).or_insert(Usage {
            tokens: capacity,
            updated_at_ms: now_ms,
            granted_total: 0,
        });
        let elapsed_ms = now_ms.saturating_sub(bucket.updated_at_ms).max(0);
        bucket.tokens = (bucket.tokens + elapsed_ms as f64 / 1000.0 * policy.refill_per_second).min(capacity);
        bucket.updated_at_ms = bucket.updated_at_ms.max(now_ms);
        let cost_tokens = f64::from(cost);
        let outcome = if bucket.tokens >= cost_tokens {
            bucket.tokens -= cost_tokens;
            bucket.granted_total += u64::from(cost);
            Ok(Grant { remaining: bucket.tokens, granted_total: bucket.granted_total })
        } else {
            let missing = cost_tokens - bucket.tokens;
            let retry_after_ms = (missing / policy.refill_per_second * 1000.0).ceil() as u64;
            Err(LimitError::RateLimited { retry_after_ms })
        };
        self.store.put(BUCKETS, &buckets).await;
        let event = match &outcome {
            Ok(_) => Event::Granted { key: key.to_owned(), cost, at_ms: now_ms },
            Err(LimitError::RateLimited { retry_after_ms }) => {
                Event::Denied { key: key.to_owned(), retry_after_ms: *retry_after_ms }
            }
            Err(_) => return outcome,
        };
        self.log(event).await;
        outcome
    }

    async fn usage(&self, key: String) -> Option<Usage> {
        self.buckets_map().await.remove(&key)
    }

    async fn buckets(&self) -> BTreeMap<String, Usage> {
        self.buckets_map().await
    }

    async fn history(&self, limit: Option<u16>) -> Vec<Event> {
        let events: Vec<Event> = self.store.get(EVENTS).await.unwrap_or_default();
        let keep = limit.map_or(events.len(), usize::from).min(events.len());
        events[events.len() - keep..].to_vec()
    }

    async fn reset(&self, key: Option<String>) -> u64 {
        let mut buckets = self.buckets_map().await;
        let removed = match &key {
            Some(key) => u64::from(buckets.remove(key).is_some()),
            None => {
                let n = buckets.len() as u64;
                buckets.clear();
                n
            }
        };
        self.store.put(BUCKETS, &buckets).await;
        self.log(Event::Reset { key }).await;
        removed
    }
}
