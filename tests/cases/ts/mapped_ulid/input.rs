//! `ulid::Ulid` is a string (ulid with `serde`: 26 Crockford base32
//! characters).
use serde::{Deserialize, Serialize};
use ulid::Ulid;

#[dogen::durable]
pub trait UlidValues {
    async fn next(&self, after: Option<Ulid>) -> Entry;
}

#[derive(Serialize, Deserialize)]
pub struct Entry {
    pub id: Ulid,
}
