//! What a call can come back with: nothing (`()`), a typed application error
//! (`Result<T, E>`), or a protocol or transport failure, each told apart in
//! [`CallError`].

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use dogen::{CallError, Json, ProtocolError, ProtocolErrorKind, Reply, Transport, TransportError};
use futures_executor::block_on;
use serde::{Deserialize, Serialize};

use crate::{raw, raw_ok};

/// The application errors of [`Store`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum StoreError {
    NotFound { key: String },
    Full(u32),
    ReadOnly,
}

/// A tiny key-value store.
#[dogen::durable]
pub trait Store {
    async fn put(&self, key: String, value: String) -> Result<(), StoreError>;
    async fn get(&self, key: &str) -> Result<String, StoreError>;
    async fn get_many(&self, keys: Vec<String>) -> Result<Vec<Option<String>>, StoreError>;
    async fn checked_div(&self, a: i32, b: i32) -> Result<i32, String>;
    async fn size(&self) -> usize;
    async fn clear(&self);
    #[allow(clippy::unused_unit)]
    async fn freeze(&self) -> ();
    async fn pairs(&self) -> BTreeMap<(u8, u8), u8>;
    async fn ratio(&self) -> f64;
}

const CAPACITY: u32 = 2;

#[derive(Default)]
struct Memory {
    entries: RefCell<BTreeMap<String, String>>,
    frozen: Cell<bool>,
}

impl Store for Memory {
    async fn put(&self, key: String, value: String) -> Result<(), StoreError> {
        if self.frozen.get() {
            return Err(StoreError::ReadOnly);
        }
        let mut entries = self.entries.borrow_mut();
        if entries.len() as u32 >= CAPACITY && !entries.contains_key(&key) {
            return Err(StoreError::Full(CAPACITY));
        }
        entries.insert(key, value);
        Ok(())
    }
    async fn get(&self, key: &str) -> Result<String, StoreError> {
        self.entries.borrow().get(key).cloned().ok_or_else(|| StoreError::NotFound { key: key.into() })
    }
    async fn get_many(&self, keys: Vec<String>) -> Result<Vec<Option<String>>, StoreError> {
        if keys.is_empty() {
            return Err(StoreError::NotFound { key: String::new() });
        }
        Ok(keys.iter().map(|k| self.entries.borrow().get(k).cloned()).collect())
    }
    async fn checked_div(&self, a: i32, b: i32) -> Result<i32, String> {
        a.checked_div(b).ok_or_else(|| format!("cannot divide {a} by {b}"))
    }
    async fn size(&self) -> usize {
        self.entries.borrow().len()
    }
    async fn clear(&self) {
        self.entries.borrow_mut().clear();
    }
    #[allow(clippy::unused_unit)]
    async fn freeze(&self) -> () {
        self.frozen.set(true);
    }
    async fn pairs(&self) -> BTreeMap<(u8, u8), u8> {
        BTreeMap::from([((1, 2), 3)])
    }
    async fn ratio(&self) -> f64 {
        f64::NAN
    }
}

#[test]
fn result_ok_and_err_paths() {
    block_on(async {
        let c = StoreClient::in_process(Box::new(Memory::default()));
        assert_eq!(c.get("a").await, Err(CallError::App(StoreError::NotFound { key: "a".into() })));
        assert_eq!(c.put("a".into(), "1".into()).await, Ok(()));
        assert_eq!(c.put("b".into(), "2".into()).await, Ok(()));
        assert_eq!(c.put("c".into(), "3".into()).await, Err(CallError::App(StoreError::Full(CAPACITY))));
        assert_eq!(c.put("a".into(), "10".into()).await, Ok(()));
        assert_eq!(c.get("a").await, Ok("10".into()));
        let keys = vec!["b".to_owned(), "zz".into()];
        assert_eq!(c.get_many(keys).await, Ok(vec![Some("2".into()), None]));
        assert_eq!(c.get_many(Vec::new()).await.unwrap_err().app(), Some(StoreError::NotFound { key: String::new() }));
        assert_eq!(c.checked_div(7, 2).await, Ok(3));
        assert_eq!(c.checked_div(1, 0).await, Err(CallError::App("cannot divide 1 by 0".into())));
        assert_eq!(c.checked_div(i32::MIN, -1).await, Err(CallError::App(format!("cannot divide {} by -1", i32::MIN))));
    });
}

#[test]
fn result_errors_travel_as_err_replies() {
    let store = Memory::default();
    let server = StoreServer(&store);
    assert_eq!(raw(&server, "get", r#"["k"]"#), Ok(Reply::Err(r#"{"NotFound":{"key":"k"}}"#.into())));
    assert_eq!(raw(&server, "put", r#"["k", "v"]"#), Ok(Reply::Ok("null".into())));
    assert_eq!(raw(&server, "get", r#"["k"]"#), Ok(Reply::Ok(r#""v""#.into())));
    assert_eq!(raw(&server, "freeze", "[]"), Ok(Reply::Ok("null".into())));
    assert_eq!(raw(&server, "put", r#"["k", "w"]"#), Ok(Reply::Err(r#""ReadOnly""#.into())));
    assert_eq!(raw(&server, "checkedDiv", "[1, 0]"), Ok(Reply::Err(r#""cannot divide 1 by 0""#.into())));
}

#[test]
fn unit_returns() {
    block_on(async {
        let store = Rc::new(Memory::default());
        let c = StoreClient::in_process(Rc::clone(&store));
        c.put("a".into(), "1".into()).await.unwrap();
        assert_eq!(c.size().await, Ok(1));
        assert_eq!(c.clear().await, Ok(()));
        assert_eq!(store.entries.borrow().len(), 0, "`clear` did not run");
        assert_eq!(c.size().await, Ok(0));
        assert!(!store.frozen.get());
        assert_eq!(c.freeze().await, Ok(()));
        assert!(store.frozen.get(), "`freeze` did not run");
        assert_eq!(c.put("b".into(), "2".into()).await, Err(CallError::App(StoreError::ReadOnly)));
    });
    let server = StoreServer(Box::new(Memory::default()));
    assert_eq!(raw_ok(&server, "clear", "[]"), "null");
}

/// A value serde_json cannot write (a map with non-string keys) is the
/// callee's `Encode` error, not a panic and not a transport failure.
#[test]
fn unencodable_values_are_an_encode_error() {
    block_on(async {
        let c = StoreClient::in_process(Box::new(Memory::default()));
        match c.pairs().await {
            Err(CallError::Protocol(e)) => {
                assert_eq!(e.kind, ProtocolErrorKind::Encode);
                assert!(e.message.contains("`pairs`"), "{}", e.message);
            }
            other => panic!("expected an encode error, got {other:?}"),
        }
        assert_eq!(c.size().await, Ok(0), "the object stops working after an encode error");
    });
}

/// NaN has no JSON form: the object answers `encode` (serde_json alone
/// would write `null`, and the caller would see a `bad_reply`).
#[test]
fn non_finite_replies_are_an_encode_error() {
    block_on(async {
        let c = StoreClient::in_process(Box::new(Memory::default()));
        match c.ratio().await {
            Err(CallError::Protocol(e)) => {
                assert_eq!(e.kind, ProtocolErrorKind::Encode);
                assert!(e.message.contains("`ratio`"), "{}", e.message);
                assert!(e.message.contains("NaN cannot be sent"), "{}", e.message);
            }
            other => panic!("expected an encode error, got {other:?}"),
        }
    });
}

/// A transport that answers every call with the same reply.
struct Scripted(Result<Reply<Vec<u8>>, CallError>);

impl Transport for Scripted {
    type Format = Json;

    async fn call(&self, _method: &'static str, _args: Vec<u8>) -> Result<Reply<Vec<u8>>, CallError> {
        self.0.clone()
    }
}

fn scripted(reply: Result<Reply<&str>, CallError>) -> StoreClient<Scripted> {
    let reply = reply.map(|r| match r {
        Reply::Ok(v) => Reply::Ok(v.as_bytes().to_vec()),
        Reply::Err(e) => Reply::Err(e.as_bytes().to_vec()),
    });
    StoreClient::new(Scripted(reply))
}

#[test]
fn transport_failures_are_kept_apart() {
    block_on(async {
        let lost = CallError::Transport(TransportError("connection reset".into()));
        let c = scripted(Err(lost.clone()));
        assert_eq!(c.size().await, Err(lost.clone()));
        assert_eq!(c.get("a").await, Err(CallError::Transport(TransportError("connection reset".into()))));
        let rejected = CallError::Protocol(ProtocolError::new(ProtocolErrorKind::UnknownMethod, "gone"));
        let c = scripted(Err(rejected));
        assert_eq!(
            c.get("a").await,
            Err(CallError::Protocol(ProtocolError::new(ProtocolErrorKind::UnknownMethod, "gone")))
        );
    });
}

#[test]
fn replies_of_the_wrong_shape_are_a_bad_reply() {
    block_on(async {
        let kind = |e: CallError<StoreError>| match e {
            CallError::Protocol(p) => Some(p.kind),
            _ => None,
        };
        // An error reply to a method that cannot fail.
        let err = scripted(Ok(Reply::Err("\"boom\""))).size().await.unwrap_err();
        assert_eq!(kind(err.widen()), Some(ProtocolErrorKind::BadReply));
        // A value of the wrong type, and an error of the wrong type.
        let c = scripted(Ok(Reply::Ok("\"three\"")));
        assert_eq!(kind(c.size().await.unwrap_err().widen()), Some(ProtocolErrorKind::BadReply));
        let c = scripted(Ok(Reply::Err("\"Exploded\"")));
        assert_eq!(c.get("a").await.map_err(kind), Err(Some(ProtocolErrorKind::BadReply)));
        // Not JSON at all.
        let c = scripted(Ok(Reply::Ok("{")));
        assert_eq!(c.get("a").await.map_err(kind), Err(Some(ProtocolErrorKind::BadReply)));
        // The well-formed answers decode.
        assert_eq!(scripted(Ok(Reply::Ok("3"))).size().await, Ok(3));
        assert_eq!(scripted(Ok(Reply::Err("\"ReadOnly\""))).get("a").await, Err(CallError::App(StoreError::ReadOnly)));
    });
}
