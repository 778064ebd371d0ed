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

use std::borrow::Cow;
use std::fmt;

use crate::dispatch::{Dispatch, Reply};
use crate::error::{CallError, ProtocolError, ProtocolErrorKind, TransportError};
use crate::format::Json;
use crate::json;

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

/// The most bytes of any one piece of text a protocol error message quotes
/// from outside: a method name or path from the request, serde's message
/// (which quotes the offending value: `invalid type: string "…"`), a
/// failure's text. A longer piece keeps its first and last bytes around a
/// marker, `…(N bytes omitted)…`, cut on character boundaries.
pub const MAX_QUOTE: usize = 256;

/// The most bytes of a whole protocol error message, on either side: a
/// message dogen writes, or one a client reads from a reply. Longer ones
/// are shortened like a quote (see [`MAX_QUOTE`]).
pub const MAX_MESSAGE: usize = 1024;

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

/// Serves one HTTP request addressed to dogen: checks the path, the HTTP
/// method, the body's size and the method's wire name, then dispatches and
/// builds the reply. Never panics on bad input.
///
/// `body` is copied once for the dispatcher; [`serve_owned`] takes it by
/// value instead.
pub async fn serve<D: Dispatch<Json>>(server: &D, http_method: &str, path: &str, body: &[u8]) -> HttpReply {
    if let Some(reply) = refuse_head(http_method, path, Some(body.len() as u64)) {
        return reply;
    }
    answer(server, path, body.to_vec()).await
}

/// [`serve`], for a body the caller owns: it is dispatched without a copy.
pub async fn serve_owned<D: Dispatch<Json>>(server: &D, http_method: &str, path: &str, body: Vec<u8>) -> HttpReply {
    if let Some(reply) = refuse_head(http_method, path, Some(body.len() as u64)) {
        return reply;
    }
    answer(server, path, body).await
}

/// Dispatches a request that passed [`refuse_head`] with its body's
/// length.
pub(crate) async fn answer<D: Dispatch<Json>>(server: &D, path: &str, body: Vec<u8>) -> HttpReply {
    let method = path.strip_prefix(CALL_PREFIX).unwrap_or_default();
    match server.dispatch(method, &body).await {
        Ok(Reply::Ok(value)) => envelope("ok", value),
        Ok(Reply::Err(error)) => envelope("err", error),
        Err(error) => error_reply(&error),
    }
}

/// The reply that refuses a request from its head alone, before its body
/// is read: a path that is not a call path (`400`), an HTTP method other
/// than exactly `POST` (`405`), or a body declared larger than
/// [`MAX_BODY`] (`413`), checked in that order. `None`: the body is needed.
///
/// An HTTP adapter calls this with the request's `Content-Length` before
/// reading the body (see [`body_too_large`]); [`serve`] calls it with the
/// body's actual length.
pub fn refuse_head(http_method: &str, path: &str, content_length: Option<u64>) -> Option<HttpReply> {
    if !path.starts_with(CALL_PREFIX) {
        return Some(error_reply(&ProtocolError::new(
            ProtocolErrorKind::BadRequest,
            format!("`{}` is not a dogen v{VERSION} call path (`{CALL_PREFIX}<method>`)", quote(path)),
        )));
    }
    // Exactly `POST`: fetch normalizes the case of the methods it knows,
    // so a `post` that arrives was sent as written.
    if http_method != "POST" {
        let mut reply = error_reply(&ProtocolError::new(
            ProtocolErrorKind::BadRequest,
            format!("dogen calls use POST, not {}", quote(http_method)),
        ));
        reply.status = 405;
        return Some(reply);
    }
    body_too_large(content_length)
}

/// The `413 too_large` reply for a body of `content_length` bytes, if that
/// is more than [`MAX_BODY`]. `None` when the length is unknown (the body
/// is then measured once read) or within the limit.
pub fn body_too_large(content_length: Option<u64>) -> Option<HttpReply> {
    match content_length {
        Some(length) if length > MAX_BODY as u64 => Some(error_reply(&ProtocolError::new(
            ProtocolErrorKind::TooLarge,
            format!("the body of a dogen call is at most {MAX_BODY} bytes; this one has {length}"),
        ))),
        _ => None,
    }
}

/// `{"<key>":<value>}`, built around `value` where it lies: a large
/// reply is not copied.
fn envelope(key: &str, mut value: Vec<u8>) -> HttpReply {
    // `{"` key `":` in front of the value, moved up in place: the value
    // grows by the head's length, and the head is written over its front.
    let len = value.len();
    let head = key.len() + 4;
    value.reserve(head + 1);
    value.extend_from_slice(b"{\"\":");
    value.extend_from_slice(key.as_bytes());
    value.copy_within(..len, head);
    value[..2].copy_from_slice(b"{\"");
    value[2..head - 2].copy_from_slice(key.as_bytes());
    value[head - 2..head].copy_from_slice(b"\":");
    value.push(b'}');
    HttpReply { status: 200, body: value }
}

/// The reply that carries `error`, its message shortened to
/// [`MAX_MESSAGE`].
pub fn error_reply(error: &ProtocolError) -> HttpReply {
    // `{"error":{"kind":"<kind>","message":<message>}}`, as serde_json
    // writes the struct, without compiling a struct serializer for it.
    let message = shorten(&error.message, MAX_MESSAGE);
    let kind = kind_name(error.kind);
    let mut body = Vec::with_capacity(message.len() + kind.len() + 40);
    body.extend_from_slice(b"{\"error\":{\"kind\":\"");
    body.extend_from_slice(kind.as_bytes());
    body.extend_from_slice(b"\",\"message\":");
    // Writing a string into a `Vec` cannot fail.
    let _ = serde_json::to_writer(&mut body, &*message);
    body.extend_from_slice(b"}}");
    HttpReply { status: status_of(error.kind), body }
}

/// The wire name of `kind`, as its `Serialize` writes it.
fn kind_name(kind: ProtocolErrorKind) -> &'static str {
    match kind {
        ProtocolErrorKind::UnknownMethod => "unknown_method",
        ProtocolErrorKind::BadArguments => "bad_arguments",
        ProtocolErrorKind::Encode => "encode",
        ProtocolErrorKind::BadReply => "bad_reply",
        ProtocolErrorKind::BadRequest => "bad_request",
        ProtocolErrorKind::TooLarge => "too_large",
        ProtocolErrorKind::Internal => "internal",
    }
}

/// Reads a reply on the client side: the method's value or error, still
/// encoded (the bytes of the body that hold it), or the call's failure.
///
/// The body must be UTF-8 and a JSON object; of its keys `ok`, `err` and
/// `error` exactly one is present, once, and it goes with the status.
/// Messages are shortened to [`MAX_MESSAGE`].
pub fn read_reply(status: u16, body: &[u8]) -> Result<Reply<Vec<u8>>, CallError> {
    let not_envelope = |why: &dyn fmt::Display| {
        let why = shorten_display(why, MAX_QUOTE);
        CallError::Transport(TransportError(format!("status {status}: the reply is not a dogen envelope: {why}")))
    };
    let text = std::str::from_utf8(body)
        .map_err(|e| not_envelope(&format_args!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
    let envelope = read_envelope(text).map_err(|e| not_envelope(&e))?;
    match (status, envelope) {
        (200, Envelope::Ok(value)) => Ok(Reply::Ok(value.as_bytes().to_vec())),
        (200, Envelope::Err(error)) => Ok(Reply::Err(error.as_bytes().to_vec())),
        (200, Envelope::Error(_)) => Err(not_envelope(&"`error` with status 200")),
        (_, Envelope::Error(error)) => {
            // The reader's message is already shortened to `MAX_QUOTE`.
            let mut error = read_error(error).map_err(|why| {
                CallError::Transport(TransportError(format!("status {status}: malformed protocol error: {why}")))
            })?;
            if error.message.len() > MAX_MESSAGE {
                error.message = shorten(&error.message, MAX_MESSAGE).into_owned();
            }
            Err(CallError::from(error))
        }
        (_, Envelope::Ok(_) | Envelope::Err(_)) => Err(not_envelope(&format_args!("a value with status {status}"))),
    }
}

/// A reply body: which one of the three keys it has, and its value's text.
enum Envelope<'a> {
    Ok(&'a str),
    Err(&'a str),
    Error(&'a str),
}

impl Envelope<'_> {
    fn key(&self) -> &'static str {
        match self {
            Envelope::Ok(_) => "ok",
            Envelope::Err(_) => "err",
            Envelope::Error(_) => "error",
        }
    }
}

/// The envelope `text` holds: an object with one of the three keys, once
/// (escaped or not); other keys are passed over. Read with
/// [`json::Object`](crate::json::Object), in serde_json's words.
fn read_envelope(text: &str) -> Result<Envelope<'_>, String> {
    let mut object = json::Object::open(text, "an object with one of `ok`, `err` or `error`")?;
    match envelope_entries(&mut object) {
        Ok(envelope) => object.close().map(|()| envelope),
        Err(e) => Err(object.fail(e)),
    }
}

fn envelope_entries<'a>(object: &mut json::Object<'a>) -> json::Result<Envelope<'a>> {
    let mut found: Option<Envelope<'a>> = None;
    loop {
        let make = match object.key()? {
            None => break,
            Some("ok") => Envelope::Ok,
            Some("err") => Envelope::Err,
            Some("error") => Envelope::Error,
            Some(_) => {
                object.skip()?;
                continue;
            }
        };
        let value = make(object.raw()?);
        if let Some(first) = &found {
            return Err(json::Object::error(format!("both `{}` and `{}`", first.key(), value.key())));
        }
        found = Some(value);
    }
    found.ok_or_else(|| json::Object::error("none of `ok`, `err` or `error`".to_owned()))
}

/// The `error` of a reply: `{"kind": "...", "message": "..."}`, each key
/// once, other keys passed over. Read by hand rather than through
/// `ProtocolError`'s derived `Deserialize`, as [`error_reply`] writes it by
/// hand: the derive compiles a JSON enum reader and a variant visitor into
/// every client's wasm, for one string.
fn read_error(text: &str) -> Result<ProtocolError, String> {
    let mut object = json::Object::open(text, "an object with `kind` and `message`")?;
    match error_entries(&mut object) {
        Ok(error) => object.close().map(|()| error),
        Err(e) => Err(object.fail(e)),
    }
}

fn error_entries(object: &mut json::Object<'_>) -> json::Result<ProtocolError> {
    let (mut kind, mut message) = (None, None);
    while let Some(key) = object.key()? {
        match key {
            "kind" if kind.is_some() => return Err(json::Object::error(duplicate("kind"))),
            "kind" => {
                let name = object.string()?;
                match kind_named(name) {
                    Ok(named) => kind = Some(named),
                    Err(why) => return Err(object.refuse(why)),
                }
            }
            "message" if message.is_some() => return Err(json::Object::error(duplicate("message"))),
            "message" => message = Some(object.string()?.to_owned()),
            _ => object.skip()?,
        }
    }
    match (kind, message) {
        (Some(kind), Some(message)) => Ok(ProtocolError { kind, message }),
        (None, _) => Err(json::Object::error(missing("kind"))),
        (_, None) => Err(json::Object::error(missing("message"))),
    }
}

/// serde's words for a key given twice.
#[cold]
fn duplicate(field: &str) -> String {
    format!("duplicate field `{field}`")
}

/// serde's words for a key not given.
#[cold]
fn missing(field: &str) -> String {
    format!("missing field `{field}`")
}

/// The kind named `name` on the wire: the inverse of [`kind_name`].
fn kind_named(name: &str) -> Result<ProtocolErrorKind, String> {
    // A table rather than a `match` on strings: smaller in a client's wasm.
    KINDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, kind)| kind)
        .ok_or_else(|| format!("unknown kind `{}`", quote(name)))
}

/// Every kind with its wire name, for [`kind_named`].
const KINDS: [(&str, ProtocolErrorKind); 7] = [
    ("unknown_method", ProtocolErrorKind::UnknownMethod),
    ("bad_arguments", ProtocolErrorKind::BadArguments),
    ("encode", ProtocolErrorKind::Encode),
    ("bad_reply", ProtocolErrorKind::BadReply),
    ("bad_request", ProtocolErrorKind::BadRequest),
    ("too_large", ProtocolErrorKind::TooLarge),
    ("internal", ProtocolErrorKind::Internal),
];

/// `text`, or if it is longer than `max` bytes, its first and last bytes
/// around `…(N bytes omitted)…`, at most `max` bytes in all, cut on
/// character boundaries.
pub(crate) fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    let mut short = Shortened::new(max);
    short.push(text);
    Cow::Owned(short.finish())
}

/// A quoted piece of a message: [`shorten`] to [`MAX_QUOTE`].
pub(crate) fn quote(text: &str) -> Cow<'_, str> {
    shorten(text, MAX_QUOTE)
}

/// [`shorten`] for text still to be written: it is shortened as it is
/// written, so a long one is never held whole.
pub(crate) fn shorten_display(text: &dyn fmt::Display, max: usize) -> String {
    let mut short = Shortened::new(max);
    // Writing into a `Shortened` cannot fail; a `Display` that fails
    // leaves what it wrote.
    let _ = fmt::write(&mut short, format_args!("{text}"));
    short.finish()
}

/// The longest marker: two `…` of 3 bytes, 20 digits, and
/// `( bytes omitted)`.
const MARKER: usize = 42;

/// Text written piece by piece, keeping what [`shorten`] keeps: the first
/// `max` bytes while it fits, then its head and a window on its tail.
struct Shortened {
    max: usize,
    /// The first bytes, up to `max`.
    head: String,
    /// What followed, its front dropped as it grows.
    tail: String,
    /// Bytes written in all.
    total: usize,
}

impl Shortened {
    fn new(max: usize) -> Self {
        Shortened { max, head: String::new(), tail: String::new(), total: 0 }
    }

    /// The bytes kept from the start and from the end once it does not fit.
    fn budget(&self) -> (usize, usize) {
        let budget = self.max.saturating_sub(MARKER);
        (budget * 3 / 4, budget - budget * 3 / 4)
    }

    fn push(&mut self, mut s: &str) {
        self.total += s.len();
        if self.tail.is_empty() && self.head.len() < self.max {
            let room = floor(s, (self.max - self.head.len()).min(s.len()));
            self.head.push_str(s.get(..room).unwrap_or_default());
            s = s.get(room..).unwrap_or_default();
        }
        // Of the rest, a window on the end, never a copy of all of it.
        let (_, keep) = self.budget();
        let window = 2 * keep + 8;
        if s.len() >= window {
            self.tail.clear();
            s = s.get(ceil(s, s.len() - window)..).unwrap_or_default();
        }
        self.tail.push_str(s);
        if self.tail.len() > 2 * window {
            let cut = ceil(&self.tail, self.tail.len() - window);
            self.tail.drain(..cut);
        }
    }

    fn finish(self) -> String {
        if self.total <= self.max {
            return self.head;
        }
        let (head_len, tail_len) = self.budget();
        let head_end = floor(&self.head, head_len.min(self.head.len()));
        let (head, rest) = self.head.split_at(head_end);
        // The last `tail_len` bytes of everything after the head.
        let after = [rest, self.tail.as_str()].concat();
        let tail = after.get(ceil(&after, after.len().saturating_sub(tail_len))..).unwrap_or_default();
        let omitted = self.total - head_end - tail.len();
        format!("{head}…({omitted} bytes omitted)…{tail}")
    }
}

impl fmt::Write for Shortened {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push(s);
        Ok(())
    }
}

/// The decimal number `bytes` starts with (`None` without a digit, or if
/// it overflows a `u64`), and what follows it. By hand: `str::parse`
/// costs a Worker about half a KB of wasm, for a few digits.
pub(crate) fn decimal(bytes: &[u8]) -> (Option<u64>, &[u8]) {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let (digits, rest) = bytes.split_at(digits);
    let value = digits.iter().try_fold(0u64, |n, &d| n.checked_mul(10)?.checked_add(u64::from(d - b'0')));
    (value.filter(|_| !digits.is_empty()), rest)
}

/// The char boundary of `s` at or before `at` (at most its length).
fn floor(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The char boundary of `s` at or after `at` (at most its length).
fn ceil(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_read_by_the_name_it_is_written_with() {
        for (name, kind) in KINDS {
            assert_eq!(kind_name(kind), name);
            assert_eq!(kind_named(name), Ok(kind));
            assert_eq!(KINDS.iter().filter(|(_, k)| *k == kind).count(), 1);
        }
        // Every kind has its entry. The `match` lists them so that a new
        // kind does not compile until it is listed here too.
        let each = |kind: ProtocolErrorKind| match kind {
            ProtocolErrorKind::UnknownMethod
            | ProtocolErrorKind::BadArguments
            | ProtocolErrorKind::Encode
            | ProtocolErrorKind::BadReply
            | ProtocolErrorKind::BadRequest
            | ProtocolErrorKind::TooLarge
            | ProtocolErrorKind::Internal => kind,
        };
        assert_eq!(KINDS.len(), 7);
        assert!(KINDS.iter().all(|&(_, kind)| each(kind) == kind));
    }

    #[test]
    fn envelope_wraps_the_value() {
        for value in ["", "1", "null", "{\"a\":[1,2,3]}", &"\"x\"".repeat(100)] {
            for key in ["ok", "err"] {
                let reply = envelope(key, value.as_bytes().to_vec());
                assert_eq!(reply.status, 200);
                assert_eq!(String::from_utf8(reply.body).unwrap(), format!("{{\"{key}\":{value}}}"));
            }
        }
    }

    #[test]
    fn error_reply_is_the_serialized_envelope() {
        // The struct `error_reply` once serialized; the bytes must not change.
        #[derive(serde::Serialize)]
        struct Body<'a> {
            error: Wire<'a>,
        }
        #[derive(serde::Serialize)]
        struct Wire<'a> {
            kind: ProtocolErrorKind,
            message: &'a str,
        }
        use ProtocolErrorKind::*;
        let kinds = [UnknownMethod, BadArguments, Encode, BadReply, BadRequest, TooLarge, Internal];
        for kind in kinds {
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind_name(kind)));
            for message in ["", "plain", "quote \" back\\slash \u{1} é💡", &"x".repeat(2000)] {
                let error = ProtocolError::new(kind, message);
                let expected =
                    serde_json::to_vec(&Body { error: Wire { kind, message: &shorten(message, MAX_MESSAGE) } })
                        .unwrap();
                let reply = error_reply(&error);
                assert_eq!(String::from_utf8(reply.body).unwrap(), String::from_utf8(expected).unwrap());
                assert_eq!(reply.status, status_of(kind));
            }
        }
    }

    #[test]
    fn shortened_in_pieces_is_shortened_whole() {
        let texts = [
            String::new(),
            "short".into(),
            "a".repeat(256),
            "a".repeat(257),
            "€".repeat(400),
            format!("{}{}", "x".repeat(500), "y".repeat(500)),
            "é💡a".repeat(5000),
            "ab".repeat(100_000),
        ];
        for text in &texts {
            for max in [0usize, 10, 42, 43, 100, 256, 1024] {
                let whole = {
                    let budget = max.saturating_sub(MARKER);
                    if text.len() <= max {
                        text.clone()
                    } else {
                        let mut head = budget * 3 / 4;
                        while !text.is_char_boundary(head) {
                            head -= 1;
                        }
                        let mut tail = text.len() - (budget - budget * 3 / 4);
                        while !text.is_char_boundary(tail) {
                            tail += 1;
                        }
                        format!("{}…({} bytes omitted)…{}", &text[..head], tail - head, &text[tail..])
                    }
                };
                assert_eq!(shorten(text, max), whole, "max {max}");
                for piece in [1, 3, 7, 100, 4096] {
                    let mut short = Shortened::new(max);
                    let mut rest = text.as_str();
                    while !rest.is_empty() {
                        let mut at = piece.min(rest.len());
                        while !rest.is_char_boundary(at) {
                            at += 1;
                        }
                        short.push(&rest[..at]);
                        rest = &rest[at..];
                    }
                    assert_eq!(short.finish(), whole, "max {max}, pieces of {piece}");
                }
                assert!(shorten(text, max).len() <= max.max(MARKER), "max {max}");
            }
        }
    }
}
