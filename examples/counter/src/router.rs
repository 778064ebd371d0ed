//! The Worker (wasm build only): routes each request to the counter it
//! names, through the typed `CounterClient` over the fetch transport.
//!
//! - `GET|POST /:name/increment[?by=N]` → the new value (`N` defaults to 1)
//! - `GET|POST /:name/decrement[?by=N]` → the new value
//! - `GET /:name` → the value
//! - `GET /:name/hello` → the object's own `/hello` route
//!
//! Values are answered as JSON numbers.

use dogen::CallError;
use dogen::worker::FetchTransport;
use worker::{Context, Env, Request, Response, Result, RouteContext, Router, event};

use crate::CounterClient;

/// What `GET /` answers.
const USAGE: &str = "GET|POST /:name/increment?by=N, GET|POST /:name/decrement?by=N, GET /:name, GET /:name/hello\n";

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    Router::new()
        .get("/", |_, _| Response::ok(USAGE))
        .get_async("/:name", value)
        .get_async("/:name/increment", increment)
        .post_async("/:name/increment", increment)
        .get_async("/:name/decrement", decrement)
        .post_async("/:name/decrement", decrement)
        .get_async("/:name/hello", hello)
        .run(req, env)
        .await
}

async fn value(_req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let counter = counter(&ctx)?;
    reply(counter.get_counter_value().await)
}

async fn increment(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let amount = match amount(&req)? {
        Ok(amount) => amount,
        Err(refusal) => return refusal,
    };
    reply(counter(&ctx)?.increment(amount).await)
}

async fn decrement(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let amount = match amount(&req)? {
        Ok(amount) => amount,
        Err(refusal) => return refusal,
    };
    reply(counter(&ctx)?.decrement(amount).await)
}

/// Forwards to the object's own route, beside its dogen calls.
async fn hello(_req: Request, ctx: RouteContext<()>) -> Result<Response> {
    counter(&ctx)?.transport().stub().fetch_with_str("https://counter/hello").await
}

/// The client for the counter the path names.
fn counter(ctx: &RouteContext<()>) -> Result<CounterClient<FetchTransport>> {
    let name = ctx.param("name").ok_or_else(|| worker::Error::RustError("the route has no `:name`".into()))?;
    dogen::worker::client(&ctx.env, name)
}

/// `?by=N`, 1 if absent; a `400` response if `N` is not an integer.
fn amount(req: &Request) -> Result<std::result::Result<i64, Result<Response>>> {
    let url = req.url()?;
    let Some((_, by)) = url.query_pairs().find(|(key, _)| key == "by") else { return Ok(Ok(1)) };
    Ok(by.parse().map_err(|_| Response::error(format!("`by` must be an integer, not `{by}`"), 400)))
}

/// The value as JSON, or a `502` saying why the counter did not answer.
fn reply(result: std::result::Result<i64, CallError>) -> Result<Response> {
    match result {
        Ok(value) => Response::from_json(&value),
        Err(e) => Response::error(format!("the counter did not answer: {e}"), 502),
    }
}
