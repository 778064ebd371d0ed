//! chrono 0.4 with `serde`: dates and times are strings (RFC 3339 for
//! `DateTime`, ISO 8601 for the naive types, `Mon` and `January` for
//! `Weekday` and `Month`); `TimeDelta` is `[seconds, nanoseconds]`. The
//! `chrono::serde::ts_*` modules write timestamps as numbers
//! (`ts_nanoseconds` is refused: it passes 2^53 for any date after 1970).
use chrono::serde::ts_milliseconds;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

#[dogen::durable]
pub trait ChronoValues {
    async fn at(&self, when: DateTime<Utc>) -> Event;
}

#[derive(Serialize, Deserialize)]
pub struct Event {
    pub at: DateTime<Utc>,
    pub local: DateTime<FixedOffset>,
    pub day: NaiveDate,
    pub time: NaiveTime,
    pub naive: NaiveDateTime,
    pub weekday: chrono::Weekday,
    pub month: chrono::Month,
    pub length: TimeDelta,
    #[serde(with = "chrono::serde::ts_seconds")]
    pub seconds: DateTime<Utc>,
    #[serde(with = "ts_milliseconds")]
    pub millis: DateTime<Utc>,
    #[serde(with = "chrono::serde::ts_microseconds")]
    pub micros: DateTime<Utc>,
    #[serde(default, with = "chrono::serde::ts_seconds_option")]
    pub maybe: Option<DateTime<Utc>>,
}
