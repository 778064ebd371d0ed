//! An internally tagged newtype variant must hold something serde can add
//! the tag to; a tuple variant cannot be internally tagged at all.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait InternalTags {
    async fn go(&self, t: Tagged) -> bool;
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Tagged {
    Number(u32),
    Items(Vec<String>),
    Pair(u8, u8),
}
