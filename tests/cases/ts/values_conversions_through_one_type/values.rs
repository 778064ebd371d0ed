use super::*;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![
        sample("Email", &Email::try_from("a@example.com".to_owned()).expect("an address")),
        sample("Versioned", &Versioned { version: 2, body: "b".into() }),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![
        refuse::<Email>("Email", r#"{"0": "a@example.com"}"#),
        refuse::<Versioned>("Versioned", r#"{"version": 2, "body": "b"}"#),
    ]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
