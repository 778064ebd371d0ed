//! Calls the dispatcher cannot run are protocol errors of a precise kind,
//! naming the method, never panics; and the object keeps working after them.
//! Also the generated constants: `METHODS`, `BINDING`, `CLASS`.

use std::cell::Cell;
use std::rc::Rc;

use dogen::{CallError, Client, Dispatch, InProcess, Json, ProtocolErrorKind};
use futures_executor::block_on;
use serde::{Deserialize, Serialize};

use crate::{raw_ok, rejects};

/// Why a transfer failed.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub enum LedgerError {
    Insufficient { balance: u64 },
}

/// A balance with a few methods of each arity.
#[dogen::durable]
pub trait Ledger {
    /// Adds `amount` and returns the new balance.
    async fn deposit(&self, amount: u32) -> u64;
    async fn balance(&self) -> u64;
    #[durable(rename = "xfer")]
    async fn transfer_to(&self, to: String, amount: u32) -> Result<u64, LedgerError>;
    async fn audit_log_size(&self) -> usize;
}

#[derive(Default)]
struct Book {
    balance: Cell<u64>,
    log: Cell<usize>,
}

impl Ledger for Book {
    async fn deposit(&self, amount: u32) -> u64 {
        self.log.set(self.log.get() + 1);
        self.balance.set(self.balance.get() + u64::from(amount));
        self.balance.get()
    }
    async fn balance(&self) -> u64 {
        self.balance.get()
    }
    async fn transfer_to(&self, _to: String, amount: u32) -> Result<u64, LedgerError> {
        let balance = self.balance.get();
        let rest = balance.checked_sub(u64::from(amount)).ok_or(LedgerError::Insufficient { balance })?;
        self.log.set(self.log.get() + 1);
        self.balance.set(rest);
        Ok(rest)
    }
    async fn audit_log_size(&self) -> usize {
        self.log.get()
    }
}

/// A trait with a two-word name and nothing else: the defaults are derived
/// from the name.
#[dogen::durable]
pub trait RateLimiter {}

/// Explicit binding and class.
#[dogen::durable(binding = "LIMITS", class = "ThrottleObject")]
pub trait Throttle {
    async fn allow(&self) -> bool;
}

#[test]
fn methods_lists_wire_names_in_declaration_order() {
    assert_eq!(<LedgerServer<&Book> as Dispatch<Json>>::METHODS, &["deposit", "balance", "xfer", "auditLogSize"]);
    assert!(<RateLimiterServer<Box<dyn RateLimiter>> as Dispatch<Json>>::METHODS.is_empty());
}

#[test]
fn binding_and_class_defaults() {
    assert_eq!(LedgerClient::<()>::BINDING, "LEDGER");
    assert_eq!(LedgerClient::<()>::CLASS, "Ledger");
    assert_eq!(RateLimiterClient::<()>::BINDING, "RATE_LIMITER");
    assert_eq!(RateLimiterClient::<()>::CLASS, "RateLimiter");
    assert_eq!(ThrottleClient::<()>::BINDING, "LIMITS");
    assert_eq!(ThrottleClient::<()>::CLASS, "ThrottleObject");
    type Local = LedgerClient<InProcess<LedgerServer<Box<Book>>>>;
    assert_eq!(<Local as Client<_>>::BINDING, "LEDGER");
    assert_eq!(<Local as Client<_>>::CLASS, "Ledger");
    let throttle = ThrottleClient::in_process(Box::new(Open));
    assert_eq!(block_on(throttle.allow()), Ok(true));
}

struct Open;

impl Throttle for Open {
    async fn allow(&self) -> bool {
        true
    }
}

#[test]
fn unknown_methods() {
    let book = Book::default();
    let server = LedgerServer(&book);
    // The Rust name of a renamed method, another case, and the camelCase
    // form of the Rust name are not wire names.
    for method in ["withdraw", "transfer_to", "transferTo", "Deposit", "", "deposit "] {
        let message = rejects(&server, method, b"[1]", ProtocolErrorKind::UnknownMethod);
        assert!(message.contains("`deposit`, `balance`, `xfer`, `auditLogSize`"), "{message}");
    }
    let empty = RateLimiterServer(Box::new(()) as Box<dyn RateLimiter>);
    let message = rejects(&empty, "anything", b"[]", ProtocolErrorKind::UnknownMethod);
    assert!(message.contains("no methods"), "{message}");
}

impl RateLimiter for () {}

#[test]
fn wrong_arity() {
    let book = Book::default();
    let server = LedgerServer(&book);
    for payload in [&b"[]"[..], b"[1, 2]", b"[1, 2, 3]"] {
        rejects(&server, "deposit", payload, ProtocolErrorKind::BadArguments);
    }
    for payload in [&br#"["bob"]"#[..], br#"["bob", 1, 2]"#, b"[]"] {
        rejects(&server, "xfer", payload, ProtocolErrorKind::BadArguments);
    }
    let message = rejects(&server, "deposit", b"[]", ProtocolErrorKind::BadArguments);
    assert!(message.contains("bad arguments"), "{message}");
}

#[test]
fn zero_arg_methods_take_only_an_empty_array() {
    let book = Book::default();
    let server = LedgerServer(&book);
    assert_eq!(raw_ok(&server, "balance", "[]"), "0");
    assert_eq!(raw_ok(&server, "balance", " [ ] "), "0");
    for payload in [&b"[1]"[..], b"[null]", b"[[]]", b"{}", b"null", b"0", b""] {
        rejects(&server, "balance", payload, ProtocolErrorKind::BadArguments);
    }
}

#[test]
fn wrong_types() {
    let book = Book::default();
    let server = LedgerServer(&book);
    for payload in
        [&br#"["1"]"#[..], b"[-1]", b"[4294967296]", b"[1.5]", b"[null]", b"[true]", b"[[1]]", br#"[{"amount": 1}]"#]
    {
        rejects(&server, "deposit", payload, ProtocolErrorKind::BadArguments);
    }
    rejects(&server, "xfer", b"[1, 1]", ProtocolErrorKind::BadArguments);
    rejects(&server, "xfer", br#"[1, "bob"]"#, ProtocolErrorKind::BadArguments);
}

#[test]
fn malformed_and_non_array_payloads() {
    let book = Book::default();
    let server = LedgerServer(&book);
    for payload in [
        &b"[1"[..],
        b"[1,]",
        b"[1] [2]",
        b"[1] x",
        b"nope",
        b"",
        b"   ",
        b"\xff\xfe",
        b"[\"\xff\"]",
        b"1",
        b"\"1\"",
        b"null",
        br#"{"amount": 1}"#,
        br#"{"0": 1}"#,
    ] {
        rejects(&server, "deposit", payload, ProtocolErrorKind::BadArguments);
    }
}

/// Rejected calls do not touch the object, and it answers the next call.
#[test]
fn the_object_works_after_bad_calls() {
    let book = Rc::new(Book::default());
    let client = LedgerClient::in_process(Rc::clone(&book));
    assert_eq!(block_on(client.deposit(10)), Ok(10));
    let server = client.transport().server();
    for (method, payload) in [("deposit", &b"[\"x\"]"[..]), ("deposit", b"[1, 2]"), ("xfer", b"[\"a\"]")] {
        rejects(server, method, payload, ProtocolErrorKind::BadArguments);
    }
    rejects(server, "withdraw", b"[5]", ProtocolErrorKind::UnknownMethod);
    assert_eq!(book.balance.get(), 10, "a rejected call changed the balance");
    assert_eq!(book.log.get(), 1, "a rejected call reached the implementation");
    block_on(async {
        assert_eq!(client.transfer_to("bob".into(), 4).await, Ok(6));
        let insufficient = LedgerError::Insufficient { balance: 6 };
        assert_eq!(client.transfer_to("bob".into(), 7).await, Err(CallError::App(insufficient)));
        assert_eq!(client.deposit(u32::MAX).await, Ok(6 + u64::from(u32::MAX)));
        assert_eq!(client.audit_log_size().await, Ok(3));
        assert_eq!(client.balance().await, Ok(book.balance.get()));
    });
}

/// A method whose trailing arguments are `Option`s.
#[dogen::durable]
pub trait Search {
    async fn find(&self, query: String, limit: Option<u32>, cursor: Option<String>) -> String;
    async fn lead(&self, first: Option<u32>, then: u32) -> u32;
}

struct Echo;

impl Search for Echo {
    async fn find(&self, query: String, limit: Option<u32>, cursor: Option<String>) -> String {
        format!("{query}:{limit:?}:{cursor:?}")
    }
    async fn lead(&self, first: Option<u32>, then: u32) -> u32 {
        first.unwrap_or(0) + then
    }
}

/// Callers built before a trailing `Option` argument was added leave it
/// out: it is `None`. Every other missing argument, and any extra one, is
/// refused with a message that counts them.
#[test]
fn trailing_option_arguments_may_be_left_out() {
    // serde_json adds where in the payload it stopped: pinned up to there.
    let server = SearchServer(&Echo);
    assert_eq!(raw_ok(&server, "find", r#"["q"]"#), r#""q:None:None""#);
    assert_eq!(raw_ok(&server, "find", r#"["q", 5]"#), r#""q:Some(5):None""#);
    assert_eq!(raw_ok(&server, "find", r#"["q", null, "c"]"#), r#""q:None:Some(\"c\")""#);
    let message = rejects(&server, "find", b"[]", ProtocolErrorKind::BadArguments);
    assert!(message.starts_with("bad arguments for `find`: expected 3 arguments, got 0"), "{message}");
    let message = rejects(&server, "find", br#"["q", 1, "c", 4]"#, ProtocolErrorKind::BadArguments);
    assert!(message.starts_with("bad arguments for `find`: expected 3 arguments, got 4"), "{message}");
    // Only trailing ones: a missing non-`Option` after an `Option` is refused.
    let message = rejects(&server, "lead", b"[]", ProtocolErrorKind::BadArguments);
    assert!(message.starts_with("bad arguments for `lead`: expected 2 arguments, got 0"), "{message}");
    assert_eq!(raw_ok(&server, "lead", "[null, 2]"), "2");
    futures_executor::block_on(async {
        let client = SearchClient::in_process(Box::new(Echo));
        assert_eq!(client.find("q".into(), Some(1), None).await.unwrap(), "q:Some(1):None");
    });
}

/// The bodies of `extra_arguments_are_refused_with_the_same_words_however_read`.
const EXTRA_ARGUMENTS: [&str; 9] = [
    r#"["q", 1, "c", 4]"#,
    r#"["q", 1, "c", 4, 5]"#,
    r#"["q", 1, "c", x]"#,
    r#"["q", 1, "c",]"#,
    r#"["q", 1, "c"] x"#,
    r#"["q", "one", "c", 4]"#,
    r#"["q", 1, "c", 4"#,
    r#"["q",]"#,
    r#"[5, 1, "c", 4]"#,
];

/// An extra argument is found by serde_json itself while the arguments are
/// read (see `Format::ENDS_SEQUENCES`); a call it refuses is read again, so
/// the message is word for word what checking each element gives: the
/// count, where serde_json stopped, and an error in an argument before the
/// extra ones or in what follows them, as it is.
#[test]
fn extra_arguments_are_refused_with_the_same_words_however_read() {
    let server = SearchServer(&Echo);
    let messages: Vec<String> = EXTRA_ARGUMENTS
        .iter()
        .map(|body| rejects(&server, "find", body.as_bytes(), ProtocolErrorKind::BadArguments))
        .collect();
    let expected = [
        "bad arguments for `find`: expected 3 arguments, got 4 at line 1 column 16",
        "bad arguments for `find`: expected 3 arguments, got 5 at line 1 column 19",
        "bad arguments for `find`: expected value at line 1 column 15",
        "bad arguments for `find`: trailing comma at line 1 column 14",
        "bad arguments for `find`: trailing characters at line 1 column 15",
        "bad arguments for `find`: invalid type: string \"one\", expected u32 at line 1 column 11",
        "bad arguments for `find`: EOF while parsing a list at line 1 column 15",
        "bad arguments for `find`: trailing comma at line 1 column 6",
        "bad arguments for `find`: invalid type: integer `5`, expected a string at line 1 column 2",
    ];
    assert_eq!(messages, expected);
}
