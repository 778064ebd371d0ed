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
//! - `add?by=N`: a call that succeeds;
//! - `numbers`: no call; dogen's JSON reader against serde_json on floats,
//!   in workerd (see [`crate::numbers`]).
//!
//! Each answer is one JSON object, an [`Outcome`] written by dogen's own
//! JSON writer.

use dogen::worker::FetchTransport;
use dogen::{CallError, Format, Json, Reply, Transport};
use worker::{Context, Env, Request, Response, Result, event};

use crate::FaultsClient;

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let url = req.url()?;
    let mut segments = url.path_segments().into_iter().flatten();
    let (Some(name), Some(case)) = (segments.next(), segments.next()) else {
        return Response::error("GET /:name/<case>", 404);
    };
    if case == "numbers" {
        return json(&crate::numbers::check());
    }
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
    json(&outcome)
}

/// `value` as the answer, written by dogen's own JSON writer.
fn json<T: serde::Serialize>(value: &T) -> Result<Response> {
    let body = Json::encode(value).map_err(worker::Error::RustError)?;
    let mut response = Response::from_bytes(body)?;
    response.headers_mut().set("content-type", "application/json")?;
    Ok(response)
}

/// How a call ended, written as `{"returned": 2}`, `{"failed": "..."}`,
/// `{"protocol": {"kind": "UnknownMethod", "message": "..."}}`, and so on.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
enum Outcome {
    /// The value the method returned.
    Returned(f64),
    /// The encoded application error of a call by wire name.
    AppError(String),
    /// `CallError::Failed`: its message.
    Failed(String),
    /// `CallError::Protocol`: its kind, as Rust names it, and its message.
    Protocol { kind: String, message: String },
    /// `CallError::Transport`: its message.
    Transport(String),
}

/// How a typed call ended.
fn outcome<T: Into<f64>>(result: std::result::Result<T, CallError>) -> Outcome {
    match result {
        Ok(value) => Outcome::Returned(value.into()),
        Err(e) => failure(e),
    }
}

/// How a call by wire name ended: a returned value is decoded as a number.
fn raw(result: std::result::Result<Reply<Vec<u8>>, CallError>) -> Outcome {
    match result {
        Ok(Reply::Ok(body)) => Json::decode(&body).map_or_else(Outcome::Transport, Outcome::Returned),
        Ok(Reply::Err(body)) => Outcome::AppError(String::from_utf8_lossy(&body).into_owned()),
        Err(e) => failure(e),
    }
}

fn failure(e: CallError) -> Outcome {
    match e {
        CallError::App(never) => match never {},
        CallError::Failed(f) => Outcome::Failed(f.message().to_owned()),
        CallError::Protocol(p) => Outcome::Protocol { kind: format!("{:?}", p.kind), message: p.message },
        CallError::Transport(t) => Outcome::Transport(t.0),
    }
}
