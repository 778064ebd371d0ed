//! Scalars: every integer width at its extremes, floats bit for bit, `bool`,
//! `char`, `String` and `&str`.

use dogen::{CallError, ProtocolErrorKind};
use futures_executor::block_on;

use crate::{raw_ok, rejects};

/// Echoes every scalar type, and a few methods that compute from them.
#[dogen::durable]
pub trait Scalars {
    async fn echo_i8(&self, v: i8) -> i8;
    async fn echo_i16(&self, v: i16) -> i16;
    async fn echo_i32(&self, v: i32) -> i32;
    async fn echo_i64(&self, v: i64) -> i64;
    async fn echo_i128(&self, v: i128) -> i128;
    async fn echo_isize(&self, v: isize) -> isize;
    async fn echo_u8(&self, v: u8) -> u8;
    async fn echo_u16(&self, v: u16) -> u16;
    async fn echo_u32(&self, v: u32) -> u32;
    async fn echo_u64(&self, v: u64) -> u64;
    async fn echo_u128(&self, v: u128) -> u128;
    async fn echo_usize(&self, v: usize) -> usize;
    async fn echo_f32(&self, v: f32) -> f32;
    async fn echo_f64(&self, v: f64) -> f64;
    async fn negate(&self, v: bool) -> bool;
    async fn next_char(&self, c: char) -> char;
    async fn shout(&self, s: String) -> String;
    async fn count_chars(&self, s: &str) -> usize;
    async fn describe(&self, a: u8, b: i64, c: f64, d: bool, e: char, f: &str) -> String;
}

struct Impl;

impl Scalars for Impl {
    async fn echo_i8(&self, v: i8) -> i8 {
        v
    }
    async fn echo_i16(&self, v: i16) -> i16 {
        v
    }
    async fn echo_i32(&self, v: i32) -> i32 {
        v
    }
    async fn echo_i64(&self, v: i64) -> i64 {
        v
    }
    async fn echo_i128(&self, v: i128) -> i128 {
        v
    }
    async fn echo_isize(&self, v: isize) -> isize {
        v
    }
    async fn echo_u8(&self, v: u8) -> u8 {
        v
    }
    async fn echo_u16(&self, v: u16) -> u16 {
        v
    }
    async fn echo_u32(&self, v: u32) -> u32 {
        v
    }
    async fn echo_u64(&self, v: u64) -> u64 {
        v
    }
    async fn echo_u128(&self, v: u128) -> u128 {
        v
    }
    async fn echo_usize(&self, v: usize) -> usize {
        v
    }
    async fn echo_f32(&self, v: f32) -> f32 {
        v
    }
    async fn echo_f64(&self, v: f64) -> f64 {
        v
    }
    async fn negate(&self, v: bool) -> bool {
        !v
    }
    async fn next_char(&self, c: char) -> char {
        char::from_u32(c as u32 + 1).unwrap_or(c)
    }
    async fn shout(&self, s: String) -> String {
        s.to_uppercase()
    }
    async fn count_chars(&self, s: &str) -> usize {
        s.chars().count()
    }
    async fn describe(&self, a: u8, b: i64, c: f64, d: bool, e: char, f: &str) -> String {
        format!("{a}|{b}|{c}|{d}|{e}|{f}")
    }
}

fn client() -> ScalarsClient<dogen::InProcess<ScalarsServer<Box<Impl>>>> {
    ScalarsClient::in_process(Box::new(Impl))
}

/// Every value must come back unchanged; the extremes are where a lossy
/// encoding (through f64, or a narrower integer) would show.
macro_rules! assert_echoes {
    ($client:ident . $method:ident : $($value:expr),+ $(,)?) => {
        $( assert_eq!($client.$method($value).await, Ok($value), "{}({:?})", stringify!($method), $value); )+
    };
}

#[test]
fn signed_integers_keep_their_extremes() {
    block_on(async {
        let c = client();
        assert_echoes!(c.echo_i8: i8::MIN, -1, 0, i8::MAX);
        assert_echoes!(c.echo_i16: i16::MIN, -1, 0, i16::MAX);
        assert_echoes!(c.echo_i32: i32::MIN, -1, 0, i32::MAX);
        assert_echoes!(c.echo_i64: i64::MIN, -(1 << 53) - 1, -1, 0, (1 << 53) + 1, i64::MAX);
        assert_echoes!(c.echo_i128: i128::MIN, -1, 0, i128::MAX);
        assert_echoes!(c.echo_isize: isize::MIN, 0, isize::MAX);
    });
}

#[test]
fn unsigned_integers_keep_their_extremes() {
    block_on(async {
        let c = client();
        assert_echoes!(c.echo_u8: 0, 1, u8::MAX);
        assert_echoes!(c.echo_u16: 0, u16::MAX);
        assert_echoes!(c.echo_u32: 0, u32::MAX);
        assert_echoes!(c.echo_u64: 0, (1 << 53) + 1, u64::MAX - 1, u64::MAX);
        assert_echoes!(c.echo_u128: 0, u128::MAX);
        assert_echoes!(c.echo_usize: 0, usize::MAX);
    });
}

#[test]
fn large_integers_are_exact_on_the_wire() {
    let server = ScalarsServer(&Impl);
    assert_eq!(raw_ok(&server, "echoI64", "[-9223372036854775808]"), "-9223372036854775808");
    assert_eq!(raw_ok(&server, "echoI64", "[9007199254740993]"), "9007199254740993");
    assert_eq!(raw_ok(&server, "echoU64", "[18446744073709551615]"), "18446744073709551615");
    assert_eq!(
        raw_ok(&server, "echoU128", "[340282366920938463463374607431768211455]"),
        "340282366920938463463374607431768211455"
    );
}

#[test]
fn out_of_range_integers_are_rejected_not_wrapped() {
    let server = ScalarsServer(&Impl);
    rejects(&server, "echoI64", b"[9223372036854775808]", ProtocolErrorKind::BadArguments);
    rejects(&server, "echoU64", b"[18446744073709551616]", ProtocolErrorKind::BadArguments);
    rejects(&server, "echoU8", b"[256]", ProtocolErrorKind::BadArguments);
    rejects(&server, "echoU8", b"[-1]", ProtocolErrorKind::BadArguments);
    rejects(&server, "echoI8", b"[-129]", ProtocolErrorKind::BadArguments);
    rejects(&server, "echoI32", b"[1.5]", ProtocolErrorKind::BadArguments);
}

#[test]
fn floats_keep_every_bit() {
    block_on(async {
        let c = client();
        for v in [0.0f32, -0.0, 0.1, -1.5, f32::MIN_POSITIVE, 1e-45, f32::MAX, f32::MIN, f32::EPSILON] {
            let back = c.echo_f32(v).await.unwrap();
            assert_eq!(back.to_bits(), v.to_bits(), "echo_f32({v:e}) came back as {back:e}");
        }
        // The last ones came back one bit off before dogen read floats
        // correctly rounded (serde_json's `float_roundtrip` then, dogen's
        // own reader now); the fuzzer found them.
        for v in [
            0.0f64,
            -0.0,
            0.1,
            1.0 / 3.0,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            1e300,
            1.6196979690205212e268,
            2.860608335886804e-30,
            -2.0436399250531972e-257,
            8.203778318021955e106,
            1.739553994255574e198,
            -1.8279676923014876e-282,
        ] {
            let back = c.echo_f64(v).await.unwrap();
            assert_eq!(back.to_bits(), v.to_bits(), "echo_f64({v:e}) came back as {back:e}");
        }
    });
}

/// JSON has no NaN or infinity (serde_json alone writes `null`): the client
/// refuses to encode them, so the call fails loudly on the caller's side
/// instead of delivering a different number. `non_finite.rs` has the rest.
#[test]
fn non_finite_floats_are_a_protocol_error() {
    block_on(async {
        let c = client();
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            match c.echo_f64(v).await {
                Err(CallError::Protocol(e)) => {
                    assert_eq!(e.kind, ProtocolErrorKind::BadArguments, "{v}: {}", e.message);
                    assert!(e.message.starts_with("cannot encode the arguments of `echoF64`: "), "{}", e.message);
                }
                other => panic!("echo_f64({v}): expected a protocol error, got {other:?}"),
            }
            match c.echo_f32(v as f32).await {
                Err(CallError::Protocol(e)) => assert_eq!(e.kind, ProtocolErrorKind::BadArguments, "{}", e.message),
                other => panic!("echo_f32({v}): expected a protocol error, got {other:?}"),
            }
        }
    });
    // A JSON `null` is not a number either.
    let server = ScalarsServer(&Impl);
    rejects(&server, "echoF64", b"[null]", ProtocolErrorKind::BadArguments);
}

#[test]
fn bools_and_chars() {
    block_on(async {
        let c = client();
        assert_eq!(c.negate(true).await, Ok(false));
        assert_eq!(c.negate(false).await, Ok(true));
        assert_eq!(c.next_char('a').await, Ok('b'));
        assert_eq!(c.next_char('\0').await, Ok('\u{1}'));
        assert_eq!(c.next_char('é').await, Ok('ê'));
        assert_eq!(c.next_char('\u{1F4A0}').await, Ok('\u{1F4A1}'));
    });
    let server = ScalarsServer(&Impl);
    assert_eq!(raw_ok(&server, "nextChar", r#"["y"]"#), r#""z""#);
    rejects(&server, "nextChar", br#"["ab"]"#, ProtocolErrorKind::BadArguments);
    rejects(&server, "nextChar", br#"[""]"#, ProtocolErrorKind::BadArguments);
    rejects(&server, "negate", b"[1]", ProtocolErrorKind::BadArguments);
}

#[test]
fn strings_survive_escapes_and_unicode() {
    block_on(async {
        let c = client();
        assert_eq!(c.shout(String::new()).await, Ok(String::new()));
        assert_eq!(c.shout("straße \"q\" \\ \n\t\u{0}".into()).await, Ok("STRASSE \"Q\" \\ \n\t\u{0}".into()));
        assert_eq!(c.count_chars("").await, Ok(0));
        assert_eq!(c.count_chars("héllo 💡").await, Ok(7));
        let long = "ab".repeat(50_000);
        assert_eq!(c.count_chars(&long).await, Ok(100_000));
        let borrowed: &str = &long[..3];
        assert_eq!(c.count_chars(borrowed).await, Ok(3));
    });
    let server = ScalarsServer(&Impl);
    assert_eq!(raw_ok(&server, "countChars", r#"["\u00e9\ud83d\udca1"]"#), "2");
    rejects(&server, "countChars", br#"["\ud800"]"#, ProtocolErrorKind::BadArguments);
}

#[test]
fn many_arguments_of_mixed_types_keep_their_order() {
    block_on(async {
        let c = client();
        assert_eq!(c.describe(7, -3, 2.5, true, 'x', "end").await, Ok("7|-3|2.5|true|x|end".into()));
    });
    let server = ScalarsServer(&Impl);
    assert_eq!(raw_ok(&server, "describe", r#"[255, -1, 0.5, false, "ü", ""]"#), r#""255|-1|0.5|false|ü|""#);
    rejects(&server, "describe", br#"[-1, 255, 0.5, false, "u", ""]"#, ProtocolErrorKind::BadArguments);
}
