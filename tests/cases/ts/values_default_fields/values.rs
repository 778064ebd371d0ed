use super::*;
use crate::{Input, Negative, Sample, input, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![
        sample(
            "Settings",
            &Settings { name: "a".into(), verbose: false, tags: Vec::new(), limit: None, nested: Nested::default() },
        ),
        sample(
            "Settings",
            &Settings { name: "a".into(), verbose: true, tags: vec!["t".into()], limit: Some(3), nested: Nested { depth: 2 } },
        ),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![
        refuse::<Settings>("Settings", r#"{"verbose": true}"#),
        refuse::<Settings>("Settings", r#"{"name": "a", "verbose": null}"#),
        refuse::<Settings>("Settings", r#"{"name": "a", "tags": null}"#),
    ]
}

pub fn inputs() -> Vec<Input> {
    vec![
        input::<Settings>("Settings", r#"{ name: "a" }"#),
        input::<Settings>("Settings", r#"{ name: "a", verbose: undefined }"#),
        input::<Settings>("Settings", r#"{ name: "a", tags: undefined, limit: undefined }"#),
        input::<Settings>("Settings", r#"{ name: "a", nested: { depth: undefined } }"#),
    ]
}
