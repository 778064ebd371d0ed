use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Shapes {
    async fn area(&self, shape: Shape) -> f64;
}

#[derive(Serialize, Deserialize)]
pub struct Shape {
    pub width: f64,
}
