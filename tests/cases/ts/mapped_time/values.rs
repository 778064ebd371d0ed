use super::*;
use time::{Duration, OffsetDateTime};
use crate::{Input, Negative, Sample, refuse, sample};
use time::macros::datetime;

pub fn samples() -> Vec<Sample> {
    let at = datetime!(2024-02-29 23:59:58.5 +01:30);
    let stamps = |maybe| Stamps {
        at,
        local: datetime!(2024-01-01 00:00),
        day: at.date(),
        time: at.time(),
        offset: at.offset(),
        length: Duration::milliseconds(-1500),
        weekday: at.weekday(),
        month: at.month(),
        rfc3339: at,
        maybe,
        iso8601: at,
        rfc2822: datetime!(2024-02-29 23:59:58 +01:30),
        unix: at,
    };
    vec![sample("Stamps", &stamps(None)), sample("Stamps", &stamps(Some(at)))]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<OffsetDateTime>("Stamps[\"at\"]", r#""2024-02-29T23:59:58+01:30""#)]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
