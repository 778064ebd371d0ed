//! A `#[cfg]` on a variant or field that dogen cannot evaluate for the
//! wasm32 build (`debug_assertions`, custom `--cfg` flags) is an error:
//! offering the variant, or not, could be wrong.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait CannotEvaluate {
    async fn get(&self) -> Debuggable;
    async fn fields(&self) -> Fields;
}

#[derive(Serialize, Deserialize)]
pub enum Debuggable {
    Always,
    #[cfg(debug_assertions)]
    Debug,
}

#[derive(Serialize, Deserialize)]
pub struct Fields {
    #[cfg(my_flag)]
    pub flagged: u32,
}
