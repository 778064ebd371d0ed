//! Maps keyed by an enum of unit variants are objects keyed by the
//! variants' names, each key optional.
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[dogen::durable]
pub trait Palettes {
    async fn mix(&self, weights: HashMap<Color, f32>) -> HashMap<Color, Vec<Color>>;
}

#[derive(Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Color {
    Red,
    Green,
    Blue,
}
