//! The Durable Object class `Counter` (wasm build only): dogen calls go to
//! [`StoredCounter`] over the object's storage; `GET /hello` is a route of
//! its own.

use worker::{DurableObject, Env, Method, Request, Response, Result, State, Storage, durable_object};

use crate::{CounterServer, Store, StoredCounter};

/// Durable Object storage, as a [`Store`]. Values are JavaScript numbers.
impl Store for Storage {
    type Error = worker::Error;

    async fn load(&self, key: &str) -> Result<Option<i64>> {
        self.get::<i64>(key).await
    }

    async fn save(&self, key: &str, value: i64) -> Result<()> {
        self.put(key, value).await
    }
}

/// The class wrangler's `class_name = "Counter"` names, and
/// `CounterClient::CLASS`. One instance per counter name.
///
/// `#[dogen::object]` lets it answer native Workers RPC through the entry
/// module that `dogen entry` writes: `env.COUNTER.getByName("a").increment(5)`
/// from TypeScript reaches `self.counter`. A storage failure rejects the
/// call over RPC and is the `internal` error over fetch.
#[dogen::object(crate::Counter, field = counter)]
#[durable_object(fetch)]
pub struct Counter {
    counter: StoredCounter<Storage>,
}

impl DurableObject for Counter {
    fn new(state: State, _env: Env) -> Self {
        Counter { counter: StoredCounter::new(state.storage()) }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        if !dogen::worker::is_call(&req) {
            return self.own_route(req).await;
        }
        dogen::worker::serve(&CounterServer(&self.counter), req).await
    }
}

impl Counter {
    /// The object's routes outside `/__dogen/`: `GET /hello`, and
    /// `POST /increment` with `{"amount": N}`, a hand-written route doing
    /// what the dogen call `increment` does (the baseline of the benchmark in
    /// tests/e2e/bench.mjs).
    async fn own_route(&self, mut req: Request) -> Result<Response> {
        match (req.method(), req.path().as_str()) {
            (Method::Get, "/hello") => Response::ok("hello from a Counter object"),
            (Method::Post, "/increment") => {
                #[derive(serde::Deserialize)]
                struct Body {
                    amount: i64,
                }
                let Ok(body) = req.json::<Body>().await else {
                    return Response::error("expected {\"amount\": <integer>}", 400);
                };
                match crate::Counter::increment(&self.counter, body.amount).await {
                    Ok(value) => Response::from_json(&value),
                    Err(failure) => Response::error(failure.to_string(), 500),
                }
            }
            _ => Response::error("Not Found", 404),
        }
    }
}
