//! Arguments that do not decode, including bodies that are not UTF-8:
//! `400 bad_arguments`, and the method does not run.

use dogen::protocol;
use futures_executor::block_on;

use super::{assert_error, post, reply_text, server};

#[test]
fn bad_arguments_are_400() {
    let server = server();
    let bad = |method: &str, body: &str| {
        let prefix = format!("bad arguments for `{method}`: ");
        assert_error(post(&server, method, body), 400, "bad_arguments", &prefix);
    };
    bad("add", r#"["x"]"#);
    bad("add", "[]");
    bad("add", "[1,2]");
    bad("add", "5");
    bad("add", r#"{"amount":5}"#);
    bad("transfer", "[7,\"bob\"]");
    bad("getBalance", "[1]");
    bad("reset", "null");
    // Malformed JSON, and no body at all.
    bad("add", "[5");
    bad("add", "");
    bad("getBalance", "");
    bad("add", "[5] [6]");
    // Nothing ran.
    assert_eq!(post(&server, "getBalance", "[]"), (200, r#"{"ok":0}"#.into()));
}

/// The body must be UTF-8 throughout, even where its content is ignored
/// (an unknown field of a struct argument), or the call is refused.
#[test]
fn invalid_utf8_anywhere_is_400() {
    let server = server();
    let bodies: [&[u8]; 6] = [
        b"[{\"text\":\"hi\",\"extra\":\"\xff\"}]",
        b"[{\"text\":\"hi\",\"\xc3\":1}]",
        b"[{\"text\":\"hi\",\"extra\":[\"\xed\xa0\x80\"]}]",
        b"[{\"text\":\"\xf0\x9f\x92\"}]",
        b"[\xef\xbb\xbf{\"text\":\"hi\"}]",
        b"\xff",
    ];
    for body in bodies {
        let reply = reply_text(block_on(protocol::serve(&server, "POST", "/__dogen/v1/call/note", body)));
        assert_error(reply, 400, "bad_arguments", "bad arguments for `note`: ");
    }
    let reply = reply_text(block_on(protocol::serve(&server, "POST", "/__dogen/v1/call/note", bodies[0])));
    assert!(reply.1.contains("not UTF-8"), "{}", reply.1);
    // The same body, valid: served.
    assert_eq!(post(&server, "note", "[{\"text\":\"hi\",\"extra\":\"\u{ff}\"}]"), (200, r#"{"ok":"hi"}"#.into()));
}
