//! Wire forms decided by user code dogen cannot read are refused, with the
//! way out (a mapping in Cargo.toml): `serialize_with` and `with` modules
//! dogen does not know, conversions through a type in one direction only
//! or through two different types, `remote`, `with` on a variant.
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait CustomCodecs {
    async fn store(&self, a: WithModule, b: ReadOnly, c: TwoTypes, d: Remote, e: OnVariant) -> WrittenOnly;
}

#[derive(Serialize, Deserialize)]
pub struct WithModule {
    #[serde(with = "my_codec")]
    pub at: String,
    #[serde(serialize_with = "write_it", deserialize_with = "read_it")]
    pub custom: u32,
    #[serde(with = "chrono::serde::ts_nanoseconds")]
    pub nanos: chrono::DateTime<chrono::Utc>,
}

#[derive(Serialize, Deserialize)]
#[serde(from = "String")]
pub struct ReadOnly {
    pub inner: String,
}

#[derive(Serialize, Deserialize)]
#[serde(into = "String")]
pub struct WrittenOnly {
    pub inner: String,
}

#[derive(Serialize, Deserialize)]
#[serde(try_from = "String", into = "u64")]
pub struct TwoTypes {
    pub inner: String,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "other::Remote")]
pub struct Remote {
    pub x: u8,
}

#[derive(Serialize, Deserialize)]
pub enum OnVariant {
    #[serde(with = "my_codec")]
    Custom(u32),
}
