use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Lights {
    async fn current(&self) -> Color;
}

#[derive(Serialize, Deserialize)]
pub enum Color {
    Red,
    Green,
}
