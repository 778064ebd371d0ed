use super::*;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![
        sample("External", &External::Skipped(Cache)),
        sample("External", &External::Partly(Cache, 7)),
        sample("External", &External::Kept("a".into())),

        sample("Adjacent", &Adjacent::Partly(Cache, 7)),
        sample("Adjacent", &Adjacent::Kept("a".into())),
        sample("Untagged", &Untagged::Kept("a".into())),
        sample("Untagged", &Untagged::Skipped(Cache)),
        sample("Internal", &Internal::Skipped(Cache)),
        sample("Internal", &Internal::Kept { name: "a".into() }),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![
        refuse::<External>("External", r#"{"Skipped": "a"}"#),
        refuse::<External>("External", r#"{"Partly": [1, 2]}"#),
        refuse::<Adjacent>("Adjacent", r#"{"type": "Partly", "value": [1, 2]}"#),
        refuse::<Internal>("Internal", r#"{"type": "Kept"}"#),
        refuse::<Untagged>("Untagged", r#"1"#),
    ]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
