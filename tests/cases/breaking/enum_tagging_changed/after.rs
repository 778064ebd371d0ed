use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Lights {
    async fn set(&self, color: Color);
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Color {
    Red,
    Green,
}
