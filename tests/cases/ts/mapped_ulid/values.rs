use super::*;
use ulid::Ulid;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![sample("Entry", &Entry { id: Ulid::from_parts(1_700_000_000_000, 42) })]
}

pub fn refused() -> Vec<Negative> {
    vec![refuse::<Entry>("Entry", r#"{"id": 42}"#)]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
