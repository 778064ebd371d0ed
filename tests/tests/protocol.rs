//! The fetch wire format of `docs/protocol.md`, pinned byte for byte
//! through `dogen::protocol::{serve, read_reply}`, and a typed client
//! driven over that HTTP mapping without workerd.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use dogen::protocol::{self, HttpReply};
use dogen::{
    CallError, Dispatch, Failure, Fallible, Json, ProtocolError, ProtocolErrorKind, Reply, Transport, TransportError,
};
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

/// A note with one field; unknown fields are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// What the note says.
    pub text: String,
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
    /// A struct argument.
    async fn note(&self, note: Note) -> String;
    /// `a / b`: NaN or an infinity for a zero `b`.
    async fn ratio(&self, a: f64, b: f64) -> f64;
    /// Fails with a [`Failure`] when told to, after adding 1.
    async fn settle(&self, fail: bool) -> Fallible<i64>;
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
    async fn note(&self, note: Note) -> String {
        note.text
    }
    async fn ratio(&self, a: f64, b: f64) -> f64 {
        a / b
    }
    async fn settle(&self, fail: bool) -> Fallible<i64> {
        self.0.set(self.0.get() + 1);
        if fail {
            return Err(Failure::new("storage is unavailable"));
        }
        Ok(self.0.get())
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
        ["add", "withdraw", "transfer", "reset", "getBalance", "largest", "wide", "pairs", "note", "ratio", "settle"]
    );
    assert_eq!(protocol::MAX_BODY, 16 * 1024 * 1024);
    assert_eq!(protocol::MAX_QUOTE, 256);
    assert_eq!(protocol::MAX_MESSAGE, 1024);
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

/// The body must be UTF-8 throughout, even where its content is ignored
/// (an unknown field of a struct argument), or the call is refused.
#[test]
fn invalid_utf8_anywhere_is_400() {
    let server = server();
    let bodies: [&[u8]; 6] = [
        b"[{\"text\":\"hi\",\"extra\":\"\xff\"}]",
        b"[{\"text\":\"hi\",\"\xc3\":1}]",
        b"[{\"text\":\"hi\",\"extra\":[\"\xed\xa0\x80\"]}]",
        b"[{\"text\":\"\xf0\x9f\x92\"}]",
        b"[\xef\xbb\xbf{\"text\":\"hi\"}]",
        b"\xff",
    ];
    for body in bodies {
        let reply = reply_text(block_on(protocol::serve(&server, "POST", "/__dogen/v1/call/note", body)));
        assert_error(reply, 400, "bad_arguments", "bad arguments for `note`: ");
    }
    let reply = reply_text(block_on(protocol::serve(&server, "POST", "/__dogen/v1/call/note", bodies[0])));
    assert!(reply.1.contains("not UTF-8"), "{}", reply.1);
    // The same body, valid: served.
    assert_eq!(post(&server, "note", "[{\"text\":\"hi\",\"extra\":\"\u{ff}\"}]"), (200, r#"{"ok":"hi"}"#.into()));
}

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
    // A key twice, even with the same value.
    assert_not_envelope(200, r#"{"ok":1,"ok":1}"#);
    assert_not_envelope(200, r#"{"err":1,"x":0,"err":2}"#);
    assert_not_envelope(400, r#"{"error":{"kind":"encode","message":"m"},"error":{"kind":"encode","message":"m"}}"#);
    // Not UTF-8, even in a key or value that is otherwise ignored.
    assert_not_envelope_bytes(200, b"{\"ok\":1,\"x\":\"\xff\"}");
    assert_not_envelope_bytes(200, b"{\"ok\":1,\"\xc3\":0}");
    assert_not_envelope_bytes(200, b"{\"ok\":\"\xe2\x82\"}");
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
        match client.ratio(0.0, 0.0).await {
            Err(CallError::Protocol(e)) => assert_eq!(e.kind, ProtocolErrorKind::Encode),
            other => panic!("expected an encode error, got {other:?}"),
        }
        // NaN arguments never leave the client.
        match client.ratio(f64::NAN, 1.0).await {
            Err(CallError::Protocol(e)) => assert_eq!(e.kind, ProtocolErrorKind::BadArguments),
            other => panic!("expected bad arguments, got {other:?}"),
        }
        assert_eq!(client.transport().last(), sent("/__dogen/v1/call/ratio", "[0.0,0.0]"));
        let failed = CallError::Failed(Failure::new("`settle` failed: storage is unavailable"));
        assert_eq!(client.settle(true).await, Err(failed));
        assert_eq!(client.settle(false).await, Ok(2));
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
