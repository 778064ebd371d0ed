//! Types of other crates (and of `std`) whose serde form dogen knows: each
//! maps to a wire shape, or to a definition dogen writes itself (`JsonValue`,
//! `Duration`, `Range`, ...). Each follows its crate's default serde form
//! (the versions and features assumed are in `docs/typescript.md`), and the
//! well-known `with` modules of those crates map a field the same way.
//!
//! Types are matched by their crate and their name, whatever module path
//! leads to them (`serde_json::Value` and `serde_json::value::Value` are one
//! type); `std`, `core` and `alloc` are one crate.

use proc_macro2::Span;
use syn::parse_quote;

use crate::config::Config;
use crate::model::{
    Enum, Field, FloatKind, IntKind, Object, Shape, Tagging, TypeBody, TypeDef, TypeParam, TypeRef, Usage, Variant,
    VariantBody,
};
use crate::wire::model::Source;
use dogen_interface::shape::ShapeResult;

/// What a type of another crate is on the wire.
#[derive(Debug, Clone, PartialEq)]
pub enum Known {
    /// A wire shape.
    Shape(Shape),
    /// A definition dogen writes (see [`definition`]), with type arguments.
    Def(&'static str, Vec<Shape>),
}

/// The crate a path's first segment names, as dogen's tables spell it.
pub fn crate_key(first: &str) -> &str {
    match first {
        "core" | "alloc" => "std",
        other => other,
    }
}

fn int(kind: IntKind) -> Shape {
    Shape::Int(kind)
}

fn tuple(items: &[IntKind]) -> Shape {
    Shape::Tuple(items.iter().map(|k| Shape::Int(*k)).collect())
}

/// The wire form of `krate::…::name<args>`, if dogen knows it. `shape`
/// gives the shape of a type argument; `config` says which serde features
/// the crate enables on its dependencies.
pub fn external(
    krate: &str,
    name: &str,
    args: &[&syn::Type],
    shape: &dyn Fn(&syn::Type) -> ShapeResult,
    config: &Config,
) -> Option<Result<Known, String>> {
    use IntKind::*;
    let arg = |i: usize| -> Result<Shape, String> {
        match args.get(i) {
            Some(t) => shape(t),
            None => Err(format!("`{name}` takes {} type argument(s)", i + 1)),
        }
    };
    let known = |s: Shape| Some(Ok(Known::Shape(s)));
    let def = |d: &'static str, n: usize| -> Option<Result<Known, String>> {
        Some((0..n).map(arg).collect::<Result<Vec<_>, _>>().map(|a| Known::Def(d, a)))
    };
    let human_time = config.dependency_has("time", "serde-human-readable");
    match (crate_key(krate), name) {
        ("std", "Duration") => def("Duration", 0),
        ("std", "SystemTime") => def("SystemTime", 0),
        ("std", "Range") => def("Range", 1),
        ("std", "RangeInclusive") => def("RangeInclusive", 1),
        ("std", "RangeFrom") => def("RangeFrom", 1),
        ("std", "RangeTo") => def("RangeTo", 1),
        ("std", "Bound") => def("Bound", 1),
        ("std", "Result") => def("Result", 2),
        ("std", "Cell" | "RefCell" | "Mutex" | "RwLock" | "Wrapping" | "Saturating" | "Reverse" | "NonZero") => {
            Some(arg(0).map(Known::Shape))
        }
        ("std", "PhantomData") => known(Shape::Unit),
        ("std", "PathBuf" | "Path") => known(Shape::String),
        ("std", "IpAddr" | "Ipv4Addr" | "Ipv6Addr" | "SocketAddr" | "SocketAddrV4" | "SocketAddrV6") => {
            known(Shape::String)
        }
        ("std", "AtomicBool") => known(Shape::Bool),
        ("std", other) => {
            let kind = match other.trim_start_matches("NonZero").trim_start_matches("Atomic") {
                "U8" => U8,
                "U16" => U16,
                "U32" => U32,
                "U64" => U64,
                "U128" => U128,
                "Usize" => Usize,
                "I8" => I8,
                "I16" => I16,
                "I32" => I32,
                "I64" => I64,
                "I128" => I128,
                "Isize" => Isize,
                _ => return None,
            };
            if other.starts_with("NonZero") || other.starts_with("Atomic") { known(int(kind)) } else { None }
        }
        ("serde_json", "Value") => def("JsonValue", 0),
        ("serde_json", "Map") => def("JsonObject", 0),
        ("serde_json", "Number") => known(Shape::Float(FloatKind::F64)),
        ("uuid", "Uuid" | "NonNilUuid") => known(Shape::String),
        ("chrono", "DateTime" | "NaiveDate" | "NaiveTime" | "NaiveDateTime" | "Weekday" | "Month" | "FixedOffset") => {
            known(Shape::String)
        }
        ("chrono", "TimeDelta" | "Duration") => known(Shape::Tuple(vec![int(I64), int(I32)])),
        ("time", _)
            if human_time
                && matches!(
                    name,
                    "OffsetDateTime"
                        | "PrimitiveDateTime"
                        | "PlainDateTime"
                        | "UtcDateTime"
                        | "Date"
                        | "Time"
                        | "UtcOffset"
                        | "Duration"
                        | "SignedDuration"
                        | "Weekday"
                        | "Month"
                ) =>
        {
            known(Shape::String)
        }
        ("time", "OffsetDateTime") => known(tuple(&[I32, U16, U8, U8, U8, U32, I8, I8, I8])),
        ("time", "PrimitiveDateTime" | "PlainDateTime" | "UtcDateTime") => known(tuple(&[I32, U16, U8, U8, U8, U32])),
        ("time", "Date") => known(tuple(&[I32, U16])),
        ("time", "Time") => known(tuple(&[U8, U8, U8, U32])),
        ("time", "UtcOffset") => known(tuple(&[I8, I8, I8])),
        ("time", "Duration" | "SignedDuration") => known(tuple(&[I64, I32])),
        ("time", "Weekday" | "Month") => known(int(U8)),
        ("url", "Url") => known(Shape::String),
        ("bytes", "Bytes" | "BytesMut") => known(Shape::Bytes),
        ("serde_bytes", "ByteBuf" | "Bytes" | "ByteArray") => known(Shape::Bytes),
        ("rust_decimal", "Decimal") => {
            if config.dependency_has("rust_decimal", "serde-arbitrary-precision") {
                Some(Err("`rust_decimal`'s `serde-arbitrary-precision` writes a JSON number of any precision, which serde-wasm-bindgen cannot carry; map `Decimal` in `[package.metadata.dogen.types]`".into()))
            } else if config.dependency_has("rust_decimal", "serde-float")
                || config.dependency_has("rust_decimal", "serde-with-float")
            {
                known(Shape::Float(FloatKind::F64))
            } else {
                known(Shape::String)
            }
        }
        ("ulid", "Ulid") => known(Shape::String),
        ("semver", "Version" | "VersionReq" | "Comparator" | "Prerelease" | "BuildMetadata") => known(Shape::String),
        ("indexmap", "IndexMap") => Some((|| Ok(Known::Shape(Shape::Map(Box::new(arg(0)?), Box::new(arg(1)?)))))()),
        ("indexmap", "IndexSet") => Some(arg(0).map(|s| Known::Shape(Shape::Seq(Box::new(s))))),
        ("smol_str", "SmolStr") | ("compact_str", "CompactString") => known(Shape::String),
        ("ordered_float", "OrderedFloat" | "NotNan") => Some(arg(0).map(Known::Shape)),
        ("arrayvec", "ArrayVec") | ("heapless", "Vec" | "Deque" | "IndexSet" | "FnvIndexSet") => {
            Some(arg(0).map(|s| Known::Shape(Shape::Seq(Box::new(s)))))
        }
        ("heapless", "IndexMap" | "FnvIndexMap" | "LinearMap") => {
            Some((|| Ok(Known::Shape(Shape::Map(Box::new(arg(0)?), Box::new(arg(1)?)))))())
        }
        ("arrayvec", "ArrayString") | ("heapless", "String") => known(Shape::String),
        ("bigdecimal", "BigDecimal") => known(Shape::String),
        ("jiff", "Timestamp" | "Zoned" | "Span" | "SignedDuration" | "Date" | "DateTime" | "Time") => {
            known(Shape::String)
        }
        _ => None,
    }
}

/// The wire form of a field written with `#[serde(with = "path")]`, for
/// the `with` modules dogen knows. `path` is absolute (its crate first);
/// `field` is the field's own shape (`serde_bytes` keeps its `Option`).
pub fn with_module(path: &[String], field: &Shape) -> Option<Result<Shape, String>> {
    use IntKind::I64;
    let joined = path.iter().map(String::as_str).collect::<Vec<_>>().join("::");
    let option = |s: Shape| Shape::Option(Box::new(s));
    let shape = match joined.as_str() {
        "chrono::serde::ts_seconds" | "chrono::serde::ts_milliseconds" | "chrono::serde::ts_microseconds" => {
            Shape::Int(I64)
        }
        "chrono::serde::ts_seconds_option"
        | "chrono::serde::ts_milliseconds_option"
        | "chrono::serde::ts_microseconds_option" => option(Shape::Int(I64)),
        "chrono::serde::ts_nanoseconds" | "chrono::serde::ts_nanoseconds_option" => {
            return Some(Err("`chrono::serde::ts_nanoseconds` writes nanoseconds since 1970, beyond 2^53 (JavaScript's exact integers) for every date after April 1970; use `ts_microseconds` or `ts_milliseconds`".into()));
        }
        "time::serde::rfc3339" | "time::serde::rfc2822" | "time::serde::iso8601" => Shape::String,
        "time::serde::rfc3339::option" | "time::serde::rfc2822::option" | "time::serde::iso8601::option" => {
            option(Shape::String)
        }
        "time::serde::timestamp" => Shape::Int(I64),
        "time::serde::timestamp::option" => option(Shape::Int(I64)),
        "uuid::serde::simple" | "uuid::serde::hyphenated" | "uuid::serde::urn" | "uuid::serde::braced" => Shape::String,
        "rust_decimal::serde::float" => Shape::Float(FloatKind::F64),
        "rust_decimal::serde::float_option" => option(Shape::Float(FloatKind::F64)),
        "rust_decimal::serde::str" => Shape::String,
        "rust_decimal::serde::str_option" => option(Shape::String),
        "serde_bytes" => match field {
            Shape::Option(_) => option(Shape::Bytes),
            _ => Shape::Bytes,
        },
        _ => return None,
    };
    Some(Ok(shape))
}

/// The definition dogen writes for `name` (one of the names [`external`]
/// gives as [`Known::Def`]).
pub fn definition(name: &str) -> Option<TypeDef> {
    let ident = |n: &str| syn::Ident::new(n, Span::call_site());
    let param = |n: &str| TypeParam { ident: ident(n), default: None };
    let named = |n: &str| TypeRef {
        ty: Box::new(syn::Type::Path(syn::TypePath { qself: None, path: ident(n).into() })),
        shape: Shape::Named(n.into(), Vec::new()),
    };
    let prim = |ty: syn::Type, shape: Shape| TypeRef { ty: Box::new(ty), shape };
    let field = |name: &str, ty: TypeRef| Field {
        member: syn::Member::Named(ident(name)),
        name: name.to_owned(),
        docs: Vec::new(),
        ty,
        flatten: false,
        missing_on_output: false,
        missing_on_input: false,
        mapped: None,
    };
    let object = |fields: Vec<Field>| TypeBody::Object(Object { tag: None, fields });
    let variant = |name: &str, body: VariantBody| Variant {
        ident: ident(name),
        name: name.to_owned(),
        docs: Vec::new(),
        body,
        untagged: false,
        output_only: false,
    };
    let (rust, docs, generics, body): (&str, &[&str], Vec<TypeParam>, TypeBody) = match name {
        "JsonValue" => {
            let variants = vec![
                variant("Null", VariantBody::Unit),
                variant("Bool", VariantBody::Newtype(prim(parse_quote!(bool), Shape::Bool))),
                variant("Number", VariantBody::Newtype(prim(parse_quote!(f64), Shape::Float(FloatKind::F64)))),
                variant("String", VariantBody::Newtype(prim(parse_quote!(String), Shape::String))),
                variant("Array", VariantBody::Newtype(named("JsonArray"))),
                variant("Object", VariantBody::Newtype(named("JsonObject"))),
            ];
            (
                "serde_json::Value",
                &["Any JSON value: `serde_json::Value`."],
                Vec::new(),
                TypeBody::Enum(Enum { tagging: Tagging::Untagged, variants }),
            )
        }
        // Interfaces in TypeScript (see the backend): a recursive alias
        // through arrays and index signatures is too deep for the RPC
        // stub types of workers-types.
        "JsonArray" => (
            "serde_json::Value::Array",
            &["A JSON array."],
            Vec::new(),
            TypeBody::Transparent(prim(parse_quote!(Vec<JsonValue>), Shape::Seq(Box::new(named("JsonValue").shape)))),
        ),
        "JsonObject" => (
            "serde_json::Map",
            &["A JSON object: `serde_json::Map<String, Value>`."],
            Vec::new(),
            TypeBody::Transparent(prim(
                parse_quote!(HashMap<String, JsonValue>),
                Shape::Map(Box::new(Shape::String), Box::new(named("JsonValue").shape)),
            )),
        ),
        "Duration" => (
            "std::time::Duration",
            &["`std::time::Duration`: whole seconds and the nanoseconds past them."],
            Vec::new(),
            object(vec![
                field("secs", prim(parse_quote!(u64), Shape::Int(IntKind::U64))),
                field("nanos", prim(parse_quote!(u32), Shape::Int(IntKind::U32))),
            ]),
        ),
        "SystemTime" => (
            "std::time::SystemTime",
            &["`std::time::SystemTime`: seconds and nanoseconds since 1970-01-01 UTC."],
            Vec::new(),
            object(vec![
                field("secs_since_epoch", prim(parse_quote!(u64), Shape::Int(IntKind::U64))),
                field("nanos_since_epoch", prim(parse_quote!(u32), Shape::Int(IntKind::U32))),
            ]),
        ),
        "Range" | "RangeInclusive" => (
            if name == "Range" { "std::ops::Range" } else { "std::ops::RangeInclusive" },
            if name == "Range" {
                &["`std::ops::Range`: `start` included, `end` excluded."]
            } else {
                &["`std::ops::RangeInclusive`: `start` and `end` included."]
            },
            vec![param("Idx")],
            object(vec![field("start", named("Idx")), field("end", named("Idx"))]),
        ),
        "RangeFrom" => (
            "std::ops::RangeFrom",
            &["`std::ops::RangeFrom`: `start` and everything after it."],
            vec![param("Idx")],
            object(vec![field("start", named("Idx"))]),
        ),
        "RangeTo" => (
            "std::ops::RangeTo",
            &["`std::ops::RangeTo`: everything before `end`."],
            vec![param("Idx")],
            object(vec![field("end", named("Idx"))]),
        ),
        "Bound" => (
            "std::ops::Bound",
            &["`std::ops::Bound`: one end of a range."],
            vec![param("T")],
            TypeBody::Enum(Enum {
                tagging: Tagging::External,
                variants: vec![
                    variant("Included", VariantBody::Newtype(named("T"))),
                    variant("Excluded", VariantBody::Newtype(named("T"))),
                    variant("Unbounded", VariantBody::Unit),
                ],
            }),
        ),
        "Result" => (
            "std::result::Result",
            &["`Result` inside a value, as serde writes it: `{ Ok: T }` or `{ Err: E }`."],
            vec![param("T"), param("E")],
            TypeBody::Enum(Enum {
                tagging: Tagging::External,
                variants: vec![
                    variant("Ok", VariantBody::Newtype(named("T"))),
                    variant("Err", VariantBody::Newtype(named("E"))),
                ],
            }),
        ),
        _ => return None,
    };
    Some(TypeDef {
        ident: ident(name),
        docs: docs.iter().map(|d| (*d).to_owned()).collect(),
        generics,
        body,
        usage: Usage::default(),
        source: Source::Builtin(rust.to_owned()),
    })
}

/// Every name [`definition`] knows.
pub const DEFINITIONS: &[&str] = &[
    "JsonValue",
    "JsonArray",
    "JsonObject",
    "Duration",
    "SystemTime",
    "Range",
    "RangeInclusive",
    "RangeFrom",
    "RangeTo",
    "Bound",
    "Result",
];
