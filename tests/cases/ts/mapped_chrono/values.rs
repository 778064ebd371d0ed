use super::*;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeDelta, Utc};
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    let at = DateTime::from_timestamp(1_700_000_000, 123_456_789).expect("a date");
    let offset = FixedOffset::east_opt(3600).expect("an offset");
    let event = Event {
        at,
        local: at.with_timezone(&offset),
        day: NaiveDate::from_ymd_opt(2024, 2, 29).expect("a day"),
        time: NaiveTime::from_hms_milli_opt(23, 59, 59, 500).expect("a time"),
        naive: at.naive_utc(),
        weekday: chrono::Weekday::Mon,
        month: chrono::Month::December,
        length: TimeDelta::milliseconds(-1500),
        seconds: at,
        millis: at,
        micros: at,
        maybe: None,
    };
    let later = Event { maybe: Some(at), ..event.clone_shallow() };
    vec![sample("Event", &event), sample("Event", &later)]
}

impl Event {
    fn clone_shallow(&self) -> Event {
        Event {
            at: self.at,
            local: self.local,
            day: self.day,
            time: self.time,
            naive: self.naive,
            weekday: self.weekday,
            month: self.month,
            length: self.length,
            seconds: self.seconds,
            millis: self.millis,
            micros: self.micros,
            maybe: self.maybe,
        }
    }
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<DateTime<Utc>>("Event[\"at\"]", "1700000000")]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
