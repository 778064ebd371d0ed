//! workers-rs glue (feature `worker`): a [`Transport`] over a Durable
//! Object [`Stub`], and [`serve`], which answers those calls from a
//! `DurableObject::fetch`. The wire format is [`crate::protocol`]'s,
//! specified in `docs/protocol.md`.
//!
//! ```ignore
//! // In the Durable Object:
//! async fn fetch(&self, req: Request) -> Result<Response> {
//!     if !dogen::worker::is_call(&req) {
//!         return Response::error("Not Found", 404); // or the object's own routes
//!     }
//!     dogen::worker::serve(&CounterServer(&self.counter), req).await
//! }
//! // In a Worker:
//! let counter: CounterClient<_> = dogen::worker::client(&env, "a")?;
//! let value = counter.increment(5).await?;
//! ```

use worker::js_sys::Uint8Array;
use worker::wasm_bindgen::JsValue;
use worker::{Env, Request, Response, ResponseBuilder, Stub, web_sys};

use crate::dispatch::{Dispatch, Reply};
use crate::error::{CallError, ProtocolError, ProtocolErrorKind, TransportError};
use crate::format::Json;
use crate::protocol;
use crate::transport::{Client, Transport};

/// The origin of the URLs [`FetchTransport`] requests. A stub delivers
/// every request to its object whatever the host; only the path matters.
pub const CALL_ORIGIN: &str = "https://dogen.internal";

/// Calls a Durable Object through `stub.fetch`, in the wire format of
/// `docs/protocol.md`.
#[derive(Debug)]
pub struct FetchTransport {
    stub: Stub,
}

impl FetchTransport {
    /// A transport over `stub`.
    pub fn new(stub: Stub) -> Self {
        FetchTransport { stub }
    }

    /// A transport to the object named `name` in the namespace bound as
    /// `binding`.
    pub fn by_name(env: &Env, binding: &str, name: &str) -> worker::Result<Self> {
        Ok(FetchTransport::new(env.durable_object(binding)?.get_by_name(name)?))
    }

    /// The stub this transport calls, for requests of the object's own.
    pub fn stub(&self) -> &Stub {
        &self.stub
    }

    /// Gives the stub back.
    pub fn into_stub(self) -> Stub {
        self.stub
    }
}

impl Transport for FetchTransport {
    type Format = Json;

    async fn call(&self, method: &'static str, args: Vec<u8>) -> Result<Reply<Vec<u8>>, CallError> {
        let lost = |e: worker::Error| CallError::Transport(TransportError(e.to_string()));
        // The request is built with web-sys's own types: workers-rs's
        // `RequestInit` converts every option it has (`cf` among them) on
        // the way, which costs a Worker that calls an object about 10 KB of
        // wasm for a request that sets three.
        let js = |e: JsValue| lost(worker::Error::from(e));
        let headers = web_sys::Headers::new().map_err(js)?;
        headers.set("content-type", protocol::CONTENT_TYPE).map_err(js)?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_headers(&headers);
        init.set_body(&Uint8Array::from(args.as_slice()));
        let url = format!("{CALL_ORIGIN}{}", protocol::call_path(method));
        let request = web_sys::Request::new_with_str_and_init(&url, &init).map_err(js)?;
        let response = self.stub.fetch_with_request(Request::from(request)).await.map_err(lost)?;
        let response = web_sys::Response::from(response);
        let status = response.status();
        let body = whole_body(response.array_buffer()).await.map_err(js)?;
        protocol::read_reply(status, &body)
    }
}

/// A whole body, given the promise of its `ArrayBuffer` (a request's or a
/// response's `array_buffer()`): a call and its reply are small and
/// complete, and workers-rs's `Response::bytes`, which gathers a stream
/// chunk by chunk, costs several KB more of wasm.
async fn whole_body(buffer: Result<worker::js_sys::Promise, JsValue>) -> Result<Vec<u8>, JsValue> {
    let buffer = worker::wasm_bindgen_futures::JsFuture::from(buffer?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Whether `req` is addressed to dogen (its path starts with
/// [`protocol::PATH_ROOT`]), so a `fetch` handler can serve its own routes
/// beside dogen's. Every such request belongs to [`serve`], which answers
/// the ones it cannot run with a protocol error.
pub fn is_call(req: &Request) -> bool {
    protocol::is_dogen_path(&req.path())
}

/// Answers a dogen call made through [`FetchTransport`] (or any client that
/// speaks `docs/protocol.md`).
///
/// Every reply is a dogen envelope with content type
/// [`protocol::CONTENT_TYPE`], including a body that cannot be read
/// (`400 bad_request`); a `405` also carries `allow: POST`. Always `Ok`:
/// the `Result` is the one a `fetch` handler returns.
pub async fn serve<D: Dispatch<Json>>(server: &D, req: Request) -> worker::Result<Response> {
    let raw = req.inner();
    // The method as sent: workers-rs reads a method it does not know as GET.
    let method = raw.method();
    let path = req.path();
    let content_length = raw.headers().get("content-length").ok().flatten().and_then(|length| declared_length(&length));
    // Path, method and declared size are checked before the body is read.
    let reply = match protocol::refuse_head(&method, &path, content_length) {
        Some(reply) => reply,
        None => {
            // A panic in the call answers it with the `internal` error: the
            // entry module knows the call by its request.
            let token = JsValue::from(raw);
            match whole_body(raw.array_buffer()).await {
                // Path and method passed above; the length is checked
                // again now that it is known.
                Ok(body) => match protocol::body_too_large(Some(body.len() as u64)) {
                    Some(reply) => reply,
                    None => crate::rpc::guard::guarded(token, protocol::answer(server, &path, body)).await,
                },
                Err(e) => protocol::error_reply(&ProtocolError::new(
                    ProtocolErrorKind::BadRequest,
                    format!(
                        "cannot read the body of the call to `{}`: {}",
                        protocol::quote(&path),
                        worker::Error::from(e)
                    ),
                )),
            }
        }
    };
    let response = ResponseBuilder::new().with_status(reply.status).fixed(reply.body);
    // Set on the response's own headers, with web-sys's `set`: names and
    // values that are constant and valid cannot fail, and there is no
    // error path to compile for them.
    let headers = &response.headers().0;
    let _ = headers.set("content-type", protocol::CONTENT_TYPE);
    if reply.status == 405 {
        let _ = headers.set("allow", "POST");
    }
    Ok(response)
}

/// The length a `content-length` header declares: its digits, between
/// optional spaces. `None` for anything else, or for a number beyond `u64`:
/// the body is then measured once read. (By hand: `str::trim` and
/// `str::parse` cost an object about 1 KB of wasm, for a few digits.)
fn declared_length(text: &str) -> Option<u64> {
    match protocol::decimal(text.trim_ascii().as_bytes()) {
        (length, []) => length,
        _ => None,
    }
}

/// A typed client for the object named `name`, through the binding the
/// client's trait declares.
///
/// ```ignore
/// let counter: CounterClient<_> = dogen::worker::client(&env, "a")?;
/// ```
pub fn client<C: Client<FetchTransport>>(env: &Env, name: &str) -> worker::Result<C> {
    Ok(C::from_transport(FetchTransport::by_name(env, C::BINDING, name)?))
}

#[cfg(test)]
mod tests {
    use super::declared_length;

    #[test]
    fn a_declared_length_is_its_digits_or_nothing() {
        assert_eq!(declared_length("0"), Some(0));
        assert_eq!(declared_length("17"), Some(17));
        assert_eq!(declared_length(" 16777217\t"), Some(16_777_217));
        assert_eq!(declared_length("007"), Some(7));
        assert_eq!(declared_length("18446744073709551615"), Some(u64::MAX));
        for unknown in ["", "  ", "18446744073709551616", "+5", "-1", "1 2", "0x10", "12a", "\u{a0}5"] {
            assert_eq!(declared_length(unknown), None, "{unknown:?}");
        }
    }
}
