use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Orders {
    async fn place(&self, order: Order) -> u64;
}

#[derive(Serialize, Deserialize)]
pub struct Order {
    pub item: String,
    pub quantity: u32,
    #[serde(default)]
    pub priority: u8,
}
