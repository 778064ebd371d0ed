//! Several traits in one crate: each is a Durable Object type, a binding on
//! `Env` (its own name, or `binding`) and a client.
use serde::{Deserialize, Serialize};

/// Rooms people chat in.
#[dogen::durable(binding = "ROOMS", class = "ChatRoom")]
pub trait Room {
    async fn post(&self, message: Message) -> u64;
    async fn recent(&self, limit: u32) -> Vec<Message>;
}

#[dogen::durable]
pub trait PresenceTracker {
    async fn join(&self, user: String) -> Result<u32, Full>;
}

#[derive(Serialize, Deserialize)]
pub struct Message {
    pub author: String,
    pub body: String,
}

#[derive(Serialize, Deserialize)]
pub struct Full {
    pub capacity: u32,
}
