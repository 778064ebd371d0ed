//! Attributes that do not change what a type looks like on the wire, or
//! only let Rust accept more than the type says, are accepted: `alias`,
//! `bound`, `crate`, `expecting`, `borrow`, `deny_unknown_fields`, `other`,
//! `default = "path"`.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Tolerant {
    async fn take(&self, t: Thing) -> Status;
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a thing", bound = "", crate = "serde")]
pub struct Thing {
    #[serde(alias = "nm", alias = "title")]
    pub name: String,
    #[serde(default = "Thing::default_count", bound(serialize = "", deserialize = ""))]
    pub count: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "status")]
pub enum Status {
    Ok,
    #[serde(other)]
    Unknown,
}
