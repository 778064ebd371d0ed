use super::*;
use serde_json::Value;
use crate::{Input, Negative, Sample, refuse, sample};
use serde_json::json;

pub fn samples() -> Vec<Sample> {
    let doc = |body: Value| Document {
        body,
        attributes: json!({"a": 1, "b": [true, null]}).as_object().cloned().unwrap_or_default(),
        score: serde_json::Number::from_f64(1.5).expect("finite"),
        maybe: None,
        list: vec![json!("x"), json!({"nested": {"deep": [1, 2.5, -3]}})],
    };
    vec![
        sample("JsonValue", &json!(null)),
        sample("JsonValue", &json!({"a": [1, "two", false, null, {"b": {}}], "c": 9007199254740991_u64})),
        sample("JsonValue", &json!([])),
        sample("Document", &doc(json!("text"))),
        sample("Document", &Document { maybe: Some(json!(3)), ..doc(json!({"k": -1})) }),
    ]
}

pub fn refused() -> Vec<Negative> {
    vec![
        refuse::<Document>("Document", r#"{"body": 1, "attributes": [], "score": 1, "list": []}"#),
        refuse::<Document>("Document", r#"{"body": 1, "attributes": {}, "score": "1", "list": []}"#),
    ]
}

pub fn inputs() -> Vec<Input> {
    Vec::new()
}
