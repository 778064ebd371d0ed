//! More crates ts-rs also maps: jiff 0.2 with `serde` (its types are ISO
//! 8601 strings; `Zoned` too, which needs a time zone database to be read,
//! so it has no value here), bigdecimal 0.4 with `serde` (a string), arrayvec 0.7 and
//! heapless 0.9 with `serde` (their vectors are arrays, their strings
//! strings, heapless's maps objects).
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait MoreCrates {
    async fn get(&self, at: jiff::Timestamp) -> More;
}

#[derive(Serialize, Deserialize)]
pub struct More {
    pub at: jiff::Timestamp,
    pub day: jiff::civil::Date,
    pub local: jiff::civil::DateTime,
    pub time: jiff::civil::Time,
    pub span: jiff::Span,
    pub length: jiff::SignedDuration,
    pub exact: bigdecimal::BigDecimal,
    pub few: arrayvec::ArrayVec<u8, 4>,
    pub name: arrayvec::ArrayString<16>,
    pub small: heapless::Vec<u16, 8>,
    pub label: heapless::String<8>,
    pub scores: heapless::LinearMap<heapless::String<8>, u32, 4>,
}
