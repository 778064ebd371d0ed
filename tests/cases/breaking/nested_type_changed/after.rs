use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Carts {
    async fn items(&self) -> Vec<Item>;
}

#[derive(Serialize, Deserialize)]
pub struct Item {
    pub sku: String,
    pub count: String,
}
