use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Maps {
    async fn mark(&self, at: Coord) -> u32;
}

#[derive(Serialize, Deserialize)]
pub struct Coord {
    pub x: i32,
    pub y: i32,
    pub z: i32,
}
