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

/// Thirteen methods with one return type: the server holds each call's
/// future at its own leaf of a tree of `Either`s (four deep here), where
/// a call routed to the wrong method would still type-check. Each method
/// answers its own number, through every kind of argument list.
#[dogen::durable(binding = "WIDE")]
pub trait Wide {
    async fn m0(&self) -> u32;
    async fn m1(&self, add: u32) -> u32;
    async fn m2(&self) -> u32;
    async fn m3(&self, text: &str) -> u32;
    async fn m4(&self) -> u32;
    async fn m5(&self, a: u32, b: u32) -> u32;
    async fn m6(&self) -> dogen::Fallible<u32>;
    async fn m7(&self) -> u32;
    async fn m8(&self, items: &[u32]) -> u32;
    async fn m9(&self) -> u32;
    async fn m10(&self) -> Result<u32, String>;
    async fn m11(&self) -> u32;
    #[durable(rename = "last")]
    async fn m12(&self) -> u32;
}

struct Numbers;

impl Wide for Numbers {
    async fn m0(&self) -> u32 {
        0
    }
    async fn m1(&self, add: u32) -> u32 {
        1 + add
    }
    async fn m2(&self) -> u32 {
        2
    }
    async fn m3(&self, text: &str) -> u32 {
        3 + text.len() as u32
    }
    async fn m4(&self) -> u32 {
        4
    }
    async fn m5(&self, a: u32, b: u32) -> u32 {
        5 + a * b
    }
    async fn m6(&self) -> dogen::Fallible<u32> {
        Ok(6)
    }
    async fn m7(&self) -> u32 {
        7
    }
    async fn m8(&self, items: &[u32]) -> u32 {
        8 + items.iter().sum::<u32>()
    }
    async fn m9(&self) -> u32 {
        9
    }
    async fn m10(&self) -> Result<u32, String> {
        Ok(10)
    }
    async fn m11(&self) -> u32 {
        11
    }
    async fn m12(&self) -> u32 {
        12
    }
}

#[test]
fn every_method_of_a_wide_trait_reaches_its_own_implementation() {
    let server = WideServer(&Numbers);
    let calls: [(&str, &str, &str); 13] = [
        ("m0", "[]", "0"),
        ("m1", "[100]", "101"),
        ("m2", "[]", "2"),
        ("m3", r#"["four"]"#, "7"),
        ("m4", "[]", "4"),
        ("m5", "[6,7]", "47"),
        ("m6", "[]", "6"),
        ("m7", "[]", "7"),
        ("m8", "[[1,2,3]]", "14"),
        ("m9", "[]", "9"),
        ("m10", "[]", "10"),
        ("m11", "[]", "11"),
        ("last", "[]", "12"),
    ];
    for (method, args, expected) in calls {
        let reply =
            block_on(<WideServer<&Numbers> as Dispatch<Json>>::dispatch(&server, method, &args.as_bytes().to_vec()));
        let value = match reply {
            Ok(dogen::Reply::Ok(value)) => String::from_utf8(value).unwrap(),
            other => panic!("`{method}` answered {other:?}"),
        };
        assert_eq!(value, expected, "`{method}`");
    }
    // The tree's leaves are not wire names: an unknown one still is.
    let unknown = block_on(<WideServer<&Numbers> as Dispatch<Json>>::dispatch(&server, "m12", &b"[]".to_vec()));
    assert!(unknown.is_err_and(|e| e.kind == dogen::ProtocolErrorKind::UnknownMethod));
}
