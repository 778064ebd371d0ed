//! All problems of a crate are reported at once, in order of place.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Many {
    async fn a(&self, x: Unknown1) -> Unknown2;
    async fn then(&self);
}

#[derive(Serialize, Deserialize)]
pub struct Bad {
    #[serde(with = "x")]
    pub a: u8,
    #[serde(typo)]
    pub b: u8,
}

#[dogen::durable]
pub trait More {
    async fn b(&self, bad: Bad) -> Unknown3;
}
