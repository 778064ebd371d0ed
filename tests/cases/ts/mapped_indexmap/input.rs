//! indexmap 2 with `serde`: an `IndexMap` is a map (an object, in insertion
//! order) and an `IndexSet` an array, typed like `HashMap` and `HashSet`.
use indexmap::{IndexMap, IndexSet};
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait IndexMapValues {
    async fn ordered(&self, by_name: IndexMap<String, u32>) -> Ordered;
}

#[derive(Serialize, Deserialize)]
pub struct Ordered {
    pub by_name: IndexMap<String, u32>,
    pub by_color: indexmap::IndexMap<Color, Vec<String>>,
    pub tags: IndexSet<String>,
}

#[derive(Serialize, Deserialize, PartialEq, Eq, Hash)]
pub enum Color {
    Red,
    Green,
}
