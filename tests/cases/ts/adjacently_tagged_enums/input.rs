//! `#[serde(tag = "..", content = "..")]`: the tag and the content are two
//! keys; a unit variant has only the tag.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Messages {
    async fn send(&self, message: Message) -> Message;
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "t", content = "c")]
pub enum Message {
    Ping,
    Text(String),
    Pair(u8, u8),
    Move { x: i32, y: i32 },
}
