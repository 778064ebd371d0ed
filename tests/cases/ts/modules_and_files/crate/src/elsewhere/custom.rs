use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Place {
    pub name: String,
}
