//! Adjacently tagged, serde writes a newtype variant whose field is skipped
//! as `{"type": "Skipped"}` but reads it as a newtype variant, wanting
//! `value`: it cannot read back what it writes, so dogen refuses it.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait CannotReadBack {
    async fn adjacent(&self, value: Adjacent) -> Adjacent;
}

#[derive(Default, Deserialize)]
pub struct Hits(pub u32);

#[derive(Serialize, Deserialize)]
#[serde(tag = "type", content = "value")]
pub enum Adjacent {
    Skipped(#[serde(skip)] Hits),
    Kept(String),
}
