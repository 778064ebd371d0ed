use serde::{Deserialize, Serialize};

/// A user's id.
pub type UserId = u64;

#[dogen::durable]
pub trait Users {
    async fn name(&self, id: UserId) -> String;
}
