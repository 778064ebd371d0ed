//! The counter from Cloudflare's Durable Objects walkthroughs, written with
//! dogen.
//!
//! - [`Counter`] is the object's interface; `#[dogen::durable]` makes
//!   `CounterServer` (dispatch) and `CounterClient` (a typed client) from it.
//! - [`StoredCounter`] implements it once, against a [`Store`]: the object's
//!   storage in the Durable Object, a [`MemoryStore`] in native tests.
//! - In the wasm build, the Durable Object class `Counter` serves calls with
//!   `dogen::worker::serve`, and a Worker routes `/:name/increment`,
//!   `/:name/decrement` and `/:name` to the object named `:name` through
//!   `CounterClient` (see README.md).
#![warn(missing_docs)]
// Durable Objects are single-threaded: nothing here needs `Send` futures.
#![allow(async_fn_in_trait)]

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::convert::Infallible;
use std::rc::Rc;

use dogen::Fallible;

#[cfg(target_arch = "wasm32")]
mod object;
#[cfg(target_arch = "wasm32")]
mod router;

/// A counter shared by every caller that names it: one Durable Object per
/// name, its value kept in the object's storage.
///
/// Each method is `Fallible`: storage can fail, and a failure reaches the
/// caller as a failed call (a rejected promise over Workers RPC, the
/// `internal` error over fetch), never as a value the counter did not
/// compute. Callers' types are plain: `increment(5)` is a
/// `Promise<number>` in TypeScript.
#[dogen::durable(binding = "COUNTER")]
pub trait Counter {
    /// Adds `amount` (which may be negative) and returns the new value.
    async fn increment(&self, amount: i64) -> Fallible<i64>;
    /// Subtracts `amount` (which may be negative) and returns the new value.
    async fn decrement(&self, amount: i64) -> Fallible<i64>;
    /// The current value: `0` until the counter is first changed.
    async fn get_counter_value(&self) -> Fallible<i64>;
}

/// The storage key of the value, as in the walkthroughs.
pub const KEY: &str = "value";

/// The largest magnitude a counter reaches: `2^53 - 1`. Durable Object
/// storage keeps numbers as JavaScript numbers, exact up to this, and so do
/// JavaScript callers; the counter saturates here rather than lose
/// precision.
pub const LIMIT: i64 = (1 << 53) - 1;

/// Where a counter keeps its value: Durable Object storage in the wasm
/// build, a [`MemoryStore`] natively.
pub trait Store {
    /// Why a read or a write failed.
    type Error: std::error::Error;

    /// The value under `key`, or `None` if nothing was stored.
    async fn load(&self, key: &str) -> Result<Option<i64>, Self::Error>;

    /// Stores `value` under `key`.
    async fn save(&self, key: &str, value: i64) -> Result<(), Self::Error>;
}

/// A [`Store`] in memory. Clones share their values, as every request to
/// one Durable Object shares its storage.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore(Rc<RefCell<BTreeMap<String, i64>>>);

impl MemoryStore {
    /// The value under `key`, read without going through [`Store`].
    pub fn get(&self, key: &str) -> Option<i64> {
        self.0.borrow().get(key).copied()
    }
}

impl Store for MemoryStore {
    type Error = Infallible;

    async fn load(&self, key: &str) -> Result<Option<i64>, Infallible> {
        Ok(self.get(key))
    }

    async fn save(&self, key: &str, value: i64) -> Result<(), Infallible> {
        self.0.borrow_mut().insert(key.to_owned(), value);
        Ok(())
    }
}

/// The counter's logic, written once: [`Counter`] over any [`Store`]. A
/// storage error ends the call with `?`, as a [`dogen::Failure`].
#[derive(Debug)]
pub struct StoredCounter<S: Store> {
    store: S,
}

impl<S: Store> StoredCounter<S> {
    /// A counter over `store`.
    pub fn new(store: S) -> Self {
        StoredCounter { store }
    }

    /// The store behind this counter.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Adds `delta` to the stored value, within `±LIMIT`, and stores it.
    async fn add(&self, delta: i64) -> Fallible<i64> {
        let value = self.store.load(KEY).await?.unwrap_or(0);
        let next = value.saturating_add(delta).clamp(-LIMIT, LIMIT);
        self.store.save(KEY, next).await?;
        Ok(next)
    }
}

impl<S: Store> Counter for StoredCounter<S> {
    async fn increment(&self, amount: i64) -> Fallible<i64> {
        self.add(amount).await
    }

    async fn decrement(&self, amount: i64) -> Fallible<i64> {
        // `-i64::MIN` does not exist; saturating is the same within `±LIMIT`.
        self.add(amount.saturating_neg()).await
    }

    async fn get_counter_value(&self) -> Fallible<i64> {
        Ok(self.store.load(KEY).await?.unwrap_or(0))
    }
}
