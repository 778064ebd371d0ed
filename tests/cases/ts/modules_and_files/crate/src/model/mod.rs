use serde::{Deserialize, Serialize};

pub mod order;

#[derive(Serialize, Deserialize)]
pub struct Receipt {
    pub total: self::order::Money,
    pub lines: Vec<order::Line>,
}
