//! The `json` target: dogen's JSON reader (`Json::decode`) against
//! serde_json with `float_roundtrip`, on the same bytes read as the same
//! type. Both must give the same value (compared by `Debug`, which tells
//! every float apart, `-0.0` included) or refuse with the same message,
//! position included.
//!
//! Inputs are values of many types as serde_json writes them, random JSON,
//! and numbers written every way JSON allows (long digit strings, halfway
//! cases, huge exponents), each read as one of the types below and
//! mutated half the time.

#[allow(unused_imports)]
use super::*;

use dogen::Format;
use serde::de::{DeserializeOwned, Visitor};

/// One type the reader is held to serde_json on: its name, a generator of
/// documents, and the comparison.
pub(crate) type JsonCase = (&'static str, fn(&mut Rng) -> Vec<u8>, fn(&[u8]) -> Result<String, String>);

/// Reads `input` as a `T` both ways; the outcome, or how they differ.
pub(crate) fn compare<T: DeserializeOwned + Debug>(input: &[u8]) -> Result<String, String> {
    let ours = Json::decode::<T>(&input.to_vec()).map(|v| format!("{v:?}"));
    let theirs = match std::str::from_utf8(input) {
        Ok(text) => {
            serde_json::from_str::<T>(text).map(|v| format!("{v:?}")).map_err(|e| dogen::__private::quote_message(&e))
        }
        Err(e) => Err(format!("the JSON is not UTF-8: invalid byte at offset {}", e.valid_up_to())),
    };
    if ours != theirs {
        return Err(format!("dogen's reader gave {ours:?}, serde_json {theirs:?}"));
    }
    Ok(if ours.is_ok() { "json: same value" } else { "json: same error" }.to_owned())
}

/// [`compare`] for a map keyed by `bool`, on ASCII only: serde_json names
/// a key it cannot read as a `bool` without its first byte, which, beyond
/// ASCII, leaves bytes that are not text in its message (and its
/// formatter panics on them). dogen's reader names such a key whole; here
/// it only has to answer.
fn compare_bool_keys(input: &[u8]) -> Result<String, String> {
    if input.is_ascii() {
        return compare::<BTreeMap<bool, i32>>(input);
    }
    let _ = Json::decode::<BTreeMap<bool, i32>>(&input.to_vec());
    Ok("json: answered".to_owned())
}

/// A number as JSON may write it, biased towards what is hard to round.
pub(crate) fn number_text(g: &mut Rng) -> String {
    let mut out = String::new();
    match g.below(8) {
        0 => out.push_str(g.pick::<&str>(NUMBERS)),
        1 => {
            let _ = write!(out, "{:?}", f64::from_bits(g.next()));
        }
        2 => {
            let _ = write!(out, "{:e}", f32::from_bits(g.next() as u32));
        }
        // A double or float printed with more digits than it needs, the
        // last one nudged: near (or on) a halfway point.
        3 | 4 => {
            let digits = g.range(15, 40);
            let text = if g.one_in(2) {
                format!("{:.*e}", digits, f64::from_bits(g.next() >> 1))
            } else {
                format!("{:.*e}", digits, f32::from_bits(g.next() as u32 >> 1))
            };
            let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
            let mut mantissa = mantissa.as_bytes().to_vec();
            if let Some(last) = mantissa.last_mut().filter(|d| d.is_ascii_digit()) {
                *last = b'0' + (*last - b'0' + g.pick(&[0u8, 1, 9])) % 10;
            }
            let _ = write!(out, "{}e{exp}", String::from_utf8_lossy(&mantissa));
        }
        _ => {
            if g.one_in(3) {
                out.push('-');
            }
            let int_digits = g.below(30);
            if int_digits == 0 {
                out.push('0');
            }
            for i in 0..int_digits {
                out.push((b'0' + if i == 0 { g.range(1, 9) } else { g.below(10) } as u8) as char);
            }
            if g.one_in(2) {
                out.push('.');
                for _ in 0..g.range(1, 40) {
                    out.push((b'0' + g.below(10) as u8) as char);
                }
            }
            if g.one_in(2) {
                out.push(*g.pick(&['e', 'E']));
                if g.one_in(2) {
                    out.push(*g.pick(&['+', '-']));
                }
                let exp = match g.below(4) {
                    0 => g.below(10),
                    1 => g.below(400),
                    2 => g.range(280, 360),
                    _ => g.wide() as usize % 100_000_000_000,
                };
                let _ = write!(out, "{exp}");
            }
        }
    }
    out
}

/// A number, or an array of a few.
fn numbers(g: &mut Rng) -> Vec<u8> {
    if g.one_in(2) {
        return number_text(g).into_bytes();
    }
    let items: Vec<String> = (0..g.below(4)).map(|_| number_text(g)).collect();
    format!("[{}]", items.join(",")).into_bytes()
}

fn any_json(g: &mut Rng) -> Vec<u8> {
    let mut out = String::new();
    random_json(g, 0, &mut out);
    out.into_bytes()
}

/// Bytes read through `deserialize_bytes`: a string's raw bytes (escapes
/// decoded, lone surrogates as WTF-8) or an array of numbers.
#[derive(Debug)]
pub(crate) struct Bytes(Vec<u8>);

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BytesVisitor;
        impl<'de> Visitor<'de> for BytesVisitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = seq.next_element()? {
                    out.push(b);
                }
                Ok(Bytes(out))
            }
        }
        deserializer.deserialize_byte_buf(BytesVisitor)
    }
}

/// A struct that refuses unknown fields, with a flattened map.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Strict {
    a: u8,
    #[serde(default)]
    b: Option<f32>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Flat {
    id: i64,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Newtype(f64);

#[derive(Debug, Deserialize)]
pub(crate) struct TupleStruct(u16, String);

macro_rules! cases {
    ($($name:literal: $t:ty => $make:expr;)*) => {
        pub(crate) fn json_cases() -> Vec<JsonCase> {
            let mut cases: Vec<JsonCase> = vec![$(($name, $make, compare::<$t>)),*];
            cases.push(("bool keys", any_json, compare_bool_keys));
            cases
        }
    };
}

cases! {
    "i8": i8 => numbers;
    "u8": u8 => args_of::<u8>;
    "i16": i16 => args_of::<i16>;
    "u32": u32 => numbers;
    "i64": i64 => args_of::<i64>;
    "u64": u64 => numbers;
    "i128": i128 => args_of::<i128>;
    "u128": u128 => numbers;
    "f32": f32 => numbers;
    "f32 written": f32 => args_of::<f32>;
    "f64": f64 => numbers;
    "f64 written": f64 => args_of::<f64>;
    "floats": Vec<f64> => numbers;
    "singles": Vec<f32> => numbers;
    "ints": Vec<i64> => numbers;
    "bool": bool => any_json;
    "char": char => args_of::<char>;
    "string": String => args_of::<String>;
    "unit": () => any_json;
    "option": Option<Vec<u8>> => any_json;
    "value": serde_json::Value => any_json;
    "value of numbers": serde_json::Value => numbers;
    "raw value": Box<serde_json::value::RawValue> => any_json;
    "bytes": Bytes => args_of::<String>;
    "text and numbers": (String, f64, bool) => any_json;
    "string map": BTreeMap<String, f32> => any_json;
    "integer keys": BTreeMap<i32, u8> => args_of::<BTreeMap<String, u32>>;
    "u64 keys": HashMap<u64, bool> => any_json;
    "i128 keys": BTreeMap<i128, bool> => any_json;
    "char keys": BTreeMap<char, i32> => any_json;
    "record": Record => args_of::<Record>;
    "external": External => args_of::<External>;
    "internal": Internal => args_of::<Internal>;
    "adjacent": Adjacent => args_of::<Adjacent>;
    "untagged": Untagged => args_of::<Untagged>;
    "tree": Tree => args_of::<Tree>;
    "unit struct and level": (Unit, Level) => args_of::<(Unit, Level)>;
    "math error": MathError => any_json;
    "strict": Strict => any_json;
    "flattened": Flat => any_json;
    "newtype": Newtype => numbers;
    "tuple struct": TupleStruct => any_json;
    "ignored": serde::de::IgnoredAny => any_json;
    "inner list": Vec<Inner> => args_of::<Vec<Inner>>;
}

/// An input of the `json` target: which type, and the bytes.
pub(crate) fn json_input(g: &mut Rng, cases: &[JsonCase]) -> (usize, Vec<u8>) {
    let case = g.below(cases.len());
    let mut input = (cases[case].1)(g);
    if g.one_in(2) {
        let donor = any_json(g);
        mutate(g, &mut input, &donor);
    }
    (case, input)
}
