//! dogen's JSON writer (`Json::encode`) writes the bytes serde_json
//! writes, fails where it fails with the same message, and refuses NaN
//! and the infinities wherever they are, map keys included.
//!
//! The fuzzer's `write` target (`tests/fuzz/engine/write.rs`) compares the
//! two on random values of the interface's types; these are the shapes
//! those types never take: keys of every kind, bytes, raw values,
//! `collect_str`, compounds whose length says empty, and errors raised by
//! a `Serialize` impl.

use std::collections::BTreeMap;
use std::fmt;

use dogen::{Format, Json};
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, Serializer};

/// Writes `value` both ways; they must agree. Returns dogen's outcome.
#[track_caller]
fn same<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    let ours = Json::encode(value).map(|bytes| String::from_utf8(bytes).expect("UTF-8"));
    let theirs = serde_json::to_string(value).map_err(|e| dogen::__private::quote_message(&e));
    assert_eq!(ours, theirs, "writing a {}", std::any::type_name::<T>());
    ours
}

/// The message for a float neither JSON nor Workers RPC carries.
fn refused(name: &str) -> Result<String, String> {
    Err(format!("{name} cannot be sent: JSON and Workers RPC carry finite numbers only"))
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
enum Color {
    Red,
    DeepBlue,
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct Id(u16);

#[test]
fn map_keys_are_written_as_serde_json_writes_them() {
    assert_eq!(same(&BTreeMap::from([(true, 1), (false, 2)])), Ok(r#"{"false":2,"true":1}"#.to_owned()));
    assert_eq!(same(&BTreeMap::from([(-1i8, 0)])), Ok(r#"{"-1":0}"#.to_owned()));
    same(&BTreeMap::from([(i16::MIN, 0), (i16::MAX, 1)])).unwrap();
    same(&BTreeMap::from([(i32::MIN, 0)])).unwrap();
    same(&BTreeMap::from([(i64::MIN, 0)])).unwrap();
    same(&BTreeMap::from([(i128::MIN, 0), (i128::MAX, 1)])).unwrap();
    same(&BTreeMap::from([(u8::MAX, 0)])).unwrap();
    same(&BTreeMap::from([(u16::MAX, 0)])).unwrap();
    same(&BTreeMap::from([(u32::MAX, 0)])).unwrap();
    same(&BTreeMap::from([(u64::MAX, 0)])).unwrap();
    same(&BTreeMap::from([(u128::MAX, 0)])).unwrap();
    assert_eq!(same(&BTreeMap::from([('"', 0), ('\u{1}', 1)])), Ok(r#"{"\u0001":1,"\"":0}"#.to_owned()));
    same(&BTreeMap::from([("a\"\\\n\u{7f}é💡", 0)])).unwrap();
    assert_eq!(
        same(&BTreeMap::from([(Color::DeepBlue, 0), (Color::Red, 1)])),
        Ok(r#"{"Red":1,"DeepBlue":0}"#.to_owned())
    );
    assert_eq!(same(&BTreeMap::from([(Id(7), 0)])), Ok(r#"{"7":0}"#.to_owned()));
    assert_eq!(same(&BTreeMap::from([(Some(3u8), 0)])), Ok(r#"{"3":0}"#.to_owned()));
    // Floats as keys: finite ones in quotes, as serde_json writes them.
    same(&vec![(1.5f64, 0)].into_iter().collect::<FloatKeys<f64>>()).unwrap();
    same(&vec![(-0.0f32, 0), (1e-45, 1)].into_iter().collect::<FloatKeys<f32>>()).unwrap();
    // The keys serde_json refuses, refused in its words.
    let not_a_string = Err("key must be a string".to_owned());
    assert_eq!(same(&BTreeMap::from([((), 0)])), not_a_string);
    assert_eq!(same(&BTreeMap::from([(None::<u8>, 0)])), not_a_string);
    assert_eq!(same(&BTreeMap::from([(vec![1], 0)])), not_a_string);
    assert_eq!(same(&BTreeMap::from([((1, 2), 0)])), not_a_string);
    assert_eq!(same(&BTreeMap::from([(BTreeMap::from([(1, 2)]), 0)])), not_a_string);
}

#[test]
fn non_finite_floats_are_refused_in_keys_too() {
    // serde_json refuses these keys in its own words; dogen in the words
    // it uses for every non-finite float.
    for (key, name) in [(f64::NAN, "NaN"), (f64::INFINITY, "infinity"), (f64::NEG_INFINITY, "-infinity")] {
        let map: FloatKeys<f64> = vec![(key, 0)].into_iter().collect();
        assert_eq!(Json::encode(&map).map(|_| ()), refused(name).map(|_| ()));
        let map: FloatKeys<f32> = vec![(key as f32, 0)].into_iter().collect();
        assert_eq!(Json::encode(&map).map(|_| ()), refused(name).map(|_| ()));
        // And in values, where serde_json would write `null`.
        assert_eq!(Json::encode(&BTreeMap::from([("k", key)])).map(|_| ()), refused(name).map(|_| ()));
        assert_eq!(Json::encode(&(1, vec![Some(key as f32)])).map(|_| ()), refused(name).map(|_| ()));
    }
}

/// A map with float keys (`f64` is not `Ord`).
struct FloatKeys<F>(Vec<(F, u8)>);

impl<F> FromIterator<(F, u8)> for FloatKeys<F> {
    fn from_iter<I: IntoIterator<Item = (F, u8)>>(iter: I) -> Self {
        FloatKeys(iter.into_iter().collect())
    }
}

impl<F: Serialize> Serialize for FloatKeys<F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// A value that reaches the serializer methods derived types do not.
enum Odd {
    Bytes(&'static [u8]),
    Display(&'static str),
    /// A sequence, map or struct variant that says it is empty, then is
    /// not.
    EmptySeq(bool),
    EmptyMap(bool),
    EmptyVariant(bool),
    /// A struct that skips a field.
    Skipping,
    /// A `Serialize` impl's own error, deep inside.
    Failing,
}

impl Serialize for Odd {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Odd::Bytes(bytes) => serializer.serialize_bytes(bytes),
            Odd::Display(text) => serializer.collect_str(&format_args!("<{text}>")),
            Odd::EmptySeq(lie) => {
                let mut seq = serializer.serialize_seq(Some(0))?;
                if lie {
                    seq.serialize_element(&1)?;
                }
                seq.end()
            }
            Odd::EmptyMap(lie) => {
                let mut map = serializer.serialize_map(Some(0))?;
                if lie {
                    map.serialize_entry("k", &1)?;
                }
                map.end()
            }
            Odd::EmptyVariant(lie) => {
                let mut variant = serializer.serialize_struct_variant("Odd", 0, "V", 0)?;
                if lie {
                    variant.serialize_field("f", &1)?;
                }
                variant.end()
            }
            Odd::Skipping => {
                let mut s = serializer.serialize_struct("Odd", 2)?;
                s.serialize_field("a", &1)?;
                s.skip_field("b")?;
                s.end()
            }
            Odd::Failing => {
                let mut s = serializer.serialize_struct("Odd", 1)?;
                s.serialize_field("a", &Failing)?;
                s.end()
            }
        }
    }
}

struct Failing;

impl Serialize for Failing {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(format_args!("no {}", "way")))
    }
}

impl fmt::Debug for Odd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Odd")
    }
}

#[test]
fn the_rarer_serializer_methods_write_what_serde_json_writes() {
    assert_eq!(same(&Odd::Bytes(b"")), Ok("[]".to_owned()));
    assert_eq!(same(&Odd::Bytes(&[0, 1, 255])), Ok("[0,1,255]".to_owned()));
    assert_eq!(same(&Odd::Display("a\"b\n")), Ok(r#""<a\"b\n>""#.to_owned()));
    assert_eq!(same(&BTreeMap::from([(OddKey, 1)])), Ok(r#"{"<k\"ey>":1}"#.to_owned()));
    for lie in [false, true] {
        same(&Odd::EmptySeq(lie)).unwrap();
        same(&Odd::EmptyMap(lie)).unwrap();
        same(&Odd::EmptyVariant(lie)).unwrap();
    }
    assert_eq!(same(&Odd::Skipping), Ok(r#"{"a":1}"#.to_owned()));
    assert_eq!(same(&Odd::Failing), Err("no way".to_owned()));
    assert_eq!(same(&vec![Odd::Bytes(b"x"), Odd::Failing]), Err("no way".to_owned()));
}

/// A map key written through `collect_str`.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct OddKey;

impl Serialize for OddKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("<k\"ey>"))
    }
}

#[test]
fn raw_values_and_json_values_are_written_as_is() {
    let raw = serde_json::value::RawValue::from_string(r#"{ "a" : [1, 2.50, "x"] }"#.to_owned()).unwrap();
    assert_eq!(same(&raw), Ok(r#"{ "a" : [1, 2.50, "x"] }"#.to_owned()));
    assert_eq!(same(&(1, &raw)), Ok(r#"[1,{ "a" : [1, 2.50, "x"] }]"#.to_owned()));
    let value: serde_json::Value =
        serde_json::from_str(r#"{"n":[0,-1,18446744073709551615,-9223372036854775808,1.5e300,0.1],"s":"é\u0000"}"#)
            .unwrap();
    same(&value).unwrap();
}

#[derive(Serialize)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Unit,
    Tuple(i8, i8),
    Empty(),
    Struct {},
}

#[derive(Serialize)]
enum External {
    Unit,
    Newtype(()),
    Tuple(u8, u8),
    Empty(),
    Struct {},
}

#[test]
fn every_variant_shape_is_written_as_serde_json_writes_it() {
    for value in [External::Unit, External::Newtype(()), External::Tuple(1, 2), External::Empty(), External::Struct {}]
    {
        same(&value).unwrap();
    }
    for value in [Adjacent::Unit, Adjacent::Tuple(-1, 1), Adjacent::Empty(), Adjacent::Struct {}] {
        same(&value).unwrap();
    }
    assert_eq!(same(&External::Empty()), Ok(r#"{"Empty":[]}"#.to_owned()));
    assert_eq!(same(&External::Struct {}), Ok(r#"{"Struct":{}}"#.to_owned()));
    assert_eq!(same(&((), [(); 0], ("",), Some(None::<u8>))), Ok(r#"[null,[],[""],null]"#.to_owned()));
}

/// A struct under `RawValue`'s private name whose field is not one string:
/// refused as serde_json refuses it, and never half written.
struct FakeRaw(&'static [&'static str]);

impl Serialize for FakeRaw {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const NAME: &str = "$serde_json::private::RawValue";
        let mut s = serializer.serialize_struct(NAME, 1)?;
        match self.0 {
            [one] => s.serialize_field(NAME, one)?,
            many => s.serialize_field(NAME, many)?,
        }
        s.end()
    }
}

#[test]
fn a_raw_value_is_one_string_written_as_is() {
    assert_eq!(same(&FakeRaw(&["[1, 2]"])), Ok("[1, 2]".to_owned()));
    assert_eq!(same(&(FakeRaw(&["{}"]), 1)), Ok("[{},1]".to_owned()));
    assert_eq!(same(&FakeRaw(&[])), Err("expected RawValue".to_owned()));
    assert_eq!(same(&FakeRaw(&["1", "2"])), Err("expected RawValue".to_owned()));
    assert_eq!(same(&WrongKey), Err("expected value".to_owned()));
}

/// A `RawValue`-named struct whose field has another name.
struct WrongKey;

impl Serialize for WrongKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("$serde_json::private::RawValue", 1)?;
        s.serialize_field("text", "1")?;
        s.end()
    }
}
