//! The fetch wire format of `docs/protocol.md`, pinned byte for byte
//! through `dogen::protocol::{serve, read_reply}`, and a typed client
//! driven over that HTTP mapping without workerd.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use dogen::protocol::{self, HttpReply};
use dogen::{CallError, Dispatch, Json, ProtocolError, ProtocolErrorKind, Reply, Transport, TransportError};
use futures_executor::block_on;
use serde::{Deserialize, Serialize};

/// Why a withdrawal was refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Refusal {
    /// More than the balance was asked for.
    Insufficient {
        /// What the balance holds.
        balance: i64,
    },
}

/// A ledger: one method for each kind of reply.
#[dogen::durable(binding = "LEDGER")]
pub trait Ledger {
    /// Adds `amount`; returns the balance.
    async fn add(&self, amount: i64) -> i64;
    /// Takes `amount` out, or refuses.
    async fn withdraw(&self, amount: i64) -> Result<i64, Refusal>;
    /// Two arguments, one borrowed.
    async fn transfer(&self, to: &str, amount: i64) -> String;
    /// No arguments, no value.
    async fn reset(&self);
    /// A renamed-by-case wire name: `getBalance`.
    async fn get_balance(&self) -> i64;
    /// The largest `u64`, to show integers travel exactly.
    async fn largest(&self) -> u64;
    /// Hands a 128-bit integer back.
    async fn wide(&self, value: i128) -> i128;
    /// A map serde_json cannot encode (its keys are not strings).
    async fn pairs(&self) -> BTreeMap<(i32, i32), i32>;
}

#[derive(Default)]
struct Book(Cell<i64>);

impl Ledger for Book {
    async fn add(&self, amount: i64) -> i64 {
        self.0.set(self.0.get().saturating_add(amount));
        self.0.get()
    }
    async fn withdraw(&self, amount: i64) -> Result<i64, Refusal> {
        let balance = self.0.get();
        if amount > balance {
            return Err(Refusal::Insufficient { balance });
        }
        self.0.set(balance - amount);
        Ok(self.0.get())
    }
    async fn transfer(&self, to: &str, amount: i64) -> String {
        format!("{amount} to {to}")
    }
    async fn reset(&self) {
        self.0.set(0);
    }
    async fn get_balance(&self) -> i64 {
        self.0.get()
    }
    async fn largest(&self) -> u64 {
        u64::MAX
    }
    async fn wide(&self, value: i128) -> i128 {
        value
    }
    async fn pairs(&self) -> BTreeMap<(i32, i32), i32> {
        BTreeMap::from([((1, 2), 3)])
    }
}

fn server() -> LedgerServer<Box<Book>> {
    LedgerServer(Box::default())
}

/// POSTs `body` to the call path of `method` and returns status and text.
fn post(server: &LedgerServer<Box<Book>>, method: &str, body: &str) -> (u16, String) {
    reply_text(block_on(protocol::serve(server, "POST", &protocol::call_path(method), body.as_bytes())))
}

fn reply_text(reply: HttpReply) -> (u16, String) {
    (reply.status, String::from_utf8(reply.body).expect("replies are UTF-8"))
}

/// Asserts a protocol error body of `kind` whose message starts with
/// `prefix` (the rest is serde's wording, not part of the format).
fn assert_error(reply: (u16, String), status: u16, kind: &str, prefix: &str) {
    let (got_status, body) = reply;
    assert_eq!(got_status, status, "{body}");
    let head = format!(r#"{{"error":{{"kind":"{kind}","message":"{prefix}"#);
    assert!(body.starts_with(&head), "{body} does not start with {head}");
    assert!(body.ends_with(r#""}}"#), "{body}");
    // The same bytes read back as exactly this protocol error.
    match protocol::read_reply(got_status, body.as_bytes()) {
        Err(CallError::Protocol(e)) => assert!(e.message.starts_with(prefix), "{}", e.message),
        other => panic!("expected a protocol error, got {other:?}"),
    }
}

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
        ["add", "withdraw", "transfer", "reset", "getBalance", "largest", "wide", "pairs"]
    );
}

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
    // Lower-case methods are the same method: fetch upper-cases them anyway.
    let reply = block_on(protocol::serve(&server, "post", "/__dogen/v1/call/add", b"[1]"));
    assert_eq!(reply_text(reply), (200, r#"{"ok":1}"#.into()));
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
fn unknown_method_is_404() {
    let reply = post(&server(), "nope", "[]");
    assert_eq!(
        reply,
        (
            404,
            r#"{"error":{"kind":"unknown_method","message":"unknown method `nope`; this object has `add`, `withdraw`, `transfer`, `reset`, `getBalance`, `largest`, `wide`, `pairs`"}}"#
                .into()
        )
    );
    // The Rust name is not the wire name.
    assert_eq!(post(&server(), "get_balance", "[]").0, 404);
    assert_eq!(post(&server(), "", "[]").0, 404);
    assert_eq!(post(&server(), "add/more", "[1]").0, 404);
}

#[test]
fn bad_arguments_are_400() {
    let server = server();
    let bad = |method: &str, body: &str| {
        let prefix = format!("bad arguments for `{method}`: ");
        assert_error(post(&server, method, body), 400, "bad_arguments", &prefix);
    };
    bad("add", r#"["x"]"#);
    bad("add", "[]");
    bad("add", "[1,2]");
    bad("add", "5");
    bad("add", r#"{"amount":5}"#);
    bad("transfer", "[7,\"bob\"]");
    bad("getBalance", "[1]");
    bad("reset", "null");
    // Malformed JSON, and no body at all.
    bad("add", "[5");
    bad("add", "");
    bad("getBalance", "");
    bad("add", "[5] [6]");
    // Nothing ran.
    assert_eq!(post(&server, "getBalance", "[]"), (200, r#"{"ok":0}"#.into()));
}

#[test]
fn wrong_http_method_is_405() {
    let server = server();
    for method in ["GET", "PUT", "DELETE", "HEAD"] {
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

#[test]
fn encode_failure_is_500() {
    let (status, body) = post(&server(), "pairs", "[]");
    assert_eq!(status, 500);
    assert_eq!(
        body,
        r#"{"error":{"kind":"encode","message":"cannot encode the reply of `pairs`: key must be a string"}}"#
    );
}

#[test]
fn every_reply_has_exactly_one_key() {
    let server = server();
    let cases = [("add", "[1]"), ("withdraw", "[9]"), ("nope", "[]"), ("add", "[")];
    for (method, body) in cases {
        let (_, text) = post(&server, method, body);
        let value: serde_json::Value = serde_json::from_str(&text).expect("replies are JSON");
        let keys: Vec<&String> = value.as_object().expect("replies are objects").keys().collect();
        assert_eq!(keys.len(), 1, "{text}");
        assert!(["ok", "err", "error"].contains(&keys[0].as_str()), "{text}");
    }
}

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
    ];
    for (status, kind, expected) in cases {
        let body = format!(r#"{{"error":{{"kind":"{kind}","message":"why"}}}}"#);
        assert_eq!(
            protocol::read_reply(status, body.as_bytes()),
            Err(CallError::Protocol(ProtocolError::new(expected, "why"))),
            "{status} {kind}"
        );
    }
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
}

/// A transport that goes through the HTTP mapping: `protocol::serve` on
/// one side, `protocol::read_reply` on the other. It records the last
/// request it sent.
struct Http<D> {
    server: D,
    sent: RefCell<Option<(String, String)>>,
}

impl<D> Http<D> {
    fn new(server: D) -> Self {
        Http { server, sent: RefCell::new(None) }
    }

    /// The path and body of the last request.
    fn last(&self) -> (String, String) {
        self.sent.borrow().clone().expect("a request was sent")
    }
}

impl<D: Dispatch<Json>> Transport for Http<D> {
    type Format = Json;

    async fn call(&self, method: &'static str, args: Vec<u8>) -> Result<Reply<Vec<u8>>, CallError> {
        let path = protocol::call_path(method);
        let reply = protocol::serve(&self.server, "POST", &path, &args).await;
        *self.sent.borrow_mut() = Some((path, String::from_utf8(args).expect("arguments are UTF-8")));
        protocol::read_reply(reply.status, &reply.body)
    }
}

fn sent(path: &str, body: &str) -> (String, String) {
    (path.to_owned(), body.to_owned())
}

#[test]
fn client_round_trip_over_http() {
    block_on(async {
        let client = LedgerClient::new(Http::new(server()));
        assert_eq!(client.add(5).await, Ok(5));
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/add", "[5]"));
        assert_eq!(client.get_balance().await, Ok(5));
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/getBalance", "[]"));
        assert_eq!(client.transfer("bob", 2).await.as_deref(), Ok("2 to bob"));
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/transfer", r#"["bob",2]"#));
        assert_eq!(client.withdraw(9).await, Err(CallError::App(Refusal::Insufficient { balance: 5 })));
        assert_eq!(client.withdraw(2).await, Ok(3));
        assert_eq!(client.reset().await, Ok(()));
        assert_eq!(client.get_balance().await, Ok(0));
        assert_eq!(client.largest().await, Ok(u64::MAX));
        assert_eq!(client.wide(i128::MAX).await, Ok(i128::MAX));
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/wide", &format!("[{}]", i128::MAX)));
        match client.pairs().await {
            Err(CallError::Protocol(e)) => assert_eq!(e.kind, ProtocolErrorKind::Encode),
            other => panic!("expected an encode error, got {other:?}"),
        }
    });
}

/// The ledger as a client that disagrees with the server would see it:
/// one argument of the wrong type, one reply of the wrong type, one method
/// the server does not have.
#[dogen::durable(binding = "LEDGER")]
pub trait SkewedLedger {
    /// The server takes an `i64`.
    async fn add(&self, amount: String) -> i64;
    /// The server returns an `i64`.
    async fn get_balance(&self) -> String;
    /// The server has no such method.
    async fn audit(&self) -> u32;
}

#[test]
fn protocol_errors_reach_the_client() {
    block_on(async {
        let client = SkewedLedgerClient::new(Http::new(server()));
        let kind = |result: Result<_, CallError>| match result {
            Err(CallError::Protocol(e)) => e.kind,
            other => panic!("expected a protocol error, got {other:?}"),
        };
        assert_eq!(kind(client.add("five".into()).await.map(drop)), ProtocolErrorKind::BadArguments);
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/add", r#"["five"]"#));
        assert_eq!(kind(client.get_balance().await.map(drop)), ProtocolErrorKind::BadReply);
        assert_eq!(kind(client.audit().await.map(drop)), ProtocolErrorKind::UnknownMethod);
    });
}
