//! Attributes whose wire form comes from user code are refused: dogen
//! cannot read what the code writes.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait CustomCodecs {
    async fn store(&self, a: WithModule, b: Converted, c: Remote) -> bool;
}

#[derive(Serialize, Deserialize)]
pub struct WithModule {
    #[serde(with = "time::serde::rfc3339")]
    pub at: String,
    #[serde(serialize_with = "write_it", deserialize_with = "read_it")]
    pub custom: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub struct Converted {
    pub inner: String,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "other::Remote")]
pub struct Remote {
    pub x: u8,
}
