//! The fetch wire format of `docs/protocol.md`, pinned byte for byte
//! through `dogen::protocol::{serve, read_reply}`, and a typed client
//! driven over that HTTP mapping without workerd.

// The tests, by topic, in `protocol/` (a crate root's `mod x;` looks in
// `tests/tests/`, beside it, so each needs its `#[path]`).
#[path = "protocol/arguments.rs"]
mod arguments;
#[path = "protocol/client.rs"]
mod client;
#[path = "protocol/failures.rs"]
mod failures;
#[path = "protocol/limits.rs"]
mod limits;
#[path = "protocol/read_reply.rs"]
mod read_reply;
#[path = "protocol/replies.rs"]
mod replies;
#[path = "protocol/routing.rs"]
mod routing;

use std::cell::Cell;
use std::collections::BTreeMap;

use dogen::protocol::{self, HttpReply};
use dogen::{CallError, Failure, Fallible};
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
