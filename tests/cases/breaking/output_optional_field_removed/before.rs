use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Orders {
    async fn status(&self, id: u64) -> Status;
}

#[derive(Serialize, Deserialize)]
pub struct Status {
    pub state: String,
    pub eta_ms: Option<u64>,
}
