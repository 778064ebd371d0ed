//! `flatten` merges an object's keys: a map, a primitive, an `Option` or a
//! type parameter is refused.
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[dogen::durable]
pub trait Flattening {
    async fn go(&self, f: Flat<u8>) -> bool;
}

#[derive(Serialize, Deserialize)]
pub struct Flat<T> {
    #[serde(flatten)]
    pub extra: HashMap<String, u32>,
    #[serde(flatten)]
    pub number: u32,
    #[serde(flatten)]
    pub param: T,
    #[serde(flatten)]
    pub units: Units,
}

#[derive(Serialize, Deserialize)]
pub enum Units {
    Metric,
    Imperial,
}
