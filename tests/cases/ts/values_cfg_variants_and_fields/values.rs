use super::*;
use crate::{Input, Negative, Sample, refuse, sample};

pub fn samples() -> Vec<Sample> {
    vec![
        sample("Message", &Message::Always(1)),
        sample("Message", &Message::OnWasm("w".into())),
        sample("Platform", &Platform { name: "wasm".into(), wasm_only: true }),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![
        refuse::<Message>("Message", r#"{"Native": []}"#),
        refuse::<Message>("Message", r#""Extra""#),
        refuse::<Message>("Message", r#"{"Desktop": {"pid": 1}}"#),
        refuse::<Platform>("Platform", r#"{"name": "wasm"}"#),
    ]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
