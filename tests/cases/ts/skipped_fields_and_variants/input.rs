//! `skip` removes a field or variant from the wire; a field skipped on one
//! side only may be missing, so it is optional.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Caches {
    async fn put(&self, entry: Entry) -> Report;
}

#[derive(Serialize, Deserialize)]
pub struct Entry {
    pub key: String,
    #[serde(skip)]
    pub hits: u64,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl: Option<u32>,
    #[serde(skip_deserializing)]
    pub computed: bool,
    pub kind: Kind,
}

#[derive(Serialize, Deserialize)]
pub enum Kind {
    Hot,
    #[serde(skip)]
    Internal,
    #[serde(skip_serializing)]
    Legacy,
}

/// Only ever sent by Rust.
#[derive(Serialize, Deserialize)]
pub struct Report {
    #[serde(skip_serializing)]
    pub secret: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub outcome: Outcome,
}

#[derive(Serialize, Deserialize)]
pub enum Outcome {
    Stored,
    #[serde(skip_deserializing)]
    Evicted,
}
