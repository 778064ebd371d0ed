//! Type aliases of the crate are aliases in TypeScript.
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

#[dogen::durable]
pub trait Aliases {
    async fn index(&self, ids: Ids, table: Table<Row>) -> Score;
}

pub type Ids = Vec<u64>;
pub type Score = f64;
pub type Table<T> = HashMap<String, T>;

#[derive(Serialize, Deserialize)]
pub struct Row {
    pub cells: Vec<Score>,
}
