//! The Durable Object class `Faults` (wasm build only).

use std::cell::Cell;

use dogen::Fallible;
use worker::js_sys::{Function, Promise, Reflect};
use worker::wasm_bindgen::{JsCast, JsValue};
use worker::wasm_bindgen_futures::JsFuture;
use worker::{DurableObject, Env, Request, Response, Result, State, durable_object};

use crate::{Faults, FaultsServer, Footprint};

/// One object per name; every method fails on purpose or measures.
#[dogen::object(crate::Faults)]
#[durable_object(fetch)]
pub struct FaultsObject {
    state: State,
    count: Cell<u32>,
}

impl DurableObject for FaultsObject {
    fn new(state: State, _env: Env) -> Self {
        FaultsObject { state, count: Cell::new(0) }
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        if dogen::worker::is_call(&req) {
            return dogen::worker::serve(&FaultsServer(self), req).await;
        }
        Response::error("Not Found", 404)
    }
}

impl Faults for FaultsObject {
    async fn boom(&self, message: String) -> u32 {
        panic!("{message}");
    }

    async fn add(&self, n: u32) -> u32 {
        self.count.set(self.count.get() + n);
        self.count.get()
    }

    async fn slow(&self, ms: u32) -> u32 {
        let mut wait = |resolve: Function, _reject: Function| {
            let set_timeout = Reflect::get(&worker::js_sys::global(), &"setTimeout".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok());
            if let Some(set_timeout) = set_timeout {
                let _ = set_timeout.call2(&JsValue::UNDEFINED, &resolve, &JsValue::from(ms));
            }
        };
        let _ = JsFuture::from(Promise::new(&mut wait)).await;
        ms
    }

    async fn break_storage(&self) -> Fallible<u32> {
        // A query storage refuses: the table does not exist.
        self.state.storage().sql().exec("SELECT count FROM no_such_table", None)?;
        Ok(1)
    }

    async fn not_a_number(&self) -> f64 {
        f64::NAN
    }

    async fn half(&self, x: f64) -> f64 {
        x / 2.0
    }

    async fn footprint(&self) -> Footprint {
        let local = 0u8;
        Footprint {
            memory_bytes: (core::arch::wasm32::memory_size(0) * 65536) as u32,
            stack_address: std::ptr::addr_of!(local) as u32,
        }
    }
}
