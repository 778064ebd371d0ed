//! An internal tag named like a key of the struct a newtype variant holds
//! is refused, as it is for a struct variant's own fields: serde writes the
//! key twice (`{"kind": "A", "kind": ..}`) and cannot read it back.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait TagCollisions {
    async fn send(&self, event: Event) -> Event;
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Event {
    Direct(HasKind),
    ThroughAlias(Alias),
    Tagged(TaggedStruct),
    Nested(Inner),
    Fine(NoKind),
    Renamed(RenamedKind),
}

#[derive(Serialize, Deserialize)]
pub struct HasKind {
    pub kind: String,
}

pub type Alias = HasKind;

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub struct TaggedStruct {
    pub x: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Inner {
    A { x: u32 },
}

#[derive(Serialize, Deserialize)]
pub struct NoKind {
    pub x: u32,
}

#[derive(Serialize, Deserialize)]
pub struct RenamedKind {
    #[serde(rename = "kind")]
    pub sort: String,
}
