//! A Durable Object that fails on purpose, for the end-to-end test of
//! failures (tests/e2e): a panic rejects its call with its message and the
//! object recovers; a storage failure fails the call; calls in flight when
//! another one panics still finish; a Rust Worker calling it through the
//! generated client sees each failure as its `CallError`.

use dogen::Fallible;

#[cfg(target_arch = "wasm32")]
mod numbers;
#[cfg(target_arch = "wasm32")]
mod object;
#[cfg(target_arch = "wasm32")]
mod router;

/// Calls that fail on purpose.
#[dogen::durable(binding = "FAULTS")]
pub trait Faults {
    /// Panics with `message`.
    async fn boom(&self, message: String) -> u32;
    /// Adds `n` to a count the object keeps in memory (lost when its Wasm
    /// instance is reset after a panic) and returns the count.
    async fn add(&self, n: u32) -> u32;
    /// Waits `ms` milliseconds on a timer, then returns `ms`.
    async fn slow(&self, ms: u32) -> u32;
    /// Queries storage for a table that does not exist, so the call fails.
    async fn break_storage(&self) -> Fallible<u32>;
    /// Returns NaN, which neither JSON nor Workers RPC carries.
    async fn not_a_number(&self) -> f64;
    /// Returns half of `x`.
    async fn half(&self, x: f64) -> f64;
    /// The size of the Wasm memory, in bytes, and where the stack is: what
    /// a leak after panics would grow.
    async fn footprint(&self) -> Footprint;
}

/// What a leak would grow.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Footprint {
    /// The Wasm memory's size in bytes.
    pub memory_bytes: u32,
    /// The address of a local variable: the shadow stack's depth.
    pub stack_address: u32,
}
