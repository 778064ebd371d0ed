//! time 0.3 with `serde` (without `serde-human-readable`) writes its types
//! as arrays of numbers: `OffsetDateTime` is `[year, ordinal day, hour,
//! minute, second, nanosecond, offset hours, minutes, seconds]`. The
//! `time::serde` modules write strings (`rfc3339`, `iso8601`, `rfc2822`)
//! or Unix timestamps (`timestamp`). With `serde-human-readable` on `time`
//! in the crate's Cargo.toml, the types are strings (see
//! `mapped_time_human_readable`).
use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

#[dogen::durable]
pub trait TimeValues {
    async fn at(&self, when: OffsetDateTime) -> Stamps;
}

#[derive(Serialize, Deserialize)]
pub struct Stamps {
    pub at: OffsetDateTime,
    pub local: PrimitiveDateTime,
    pub day: Date,
    pub time: Time,
    pub offset: UtcOffset,
    pub length: Duration,
    pub weekday: time::Weekday,
    pub month: time::Month,
    #[serde(with = "time::serde::rfc3339")]
    pub rfc3339: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub maybe: Option<OffsetDateTime>,
    #[serde(with = "time::serde::iso8601")]
    pub iso8601: OffsetDateTime,
    #[serde(with = "time::serde::rfc2822")]
    pub rfc2822: OffsetDateTime,
    #[serde(with = "time::serde::timestamp")]
    pub unix: OffsetDateTime,
}
