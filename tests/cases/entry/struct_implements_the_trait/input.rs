//! `#[object]` without `field`, under another wasm-bindgen `--out-name`
//! (the test renders with `--module counter`).
mod api {
    #[durable]
    pub trait Counter {
        async fn get_counter_value(&self) -> i64;
    }
}

#[object(api::Counter)]
pub struct Counter {}
