//! Round trips through the in-process transport: every value a `#[durable]`
//! method takes or returns is encoded, dispatched by wire name, decoded on
//! the other side and back, exactly as the fetch transport would carry it.
//!
//! Each module owns one trait and its implementation; the helpers here call
//! a dispatcher with a raw JSON payload so tests can pin the wire form too.

mod containers;
mod non_finite;
mod primitives;
mod protocol;
mod results;
mod serde_shapes;

use dogen::{Dispatch, Json, ProtocolError, ProtocolErrorKind, Reply};

/// Calls `method` on `server` with the raw JSON `payload`, as the fetch
/// transport would, and returns the encoded reply as text.
pub fn raw<D: Dispatch<Json>>(server: &D, method: &str, payload: &str) -> Result<Reply<String>, ProtocolError> {
    raw_bytes(server, method, payload.as_bytes())
}

/// [`raw`] for payloads that need not be UTF-8.
pub fn raw_bytes<D: Dispatch<Json>>(server: &D, method: &str, payload: &[u8]) -> Result<Reply<String>, ProtocolError> {
    let reply = futures_executor::block_on(server.dispatch(method, &payload.to_vec()))?;
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("dogen replies are JSON, so UTF-8");
    Ok(match reply {
        Reply::Ok(value) => Reply::Ok(text(value)),
        Reply::Err(error) => Reply::Err(text(error)),
    })
}

/// The reply text of a call that must succeed with a value.
#[track_caller]
pub fn raw_ok<D: Dispatch<Json>>(server: &D, method: &str, payload: &str) -> String {
    match raw(server, method, payload) {
        Ok(Reply::Ok(value)) => value,
        other => panic!("`{method}` with {payload}: expected a value, got {other:?}"),
    }
}

/// Asserts that calling `method` with `payload` is a protocol error of
/// `kind` whose message names the method, and returns the message.
#[track_caller]
pub fn rejects<D: Dispatch<Json>>(server: &D, method: &str, payload: &[u8], kind: ProtocolErrorKind) -> String {
    let shown = String::from_utf8_lossy(payload);
    match raw_bytes(server, method, payload) {
        Err(error) => {
            assert_eq!(error.kind, kind, "`{method}` with {shown}: {}", error.message);
            assert!(
                error.message.contains(&format!("`{method}`")),
                "`{method}` with {shown}: the message does not name the method: {}",
                error.message
            );
            error.message
        }
        Ok(reply) => panic!("`{method}` with {shown}: expected a {kind:?} error, got {reply:?}"),
    }
}
