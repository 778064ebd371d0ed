//! The request line: the protocol's constants and call paths, and what
//! answers a wrong path, version, HTTP method or method name.

use dogen::protocol;
use dogen::{Dispatch, Json};
use futures_executor::block_on;

use super::{Book, LedgerServer, post, reply_text, server};

#[test]
fn constants_and_paths() {
    assert_eq!(protocol::VERSION, 1);
    assert_eq!(protocol::PATH_ROOT, "/__dogen/");
    assert_eq!(protocol::CALL_PREFIX, "/__dogen/v1/call/");
    assert_eq!(protocol::CONTENT_TYPE, "application/json");
    assert_eq!(protocol::call_path("getBalance"), "/__dogen/v1/call/getBalance");
    assert!(protocol::is_dogen_path("/__dogen/v1/call/add"));
    assert!(protocol::is_dogen_path("/__dogen/v2/call/add"));
    assert!(!protocol::is_dogen_path("/__dogen"));
    assert!(!protocol::is_dogen_path("/hello"));
    assert_eq!(
        <LedgerServer<Box<Book>> as Dispatch<Json>>::METHODS,
        ["add", "withdraw", "transfer", "reset", "getBalance", "largest", "wide", "pairs", "note", "ratio", "settle"]
    );
    assert_eq!(protocol::MAX_BODY, 16 * 1024 * 1024);
    assert_eq!(protocol::MAX_QUOTE, 256);
    assert_eq!(protocol::MAX_MESSAGE, 1024);
}

#[test]
fn unknown_method_is_404() {
    let reply = post(&server(), "nope", "[]");
    assert_eq!(
        reply,
        (
            404,
            r#"{"error":{"kind":"unknown_method","message":"unknown method `nope`; this object has `add`, `withdraw`, `transfer`, `reset`, `getBalance`, `largest`, `wide`, `pairs`, `note`, `ratio`, `settle`"}}"#
                .into()
        )
    );
    // The Rust name is not the wire name.
    assert_eq!(post(&server(), "get_balance", "[]").0, 404);
    assert_eq!(post(&server(), "", "[]").0, 404);
    assert_eq!(post(&server(), "add/more", "[1]").0, 404);
}

/// Exactly `POST`: HTTP methods are case-sensitive, and fetch normalizes
/// the case of the ones it knows, so a `post` that arrives was sent so.
#[test]
fn wrong_http_method_is_405() {
    let server = server();
    for method in ["GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "post", "Post", "POST ", " POST", "POSTS", ""] {
        let reply = reply_text(block_on(protocol::serve(&server, method, "/__dogen/v1/call/add", b"[1]")));
        let body = format!(r#"{{"error":{{"kind":"bad_request","message":"dogen calls use POST, not {method}"}}}}"#);
        assert_eq!(reply, (405, body));
    }
    assert_eq!(post(&server, "getBalance", "[]"), (200, r#"{"ok":0}"#.into()));
}

#[test]
fn other_paths_and_versions_are_400() {
    let server = server();
    for path in ["/__dogen/v2/call/add", "/__dogen/v1/add", "/__dogen/", "/add", "/__dogen/V1/call/add"] {
        let reply = reply_text(block_on(protocol::serve(&server, "POST", path, b"[1]")));
        let body = format!(
            r#"{{"error":{{"kind":"bad_request","message":"`{path}` is not a dogen v1 call path (`/__dogen/v1/call/<method>`)"}}}}"#
        );
        assert_eq!(reply, (400, body), "{path}");
    }
    // The path is checked before the HTTP method.
    let reply = block_on(protocol::serve(&server, "GET", "/__dogen/v2/call/add", b""));
    assert_eq!(reply.status, 400);
}
