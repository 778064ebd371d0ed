//! Methods that ran but cannot answer with a value: a reply with no JSON
//! form (`500 encode`) and a returned `Failure` (`500 internal`).

use dogen::protocol;
use dogen::{CallError, Failure};

use super::{assert_error, post, server};

#[test]
fn encode_failure_is_500() {
    let (status, body) = post(&server(), "pairs", "[]");
    assert_eq!(status, 500);
    assert_eq!(
        body,
        r#"{"error":{"kind":"encode","message":"cannot encode the reply of `pairs`: key must be a string"}}"#
    );
}

/// A method returning NaN or an infinity did run, but its value has no
/// JSON form: `500 encode`, never `{"ok":null}`.
#[test]
fn non_finite_reply_is_500_encode() {
    for (args, name) in [("[0,0]", "NaN"), ("[1,0]", "infinity"), ("[-1,0]", "-infinity")] {
        let body = format!(
            r#"{{"error":{{"kind":"encode","message":"cannot encode the reply of `ratio`: {name} cannot be sent: JSON and Workers RPC carry finite numbers only"}}}}"#
        );
        assert_eq!(post(&server(), "ratio", args), (500, body));
    }
    assert_eq!(post(&server(), "ratio", "[1,4]"), (200, r#"{"ok":0.25}"#.into()));
    // JSON has no literal for them either: the argument does not decode.
    for args in ["[NaN,1]", "[Infinity,1]", "[null,1]", "[1e999,1]"] {
        assert_error(post(&server(), "ratio", args), 400, "bad_arguments", "bad arguments for `ratio`: ");
    }
}

/// A method that returned a `Failure` answers `500 internal`; what it did
/// before failing stands, and the client sees `CallError::Failed`.
#[test]
fn failure_is_500_internal() {
    let server = server();
    assert_eq!(
        post(&server, "settle", "[true]"),
        (500, r#"{"error":{"kind":"internal","message":"`settle` failed: storage is unavailable"}}"#.into())
    );
    assert_eq!(post(&server, "getBalance", "[]"), (200, r#"{"ok":1}"#.into()));
    assert_eq!(post(&server, "settle", "[false]"), (200, r#"{"ok":2}"#.into()));
    let (status, body) = post(&server, "settle", "[true]");
    assert_eq!(
        protocol::read_reply(status, body.as_bytes()),
        Err(CallError::Failed(Failure::new("`settle` failed: storage is unavailable")))
    );
}
