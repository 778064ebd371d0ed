use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Lights {
    async fn set(&self, color: Color);
}

#[derive(Serialize, Deserialize)]
pub enum Color {
    Red,
    Green,
    Blue,
}
