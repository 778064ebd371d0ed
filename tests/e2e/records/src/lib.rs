//! A Durable Object whose interface uses other crates' types, for the
//! end-to-end test (tests/e2e): each crosses native RPC and the fetch
//! protocol in the form index.ts declares (`string` for a `Uuid` and a
//! `DateTime<Utc>`, `JsonValue` for a `serde_json::Value`, `Uint8Array`
//! over RPC and `number[]` over fetch for bytes).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_bytes::ByteBuf;
use uuid::Uuid;

#[cfg(target_arch = "wasm32")]
mod object;

/// Records that travel as they are.
#[dogen::durable(binding = "RECORDS")]
pub trait Records {
    /// Returns `item` as it was read, with `seen` set.
    async fn echo(&self, item: Item) -> Item;
    /// The id, the time a day later, the data under `wrapped` and the bytes
    /// reversed: values computed in Rust from the ones sent.
    async fn next(&self, id: Uuid, at: DateTime<Utc>, data: serde_json::Value, blob: ByteBuf) -> Item;
}

/// One item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Its id.
    pub id: Uuid,
    /// When.
    pub at: DateTime<Utc>,
    /// Anything JSON holds.
    pub data: serde_json::Value,
    /// Bytes.
    pub blob: ByteBuf,
    /// Whether the object read it.
    #[serde(default)]
    pub seen: bool,
}
