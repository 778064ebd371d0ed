//! A field the project maps itself (`[package.metadata.dogen.fields]`) is
//! locked with its TypeScript type: a changed mapping is a breaking change.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Invoices {
    async fn invoice(&self) -> Invoice;
}

#[derive(Serialize, Deserialize)]
pub struct Invoice {
    #[serde(with = "cents")]
    pub amount: f64,
}
