//! `#[serde(tag = "..")]` on a struct adds a key whose value is the
//! struct's serde name (`rename` included).
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait Tagged {
    async fn pick(&self, a: Apple, b: Pear) -> Apple;
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "fruit")]
pub struct Apple {
    pub crisp: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "fruit", rename = "pear")]
pub struct Pear {
    pub ripe: bool,
}
