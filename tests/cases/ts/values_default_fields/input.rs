//! Fields that may be missing (`default`, `skip_serializing_if` with
//! `default`, `Option`) are `key?: T`. Under plain `strict` TypeScript
//! also lets callers write `{ key: undefined }`, which serde-wasm-bindgen
//! alone refuses ("invalid type: unit value"); dogen's RPC entry leaves
//! such keys out before Rust reads the arguments, as `JSON.stringify` does
//! on the fetch path, so the value means what the type says: the default.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait DefaultFields {
    async fn apply(&self, settings: Settings) -> Settings;
}

#[derive(Serialize, Deserialize)]
pub struct Settings {
    pub name: String,
    #[serde(default)]
    pub verbose: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub limit: Option<u32>,
    #[serde(default)]
    pub nested: Nested,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Nested {
    pub depth: u8,
}
