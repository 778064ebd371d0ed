use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Users {
    async fn find(&self, id: UserId) -> Option<String>;
}

#[derive(Serialize, Deserialize)]
pub struct UserId(pub u64);
