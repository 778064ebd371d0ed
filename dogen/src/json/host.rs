//! Number conversions by the JavaScript engine a Worker's Wasm runs in.
//!
//! V8 converts between decimal text and `f64` correctly rounded, ties to
//! even, both ways: `parseFloat` gives the `f64` nearest a number's
//! digits, and `Number.prototype.toString` the shortest digits that read
//! back as the same `f64` (the even one of two that are equally near), as
//! serde_json reads and writes them. With the `worker` feature on wasm32
//! the reader uses them for `f64` and [`float`](super::float) is left out
//! of the Wasm (an `f32` still goes through it: through an `f64` it would
//! be rounded twice). Elsewhere each function answers `None` and the
//! reader converts by itself.

/// Whether the engine converts: the functions below answer `Some`.
pub(super) const NUMBERS: bool = cfg!(all(target_arch = "wasm32", feature = "worker"));

/// The `f64` nearest the JSON number `text` (digits, fraction and
/// exponent as the reader has checked them, without a sign).
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
#[inline]
pub(super) fn parse(text: &str) -> Option<f64> {
    Some(worker::js_sys::Number::parse_float(text))
}

#[cfg(not(all(target_arch = "wasm32", feature = "worker")))]
#[inline]
pub(super) fn parse(_text: &str) -> Option<f64> {
    None
}

/// The shortest digits of the finite `value` ≥ 0, as JavaScript writes
/// them: `0.00015`, `1500`, `1.5e-7`, `1e+21`.
#[cfg(all(target_arch = "wasm32", feature = "worker"))]
#[inline]
pub(super) fn shortest(value: f64) -> Option<String> {
    // Radix 10 is in range: the call cannot fail.
    Some(worker::js_sys::Number::from(value).to_string_with_radix(10).map(String::from).unwrap_or_default())
}

#[cfg(not(all(target_arch = "wasm32", feature = "worker")))]
#[inline]
pub(super) fn shortest(_value: f64) -> Option<String> {
    None
}
