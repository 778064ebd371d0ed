//! `read_reply`, the client's side: envelopes read into values, typed
//! errors and failures, and anything else refused as a transport failure.

use dogen::protocol;
use dogen::{CallError, Failure, ProtocolError, ProtocolErrorKind, Reply, TransportError};

#[test]
fn read_reply_ok_and_err() {
    assert_eq!(protocol::read_reply(200, br#"{"ok":5}"#), Ok(Reply::Ok(b"5".to_vec())));
    assert_eq!(protocol::read_reply(200, br#"{"ok":null}"#), Ok(Reply::Ok(b"null".to_vec())));
    assert_eq!(
        protocol::read_reply(200, br#"{"ok":18446744073709551615}"#),
        Ok(Reply::Ok(b"18446744073709551615".to_vec()))
    );
    assert_eq!(
        protocol::read_reply(200, br#"{"err":{"Insufficient":{"balance":4}}}"#),
        Ok(Reply::Err(br#"{"Insufficient":{"balance":4}}"#.to_vec()))
    );
    // Whitespace is JSON's business; the value is handed on as written.
    assert_eq!(protocol::read_reply(200, b" { \"ok\" : [1, 2] } "), Ok(Reply::Ok(b"[1, 2]".to_vec())));
}

#[test]
fn read_reply_protocol_errors() {
    let cases = [
        (404, "unknown_method", ProtocolErrorKind::UnknownMethod),
        (400, "bad_arguments", ProtocolErrorKind::BadArguments),
        (400, "bad_request", ProtocolErrorKind::BadRequest),
        (405, "bad_request", ProtocolErrorKind::BadRequest),
        (500, "encode", ProtocolErrorKind::Encode),
        (500, "bad_reply", ProtocolErrorKind::BadReply),
        (413, "too_large", ProtocolErrorKind::TooLarge),
    ];
    for (status, kind, expected) in cases {
        let body = format!(r#"{{"error":{{"kind":"{kind}","message":"why"}}}}"#);
        assert_eq!(
            protocol::read_reply(status, body.as_bytes()),
            Err(CallError::Protocol(ProtocolError::new(expected, "why"))),
            "{status} {kind}"
        );
        assert_eq!(protocol::status_of(expected), if status == 405 { 400 } else { status }, "{kind}");
    }
    // `internal` is the callee's failure, not a protocol error; other
    // fields of the error object are ignored.
    assert_eq!(
        protocol::read_reply(500, br#"{"error":{"kind":"internal","message":"why","at":1}}"#),
        Err(CallError::Failed(Failure::new("why")))
    );
    assert_eq!(protocol::status_of(ProtocolErrorKind::Internal), 500);
    // Keys and kinds are strings like any other: escapes are read.
    assert_eq!(
        protocol::read_reply(400, br#"{"error":{"k\u0069nd":"bad_\u0072equest","message":"why"}}"#),
        Err(CallError::Protocol(ProtocolError::new(ProtocolErrorKind::BadRequest, "why")))
    );
}

/// Asserts `read_reply` calls this reply a transport failure.
fn assert_not_envelope(status: u16, body: &str) {
    match protocol::read_reply(status, body.as_bytes()) {
        Err(CallError::Transport(TransportError(message))) => {
            assert!(message.starts_with(&format!("status {status}: ")), "{message}");
        }
        other => panic!("{status} {body}: expected a transport failure, got {other:?}"),
    }
}

#[test]
fn read_reply_rejects_what_is_not_an_envelope() {
    // Not JSON, or JSON but not an object: what a crashed object or a proxy
    // in between might answer.
    assert_not_envelope(500, "Internal Server Error");
    assert_not_envelope(200, "");
    assert_not_envelope(200, "5");
    assert_not_envelope(200, "[1]");
    assert_not_envelope(200, "{}");
    assert_not_envelope(200, r#"{"value":5}"#);
    // Both keys, or a key that does not go with the status.
    assert_not_envelope(200, r#"{"ok":1,"err":2}"#);
    assert_not_envelope(200, r#"{"ok":1,"error":{"kind":"encode","message":"m"}}"#);
    assert_not_envelope(200, r#"{"error":{"kind":"encode","message":"m"}}"#);
    assert_not_envelope(400, r#"{"ok":5}"#);
    assert_not_envelope(500, r#"{"err":5}"#);
    // A protocol error this version does not know, or a malformed one.
    assert_not_envelope(500, r#"{"error":{"kind":"overloaded","message":"m"}}"#);
    assert_not_envelope(400, r#"{"error":"bad"}"#);
    assert_not_envelope(400, r#"{"error":{"kind":"bad_request"}}"#);
    assert_not_envelope(400, r#"{"error":{"message":"m"}}"#);
    assert_not_envelope(400, r#"{"error":["bad_request","m"]}"#);
    assert_not_envelope(400, r#"{"error":{"kind":"encode","kind":"encode","message":"m"}}"#);
    assert_not_envelope(400, r#"{"error":{"kind":"encode","message":"m","message":"m"}}"#);
    // A key twice, even with the same value.
    assert_not_envelope(200, r#"{"ok":1,"ok":1}"#);
    assert_not_envelope(200, r#"{"err":1,"x":0,"err":2}"#);
    assert_not_envelope(400, r#"{"error":{"kind":"encode","message":"m"},"error":{"kind":"encode","message":"m"}}"#);
    // Not UTF-8, even in a key or value that is otherwise ignored.
    assert_not_envelope_bytes(200, b"{\"ok\":1,\"x\":\"\xff\"}");
    assert_not_envelope_bytes(200, b"{\"ok\":1,\"\xc3\":0}");
    assert_not_envelope_bytes(200, b"{\"ok\":\"\xe2\x82\"}");
}

#[test]
fn read_reply_says_where_the_json_breaks() {
    // In serde_json's words, at its line and column.
    let says = |status, body: &str| match protocol::read_reply(status, body.as_bytes()) {
        Err(CallError::Transport(TransportError(message))) => message,
        other => panic!("{body}: expected a transport failure, got {other:?}"),
    };
    assert_eq!(
        says(500, "Internal Server Error"),
        "status 500: the reply is not a dogen envelope: expected value at line 1 column 1"
    );
    assert_eq!(
        says(200, "{\"ok\":1"),
        "status 200: the reply is not a dogen envelope: EOF while parsing an object at line 1 column 7"
    );
    assert_eq!(
        says(200, "{\"ok\":1}\n}"),
        "status 200: the reply is not a dogen envelope: trailing characters at line 2 column 1"
    );
    assert_eq!(
        says(400, r#"{"error":{"kind":"bad_request","message":7}}"#),
        "status 400: malformed protocol error: invalid type: integer `7`, expected a string at line 1 column 33"
    );
    assert_eq!(
        says(500, r#"{"error":{"kind":"overloaded","message":"m"}}"#),
        "status 500: malformed protocol error: unknown kind `overloaded` at line 1 column 20"
    );
    assert_eq!(
        says(400, r#"{"error":{"message":"m"}}"#),
        "status 400: malformed protocol error: missing field `kind` at line 1 column 15"
    );
    assert_eq!(
        says(400, r#"{"error":{"kind":"encode","kind":"encode","message":"m"}}"#),
        "status 400: malformed protocol error: duplicate field `kind` at line 1 column 23"
    );
    // An error about the object as a whole is placed once its `}` has been
    // looked for, as serde_json places a visitor's error; one about a value,
    // right after the value.
    assert_eq!(
        says(200, "{\"ok\"\n:\n1\n,\n\"err\"\n:2}"),
        "status 200: the reply is not a dogen envelope: both `ok` and `err` at line 6 column 3"
    );
    assert_eq!(
        says(200, "{\"x\":1 }"),
        "status 200: the reply is not a dogen envelope: none of `ok`, `err` or `error` at line 1 column 8"
    );
    assert_eq!(
        says(200, "{\"ok\":1,}"),
        "status 200: the reply is not a dogen envelope: trailing comma at line 1 column 9"
    );
    assert_eq!(
        says(200, "[1]"),
        "status 200: the reply is not a dogen envelope: invalid type: sequence, expected an object with one of \
         `ok`, `err` or `error` at line 1 column 0"
    );
    assert_eq!(
        says(400, r#"{"error":{} }"#),
        "status 400: malformed protocol error: missing field `kind` at line 1 column 2"
    );
    assert_eq!(
        says(400, r#"{"error":{"kind":"nope"  ,"message":"m"}}"#),
        "status 400: malformed protocol error: unknown kind `nope` at line 1 column 14"
    );
}

/// [`assert_not_envelope`] for a body that is not UTF-8.
fn assert_not_envelope_bytes(status: u16, body: &[u8]) {
    match protocol::read_reply(status, body) {
        Err(CallError::Transport(TransportError(message))) => {
            assert!(message.starts_with(&format!("status {status}: ")), "{message}");
        }
        other => panic!("{status} {body:?}: expected a transport failure, got {other:?}"),
    }
}
