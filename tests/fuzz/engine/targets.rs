//! The targets: `serve` over HTTP-shaped requests, the typed client and
//! server, and `read_reply`, each with the invariants it must keep.

#[allow(unused_imports)]
use super::*;

/// The HTTP mapping as a transport: `serve` on one side, `read_reply` on
/// the other, each reply checked on the way.
pub struct Http {
    pub(crate) server: FuzzedServer<Rc<Echo>>,
    pub(crate) checks: RefCell<Vec<String>>,
}

impl Transport for Http {
    type Format = Json;

    async fn call(&self, method: &'static str, args: Vec<u8>) -> Result<Reply<Vec<u8>>, CallError> {
        let path = protocol::call_path(method);
        let reply = protocol::serve(&self.server, "POST", &path, &args).await;
        if let Err(broken) = check_reply("POST", &path, &args, &reply) {
            self.checks.borrow_mut().push(broken);
        }
        protocol::read_reply(reply.status, &reply.body)
    }
}

/// Polls `future` once: nothing here waits.
pub fn poll_now<F: Future>(future: F) -> F::Output {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("a fuzzed call waited"),
    }
}

pub(crate) const KINDS: &[&str] =
    &["unknown_method", "bad_arguments", "encode", "bad_reply", "bad_request", "too_large", "internal"];

pub(crate) fn kind_name(kind: ProtocolErrorKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// What `docs/protocol.md` says the status of a request is, as far as it
/// can tell without running it: `Err` the exact status and kind, `Ok` the
/// wire name when the method decides.
pub(crate) fn expected_status(http_method: &str, path: &str, body: &[u8]) -> Result<&'static str, (u16, &'static str)> {
    let Some(wire) = path.strip_prefix(protocol::CALL_PREFIX) else {
        return Err((400, "bad_request"));
    };
    if http_method != "POST" {
        return Err((405, "bad_request"));
    }
    if body.len() > protocol::MAX_BODY {
        return Err((413, "too_large"));
    }
    let methods = <FuzzedServer<Rc<Echo>> as Dispatch<Json>>::METHODS;
    let Some(&wire) = methods.iter().find(|m| **m == wire) else {
        return Err((404, "unknown_method"));
    };
    if std::str::from_utf8(body).is_err() {
        return Err((400, "bad_arguments"));
    }
    Ok(wire)
}

/// Checks one reply of `serve`; `Ok` names its outcome.
pub fn check_reply(http_method: &str, path: &str, body: &[u8], reply: &HttpReply) -> Result<String, String> {
    let text = std::str::from_utf8(&reply.body).map_err(|_| "the reply is not UTF-8".to_owned())?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("the reply is not JSON ({e}): {}", excerpt(text.as_bytes())))?;
    let object = value.as_object().ok_or("the reply is not an object")?;
    if object.len() != 1 {
        return Err(format!("the reply has {} keys: {}", object.len(), excerpt(text.as_bytes())));
    }
    let (key, inner) = object.iter().next().expect("one key");
    let outcome = match (reply.status, key.as_str()) {
        (200, "ok" | "err") => format!("200 {key}"),
        (200, _) => return Err(format!("200 with `{key}`")),
        (status, "error") => {
            let error = inner.as_object().ok_or("`error` is not an object")?;
            let mut keys: Vec<&str> = error.keys().map(String::as_str).collect();
            keys.sort_unstable();
            if keys != ["kind", "message"] {
                return Err(format!("`error` has keys {keys:?}"));
            }
            let kind = error["kind"].as_str().ok_or("`kind` is not a string")?;
            let message = error["message"].as_str().ok_or("`message` is not a string")?;
            if !KINDS.contains(&kind) {
                return Err(format!("unknown kind `{kind}`"));
            }
            let wire_kind: ProtocolErrorKind =
                serde_json::from_value(serde_json::Value::String(kind.into())).map_err(|e| e.to_string())?;
            let expected = if status == 405 && kind == "bad_request" { 405 } else { protocol::status_of(wire_kind) };
            if status != expected {
                return Err(format!("status {status} for kind `{kind}` (status_of says {expected})"));
            }
            if message.len() > protocol::MAX_MESSAGE {
                return Err(format!("a message of {} bytes", message.len()));
            }
            // Read back, it is exactly this error.
            let read = protocol::read_reply(status, &reply.body);
            let same = match &read {
                Err(CallError::Protocol(e)) => kind_name(e.kind) == kind && e.message == message,
                Err(CallError::Failed(f)) => kind == "internal" && f.message() == message,
                _ => false,
            };
            if !same {
                return Err(format!("read_reply reads {status} {kind} `{message}` as {read:?}"));
            }
            format!("{status} {kind}")
        }
        (status, _) => return Err(format!("status {status} with `{key}`")),
    };
    if reply.status == 200 {
        // Read back, it is exactly this value.
        match (key.as_str(), protocol::read_reply(200, &reply.body)) {
            ("ok", Ok(Reply::Ok(v))) | ("err", Ok(Reply::Err(v))) => {
                let back: serde_json::Value = serde_json::from_slice(&v).map_err(|e| e.to_string())?;
                if &back != inner {
                    return Err(format!("read_reply reads `{key}` {inner} as {}", excerpt(&v)));
                }
            }
            (_, other) => return Err(format!("read_reply reads a 200 `{key}` as {other:?}")),
        }
    }
    match expected_status(http_method, path, body) {
        Err((status, kind)) if outcome != format!("{status} {kind}") => {
            Err(format!("answered {outcome}, docs/protocol.md says {status} {kind}"))
        }
        Err(_) => Ok(outcome),
        Ok(wire) if may_answer(wire, &outcome) => Ok(format!("{wire} {outcome}")),
        Ok(wire) => Err(format!("`{wire}` answered {outcome}")),
    }
}

/// A short, printable form of `bytes`.
pub fn excerpt(bytes: &[u8]) -> String {
    let shown = &bytes[..bytes.len().min(300)];
    let mut text = String::new();
    for chunk in shown.utf8_chunks() {
        text.push_str(chunk.valid());
        for b in chunk.invalid() {
            let _ = write!(text, "\\x{b:02x}");
        }
    }
    if bytes.len() > shown.len() {
        let _ = write!(text, "…({} bytes in all)", bytes.len());
    }
    text
}

/// One input of the `serve` target.
#[derive(Clone)]
pub struct Request {
    pub http_method: String,
    pub path: String,
    pub body: Vec<u8>,
}

impl Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} {:?} body {}",
            excerpt(self.http_method.as_bytes()),
            excerpt(self.path.as_bytes()),
            excerpt(&self.body)
        )
    }
}

pub(crate) const HTTP_METHODS: &[&str] =
    &["GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "post", "Post", "POST ", "", "P\u{d3}ST"];

pub(crate) fn request(g: &mut Rng) -> Request {
    let methods = <FuzzedServer<Rc<Echo>> as Dispatch<Json>>::METHODS;
    let wire: String = match g.below(20) {
        0 => String::make(g, 0),
        1 => g.pick(methods).to_uppercase(),
        2 => format!("{}/x", g.pick(methods)),
        3 => "x".repeat(g.range(200, 5000)),
        _ => (*g.pick(methods)).to_owned(),
    };
    let http_method = if g.one_in(12) {
        if g.one_in(10) { "M".repeat(g.range(300, 3000)) } else { (*g.pick(HTTP_METHODS)).to_owned() }
    } else {
        "POST".to_owned()
    };
    let path = match g.below(25) {
        0 => format!("/__dogen/v2/call/{wire}"),
        1 => format!("/__dogen/v1/{wire}"),
        2 => format!("/{wire}"),
        3 => format!("/__dogen/V1/call/{wire}"),
        4 => format!("/__dogen/v1/call/{wire}?q=1"),
        5 => format!("/__dogen/{}", "v1/call/".repeat(g.range(1, 400))),
        _ => protocol::call_path(&wire),
    };
    let mut body = valid_args(g, &wire);
    if !g.one_in(5) {
        let donor_wire = *g.pick(methods);
        let donor = valid_args(g, donor_wire);
        mutate(g, &mut body, &donor);
    }
    if g.one_in(100_000) {
        // Over the limit: refused before it is read.
        body.resize(protocol::MAX_BODY + 1, b' ');
    }
    Request { http_method, path, body }
}

/// Runs one `serve` input; `Ok` names its outcome.
pub(crate) fn serve_one(server: &FuzzedServer<Rc<Echo>>, req: &Request) -> Result<String, String> {
    let reply = poll_now(protocol::serve(server, &req.http_method, &req.path, &req.body));
    check_reply(&req.http_method, &req.path, &req.body, &reply).map(|outcome| format!("serve {outcome}"))
}

/// One input of the `reply` target.
#[derive(Clone)]
pub struct ReplyInput {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Debug for ReplyInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "status {} body {}", self.status, excerpt(&self.body))
    }
}

pub(crate) const STATUSES: &[u16] =
    &[200, 200, 200, 200, 400, 404, 405, 413, 500, 500, 0, 1, 204, 301, 418, 502, 503, u16::MAX];

pub(crate) fn reply_input(g: &mut Rng) -> ReplyInput {
    let status = if g.one_in(10) { g.next() as u16 } else { *g.pick(STATUSES) };
    let mut value = String::new();
    random_json(g, 1, &mut value);
    let key = *g.pick(&["ok", "err", "error", "\"o\\u006b\"", "value", "OK"]);
    let mut body = match key {
        "error" => {
            let kind = if g.one_in(6) { g.pick(&["nope", "", "OK", "Internal"]) } else { g.pick(KINDS) };
            let message = if g.one_in(30) { "m".repeat(g.range(1000, 50_000)) } else { String::make(g, 0) };
            let message = serde_json::to_string(&message).expect("a string");
            match g.below(6) {
                0 => format!(r#"{{"error":{{"kind":"{kind}"}}}}"#),
                1 => format!(r#"{{"error":{{"message":{message},"kind":"{kind}","extra":{value}}}}}"#),
                _ => format!(r#"{{"error":{{"kind":"{kind}","message":{message}}}}}"#),
            }
        }
        key if key.starts_with('"') => format!("{{{key}:{value}}}"),
        key => format!(r#"{{"{key}":{value}}}"#),
    }
    .into_bytes();
    if g.one_in(4) {
        // Another key of the three, or of no meaning.
        let extra = format!(r#","{}":{}"#, g.pick(&["ok", "err", "error", "x", ""]), g.pick(NUMBERS));
        let end = body.len() - 1;
        body.splice(end..end, extra.into_bytes());
    }
    if !g.one_in(4) {
        let mut donor = String::new();
        random_json(g, 0, &mut donor);
        mutate(g, &mut body, donor.as_bytes());
    }
    ReplyInput { status, body }
}

/// Runs one `reply` input; `Ok` names its outcome.
pub fn reply_one(input: &ReplyInput) -> Result<String, String> {
    let ReplyInput { status, body } = input;
    let status = *status;
    let read = protocol::read_reply(status, body);
    // What the body says, read by serde_json alone.
    let oracle: Option<serde_json::Map<String, serde_json::Value>> =
        std::str::from_utf8(body).ok().and_then(|text| serde_json::from_str(text).ok());
    let value_of = |key: &str, value: &[u8]| -> Result<(), String> {
        let text = std::str::from_utf8(value).map_err(|_| "a value that is not UTF-8".to_owned())?;
        if !std::str::from_utf8(body).is_ok_and(|body| body.contains(text)) {
            return Err(format!("`{key}` is {}, which is not in the body", excerpt(value)));
        }
        // One JSON value by syntax (a number out of f64's range, a lone
        // surrogate escape are JSON; the typed decode refuses them later).
        serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|e| format!("`{key}` is not JSON: {e}"))?;
        // Where serde_json alone reads the whole body, the value is its.
        if let Some(oracle) = &oracle {
            let parsed: Option<serde_json::Value> = serde_json::from_str(text).ok();
            if oracle.get(key) != parsed.as_ref() {
                return Err(format!("`{key}` is {}, the body's is {:?}", excerpt(value), oracle.get(key)));
            }
            if let Some(other) = ["ok", "err", "error"].iter().find(|k| **k != key && oracle.contains_key(**k)) {
                return Err(format!("`{key}` read from a body that also has `{other}`"));
            }
        }
        if status != 200 {
            return Err(format!("`{key}` read with status {status}"));
        }
        Ok(())
    };
    let capped = |message: &str, limit: usize| -> Result<(), String> {
        if message.len() > limit { Err(format!("a message of {} bytes", message.len())) } else { Ok(()) }
    };
    match &read {
        Ok(Reply::Ok(v)) => value_of("ok", v).map(|()| "reply ok".to_owned()),
        Ok(Reply::Err(v)) => value_of("err", v).map(|()| "reply err".to_owned()),
        Err(CallError::Protocol(e)) => {
            capped(&e.message, protocol::MAX_MESSAGE)?;
            if status == 200 || e.kind == ProtocolErrorKind::Internal {
                return Err(format!("{read:?} with status {status}"));
            }
            Ok(format!("reply protocol {}", kind_name(e.kind)))
        }
        Err(CallError::Failed(f)) => {
            capped(f.message(), protocol::MAX_MESSAGE)?;
            if status == 200 {
                return Err(format!("{read:?} with status {status}"));
            }
            Ok("reply failed".to_owned())
        }
        Err(CallError::Transport(TransportError(message))) => {
            capped(message, 100 + protocol::MAX_QUOTE)?;
            if !message.starts_with(&format!("status {status}: ")) {
                return Err(format!("a transport message without its status: {message}"));
            }
            Ok("reply transport".to_owned())
        }
        Err(CallError::App(never)) => match *never {},
    }
}

/// One input of the `typed` target: a method and its arguments, shown.
pub struct TypedInput {
    pub method: &'static str,
    pub args: String,
}

impl Debug for TypedInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.method, excerpt(self.args.as_bytes()))
    }
}

pub(crate) type Client = FuzzedClient<Http>;

/// The arguments of `method` and the check of its outcome.
pub(crate) type Typed = fn(&mut Rng, &Client) -> (String, Result<String, String>);

/// Checks a call that must come back as `expected` unless a non-finite
/// float was among its arguments, in which case the client refuses it.
pub(crate) fn echoed<T: PartialEq + Debug, E: Debug>(
    got: Result<T, CallError<E>>,
    expected: T,
    non_finite: bool,
) -> Result<String, String> {
    match got {
        Err(CallError::Protocol(e))
            if non_finite
                && e.kind == ProtocolErrorKind::BadArguments
                && e.message.ends_with("cannot be sent: JSON and Workers RPC carry finite numbers only") =>
        {
            Ok("typed refused non-finite".into())
        }
        Ok(value) if !non_finite && value == expected => Ok("typed ok".into()),
        other => Err(format!("expected {expected:?} (non-finite: {non_finite}), got {other:?}")),
    }
}

/// Float equality that tells `-0.0` from `0.0` and accepts NaN for NaN.
#[derive(Debug)]
pub(crate) struct Bits<T>(T);

impl<T: Serialize> PartialEq for Bits<T> {
    fn eq(&self, other: &Self) -> bool {
        // Non-finite values never get this far; the rest print exactly.
        serde_json::to_string(&self.0).ok() == serde_json::to_string(&other.0).ok()
    }
}

/// Generates arguments with [`Gen`], calls, and checks with `check`.
macro_rules! typed {
    ($method:ident ($($arg:ident: $ty:ty),*) => |$got:ident, $nf:ident| $check:expr) => {
        |g: &mut Rng, client: &Client| {
            let _ = &g; // unused by methods without arguments
            NON_FINITE.set(false);
            $(let $arg = <$ty>::make(g, 0);)*
            let $nf = NON_FINITE.get();
            let shown: Vec<String> = vec![$(format!("{:?}", &$arg)),*];
            let shown = format!("({})", shown.join(", "));
            let $got = poll_now(client.$method($($arg.clone()),*));
            (shown, $check)
        }
    };
}

pub(crate) fn typed_cases() -> Vec<(&'static str, Typed)> {
    vec![
        (
            "ints",
            typed!(ints(a: i8, b: i16, c: i32, d: i64, e: i128, f: isize) => |got, nf| echoed(got, (a, b, c, d, e, f), nf)),
        ),
        (
            "uints",
            typed!(uints(a: u8, b: u16, c: u32, d: u64, e: u128, f: usize) => |got, nf| echoed(got, (a, b, c, d, e, f), nf)),
        ),
        ("floats", typed!(floats(a: f32, b: f64) => |got, nf| echoed(got.map(Bits), Bits((a, b)), nf))),
        (
            "divide",
            typed!(divide(a: f64, b: f64) => |got, nf| {
                let q = a / b;
                match got {
                    Err(CallError::Protocol(e)) if !nf && !q.is_finite() && e.kind == ProtocolErrorKind::Encode
                        && e.message.starts_with("cannot encode the reply of `divide`: ") => Ok("typed encode".into()),
                    got if nf || q.is_finite() => echoed(got.map(Bits), Bits(q), nf),
                    other => Err(format!("{a} / {b}: expected an encode error, got {other:?}")),
                }
            }),
        ),
        ("text", typed!(text(s: String, c: char, b: bool) => |got, nf| echoed(got, (s, c, b), nf))),
        ("borrowed", |g: &mut Rng, client: &Client| {
            NON_FINITE.set(false);
            let (s, list, one) = <(String, Vec<u32>, Inner)>::make(g, 0);
            let nf = NON_FINITE.get();
            let shown = format!("{:?}", (&s, &list, &one));
            let got = poll_now(client.borrowed(&s, &list, &one));
            (shown, echoed(got.map(Bits), Bits((s, list, one)), nf))
        }),
        (
            "options",
            typed!(options(a: Option<u8>, b: Option<String>, c: Option<Vec<f64>>) => |got, nf| {
                echoed(got.map(Bits), Bits((a, b, c)), nf)
            }),
        ),
        (
            "lists",
            typed!(lists(v: Vec<i64>, nested: Vec<Vec<String>>, fixed: [u8; 3]) => |got, nf| echoed(got, (v, nested, fixed), nf)),
        ),
        (
            "maps",
            typed!(maps(m: BTreeMap<String, u32>, h: HashMap<String, Vec<bool>>) => |got, nf| echoed(got, (m, h), nf)),
        ),
        ("record", typed!(record(r: Record) => |got, nf| echoed(got.map(Bits), Bits(r), nf))),
        ("external", typed!(external(e: External) => |got, nf| echoed(got.map(Bits), Bits(e), nf))),
        ("internal", typed!(internal(e: Internal) => |got, nf| echoed(got.map(Bits), Bits(e), nf))),
        ("adjacent", typed!(adjacent(e: Adjacent) => |got, nf| echoed(got.map(Bits), Bits(e), nf))),
        ("untagged", typed!(untagged(e: Untagged) => |got, nf| echoed(got, e, nf))),
        ("tree", typed!(tree(t: Tree) => |got, nf| echoed(got, t, nf))),
        ("unit", typed!(unit(u: Unit, l: Level) => |got, nf| echoed(got, (u, l), nf))),
        (
            "checked",
            typed!(checked(a: i32, b: i32) => |got, _nf| match (got, expected_checked(a, b)) {
                (Ok(q), Ok(e)) if q == e => Ok("typed ok".into()),
                (Err(CallError::App(got)), Err(e)) if got == e => Ok("typed app".into()),
                (got, expected) => Err(format!("expected {expected:?}, got {got:?}")),
            }),
        ),
        (
            "fallible",
            typed!(fallible(n: u32) => |got, _nf| match got {
                Err(CallError::Failed(f)) if n % 3 == 0 && f.message() == format!("`fallible` failed: {n} is a multiple of 3") => {
                    Ok("typed failed".into())
                }
                Ok(q) if n % 3 != 0 && q == n / 3 => Ok("typed ok".into()),
                other => Err(format!("{n}: got {other:?}")),
            }),
        ),
        (
            "fallibleResult",
            typed!(fallible_result(n: u32) => |got, _nf| match (n % 3, got) {
                (0, Err(CallError::Failed(f))) if f.message() == format!("`fallibleResult` failed: {n} is a multiple of 3") => {
                    Ok("typed failed".into())
                }
                (1, Ok(s)) if s == n.to_string() => Ok("typed ok".into()),
                (2, Err(CallError::App(MathError::Odd(m)))) if m == n => Ok("typed app".into()),
                (_, other) => Err(format!("{n}: got {other:?}")),
            }),
        ),
        ("nothing", typed!(nothing() => |got, _nf| echoed(got, (), false))),
        (
            "sixteen",
            typed!(sixteen(
            a: u8, b: u8, c: u8, d: u8, e: u8, f: u8, g_: u8, h: u8, i: u8, j: u8, k: u8, l: u8, m: u8, n: u8, o: u8, p: u8
        ) => |got, nf| echoed(got, vec![a, b, c, d, e, f, g_, h, i, j, k, l, m, n, o, p], nf)),
        ),
        ("count", typed!(count() => |got, _nf| got.map(|_| "typed ok".to_owned()).map_err(|e| format!("{e:?}")))),
    ]
}
