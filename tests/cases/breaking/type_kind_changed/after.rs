use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Shapes {
    async fn area(&self, shape: Shape) -> f64;
}

#[derive(Serialize, Deserialize)]
pub enum Shape {
    Rect { width: f64, height: f64 },
}
