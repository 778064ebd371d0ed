//! A method returning `Result<T, E>` resolves to a `DurableResult`: the
//! typed error is a value, not a throw. The fetch client maps `{"ok": v}`
//! and `{"err": e}` to the same `DurableResult`.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Wallet {
    async fn withdraw(&self, cents: u64) -> Result<u64, WalletError>;
    async fn close(&self) -> Result<(), WalletError>;
    async fn balance(&self) -> u64;
    async fn history(&self) -> std::result::Result<Vec<u64>, String>;
}

#[derive(Serialize, Deserialize)]
pub enum WalletError {
    Insufficient { balance: u64 },
    Closed,
}
