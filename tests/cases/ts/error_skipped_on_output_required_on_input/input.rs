//! A type callers send may not have fields Rust leaves out when writing
//! but requires when reading, nor variants Rust writes but refuses to read.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait RoundTrips {
    async fn echo(&self, t: Tags) -> Tags;
}

#[derive(Serialize, Deserialize)]
pub struct Tags {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(skip_serializing)]
    pub secret: String,
    pub state: State,
}

#[derive(Serialize, Deserialize)]
pub enum State {
    Live,
    #[serde(skip_deserializing)]
    Archived,
}
