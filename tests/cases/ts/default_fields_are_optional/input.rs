//! Fields with `#[serde(default)]`, and every field of a struct with
//! `#[serde(default)]`, may be left out by callers.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Settings {
    async fn apply(&self, settings: Config, limits: Limits) -> Config;
}

#[derive(Serialize, Deserialize)]
pub struct Config {
    pub name: String,
    #[serde(default)]
    pub verbose: bool,
    #[serde(default = "default_level")]
    pub level: u8,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Limits {
    pub max: u32,
    pub min: u32,
}

fn default_level() -> u8 {
    3
}
