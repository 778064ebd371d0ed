//! `#[cfg]` on variants, fields and items is evaluated for the build that
//! serves the interface: wasm32-unknown-unknown, with the crate's default
//! features (none here). What that build does not have is not offered.
#![allow(unexpected_cfgs)]
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait CfgVariantsAndFields {
    async fn get(&self, value: Message) -> Platform;
}

#[derive(Serialize, Deserialize)]
pub enum Message {
    Always(u32),
    #[cfg(target_arch = "wasm32")]
    OnWasm(String),
    #[cfg(not(target_arch = "wasm32"))]
    Native(Vec<std::path::PathBuf>),
    #[cfg(feature = "extra")]
    Extra,
    #[cfg(any(unix, windows))]
    Desktop {
        pid: u32,
    },
}

#[cfg(target_arch = "wasm32")]
#[derive(Serialize, Deserialize)]
pub struct Platform {
    pub name: String,
    #[cfg(all(target_family = "wasm", not(test)))]
    pub wasm_only: bool,
    #[cfg(test)]
    pub in_tests: u32,
}

#[cfg(not(target_arch = "wasm32"))]
#[derive(Serialize, Deserialize)]
pub struct Platform {
    pub name: String,
    pub threads: u32,
}
