use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Shapes {
    async fn area(&self, shape: Shape) -> f64;
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub struct Shape {
    pub width: f64,
}
