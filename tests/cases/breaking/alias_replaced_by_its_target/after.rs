use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Users {
    async fn name(&self, id: u64) -> String;
}
