//! `i128` and `u128` travel as BigInt over native RPC and as numbers in
//! JSON: no one TypeScript type is honest for both, so dogen refuses them,
//! in arguments, results and fields alike.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Totals {
    pub count: u64,
    pub sum: Option<Vec<i128>>,
}

#[dogen::durable]
pub trait Ledger {
    async fn add(&self, amount: u128) -> u64;
    async fn totals(&self) -> Totals;
    async fn exact(&self) -> Result<i128, String>;
}
