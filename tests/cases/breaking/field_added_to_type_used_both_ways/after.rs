use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Profiles {
    async fn save(&self, profile: Profile) -> Profile;
}

#[derive(Serialize, Deserialize)]
pub struct Profile {
    pub name: String,
    pub email: String,
}
