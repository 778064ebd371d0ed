use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Lists {
    async fn sum(&self, list: Chain) -> i64;
}

#[derive(Serialize, Deserialize)]
pub struct Chain {
    pub head: i64,
    pub tail: Option<Box<Chain>>,
}
