//! NaN, infinity and -infinity cannot travel: JSON has no literal for them
//! (serde_json alone writes `null`, which reads back as `None` or fails far
//! from the cause) and Workers RPC carries the same values as JSON. So they
//! are an encode error wherever they sit in a value, on the side that
//! tries to send them: the object's reply is `encode`, the client's
//! arguments `bad_arguments` before anything is sent.

use std::cell::Cell;
use std::collections::BTreeMap;

use dogen::{CallError, Format, Json, ProtocolErrorKind, Reply};
use futures_executor::block_on;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use crate::{raw, rejects};

/// A struct with floats of both widths.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f64,
    pub y: f32,
}

/// Floats in every kind of enum variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Shape {
    Circle(f64),
    Rect(f64, f64),
    At { point: Point },
}

/// The same, internally tagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Tagged {
    Scale { factor: f32 },
}

/// Each method computes `a / b`, which is NaN for `0 / 0` and an infinity
/// for `±1 / 0`, and returns it somewhere in its value; the `take_*`
/// methods take such values.
#[dogen::durable]
pub trait Floats {
    async fn ratio(&self, a: f64, b: f64) -> f64;
    async fn ratio32(&self, a: f32, b: f32) -> f32;
    async fn maybe(&self, a: f64, b: f64) -> Option<f64>;
    async fn point(&self, a: f64, b: f64) -> Point;
    async fn list(&self, a: f64, b: f64) -> Vec<f64>;
    async fn table(&self, a: f64, b: f64) -> BTreeMap<String, Vec<Option<f64>>>;
    async fn shapes(&self, a: f64, b: f64) -> Vec<Shape>;
    async fn tagged(&self, a: f32, b: f32) -> Tagged;
    async fn checked(&self, a: f64, b: f64) -> Result<u8, f64>;
    async fn take_f64(&self, v: f64) -> u32;
    async fn take_option(&self, v: Option<f64>) -> u32;
    async fn take_point(&self, p: Point) -> u32;
    async fn take_list(&self, v: Vec<f64>) -> u32;
    async fn take_shape(&self, s: Shape) -> u32;
    async fn take_map(&self, m: BTreeMap<String, f32>) -> u32;
    async fn take_tagged(&self, t: Tagged) -> Tagged;
}

/// Counts the calls that reached it.
#[derive(Default)]
struct Impl {
    calls: Cell<u32>,
}

impl Impl {
    fn called(&self) -> u32 {
        self.calls.set(self.calls.get() + 1);
        self.calls.get()
    }
}

impl Floats for Impl {
    async fn ratio(&self, a: f64, b: f64) -> f64 {
        a / b
    }
    async fn ratio32(&self, a: f32, b: f32) -> f32 {
        a / b
    }
    async fn maybe(&self, a: f64, b: f64) -> Option<f64> {
        Some(a / b)
    }
    async fn point(&self, a: f64, b: f64) -> Point {
        Point { x: 1.0, y: (a / b) as f32 }
    }
    async fn list(&self, a: f64, b: f64) -> Vec<f64> {
        vec![1.0, 2.0, a / b, 4.0]
    }
    async fn table(&self, a: f64, b: f64) -> BTreeMap<String, Vec<Option<f64>>> {
        BTreeMap::from([("fine".into(), vec![Some(1.0), None]), ("ratio".into(), vec![None, Some(a / b)])])
    }
    async fn shapes(&self, a: f64, b: f64) -> Vec<Shape> {
        vec![Shape::Circle(1.0), Shape::Rect(2.0, a / b)]
    }
    async fn tagged(&self, a: f32, b: f32) -> Tagged {
        Tagged::Scale { factor: a / b }
    }
    async fn checked(&self, a: f64, b: f64) -> Result<u8, f64> {
        Err(a / b)
    }
    async fn take_f64(&self, _: f64) -> u32 {
        self.called()
    }
    async fn take_option(&self, _: Option<f64>) -> u32 {
        self.called()
    }
    async fn take_point(&self, _: Point) -> u32 {
        self.called()
    }
    async fn take_list(&self, _: Vec<f64>) -> u32 {
        self.called()
    }
    async fn take_shape(&self, _: Shape) -> u32 {
        self.called()
    }
    async fn take_map(&self, _: BTreeMap<String, f32>) -> u32 {
        self.called()
    }
    async fn take_tagged(&self, t: Tagged) -> Tagged {
        t
    }
}

/// `(a, b, name)` with `a / b` NaN, infinity and -infinity.
const CASES: [(f64, f64, &str); 3] = [(0.0, 0.0, "NaN"), (1.0, 0.0, "infinity"), (-1.0, 0.0, "-infinity")];

fn client() -> FloatsClient<dogen::InProcess<FloatsServer<Box<Impl>>>> {
    FloatsClient::in_process(Box::default())
}

/// The message every refusal carries, after its context.
fn refusal(name: &str) -> String {
    format!("{name} cannot be sent: JSON and Workers RPC carry finite numbers only")
}

/// Asserts an `encode` error of `method` for the value named `name`.
#[track_caller]
fn assert_encode<T: std::fmt::Debug, E: std::fmt::Debug>(result: Result<T, CallError<E>>, method: &str, name: &str) {
    match result {
        Err(CallError::Protocol(e)) => {
            assert_eq!(e.kind, ProtocolErrorKind::Encode, "{}", e.message);
            assert_eq!(e.message, format!("cannot encode the reply of `{method}`: {}", refusal(name)));
        }
        other => panic!("`{method}` with {name}: expected an encode error, got {other:?}"),
    }
}

/// Asserts the client refused to encode the arguments of `method`.
#[track_caller]
fn assert_bad_arguments(result: Result<u32, CallError>, method: &str, name: &str) {
    match result {
        Err(CallError::Protocol(e)) => {
            assert_eq!(e.kind, ProtocolErrorKind::BadArguments, "{}", e.message);
            assert_eq!(e.message, format!("cannot encode the arguments of `{method}`: {}", refusal(name)));
        }
        other => panic!("`{method}` with {name}: expected bad arguments, got {other:?}"),
    }
}

#[test]
fn finite_values_still_travel() {
    block_on(async {
        let c = client();
        assert_eq!(c.ratio(1.0, 4.0).await, Ok(0.25));
        assert_eq!(c.ratio32(1.0, 4.0).await, Ok(0.25));
        assert_eq!(c.maybe(-1.0, 8.0).await, Ok(Some(-0.125)));
        assert_eq!(c.point(1.0, 2.0).await, Ok(Point { x: 1.0, y: 0.5 }));
        assert_eq!(c.list(3.0, 1.0).await, Ok(vec![1.0, 2.0, 3.0, 4.0]));
        assert_eq!(c.shapes(f64::MAX, 1.0).await, Ok(vec![Shape::Circle(1.0), Shape::Rect(2.0, f64::MAX)]));
        assert_eq!(c.tagged(3.0, 2.0).await, Ok(Tagged::Scale { factor: 1.5 }));
        assert_eq!(c.checked(-0.0, 1.0).await.map_err(|e| e.app().map(f64::to_bits)), Err(Some((-0.0f64).to_bits())));
        assert_eq!(c.take_f64(f64::MIN_POSITIVE).await, Ok(1));
        assert_eq!(c.take_option(None).await, Ok(2));
    });
}

/// A method returning a non-finite number, anywhere in its value, answers
/// `encode`; before, `Option<f64>` came back as `None` and a bare `f64`
/// as a `bad_reply` on the caller's side.
#[test]
fn non_finite_results_are_an_encode_error() {
    block_on(async {
        let c = client();
        for (a, b, name) in CASES {
            assert_encode(c.ratio(a, b).await, "ratio", name);
            assert_encode(c.ratio32(a as f32, b as f32).await, "ratio32", name);
            assert_encode(c.maybe(a, b).await, "maybe", name);
            assert_encode(c.point(a, b).await, "point", name);
            assert_encode(c.list(a, b).await, "list", name);
            assert_encode(c.table(a, b).await, "table", name);
            assert_encode(c.shapes(a, b).await, "shapes", name);
            assert_encode(c.tagged(a as f32, b as f32).await, "tagged", name);
            // A typed error is a value like any other.
            assert_encode(c.checked(a, b).await, "checked", name);
        }
    });
}

/// On the wire: the value is never written, not even as `null`.
#[test]
fn non_finite_results_never_reach_the_wire() {
    let server = FloatsServer(Box::new(Impl::default()));
    for method in ["ratio", "maybe", "point", "list", "table", "shapes", "checked"] {
        let error = raw(&server, method, "[0, 0]").expect_err("NaN does not encode");
        assert_eq!(error.kind, ProtocolErrorKind::Encode, "{method}: {}", error.message);
        assert!(error.message.ends_with(&refusal("NaN")), "{}", error.message);
    }
    assert_eq!(raw(&server, "maybe", "[1, 2]"), Ok(Reply::Ok("0.5".into())));
}

/// The client refuses to send them: `bad_arguments` on its side, and the
/// object is never called.
#[test]
fn non_finite_arguments_are_refused_before_sending() {
    block_on(async {
        let c = client();
        for (a, b, name) in CASES {
            let v = a / b;
            assert_bad_arguments(c.take_f64(v).await, "takeF64", name);
            assert_bad_arguments(c.take_option(Some(v)).await, "takeOption", name);
            assert_bad_arguments(c.take_point(Point { x: 0.0, y: v as f32 }).await, "takePoint", name);
            assert_bad_arguments(c.take_list(vec![0.0, v]).await, "takeList", name);
            assert_bad_arguments(c.take_shape(Shape::Circle(v)).await, "takeShape", name);
            assert_bad_arguments(c.take_shape(Shape::Rect(1.0, v)).await, "takeShape", name);
            let at = Shape::At { point: Point { x: v, y: 0.0 } };
            assert_bad_arguments(c.take_shape(at).await, "takeShape", name);
            let map = BTreeMap::from([("a".to_owned(), 1.0), ("b".to_owned(), v as f32)]);
            assert_bad_arguments(c.take_map(map).await, "takeMap", name);
        }
        // Nothing reached the object; the next finite call is its first.
        assert_eq!(c.take_list(vec![0.0, 1.0]).await, Ok(1));
    });
}

/// A map with a float key, written by hand: the key is checked too.
struct FloatKeys(f64);

impl Serialize for FloatKeys {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(&self.0, &true)?;
        map.end()
    }
}

/// Every path through serde: bare, `Some`, newtype structs and variants,
/// tuples, maps (keys and values), struct fields and variants, `f32`.
#[test]
fn json_refuses_them_everywhere() {
    #[derive(Serialize)]
    struct Newtype(f64);
    #[derive(Serialize)]
    struct Tuple(u8, f32);
    let encode = |value: &dyn erased::Value| value.encode();
    for (_, _, name) in CASES {
        let v = match name {
            "NaN" => f64::NAN,
            "infinity" => f64::INFINITY,
            _ => f64::NEG_INFINITY,
        };
        let expected = Err(refusal(name));
        assert_eq!(encode(&v), expected);
        assert_eq!(encode(&(v as f32)), expected);
        assert_eq!(encode(&Some(v)), expected);
        assert_eq!(encode(&Some(Some(v))), expected);
        assert_eq!(encode(&Newtype(v)), expected);
        assert_eq!(encode(&Tuple(1, v as f32)), expected);
        assert_eq!(encode(&(1, "a", v)), expected);
        assert_eq!(encode(&[[0.0], [v]]), expected);
        assert_eq!(encode(&vec![vec![Some(v)]]), expected);
        assert_eq!(encode(&BTreeMap::from([("k", v)])), expected);
        assert_eq!(encode(&FloatKeys(v)), expected);
        assert_eq!(encode(&Shape::Circle(v)), expected);
        assert_eq!(encode(&Shape::Rect(0.0, v)), expected);
        assert_eq!(encode(&Shape::At { point: Point { x: 0.0, y: v as f32 } }), expected);
        assert_eq!(encode(&Tagged::Scale { factor: v as f32 }), expected);
        assert_eq!(encode(&Ok::<f64, ()>(v)), expected);
    }
    // Finite values, float keys included, are serde_json's output unchanged.
    assert_eq!(encode(&FloatKeys(1.5)), Ok(r#"{"1.5":true}"#.into()));
    assert_eq!(encode(&(f64::MAX, f32::MIN, -0.0)), Ok(serde_json::to_string(&(f64::MAX, f32::MIN, -0.0)).unwrap()));
    let shapes = vec![Shape::Circle(1.0), Shape::At { point: Point { x: 2.0, y: 3.0 } }];
    assert_eq!(encode(&shapes), Ok(serde_json::to_string(&shapes).unwrap()));
}

/// `Json::encode` behind a trait object, so one closure takes any value.
mod erased {
    use super::*;

    pub trait Value {
        fn encode(&self) -> Result<String, String>;
    }

    impl<T: Serialize> Value for T {
        fn encode(&self) -> Result<String, String> {
            Json::encode(self).map(|bytes| String::from_utf8(bytes).expect("JSON is UTF-8"))
        }
    }
}

/// A number beyond `f32`'s range where an `f32` goes is refused, where
/// serde alone would hand the method an infinity. (The fuzzer found it.)
/// dogen's JSON reader refuses it itself, as serde_json does when asked
/// for correctly rounded floats; `deserialize_finite` refuses it for other
/// formats.
#[test]
fn f32_beyond_its_range_is_bad_arguments() {
    let server = FloatsServer(Box::new(Impl::default()));
    let refused = |method: &str, payload: &str| {
        let message = rejects(&server, method, payload.as_bytes(), ProtocolErrorKind::BadArguments);
        assert!(message.contains("number out of range"), "{payload}: {message}");
    };
    refused("ratio32", "[3.5e38, 1]");
    refused("ratio32", "[1, -1e39]");
    refused("takePoint", r#"[{"x": 1e300, "y": 1e39}]"#);
    refused("takeMap", r#"[{"a": 1, "b": 1e300}]"#);
    // f64 has the range: 1e300 is fine there; beyond it the reader refuses.
    rejects(&server, "ratio", b"[1e309, 1]", ProtocolErrorKind::BadArguments);
    // The largest f32, and what rounds to it, are fine.
    assert_eq!(raw(&server, "ratio32", "[3.4028235e38, 1]"), Ok(Reply::Ok("3.4028235e+38".into())));
    assert_eq!(raw(&server, "ratio32", "[3.40282356e38, 1]"), Ok(Reply::Ok("3.4028235e+38".into())));
    // Where serde buffers a value before it knows its type (an internally
    // tagged enum), the range is not checked: the method gets an infinity,
    // and returning it is the encode error.
    let error = raw(&server, "takeTagged", r#"[{"kind": "Scale", "factor": 1e39}]"#).expect_err("infinity");
    assert_eq!(error.kind, ProtocolErrorKind::Encode, "{}", error.message);
    assert_eq!(
        raw(&server, "takeTagged", r#"[{"kind": "Scale", "factor": 2}]"#),
        Ok(Reply::Ok(r#"{"kind":"Scale","factor":2.0}"#.into()))
    );
}

/// Decoding refuses non-finite numbers from any deserializer: what JSON
/// cannot hold, native Workers RPC can (a JavaScript `NaN`).
#[test]
fn deserialize_finite_refuses_them_from_any_deserializer() {
    use dogen::__private::deserialize_finite;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error, MapDeserializer, SeqDeserializer};

    fn error_of<T>(result: Result<T, Error>) -> Option<String> {
        result.err().map(|e| e.to_string())
    }
    for (_, _, name) in CASES {
        let v = match name {
            "NaN" => f64::NAN,
            "infinity" => f64::INFINITY,
            _ => f64::NEG_INFINITY,
        };
        let expected = Some(refusal(name));
        assert_eq!(error_of(deserialize_finite::<f64, _>(v.into_deserializer())), expected);
        assert_eq!(error_of(deserialize_finite::<f32, _>((v as f32).into_deserializer())), expected);
        let seq = || SeqDeserializer::<_, Error>::new(vec![1.0, v].into_iter());
        assert_eq!(error_of(deserialize_finite::<Vec<f64>, _>(seq())), expected);
        assert_eq!(error_of(deserialize_finite::<(f64, Option<f64>), _>(seq())), expected);
        let map = |entries: Vec<(&'static str, f64)>| MapDeserializer::<_, Error>::new(entries.into_iter());
        assert_eq!(error_of(deserialize_finite::<BTreeMap<String, f64>, _>(map(vec![("x", 0.0), ("y", v)]))), expected);
        assert_eq!(error_of(deserialize_finite::<Point, _>(map(vec![("x", 0.0), ("y", v)]))), expected);
        // Ignored values too: nothing non-finite gets past.
        let ignored = map(vec![("x", 0.0), ("y", 1.0), ("z", v)]);
        assert_eq!(error_of(deserialize_finite::<Point, _>(ignored)), expected);
    }
    // Finite values, and f32's range.
    let seq = SeqDeserializer::<_, Error>::new(vec![1.5, -0.0].into_iter());
    assert_eq!(deserialize_finite::<Vec<f64>, _>(seq), Ok(vec![1.5, -0.0]));
    let beyond = deserialize_finite::<f32, _>(IntoDeserializer::<Error>::into_deserializer(1e39f64));
    assert!(beyond.is_err_and(|e| e.to_string().contains("expected a finite f32")));
    let largest = deserialize_finite::<f32, _>(IntoDeserializer::<Error>::into_deserializer(f64::from(f32::MAX)));
    assert_eq!(largest, Ok(f32::MAX));
}
