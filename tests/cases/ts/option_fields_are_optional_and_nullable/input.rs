//! An `Option` field is `T | null` and optional: Rust writes `null` for
//! `None` and reads a missing key as `None`.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Profiles {
    async fn save(&self, profile: Profile) -> Profile;
}

#[derive(Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub nickname: Option<String>,
    pub age: Option<u8>,
    pub friends: Option<Vec<String>>,
    pub maybe_maybe: Option<Option<bool>>,
}
