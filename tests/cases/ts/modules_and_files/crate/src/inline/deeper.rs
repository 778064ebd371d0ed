use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
pub struct Deep {
    pub found: bool,
}
