//! A short run of the fuzzer (`tests/fuzz/engine/`) with a fixed seed,
//! in every `cargo test`: 50,000 inputs over `protocol::serve`, the
//! generated dispatch and client, `protocol::read_reply`, and the JSON
//! reader and writer against serde_json, none of which may panic or break an
//! invariant. `bash tests/fuzz/run` runs it at
//! length; `DOGEN_FUZZ_INPUTS` and `DOGEN_FUZZ_SEED` change this run.

use dogen::protocol::HttpReply;

#[path = "../fuzz/engine/mod.rs"]
mod engine;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn fuzz_briefly() {
    let (inputs, seed) = (env("DOGEN_FUZZ_INPUTS", 50_000), env("DOGEN_FUZZ_SEED", 1));
    let totals = engine::Fuzzer::new().run_range(seed, 0, inputs, 1);
    assert_eq!(totals.inputs, inputs);
    assert!(
        totals.panics == 0 && totals.violations == 0,
        "{} panics and {} broken invariants in {inputs} inputs of seed {seed}; the first ones:\n{}\n\
         run one again with `cargo run -p dogen-tests --bin fuzz -- --seed {seed} --index <index>`",
        totals.panics,
        totals.violations,
        totals.failures.join("\n")
    );
    // The run reaches every target and most outcomes: fewer means the
    // generators stopped covering something.
    for target in ["serve", "typed", "reply", "json", "write"] {
        assert!(totals.per_target.get(target).is_some_and(|n| *n > inputs / 16), "{target}: {:?}", totals.per_target);
    }
    let outcomes: Vec<&str> = totals.outcomes.keys().map(String::as_str).collect();
    for expected in [
        "400 bad_request",
        "405 bad_request",
        "404 unknown_method",
        "divide 500 encode",
        "fallible 500 internal",
        "checked 200 err",
        "typed refused non-finite",
        "typed encode",
        "typed failed",
        "typed app",
        "reply ok",
        "reply err",
        "reply failed",
        "reply protocol bad_arguments",
        "reply transport",
        "json: same value",
        "json: same error",
        "write: same bytes",
        "write: refused non-finite",
    ] {
        assert!(outcomes.iter().any(|o| o.ends_with(expected)), "no `{expected}` among {outcomes:?}");
    }
    assert!(outcomes.len() >= 60, "{} distinct outcomes: {outcomes:?}", outcomes.len());
}

/// The checks fail on what they exist to catch.
#[test]
fn the_checks_catch_broken_replies() {
    let reply = |status: u16, body: &str| HttpReply { status, body: body.as_bytes().to_vec() };
    let path = "/__dogen/v1/call/ints";
    let broken = [
        reply(200, r#"{"ok":1,"err":2}"#),
        reply(200, r#"{"error":{"kind":"encode","message":"m"}}"#),
        reply(400, r#"{"error":{"kind":"encode","message":"m"}}"#),
        reply(500, r#"{"error":{"kind":"overloaded","message":"m"}}"#),
        reply(400, r#"{"error":{"kind":"bad_arguments","message":"m","at":1}}"#),
        reply(400, &format!(r#"{{"error":{{"kind":"bad_arguments","message":"{}"}}}}"#, "m".repeat(2000))),
        reply(200, "{\"ok\":1"),
        // A status other than the rules give: `ints` answers no `err`.
        reply(200, r#"{"err":1}"#),
        reply(404, r#"{"error":{"kind":"unknown_method","message":"m"}}"#),
    ];
    for reply in broken {
        let shown = String::from_utf8_lossy(&reply.body).into_owned();
        assert!(engine::check_reply("POST", path, b"[]", &reply).is_err(), "{} {shown}", reply.status);
    }
    assert!(engine::check_reply("POST", path, b"[]", &reply(200, r#"{"ok":[1,2,3,4,5,6]}"#)).is_ok());
    assert!(engine::check_reply("GET", path, b"[]", &reply(200, r#"{"ok":1}"#)).is_err());
    let fine = reply(405, r#"{"error":{"kind":"bad_request","message":"m"}}"#);
    assert!(engine::check_reply("GET", path, b"[]", &fine).is_ok());
    // `read_reply` results are checked against the body.
    let input = |status: u16, body: &str| engine::ReplyInput { status, body: body.as_bytes().to_vec() };
    assert!(engine::reply_one(&input(200, r#"{"ok":[1]}"#)).is_ok());
    assert!(engine::reply_one(&input(500, r#"{"error":{"kind":"internal","message":"m"}}"#)).is_ok());
    assert!(engine::reply_one(&input(200, "[1]")).is_ok());
}

/// The `json` target tells a different value or message apart: a type
/// that reads as something new each time it is read must fail it.
#[test]
fn the_json_check_catches_disagreement() {
    use std::sync::atomic::{AtomicU32, Ordering};

    static READS: AtomicU32 = AtomicU32::new(0);

    #[derive(Debug)]
    struct Fickle(#[allow(dead_code)] u32);

    impl<'de> serde::Deserialize<'de> for Fickle {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let _ = serde::de::IgnoredAny::deserialize(deserializer)?;
            let n = READS.fetch_add(1, Ordering::Relaxed);
            if n % 4 < 2 { Ok(Fickle(n)) } else { Err(serde::de::Error::custom(format!("read {n}"))) }
        }
    }

    // Values: read 0 against read 1. Errors: "read 2" against "read 3".
    assert!(engine::compare::<Fickle>(b"[1]").is_err());
    assert!(engine::compare::<Fickle>(b"[1]").is_err());
    // The same value, and the same error, pass.
    assert_eq!(engine::compare::<u8>(b"[1]"), Ok("json: same error".to_owned()));
    assert_eq!(engine::compare::<Vec<u8>>(b"[1]"), Ok("json: same value".to_owned()));
}

/// The `write` target tells different bytes apart.
#[test]
fn the_write_check_catches_disagreement() {
    use std::sync::atomic::{AtomicU32, Ordering};

    static WRITES: AtomicU32 = AtomicU32::new(0);

    struct Fickle;

    impl serde::Serialize for Fickle {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_u32(WRITES.fetch_add(1, Ordering::Relaxed))
        }
    }

    assert!(engine::compare_write(&Fickle).is_err());
    assert_eq!(engine::compare_write(&[f64::NAN]), Ok("write: refused non-finite".to_owned()));
    assert_eq!(engine::compare_write(&[1.5f64]), Ok("write: same bytes".to_owned()));
}
