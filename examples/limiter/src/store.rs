//! Where the limiter keeps its state: Durable Object storage in the Worker,
//! memory in native tests. The logic is written once against [`Store`].

use std::cell::RefCell;
use std::collections::HashMap;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A key-value store of serde values. Single-threaded, like a Durable Object.
#[allow(async_fn_in_trait)]
pub trait Store {
    /// The value at `key`, if any.
    async fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T>;
    /// Sets `key` to `value`.
    async fn put<T: Serialize>(&self, key: &str, value: &T);
}

/// A [`Store`] in memory, for native tests.
#[derive(Debug, Default)]
pub struct MemoryStore {
    values: RefCell<HashMap<String, String>>,
}

impl Store for MemoryStore {
    async fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        let text = self.values.borrow().get(key).cloned()?;
        Some(serde_json::from_str(&text).expect("the store holds what it was given"))
    }

    async fn put<T: Serialize>(&self, key: &str, value: &T) {
        let text = serde_json::to_string(value).expect("limiter values encode");
        self.values.borrow_mut().insert(key.to_owned(), text);
    }
}
