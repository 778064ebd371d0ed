//! The fetch wire format, independent of any HTTP library: what a request
//! looks like and how a reply maps to a status and a JSON envelope.
//!
//! `docs/protocol.md` is the specification; the `worker` module adapts this
//! to workers-rs, and tests pin it byte for byte.
//!
//! - Request: `POST /__dogen/v1/call/<wireName>`, `content-type:
//!   application/json`, body a JSON array of the arguments in order.
//! - `200 {"ok": <value>}`: the method returned a value (`null` for `()`).
//! - `200 {"err": <E>}`: the method returned its typed application error.
//! - `4xx`/`5xx {"error": {"kind": "...", "message": "..."}}`: the call
//!   could not run (see [`ProtocolErrorKind`] and [`status_of`]).

use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::dispatch::{Dispatch, Reply};
use crate::error::{CallError, ProtocolError, ProtocolErrorKind, TransportError};
use crate::format::Json;

/// The protocol version this crate speaks; it is part of every call path.
pub const VERSION: u32 = 1;

/// Every dogen path starts with this; a Durable Object's `fetch` can route
/// other paths to its own handlers.
pub const PATH_ROOT: &str = "/__dogen/";

/// The path prefix of a call, before the method's wire name.
pub const CALL_PREFIX: &str = "/__dogen/v1/call/";

/// The largest request body a server reads, in bytes: larger calls are
/// refused with `413 too_large` before anything is decoded, so one call
/// cannot take a Durable Object past its memory limit.
pub const MAX_BODY: usize = 16 * 1024 * 1024;

/// The content type of requests and replies.
pub const CONTENT_TYPE: &str = "application/json";

/// The path that calls the method with wire name `method`.
pub fn call_path(method: &str) -> String {
    format!("{CALL_PREFIX}{method}")
}

/// Whether `path` is addressed to dogen (any version).
pub fn is_dogen_path(path: &str) -> bool {
    path.starts_with(PATH_ROOT)
}

/// An HTTP reply, before any HTTP library sees it. Its content type is
/// always [`CONTENT_TYPE`]; an adapter adds `allow: POST` to a `405`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpReply {
    /// The status code.
    pub status: u16,
    /// The JSON body.
    pub body: Vec<u8>,
}

/// The status code that carries a protocol error of `kind`.
pub fn status_of(kind: ProtocolErrorKind) -> u16 {
    match kind {
        ProtocolErrorKind::UnknownMethod => 404,
        ProtocolErrorKind::BadArguments | ProtocolErrorKind::BadRequest => 400,
        ProtocolErrorKind::Encode | ProtocolErrorKind::BadReply | ProtocolErrorKind::Internal => 500,
        ProtocolErrorKind::TooLarge => 413,
    }
}

/// Serves one HTTP request addressed to dogen: checks the method and path,
/// dispatches, and builds the reply. Never panics on bad input.
pub async fn serve<D: Dispatch<Json>>(server: &D, http_method: &str, path: &str, body: &[u8]) -> HttpReply {
    let Some(method) = path.strip_prefix(CALL_PREFIX) else {
        return error_reply(&ProtocolError::new(
            ProtocolErrorKind::BadRequest,
            format!("`{path}` is not a dogen v{VERSION} call path (`{CALL_PREFIX}<method>`)"),
        ));
    };
    if !http_method.eq_ignore_ascii_case("POST") {
        let mut reply = error_reply(&ProtocolError::new(
            ProtocolErrorKind::BadRequest,
            format!("dogen calls use POST, not {http_method}"),
        ));
        reply.status = 405;
        return reply;
    }
    match server.dispatch(method, &body.to_vec()).await {
        Ok(Reply::Ok(value)) => envelope("ok", &value),
        Ok(Reply::Err(error)) => envelope("err", &error),
        Err(error) => error_reply(&error),
    }
}

fn envelope(key: &str, value: &[u8]) -> HttpReply {
    let mut body = Vec::with_capacity(value.len() + key.len() + 5);
    body.extend_from_slice(b"{\"");
    body.extend_from_slice(key.as_bytes());
    body.extend_from_slice(b"\":");
    body.extend_from_slice(value);
    body.push(b'}');
    HttpReply { status: 200, body }
}

/// The reply that carries `error`.
pub fn error_reply(error: &ProtocolError) -> HttpReply {
    let body = serde_json::to_vec(&serde_json::json!({ "error": error })).expect("a protocol error always encodes");
    HttpReply { status: status_of(error.kind), body }
}

/// Reads a reply on the client side: the method's value or error, still
/// encoded, or the call's failure.
pub fn read_reply(status: u16, body: &[u8]) -> Result<Reply<Vec<u8>>, CallError> {
    let fields: BTreeMap<String, Box<RawValue>> = serde_json::from_slice(body)
        .map_err(|e| TransportError(format!("status {status}: the reply is not a dogen envelope: {e}")))?;
    let field = |name: &str| fields.get(name).map(|raw| raw.get().as_bytes().to_vec());
    match (status, field("ok"), field("err"), fields.get("error")) {
        (200, Some(value), None, None) => Ok(Reply::Ok(value)),
        (200, None, Some(error), None) => Ok(Reply::Err(error)),
        (_, None, None, Some(error)) if status != 200 => {
            let error: ProtocolError = serde_json::from_str(error.get())
                .map_err(|e| TransportError(format!("status {status}: malformed protocol error: {e}")))?;
            Err(CallError::from(error))
        }
        _ => Err(CallError::Transport(TransportError(format!("status {status}: the reply is not a dogen envelope")))),
    }
}
