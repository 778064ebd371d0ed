//! Size limits: bodies over `MAX_BODY`, and messages capped at
//! `MAX_MESSAGE` with quotes cut to `MAX_QUOTE`, on both sides.

use dogen::protocol;
use dogen::{CallError, ProtocolErrorKind, TransportError};
use futures_executor::block_on;

use super::{post, reply_text, server};

fn too_large_body(length: u64) -> String {
    format!(
        r#"{{"error":{{"kind":"too_large","message":"the body of a dogen call is at most 16777216 bytes; this one has {length}"}}}}"#
    )
}

/// A body over `MAX_BODY` is refused with `413 too_large` before anything
/// is decoded, after the path and the HTTP method are checked.
#[test]
fn bodies_over_the_limit_are_413() {
    let limit = protocol::MAX_BODY as u64;
    assert_eq!(protocol::body_too_large(None), None);
    assert_eq!(protocol::body_too_large(Some(0)), None);
    assert_eq!(protocol::body_too_large(Some(limit)), None);
    let reply = protocol::body_too_large(Some(limit + 1)).expect("one byte too many");
    assert_eq!(reply_text(reply), (413, too_large_body(limit + 1)));
    let reply = protocol::body_too_large(Some(u64::MAX)).expect("far too many");
    assert_eq!(reply_text(reply), (413, too_large_body(u64::MAX)));
    // From the head alone, in order: path, HTTP method, declared length.
    let head = |method: &str, path: &str, length: Option<u64>| {
        protocol::refuse_head(method, path, length).map(|reply| reply.status)
    };
    assert_eq!(head("POST", "/__dogen/v1/call/add", Some(limit)), None);
    assert_eq!(head("POST", "/__dogen/v1/call/add", None), None);
    assert_eq!(head("POST", "/__dogen/v1/call/nope", Some(3)), None);
    assert_eq!(head("POST", "/__dogen/v1/call/add", Some(limit + 1)), Some(413));
    assert_eq!(head("GET", "/__dogen/v1/call/add", Some(limit + 1)), Some(405));
    assert_eq!(head("POST", "/__dogen/v2/call/add", Some(limit + 1)), Some(400));

    // `serve` measures the body itself: one byte over is refused, whatever
    // the method, even one that does not exist.
    let server = server();
    let mut body = vec![b' '; protocol::MAX_BODY + 1];
    body[0] = b'[';
    body[1] = b'1';
    *body.last_mut().expect("not empty") = b']';
    for path in ["/__dogen/v1/call/add", "/__dogen/v1/call/nope"] {
        let reply = block_on(protocol::serve(&server, "POST", path, &body));
        assert_eq!(reply_text(reply), (413, too_large_body(limit + 1)), "{path}");
    }
    let reply = block_on(protocol::serve_owned(&server, "POST", "/__dogen/v1/call/add", body.clone()));
    assert_eq!(reply.status, 413);
    assert_eq!(block_on(protocol::serve(&server, "GET", "/__dogen/v1/call/add", &body)).status, 405);
    // Exactly the limit is served.
    body.remove(2);
    assert_eq!(body.len(), protocol::MAX_BODY);
    let reply = block_on(protocol::serve_owned(&server, "POST", "/__dogen/v1/call/add", body));
    assert_eq!(reply_text(reply), (200, r#"{"ok":1}"#.into()));
    // The client reads it as a protocol error of its own kind.
    match protocol::read_reply(413, too_large_body(limit + 1).as_bytes()) {
        Err(CallError::Protocol(e)) => assert_eq!(e.kind, ProtocolErrorKind::TooLarge),
        other => panic!("expected too_large, got {other:?}"),
    }
}

/// The message of an error reply, checked to fit in `MAX_MESSAGE`.
fn message_of(reply: (u16, String)) -> (u16, String) {
    let value: serde_json::Value = serde_json::from_str(&reply.1).expect("replies are JSON");
    let message = value["error"]["message"].as_str().expect("an error reply").to_owned();
    assert!(message.len() <= protocol::MAX_MESSAGE, "{} bytes", message.len());
    (reply.0, message)
}

/// What a message quotes from outside (a value serde could not read, a
/// method name, a path, an HTTP method) keeps its first 160 and last 54
/// bytes around a marker, `MAX_QUOTE` bytes at most in all; every message
/// fits in `MAX_MESSAGE`.
#[test]
fn error_messages_are_capped() {
    let server = server();
    // A megabyte string where a number goes: serde quotes it whole.
    let huge = "a".repeat(1 << 20);
    let (status, text) = message_of(post(&server, "add", &format!(r#"["{huge}"]"#)));
    assert_eq!(status, 400);
    let omitted = (1 << 20) + 62 - 214;
    let quote = format!(
        "invalid type: string \"{}…({omitted} bytes omitted)…{}\", expected i64 at line 1 column {}",
        "a".repeat(160 - 22),
        "a".repeat(54 - 40),
        (1 << 20) + 3
    );
    assert_eq!(text, format!("bad arguments for `add`: {quote}"));
    // A long method name.
    let name = format!("{}{}", "x".repeat(500), "y".repeat(500));
    let (status, text) = message_of(post(&server, &name, "[]"));
    assert_eq!(status, 404);
    let (_, plain) = message_of(post(&server, "", "[]"));
    let quoted = format!("`{}…(786 bytes omitted)…{}`", "x".repeat(160), "y".repeat(54));
    assert_eq!(text, plain.replacen("``", &quoted, 1));
    // Cut on character boundaries: `€` is 3 bytes, 160 is not a multiple.
    let (_, text) = message_of(post(&server, &"€".repeat(400), "[]"));
    let quoted = format!("`{}…(987 bytes omitted)…{}`", "€".repeat(53), "€".repeat(18));
    assert_eq!(text, plain.replacen("``", &quoted, 1));
    // A path that is not a call path, and an HTTP method.
    let path = format!("/__dogen/v9/{}", "p".repeat(100_000));
    let (status, text) = message_of(reply_text(block_on(protocol::serve(&server, "POST", &path, b"[]"))));
    assert_eq!(status, 400);
    let quoted = format!("`/__dogen/v9/{}…(99798 bytes omitted)…{}`", "p".repeat(148), "p".repeat(54));
    assert_eq!(text, format!("{quoted} is not a dogen v1 call path (`/__dogen/v1/call/<method>`)"));
    let method = "M".repeat(10_000);
    let (status, text) =
        message_of(reply_text(block_on(protocol::serve(&server, &method, "/__dogen/v1/call/add", b"[1]"))));
    assert_eq!(status, 405);
    assert_eq!(text, format!("dogen calls use POST, not {}…(9786 bytes omitted)…{}", "M".repeat(160), "M".repeat(54)));
}

/// A client holds no more of a server's message than `MAX_MESSAGE`, and
/// quotes no more of a body that is not an envelope than `MAX_QUOTE`.
#[test]
fn read_reply_caps_messages() {
    let long = "m".repeat(100_000);
    let body = format!(r#"{{"error":{{"kind":"bad_arguments","message":"{long}"}}}}"#);
    match protocol::read_reply(400, body.as_bytes()) {
        Err(CallError::Protocol(e)) => {
            assert_eq!(e.kind, ProtocolErrorKind::BadArguments);
            assert!(e.message.len() <= protocol::MAX_MESSAGE, "{}", e.message.len());
            assert!(e.message.contains("bytes omitted"), "{}", e.message);
        }
        other => panic!("expected a protocol error, got {other:?}"),
    }
    let body = format!(r#"{{"error":{{"kind":"internal","message":"{long}"}}}}"#);
    match protocol::read_reply(500, body.as_bytes()) {
        Err(CallError::Failed(f)) => assert!(f.message().len() <= protocol::MAX_MESSAGE, "{}", f.message().len()),
        other => panic!("expected a failure, got {other:?}"),
    }
    for body in [format!(r#""{long}""#), format!(r#"{{"error":{{"kind":"{long}","message":"m"}}}}"#)] {
        match protocol::read_reply(500, body.as_bytes()) {
            Err(CallError::Transport(TransportError(message))) => {
                let limit = "status 500: malformed protocol error: ".len() + protocol::MAX_QUOTE;
                assert!(message.len() <= limit, "{}: {message}", message.len());
                assert!(message.contains("bytes omitted"), "{message}");
            }
            other => panic!("expected a transport failure, got {other:?}"),
        }
    }
}
