//! workers-rs glue (feature `worker`): a [`Transport`] over a Durable
//! Object [`Stub`], and [`serve`], which answers those calls from a
//! `DurableObject::fetch`.
//!
//! ```ignore
//! // In the Durable Object:
//! async fn fetch(&self, req: Request) -> Result<Response> {
//!     dogen::worker::serve(&CounterServer(&self.counter), req).await
//! }
//! // In a Worker:
//! let counter = CounterClient::new(FetchTransport::by_name(&env, "COUNTER", "a")?);
//! let value = counter.increment(5).await?;
//! ```

use worker::{Env, Headers, Method, Request, RequestInit, Response, Stub};

use crate::dispatch::{Dispatch, Reply};
use crate::error::{CallError, TransportError};
use crate::format::Json;
use crate::protocol;
use crate::transport::{Client, Transport};

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

    /// The stub this transport calls.
    pub fn stub(&self) -> &Stub {
        &self.stub
    }
}

impl Transport for FetchTransport {
    type Format = Json;

    async fn call(&self, method: &'static str, args: Vec<u8>) -> Result<Reply<Vec<u8>>, CallError> {
        let lost = |e: worker::Error| CallError::Transport(TransportError(e.to_string()));
        let headers = Headers::new();
        headers.set("content-type", protocol::CONTENT_TYPE).map_err(lost)?;
        let mut init = RequestInit::new();
        init.with_method(Method::Post)
            .with_headers(headers)
            .with_body(Some(worker::js_sys::Uint8Array::from(args.as_slice()).into()));
        let url = format!("https://dogen.internal{}", protocol::call_path(method));
        let request = Request::new_with_init(&url, &init).map_err(lost)?;
        let mut response = self.stub.fetch_with_request(request).await.map_err(lost)?;
        let body = response.bytes().await.map_err(lost)?;
        protocol::read_reply(response.status_code(), &body)
    }
}

/// Whether `req` is a dogen call, so a `fetch` handler can serve its own
/// routes beside it.
pub fn is_call(req: &Request) -> bool {
    req.path().starts_with(protocol::PATH_ROOT)
}

/// Answers a dogen call made through [`FetchTransport`].
pub async fn serve<D: Dispatch<Json>>(server: &D, mut req: Request) -> worker::Result<Response> {
    let body = req.bytes().await?;
    let method = req.method().to_string();
    let reply = protocol::serve(server, &method, &req.path(), &body).await;
    let headers = Headers::new();
    headers.set("content-type", protocol::CONTENT_TYPE)?;
    Ok(Response::from_bytes(reply.body)?.with_status(reply.status).with_headers(headers))
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
