//! The Worker: the limiter as a workers-rs Durable Object, answering native
//! RPC (through `#[dogen::object]`) and dogen fetch calls, and a Worker
//! that reaches it through the generated Rust client.

use serde::Serialize;
use serde::de::DeserializeOwned;
use worker::{Env, Request, Response, Result, RouteContext, Router, State, durable_object, event};

use crate::store::Store;
use crate::{Limiter, LimitsClient, LimitsServer};

/// Durable Object storage as a [`Store`].
pub struct DoStore(worker::Storage);

impl Store for DoStore {
    async fn get<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        self.0.get(key).await.ok().flatten()
    }

    async fn put<T: Serialize>(&self, key: &str, value: &T) {
        if let Err(error) = self.0.put(key, value).await {
            worker::console_error!("storage put `{key}` failed: {error}");
        }
    }
}

/// The Durable Object class (`RateLimiter` in JavaScript, through the entry
/// module).
#[dogen::object(Limits, field = limiter)]
#[durable_object]
pub struct LimiterObject {
    limiter: Limiter<DoStore>,
}

impl worker::DurableObject for LimiterObject {
    fn new(state: State, _env: Env) -> Self {
        LimiterObject { limiter: Limiter::new(DoStore(state.storage())) }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        if dogen::worker::is_call(&req) {
            return dogen::worker::serve(&LimitsServer(&self.limiter), req).await;
        }
        Response::ok("rate limiter: call me over RPC or dogen fetch")
    }
}

/// `GET /:tenant/acquire/:key?cost=N&now=MS` acquires through the generated
/// Rust client over the fetch transport.
#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: worker::Context) -> Result<Response> {
    Router::new().get_async("/:tenant/acquire/:key", acquire).run(req, env).await
}

async fn acquire(req: Request, ctx: RouteContext<()>) -> Result<Response> {
    let tenant = ctx.param("tenant").cloned().unwrap_or_default();
    let key = ctx.param("key").cloned().unwrap_or_default();
    let url = req.url()?;
    let query = |name: &str| url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned());
    let cost = query("cost").and_then(|c| c.parse().ok()).unwrap_or(1);
    let now = query("now").and_then(|n| n.parse().ok()).unwrap_or(0);
    let limiter: LimitsClient<_> = dogen::worker::client(&ctx.env, &tenant)?;
    match limiter.acquire(&key, cost, now).await {
        Ok(grant) => Response::from_json(&grant),
        Err(dogen::CallError::App(error)) => Ok(Response::from_json(&error)?.with_status(429)),
        Err(error) => Response::error(format!("{error:?}"), 502),
    }
}
