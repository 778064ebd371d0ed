//! Small-string types are strings: `smol_str::SmolStr` (smol_str 0.3 with
//! `serde`) and `compact_str::CompactString` (compact_str 0.10 with
//! `serde`).
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

#[dogen::durable]
pub trait StringTypeValues {
    async fn names(&self, first: SmolStr) -> Names;
}

#[derive(Serialize, Deserialize)]
pub struct Names {
    pub smol: SmolStr,
    pub compact: CompactString,
    pub many: Vec<smol_str::SmolStr>,
}
