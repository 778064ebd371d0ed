//! Maps with string keys are plain objects: `Record<string, V>`.
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

#[dogen::durable]
pub trait Dictionaries {
    async fn merge(&self, a: HashMap<String, u32>, b: BTreeMap<String, Vec<String>>) -> HashMap<String, Entry>;
    async fn chars(&self, by_char: BTreeMap<char, bool>) -> HashMap<Name, Option<i64>>;
}

#[derive(Serialize, Deserialize)]
pub struct Entry {
    pub values: BTreeMap<String, HashMap<String, f64>>,
}

/// Written as its string.
#[derive(Serialize, Deserialize)]
pub struct Name(pub String);
