//! `#[serde(untagged)]` on a variant: that variant is its content alone,
//! the others keep the enum's tagging.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Mixed {
    async fn read(&self, input: Input) -> Input;
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Input {
    Known { id: u32 },
    #[serde(untagged)]
    Raw(String),
}
