//! The Worker (wasm build only): calls the object the path names through
//! the generated Rust client over the fetch transport, and answers how each
//! call ended, so the end-to-end test sees what a Rust caller sees when the
//! call fails.
//!
//! `GET /:name/<case>`, where `<case>` is one of:
//! - `boom`: a method that panics (the `internal` error, `CallError::Failed`);
//! - `storage`: a method whose storage query fails (the same);
//! - `nan-result`: a method that returns NaN, which JSON cannot carry;
//! - `nan-argument`: NaN as an argument;
//! - `unknown-method`: a method the object does not have, as a newer
//!   client would call it;
//! - `bad-arguments`: a string where the method takes a number;
//! - `add?by=N`: a call that succeeds.
//!
//! Each answer is one JSON object: `{"returned": value}`, `{"failed":
//! message}`, `{"protocol": {"kind": "UnknownMethod", "message": ...}}` or
//! `{"transport": message}`.

use dogen::worker::FetchTransport;
use dogen::{CallError, Reply, Transport};
use worker::{Context, Env, Request, Response, Result, event};

use crate::FaultsClient;

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let url = req.url()?;
    let mut segments = url.path_segments().into_iter().flatten();
    let (Some(name), Some(case)) = (segments.next(), segments.next()) else {
        return Response::error("GET /:name/<case>", 404);
    };
    let client: FaultsClient<FetchTransport> = dogen::worker::client(&env, name)?;
    let outcome = match case {
        "boom" => outcome(client.boom("over the Rust client".into()).await),
        "storage" => outcome(client.break_storage().await),
        "nan-result" => outcome(client.not_a_number().await),
        "nan-argument" => outcome(client.half(f64::NAN).await),
        "unknown-method" => raw(client.transport().call("vanished", b"[]".to_vec()).await),
        "bad-arguments" => raw(client.transport().call("half", b"[\"x\"]".to_vec()).await),
        "add" => {
            let by = url.query_pairs().find(|(k, _)| k == "by").and_then(|(_, v)| v.parse().ok()).unwrap_or(1);
            outcome(client.add(by).await)
        }
        _ => return Response::error(format!("unknown case `{case}`"), 404),
    };
    let mut response = Response::ok(outcome)?;
    response.headers_mut().set("content-type", "application/json")?;
    Ok(response)
}

/// How a typed call ended, as JSON.
fn outcome<T: std::fmt::Display>(result: std::result::Result<T, CallError>) -> String {
    match result {
        Ok(value) => format!("{{\"returned\":{value}}}"),
        Err(e) => failure(e),
    }
}

/// How a call by wire name ended, as JSON: its reply's bytes are JSON.
fn raw(result: std::result::Result<Reply<Vec<u8>>, CallError>) -> String {
    match result {
        Ok(Reply::Ok(body)) => format!("{{\"returned\":{}}}", String::from_utf8_lossy(&body)),
        Ok(Reply::Err(body)) => format!("{{\"appError\":{}}}", String::from_utf8_lossy(&body)),
        Err(e) => failure(e),
    }
}

fn failure(e: CallError) -> String {
    match e {
        CallError::App(never) => match never {},
        CallError::Failed(f) => format!("{{\"failed\":{}}}", quoted(f.message())),
        CallError::Protocol(p) => {
            format!(
                "{{\"protocol\":{{\"kind\":{},\"message\":{}}}}}",
                quoted(&format!("{:?}", p.kind)),
                quoted(&p.message)
            )
        }
        CallError::Transport(t) => format!("{{\"transport\":{}}}", quoted(&t.0)),
    }
}

/// `text` as a JSON string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
