//! A newtype struct is written as its field.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Accounts {
    async fn open(&self, owner: UserId, initial: Cents) -> AccountId;
}

/// A user.
#[derive(Serialize, Deserialize)]
pub struct UserId(pub String);

#[derive(Serialize, Deserialize)]
pub struct Cents(i64);

#[derive(Serialize, Deserialize)]
pub struct AccountId(pub Vec<UserId>);
