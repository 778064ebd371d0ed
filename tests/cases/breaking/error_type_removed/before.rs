use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Account {
    async fn withdraw(&self, amount: u64) -> Result<u64, AccountError>;
}

#[derive(Serialize, Deserialize)]
pub enum AccountError {
    Insufficient { balance: u64 },
    Frozen,
}
