//! dogen's JSON reader (`Json::decode`) reads what serde_json with
//! `float_roundtrip` reads, as the same values, and refuses what it
//! refuses, in the same words at the same line and column.
//!
//! The fuzzer's `json` target (`tests/fuzz/engine/json.rs`) compares the
//! two on random and mangled documents; these are the documents chance
//! rarely writes: nesting at the limit, positions on later lines, floats
//! that need every digit, and serde_json's private `RawValue` protocol.

use std::collections::BTreeMap;
use std::fmt::Debug;

use dogen::{Format, Json};
use serde::de::DeserializeOwned;

/// Reads `text` as a `T` both ways; they must agree. Returns dogen's
/// outcome.
#[track_caller]
fn same<T: DeserializeOwned + Debug>(text: &str) -> Result<String, String> {
    let ours = Json::decode::<T>(&text.as_bytes().to_vec()).map(|v| format!("{v:?}"));
    let theirs =
        serde_json::from_str::<T>(text).map(|v| format!("{v:?}")).map_err(|e| dogen::__private::quote_message(&e));
    assert_eq!(ours, theirs, "reading {text:?} as {}", std::any::type_name::<T>());
    ours
}

#[test]
fn nesting_stops_at_serde_json_s_limit() {
    for depth in [1, 126, 127, 128, 129, 500] {
        let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        same::<serde_json::Value>(&arrays).ok();
        same::<serde::de::IgnoredAny>(&arrays).ok();
        let objects = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
        same::<serde_json::Value>(&objects).ok();
        let enums = format!("{}0{}", "{\"Node\":[".repeat(depth), "]}".repeat(depth));
        same::<Tree>(&enums).ok();
    }
    // The limit is a position, not a crash.
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(same::<serde_json::Value>(&deep), Err("recursion limit exceeded at line 1 column 128".to_owned()));
}

#[derive(Debug, serde::Deserialize)]
enum Tree {
    #[allow(dead_code)]
    Leaf(u8),
    #[allow(dead_code)]
    Node(Vec<Tree>),
}

#[test]
fn positions_count_lines_and_bytes() {
    let documents = [
        "[\n  1,\n  2,\n  x\n]",
        "{\n\t\"a\": 1,\r\n\t\"b\": tru\n}",
        "\n\n\n   \"é\" ",
        "[1,\n2,\n]",
        "{\"a\":1,\n}",
        "[\"é\", \"\\q\"]",
        "\"\u{1F4A1}\n\"",
        "[1]\n\n x",
        "",
        "   ",
        "[\n\"\\ud800\\u0041\"]",
        "{\"a\"\n:\n[1\n,\n2\n]\n,\n\"b\"\n}",
    ];
    for text in documents {
        same::<serde_json::Value>(text).ok();
        same::<Vec<String>>(text).ok();
        same::<BTreeMap<String, Vec<u8>>>(text).ok();
        same::<serde::de::IgnoredAny>(text).ok();
    }
}

/// A value whose `Deserialize` reads JSON of its own from a string, and
/// passes that reader's error on as text.
#[derive(Debug)]
struct Embedded(#[allow(dead_code)] serde_json::Value);

impl<'de> serde::Deserialize<'de> for Embedded {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(deserializer)?;
        serde_json::from_str(&text).map(Embedded).map_err(serde::de::Error::custom)
    }
}

#[test]
fn a_message_that_ends_in_a_position_keeps_it() {
    // The inner reader's ` at line L column C` is the error's position,
    // not text followed by a second position.
    assert_eq!(same::<Embedded>(r#""[1,""#), Err("EOF while parsing a value at line 1 column 3".to_owned()));
    assert_eq!(
        same::<Vec<Embedded>>("[\n\"{\\\"a\\\":\"]"),
        Err("EOF while parsing a value at line 1 column 5".to_owned())
    );
    // Anything else after ` at line ` stays in the message, placed where
    // the outer reader stopped; the last ` at line ` is the one that
    // counts.
    for text in [
        r#"["x at line 3"]"#,
        r#"["x at line 3 column"]"#,
        r#"["x at line  column 4"]"#,
        r#"["at line 1 column 2x"]"#,
        r#"["x at line 9 y at line 1 column 2"]"#,
        r#"["x at line 1 column 2 at line 3 column 4"]"#,
    ] {
        same::<Vec<Custom>>(text).ok();
    }
    assert_eq!(same::<Vec<Custom>>(r#"["x at line 3"]"#), Err("x at line 3 at line 1 column 15".to_owned()));
    assert_eq!(
        same::<Vec<Custom>>(r#"["x at line 9 y at line 1 column 2"]"#),
        Err("x at line 9 y at line 1 column 2".to_owned())
    );
}

/// A value whose `Deserialize` refuses every string, in the string's own
/// words.
#[derive(Debug)]
struct Custom;

impl<'de> serde::Deserialize<'de> for Custom {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(deserializer)?;
        Err(serde::de::Error::custom(text))
    }
}

#[test]
fn floats_are_correctly_rounded() {
    let cases = [
        // The classic hard ones: 17 digits, halfway points, the edges of
        // the subnormals and of the range.
        ("0.30000000000000004", 0.30000000000000004),
        ("9007199254740993", 9007199254740992.0),
        ("9007199254740995", 9007199254740996.0),
        ("2.2250738585072011e-308", 2.225073858507201e-308),
        ("2.4703282292062327e-324", 0.0),
        ("2.4703282292062328e-324", 5e-324),
        ("1.7976931348623157e308", f64::MAX),
        ("1.7976931348623158e308", f64::MAX),
        ("8.988465674311579e307", 8.988465674311579e307),
        ("1e23", 1e23),
        ("0.1e-999999999999", 0.0),
        ("-0.0", -0.0),
    ];
    for (text, expected) in cases {
        assert_eq!(same::<f64>(text), Ok(format!("{expected:?}")), "{text}");
    }
    // Half the smallest subnormal, 2^-1075, written out in full (1,076
    // significant digits): exactly halfway, it rounds to even (zero); a
    // 1 far past its last digit tips it up.
    let half = halve(&format!("{:.1100e}", 5e-324));
    assert_eq!(same::<f64>(&half), Ok("0.0".to_owned()));
    let above = half.replace('e', "0000000001e");
    assert_eq!(same::<f64>(&above), Ok("5e-324".to_owned()));
    // f32 straight from the digits: 1.00000005960464477539062500001 is
    // just above the halfway point between 1 and the next f32, but rounds
    // to 1.0000000596046448 as an f64, which is exactly halfway and would
    // then round down to 1.0.
    assert_eq!(same::<f32>("1.00000005960464477539062500001"), Ok("1.0000001".to_owned()));
    // Either side of the halfway point between f32::MAX and 2^128.
    assert_eq!(same::<f32>("3.4028235677e38"), Ok("3.4028235e38".to_owned()));
    assert_eq!(same::<f32>("3.4028235678e38"), Err("number out of range at line 1 column 15".to_owned()));
    assert_eq!(same::<f32>("3.5e38"), Err("number out of range at line 1 column 6".to_owned()));
    assert_eq!(same::<f64>("1e309"), Err("number out of range at line 1 column 5".to_owned()));
    assert_eq!(same::<f64>("1e99999999999"), Err("number out of range at line 1 column 12".to_owned()));
    // The difference between 1 and 1.0 is kept where serde keeps it.
    assert_eq!(
        same::<serde_json::Value>("[1, 1.0, -0, 1e0]"),
        Ok("Array [Number(1), Number(1.0), Number(-0.0), Number(1.0)]".to_owned())
    );
}

/// `text` (`D.DDDe-N`, as `{:e}` writes it) divided by two, exactly.
fn halve(text: &str) -> String {
    let (mantissa, exp) = text.split_once('e').expect("an exponent");
    let digits: Vec<u32> = mantissa.bytes().filter(u8::is_ascii_digit).map(|b| u32::from(b - b'0')).collect();
    let mut out = String::new();
    let mut carry = 0;
    for d in digits.into_iter().chain([0]) {
        let n = carry * 10 + d;
        out.push(char::from_digit(n / 2, 10).expect("a digit"));
        carry = n % 2;
    }
    // The mantissa's first digit is at least 2, so the half's is not 0.
    assert!(!out.starts_with('0'), "halve {text}");
    format!("{}.{}e{exp}", &out[..1], &out[1..])
}

#[test]
fn raw_values_are_the_text_as_written() {
    for text in ["{\"a\": [1, 2.50, \"x\"] }", " [ ] ", "1e5", "\"\\u00e9\"", "{\"a\":", "[1,]"] {
        same::<Box<serde_json::value::RawValue>>(text).ok();
        same::<BTreeMap<String, Box<serde_json::value::RawValue>>>(text).ok();
        same::<Vec<Box<serde_json::value::RawValue>>>(text).ok();
    }
}

#[test]
fn map_keys_hold_numbers_and_bools_in_quotes() {
    for text in [
        "{\"1\": 2, \"-3\": 4}",
        "{\"1.5\": 2}",
        "{\" 1\": 2}",
        "{\"1 \": 2}",
        "{\"99999999999999999999999999999999999999999\": 1}",
        "{\"true\": 1, \"false\": 2}",
        "{\"truex\": 1}",
        "{\"yes\": 1}",
        "{\"\": 1}",
    ] {
        same::<BTreeMap<i64, i32>>(text).ok();
        same::<BTreeMap<u8, i32>>(text).ok();
        same::<BTreeMap<i128, i32>>(text).ok();
        same::<BTreeMap<u128, i32>>(text).ok();
        same::<BTreeMap<bool, i32>>(text).ok();
        same::<BTreeMap<String, i32>>(text).ok();
        same::<Vec<(f32, f64)>>(text).ok();
    }
}

/// The reader's floats against the standard library's parser (correctly
/// rounded too) on numbers of every length and exponent: the digits the
/// reader gathers as it reads (up to 19), the ones it reads again (more),
/// `f32` straight from the digits.
#[test]
fn floats_match_the_standard_library() {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut texts = Vec::new();
    for _ in 0..40_000 {
        texts.push(format!("{:?}", f64::from_bits(next() >> 1)));
        texts.push(format!("{:?}", f32::from_bits(next() as u32 >> 1)));
        texts.push(format!("{:?}", 20.0 + (next() % 1000) as f64 * 0.1));
        let int: String = (0..next() % 12).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
        let frac: String = (0..next() % 25).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
        let int = if int.is_empty() || int.starts_with('0') { format!("1{int}") } else { int };
        let frac = if frac.is_empty() { String::new() } else { format!(".{frac}") };
        texts.push(format!("{int}{frac}e{}", (next() % 80) as i64 - 40));
    }
    for text in texts {
        let body = text.clone().into_bytes();
        let expected: f64 = text.parse().expect("a number");
        if expected.is_finite() {
            let read: f64 = Json::decode(&body).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(read.to_bits(), expected.to_bits(), "{text} as f64");
        }
        let expected: f32 = text.parse().expect("a number");
        if expected.is_finite() {
            let read: f32 = Json::decode(&body).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(read.to_bits(), expected.to_bits(), "{text} as f32");
        }
    }
}
