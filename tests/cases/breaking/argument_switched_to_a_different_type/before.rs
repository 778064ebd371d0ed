use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Maps {
    async fn mark(&self, at: Point) -> u32;
}

#[derive(Serialize, Deserialize)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}
