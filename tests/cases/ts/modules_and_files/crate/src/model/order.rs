use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Order {
    pub lines: Vec<Line>,
}

#[derive(Serialize, Deserialize)]
pub struct Line {
    pub sku: String,
    pub price: super::order::Money,
}

#[derive(Serialize, Deserialize)]
pub struct Money(pub u64);
