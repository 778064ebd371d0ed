//! `[T; N]` is written as N elements, so it is a tuple of N.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Arrays {
    async fn rgb(&self, color: [u8; 3]) -> [u8; 4];
    async fn none(&self, empty: [String; 0]) -> [bool; 1];
    async fn grid(&self, grid: Grid) -> [[i8; 2]; 2];
}

#[derive(Serialize, Deserialize)]
pub struct Grid {
    pub cells: [Option<char>; 5],
}
