//! serde's default enum form: a unit variant is its name, any other variant
//! an object with one key, its name.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Events {
    async fn record(&self, event: Event) -> Vec<Event>;
}

#[derive(Serialize, Deserialize)]
pub enum Event {
    Started,
    Progress(u8),
    Moved(i32, i32),
    Renamed { from: String, to: String },
    #[serde(rename = "done")]
    Finished,
}
