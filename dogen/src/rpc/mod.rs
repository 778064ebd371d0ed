//! Native Workers RPC into a Rust Durable Object (feature `worker`).
//!
//! `#[dogen::object(Trait)]` on a workers-rs `#[durable_object]` struct
//! exports one wasm-bindgen method, `__dogen_call(method, args)`, which
//! routes through [`call`]. The JavaScript entry module that `dogen entry`
//! writes defines `class X extends DurableObject` with one forwarder per
//! trait method, so only the trait's methods are RPC-callable.
//!
//! Values cross as JavaScript values through serde-wasm-bindgen, configured
//! so their runtime shape is what the generated `index.ts` declares:
//! `None` is `null`, maps are plain objects, 64-bit integers are numbers
//! (a value outside ±(2^53 − 1) is an error, never rounded).

pub mod guard;

use serde::Serialize;
use serde::de::DeserializeOwned;
use worker::js_sys;
use worker::wasm_bindgen::{JsCast, JsValue};

use crate::dispatch::{Dispatch, Reply};
use crate::error::{ProtocolError, ProtocolErrorKind};
use crate::format::Format;

/// JavaScript values, as native Workers RPC carries them.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsFormat;

const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);

impl Format for JsFormat {
    type Value = JsValue;

    /// Refuses NaN and infinities, as [`crate::Json`] does.
    fn encode<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
        crate::format::serialize_finite(value, &SERIALIZER).map_err(|e| message_of(e.into()))
    }

    /// Refuses NaN and infinities from JavaScript callers: JSON cannot send
    /// them, so the fetch protocol never delivers them either.
    fn decode<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
        crate::format::deserialize_finite(serde_wasm_bindgen::Deserializer::from(value.clone()))
            .map_err(|e| message_of(e.into()))
    }

    fn is_empty_sequence(value: &JsValue) -> bool {
        js_sys::Array::is_array(value) && js_sys::Array::from(value).length() == 0
    }
}

/// The text of a JavaScript error, without its `Error: ` prefix.
fn message_of(error: JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => format!("{error:?}"),
    }
}

/// Runs one RPC call: `args` is the JavaScript array of arguments.
///
/// Resolves to `{ ok: true, value }` or, for a method's typed error,
/// `{ ok: false, error }`; the entry module unwraps `value` for methods that
/// cannot fail. A call that cannot run rejects with an `Error` whose `name`
/// is `TypeError` (unknown method, bad arguments) or `Error` (a value that
/// cannot be encoded) and whose `message` says why: only those two fields
/// survive Workers RPC.
pub async fn call<D: Dispatch<JsFormat>>(server: &D, method: &str, args: JsValue) -> Result<JsValue, JsValue> {
    let token = args.clone();
    match guard::guarded(token, server.dispatch(method, &args)).await {
        Ok(Reply::Ok(value)) => Ok(outcome(true, &value)),
        Ok(Reply::Err(error)) => Ok(outcome(false, &error)),
        Err(error) => Err(js_error(&error)),
    }
}

thread_local! {
    /// The outcome's keys as JavaScript strings, made once per instance
    /// rather than copied out of Wasm memory at every call.
    static KEYS: [JsValue; 3] = [JsValue::from_str("ok"), JsValue::from_str("value"), JsValue::from_str("error")];
}

fn outcome(ok: bool, value: &JsValue) -> JsValue {
    let object = js_sys::Object::new();
    KEYS.with(|[ok_key, value_key, error_key]| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, ok_key, &JsValue::from_bool(ok));
        let _ = js_sys::Reflect::set(&object, if ok { value_key } else { error_key }, value);
    });
    object.into()
}

fn js_error(error: &ProtocolError) -> JsValue {
    let js = js_sys::Error::new(&error.message);
    js.set_name(match error.kind {
        ProtocolErrorKind::Encode | ProtocolErrorKind::BadReply | ProtocolErrorKind::Internal => "Error",
        _ => "TypeError",
    });
    js.into()
}
