use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Circle {
    pub radius: f64,
}

#[derive(Serialize, Deserialize)]
pub struct Square {
    pub side: f64,
}

#[derive(Serialize, Deserialize)]
pub struct Page<T = String> {
    pub items: Vec<T>,
}
