use super::*;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    let at = jiff::Timestamp::from_second(1_700_000_000).expect("a timestamp");
    let mut few = arrayvec::ArrayVec::new();
    few.push(1);
    let mut small = heapless::Vec::new();
    small.push(2).expect("room");
    let mut scores = heapless::LinearMap::new();
    scores.insert(heapless::String::try_from("a").expect("short"), 3).expect("room");
    vec![sample(
        "More",
        &More {
            at,
            day: jiff::civil::date(2024, 2, 29),
            local: jiff::civil::date(2024, 2, 29).at(23, 59, 0, 0),
            time: jiff::civil::time(12, 30, 0, 500),
            span: jiff::Span::new().hours(2).minutes(30),
            length: jiff::SignedDuration::from_millis(-1500),
            exact: "123.4500".parse().expect("a decimal"),
            few,
            name: arrayvec::ArrayString::from("name").expect("short"),
            small,
            label: heapless::String::try_from("label").expect("short"),
            scores,
        },
    )]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<jiff::Timestamp>("More[\"at\"]", "1700000000")]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
