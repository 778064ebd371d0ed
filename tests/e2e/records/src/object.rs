//! The Durable Object class `Records` (wasm build only).

use chrono::{DateTime, TimeDelta, Utc};
use serde_bytes::ByteBuf;
use uuid::Uuid;
use worker::{DurableObject, Env, Request, Response, Result, State, durable_object};

use crate::{Item, Records, RecordsServer};

/// Answers every method from its arguments alone.
#[dogen::object(crate::Records)]
#[durable_object(fetch)]
pub struct RecordsObject {}

impl DurableObject for RecordsObject {
    fn new(_state: State, _env: Env) -> Self {
        RecordsObject {}
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        if dogen::worker::is_call(&req) {
            return dogen::worker::serve(&RecordsServer(self), req).await;
        }
        Response::error("Not Found", 404)
    }
}

impl Records for RecordsObject {
    async fn echo(&self, item: Item) -> Item {
        Item { seen: true, ..item }
    }

    async fn next(&self, id: Uuid, at: DateTime<Utc>, data: serde_json::Value, blob: ByteBuf) -> Item {
        let mut bytes = blob.into_vec();
        bytes.reverse();
        Item {
            id,
            at: at + TimeDelta::days(1),
            data: serde_json::json!({ "wrapped": data }),
            blob: ByteBuf::from(bytes),
            seen: true,
        }
    }
}
