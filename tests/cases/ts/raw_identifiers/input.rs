//! Raw identifiers lose their `r#` on the wire, as in serde.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Keywords {
    async fn r#match(&self, r#ref: Reference) -> Reference;
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reference {
    pub r#type: String,
    pub r#async_mode: bool,
    pub kind: r#Kind,
}

#[derive(Serialize, Deserialize)]
pub enum r#Kind {
    r#Loop,
    Plain,
}
