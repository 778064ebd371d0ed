//! With `serde-human-readable` on `time` in the crate's Cargo.toml, time's
//! types write strings to JSON and to native RPC (both human-readable
//! formats). dogen reads the feature from the crate's own Cargo.toml; a
//! feature another crate turns on is not seen: map the type in
//! `[package.metadata.dogen.types]` then. (No values here: the values
//! harness builds `time` once, without the feature; `mapped_time` has
//! values.)
use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

#[dogen::durable]
pub trait HumanTime {
    async fn at(&self, when: OffsetDateTime) -> Day;
}

#[derive(Serialize, Deserialize)]
pub struct Day {
    pub date: Date,
    pub weekday: time::Weekday,
    pub length: time::Duration,
}
