use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Shapes {
    async fn area(&self, shape: Shape<f64>) -> f64;
}

#[derive(Serialize, Deserialize)]
pub struct Shape<T> {
    pub width: T,
}
