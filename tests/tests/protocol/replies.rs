//! Calls that run: the `ok` and `err` replies, integers carried exactly,
//! and exactly one key in every reply.

use super::{assert_error, post, server};

#[test]
fn ok_replies() {
    let server = server();
    assert_eq!(post(&server, "add", "[5]"), (200, r#"{"ok":5}"#.into()));
    assert_eq!(post(&server, "add", " [ -2 ] "), (200, r#"{"ok":3}"#.into()));
    assert_eq!(post(&server, "getBalance", "[]"), (200, r#"{"ok":3}"#.into()));
    assert_eq!(post(&server, "withdraw", "[1]"), (200, r#"{"ok":2}"#.into()));
    assert_eq!(post(&server, "transfer", r#"["bob",7]"#), (200, r#"{"ok":"7 to bob"}"#.into()));
    assert_eq!(post(&server, "reset", "[]"), (200, r#"{"ok":null}"#.into()));
    assert_eq!(post(&server, "getBalance", "[]"), (200, r#"{"ok":0}"#.into()));
    assert_eq!(post(&server, "note", r#"[{"text":"hi","extra":[1]}]"#), (200, r#"{"ok":"hi"}"#.into()));
}

#[test]
fn integers_travel_exactly() {
    let server = server();
    assert_eq!(post(&server, "largest", "[]"), (200, r#"{"ok":18446744073709551615}"#.into()));
    // 2^53 + 1: a JavaScript number would round it to 2^53.
    assert_eq!(post(&server, "add", "[9007199254740993]"), (200, r#"{"ok":9007199254740993}"#.into()));
    assert_eq!(post(&server, "add", "[9223372036854775807]"), (200, r#"{"ok":9223372036854775807}"#.into()));
    let min = i128::MIN.to_string();
    assert_eq!(post(&server, "wide", &format!("[{min}]")), (200, format!(r#"{{"ok":{min}}}"#)));
    // Out of range for i64, or not an integer: the argument does not decode.
    assert_error(post(&server, "add", "[9223372036854775808]"), 400, "bad_arguments", "bad arguments for `add`: ");
    assert_error(post(&server, "add", "[1.5]"), 400, "bad_arguments", "bad arguments for `add`: ");
}

#[test]
fn app_error_reply() {
    let server = server();
    assert_eq!(post(&server, "add", "[4]").0, 200);
    assert_eq!(post(&server, "withdraw", "[10]"), (200, r#"{"err":{"Insufficient":{"balance":4}}}"#.into()));
}

#[test]
fn every_reply_has_exactly_one_key() {
    let server = server();
    let cases =
        [("add", "[1]"), ("withdraw", "[9]"), ("nope", "[]"), ("add", "["), ("ratio", "[0,0]"), ("settle", "[true]")];
    for (method, body) in cases {
        let (_, text) = post(&server, method, body);
        let value: serde_json::Value = serde_json::from_str(&text).expect("replies are JSON");
        let keys: Vec<&String> = value.as_object().expect("replies are objects").keys().collect();
        assert_eq!(keys.len(), 1, "{text}");
        assert!(["ok", "err", "error"].contains(&keys[0].as_str()), "{text}");
    }
}
