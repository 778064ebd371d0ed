//! A name that differs between serializing and deserializing cannot be one
//! TypeScript key; an unknown rename rule is refused.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Directions {
    async fn go(&self, d: TwoNames) -> Rules;
}

#[derive(Serialize, Deserialize)]
pub struct TwoNames {
    #[serde(rename(serialize = "out", deserialize = "in"))]
    pub value: u8,
    #[serde(rename(serialize = "only_out"))]
    pub other: u8,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "Title Case")]
pub enum Rules {
    One,
}
