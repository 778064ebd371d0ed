use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Lists {
    async fn sum(&self, list: List) -> i64;
}

#[derive(Serialize, Deserialize)]
pub struct List {
    pub head: i64,
    pub tail: Option<Box<List>>,
}
