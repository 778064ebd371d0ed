use super::*;
use ordered_float::{NotNan, OrderedFloat};
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![sample("Ranked", &Ranked { score: OrderedFloat(0.25), weight: NotNan::new(1.5).expect("a number") })]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<Ranked>("Ranked", r#"{"score": "0.25", "weight": 1}"#)]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
