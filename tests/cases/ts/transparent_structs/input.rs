//! `#[serde(transparent)]` writes a struct as its one field, even with a
//! name, and skipped fields do not count.
use serde::{Deserialize, Serialize};
use std::marker::PhantomData;

#[dogen::durable]
pub trait Wrappers {
    async fn wrap(&self, email: Email, tags: Tags) -> Email;
}

#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct Email {
    pub address: String,
}

#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct Tags {
    pub tags: Vec<String>,
    #[serde(skip)]
    pub cache: PhantomData<u8>,
}
