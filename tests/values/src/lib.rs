//! Real values for the `dogen ts` cases that type other crates' types and
//! serde's corner cases: each case's `values.rs` builds values of the
//! case's own types (its `input.rs`, compiled here) and lists JSON that
//! serde refuses. Built for wasm32 and run by node (`tests/values/run`),
//! this writes each value as serde_json writes it (the fetch transport) and
//! as serde-wasm-bindgen writes it with dogen's settings (native RPC), and
//! checks that both read back what they wrote and refuse what is refused.
//! `print.mjs` turns the values into `values.ts` in the case folder, which
//! `cargo test -p dogen-tests --test ts` type-checks with tsc against the
//! golden `index.ts`: refused values under `@ts-expect-error`.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

/// dogen's serializer for native RPC (`dogen/src/rpc.rs`).
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);

/// One value, as both transports write it.
pub struct Sample {
    ty: &'static str,
    json: String,
    rpc: JsValue,
}

/// `value`, written by both transports and read back by both.
pub fn sample<T: Serialize + DeserializeOwned>(ty: &'static str, value: &T) -> Sample {
    let json = serde_json::to_string(value).unwrap_or_else(|e| panic!("serde_json writes a `{ty}`: {e}"));
    let rpc = value.serialize(&SERIALIZER).unwrap_or_else(|e| panic!("serde-wasm-bindgen writes a `{ty}`: {e}"));
    if let Err(e) = serde_json::from_str::<T>(&json) {
        panic!("serde_json reads back the `{ty}` it wrote ({json}): {e}");
    }
    if let Err(e) = serde_wasm_bindgen::from_value::<T>(rpc.clone()) {
        panic!("serde-wasm-bindgen reads back the `{ty}` it wrote: {e}");
    }
    Sample { ty, json, rpc }
}

/// A JSON text serde must refuse as a `ty`, whose TypeScript type must
/// refuse it too.
pub struct Negative {
    ty: &'static str,
    text: &'static str,
    json_refused: bool,
    rpc_refused: bool,
}

/// Whether serde_json and serde-wasm-bindgen (reading the same value as
/// JavaScript) refuse `text` as a `T`.
pub fn refuse<T: DeserializeOwned>(ty: &'static str, text: &'static str) -> Negative {
    let json_refused = serde_json::from_str::<T>(text).is_err();
    let value = js_sys::JSON::parse(text).unwrap_or_else(|_| panic!("`{text}` is JSON"));
    let rpc_refused = serde_wasm_bindgen::from_value::<T>(value).is_err();
    Negative { ty, text, json_refused, rpc_refused }
}

/// A JavaScript value callers may send as a `ty` (its TypeScript type
/// accepts it under plain `strict`), which native RPC must accept once
/// dogen prepared it (`globalThis.dogenPrepare`, the preparation the RPC
/// entry applies).
pub struct Input {
    ty: &'static str,
    source: &'static str,
    raw: bool,
    prepared: bool,
}

/// Whether RPC reads the JavaScript `source` as a `T`, as it arrives and
/// once prepared.
pub fn input<T: DeserializeOwned>(ty: &'static str, source: &'static str) -> Input {
    let eval = |s: &str| js_sys::eval(&format!("({s})")).unwrap_or_else(|_| panic!("`{source}` evaluates"));
    let raw = serde_wasm_bindgen::from_value::<T>(eval(source)).is_ok();
    let prepare: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"dogenPrepare".into()).expect("dogenPrepare").into();
    let prepared = prepare.call1(&JsValue::NULL, &eval(source)).expect("dogenPrepare runs");
    let prepared = serde_wasm_bindgen::from_value::<T>(prepared).is_ok();
    Input { ty, source, raw, prepared }
}

/// Everything one case holds.
pub struct Case {
    name: &'static str,
    samples: Vec<Sample>,
    refused: Vec<Negative>,
    inputs: Vec<Input>,
}

// One module per case folder with a `values.rs` (see build.rs), and `all()`.
include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// Every case, as plain JavaScript for `print.mjs`: `{ name, samples: [{
/// ty, json, rpc }], refused: [..], inputs: [..] }`.
#[wasm_bindgen]
pub fn cases() -> JsValue {
    // A failed check panics: say why on the console before wasm aborts.
    std::panic::set_hook(Box::new(|info| {
        let message = serde_json::to_string(&info.to_string()).unwrap_or_default();
        let _ = js_sys::eval(&format!("console.error({message})"));
    }));
    let out = js_sys::Array::new();
    for case in all() {
        let object = js_sys::Object::new();
        let set = |o: &js_sys::Object, k: &str, v: JsValue| {
            js_sys::Reflect::set(o, &k.into(), &v).expect("a plain object");
        };
        set(&object, "name", case.name.into());
        let samples = js_sys::Array::new();
        for s in case.samples {
            let o = js_sys::Object::new();
            set(&o, "ty", s.ty.into());
            set(&o, "json", s.json.into());
            set(&o, "rpc", s.rpc);
            samples.push(&o);
        }
        set(&object, "samples", samples.into());
        let refused = js_sys::Array::new();
        for n in case.refused {
            let o = js_sys::Object::new();
            set(&o, "ty", n.ty.into());
            set(&o, "text", n.text.into());
            set(&o, "json", n.json_refused.into());
            set(&o, "rpc", n.rpc_refused.into());
            refused.push(&o);
        }
        set(&object, "refused", refused.into());
        let inputs = js_sys::Array::new();
        for i in case.inputs {
            let o = js_sys::Object::new();
            set(&o, "ty", i.ty.into());
            set(&o, "source", i.source.into());
            set(&o, "raw", i.raw.into());
            set(&o, "prepared", i.prepared.into());
            inputs.push(&o);
        }
        set(&object, "inputs", inputs.into());
        out.push(&object);
    }
    out.into()
}
