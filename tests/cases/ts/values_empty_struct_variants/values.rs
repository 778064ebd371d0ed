use super::*;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![
        sample("External", &External::Empty {}),
        sample("External", &External::Skipped { cache: vec![1] }),
        sample("External", &External::Full { a: 1 }),
        sample("Adjacent", &Adjacent::Empty {}),
        sample("Untagged", &Untagged::Empty {}),
        sample("Untagged", &Untagged::Number(1)),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![
        refuse::<External>("External", r#"{"Empty": 1}"#),
        refuse::<External>("External", r#"{"Skipped": "x"}"#),
        refuse::<Adjacent>("Adjacent", r#"{"t": "Empty", "c": true}"#),
        refuse::<Untagged>("Untagged", r#""x""#),
    ]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
