//! A panic in a call never hangs its caller.
//!
//! On wasm32 a Rust panic aborts: the Wasm instance traps in the middle of
//! whatever it was polling, and the promise of the call being polled never
//! settles. dogen closes that gap with the entry module that `dogen entry`
//! writes:
//!
//! - Each call's future is [`guarded`] with a token the entry module knows
//!   it by (the call's arguments array for native RPC, the `Request` for
//!   the fetch protocol). While the future is polled, its token is current.
//! - A panic hook (installed on the first call in each instance, chained to
//!   the one before it) hands the current token and the panic message to
//!   `globalThis.__dogen_panic(token, message)`: the entry module rejects
//!   that call, naming the method and carrying the message.
//! - The abort handler wasm-bindgen runs after the trap
//!   (`--force-enable-abort-handler`) tells the entry module through
//!   `globalThis.__dogen_abort()` and keeps the trapped instance usable, so
//!   calls already in flight on it finish; the entry module resets the
//!   instance once they have (see `docs/protocol.md`, "Failures").

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use worker::js_sys;
use worker::wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The token of the call being polled, if any.
    static CURRENT: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// Whether this instance has dogen's panic hook and abort handler.
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// A call's future, with the token the entry module knows the call by.
pub struct Guarded<F> {
    future: Pin<Box<F>>,
    token: JsValue,
}

/// Guards `future`: a panic while it is polled is reported against `token`.
pub fn guarded<F: Future>(token: JsValue, future: F) -> Guarded<F> {
    install();
    Guarded { future: Box::pin(future), token }
}

impl<F: Future> Future for Guarded<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let token = self.token.clone();
        let previous = CURRENT.with(|current| current.replace(Some(token)));
        let output = self.future.as_mut().poll(cx);
        // Not reached when the poll panics: the instance has trapped then,
        // and the hook has already read the token.
        CURRENT.with(|current| *current.borrow_mut() = previous);
        output
    }
}

/// Installs the panic hook and the abort handler, once per instance.
fn install() {
    if INSTALLED.with(|installed| installed.replace(true)) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let token = CURRENT.with(|c| c.try_borrow_mut().ok().and_then(|mut c| c.take())).unwrap_or(JsValue::UNDEFINED);
        let payload = info.payload();
        let text =
            payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str));
        let message = match (text, info.location()) {
            (Some(text), Some(at)) => format!("{text} (at {}:{}:{})", at.file(), at.line(), at.column()),
            (Some(text), None) => text.to_owned(),
            (None, _) => info.to_string(),
        };
        // Bounded like every message a caller reads (docs/protocol.md).
        let message = crate::protocol::shorten(&message, crate::protocol::MAX_MESSAGE / 2);
        call_global("__dogen_panic", &[&token, &JsValue::from_str(&message)]);
        previous(info);
    }));
    #[cfg(target_arch = "wasm32")]
    worker::wasm_bindgen::handler::set_on_abort(on_abort);
}

/// Runs after the instance trapped (wasm-bindgen's abort handler): tells the
/// entry module, and keeps the instance callable so the calls in flight on
/// it can finish before the entry module resets it. Replaces workers-rs's
/// handler, which would reset the instance under those calls.
#[cfg(target_arch = "wasm32")]
fn on_abort() {
    // SAFETY: a plain store to wasm-bindgen's flag; wasm32 is single-threaded.
    unsafe {
        worker::wasm_bindgen::__rt::__instance_terminated = 0;
    }
    call_global("__dogen_abort", &[]);
}

/// `globalThis[name](...args)` if it is a function; never throws.
fn call_global(name: &str, args: &[&JsValue]) {
    let Ok(function) = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(name)) else { return };
    let Some(function) = function.dyn_ref::<js_sys::Function>() else { return };
    let args: js_sys::Array = args.iter().copied().collect();
    let _ = function.apply(&JsValue::UNDEFINED, &args);
}
