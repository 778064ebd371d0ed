//! `uuid::Uuid` is a string: hyphenated, lowercase (uuid 1 with `serde`,
//! which writes strings to human-readable formats: JSON and native RPC).
//! The `uuid::serde` modules write the other string forms.
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[dogen::durable]
pub trait UuidValues {
    async fn get(&self, id: Uuid) -> Option<Row>;
}

#[derive(Serialize, Deserialize)]
pub struct Row {
    pub id: Uuid,
    pub parent: Option<uuid::Uuid>,
    #[serde(with = "uuid::serde::simple")]
    pub simple: Uuid,
    #[serde(with = "uuid::serde::urn")]
    pub urn: Uuid,
    #[serde(with = "uuid::serde::braced")]
    pub braced: Uuid,
}
