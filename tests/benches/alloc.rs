//! Memory per request: what one call through `dogen::protocol::serve`
//! allocates at its peak, for bad and good requests of 1 KB to 10 MB.
//!
//! ```text
//! cargo bench -p dogen-tests --bench alloc
//! ```
//!
//! A counting global allocator tracks the bytes live at once; the request's
//! body is built before the count starts, so the table shows what serving
//! it costs on top of holding it. For the good requests, the `serde` column
//! is what `serde_json::from_slice` of the same arguments alone costs (the
//! argument values themselves), so `peak − serde` is dogen's share
//! (`dogen/in`, per byte of input). `owned/in` is the peak of
//! `protocol::serve_owned`, which takes the body by value instead of
//! copying it, over the input. A `realloc` counts the old and the new block
//! as live at once, the worst case.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Waker};

use dogen::protocol;
use serde::{Deserialize, Serialize};

/// Counts the bytes live and the most ever live since the last reset.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to `System` unchanged; only counters move.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as the worst case: old and new blocks live at once.
        grew(new_size);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak bytes live while `f` runs, above what was live before it.
fn peak_of<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let result = f();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    (peak, result)
}

/// A recursive array shape: `[]`, `[[]]`, `[[],[[]]]`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Nest(pub Vec<Nest>);

/// The served interface.
#[dogen::durable]
pub trait Sink {
    /// Takes a number.
    async fn add(&self, amount: i64) -> i64;
    /// Takes a string and answers its length.
    async fn length(&self, text: String) -> usize;
    /// Takes a string and answers it.
    async fn echo(&self, text: String) -> String;
    /// Takes many numbers.
    async fn sum(&self, values: Vec<u32>) -> u64;
    /// Takes nested arrays.
    async fn nest(&self, nest: Vec<Nest>) -> usize;
    /// Takes nothing.
    async fn ping(&self);
}

struct Impl;

impl Sink for Impl {
    async fn add(&self, amount: i64) -> i64 {
        amount
    }
    async fn length(&self, text: String) -> usize {
        text.len()
    }
    async fn echo(&self, text: String) -> String {
        text
    }
    async fn sum(&self, values: Vec<u32>) -> u64 {
        values.iter().map(|&v| u64::from(v)).sum()
    }
    async fn nest(&self, nest: Vec<Nest>) -> usize {
        nest.len()
    }
    async fn ping(&self) {}
}

/// Polls `future` once: the implementation never waits.
fn poll_now<F: Future>(future: F) -> F::Output {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => unreachable!("an in-memory call never waits"),
    }
}

/// `[` + `"…"` of `n` bytes in all + `]`, the string made of `fill`.
fn string_body(n: usize, fill: &str) -> Vec<u8> {
    let mut body = b"[\"".to_vec();
    while body.len() + fill.len() + 2 <= n {
        body.extend_from_slice(fill.as_bytes());
    }
    while body.len() + 2 < n {
        body.push(b'a');
    }
    body.extend_from_slice(b"\"]");
    body
}

/// `[[1,2,3,...]]` of about `n` bytes.
fn numbers_body(n: usize) -> Vec<u8> {
    let mut body = b"[[".to_vec();
    let mut i = 0u32;
    while body.len() + 12 < n {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(i.to_string().as_bytes());
        i += 1;
    }
    body.extend_from_slice(b"]]");
    body
}

/// `[[c,c,...]]` where each `c` is arrays nested `depth` deep, about `n` bytes.
fn nest_body(n: usize, depth: usize) -> Vec<u8> {
    let chain = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let mut body = b"[[".to_vec();
    let mut first = true;
    while body.len() + chain.len() + 3 < n {
        if !first {
            body.push(b',');
        }
        first = false;
        body.extend_from_slice(chain.as_bytes());
    }
    body.extend_from_slice(b"]]");
    body
}

/// One request: the method, the path, the body, and what serde_json alone
/// allocates decoding the arguments (for good requests).
struct Case {
    name: &'static str,
    method: String,
    body: Vec<u8>,
    serde_alone: Option<fn(&[u8]) -> usize>,
}

fn serde_alone<T: serde::de::DeserializeOwned>(body: &[u8]) -> usize {
    let (peak, value) = peak_of(|| serde_json::from_slice::<T>(body).map(black_box).is_ok());
    assert!(value, "a good request decodes");
    peak
}

fn cases(n: usize) -> Vec<Case> {
    let case = |name, method: &str, body, serde_alone| Case { name, method: method.into(), body, serde_alone };
    vec![
        // Bad requests: each is refused.
        case("bad: string for a number", "add", string_body(n, "a"), None),
        case("bad: escapes for a number", "add", string_body(n, "\\u200b"), None),
        case("bad: string, zero-arg method", "ping", string_body(n, "a"), None),
        case("bad: not JSON", "add", vec![b'x'; n], None),
        case(
            "bad: too many arguments",
            "add",
            {
                let body = numbers_body(n);
                body[1..body.len() - 1].to_vec()
            },
            None,
        ),
        case("bad: too deep", "nest", vec![b'['; n], None),
        case(
            "bad: invalid UTF-8 at the end",
            "length",
            {
                let mut body = string_body(n, "a");
                let at = body.len() - 3;
                body[at] = 0xff;
                body
            },
            None,
        ),
        Case { name: "bad: unknown method name", method: "m".repeat(n), body: b"[]".to_vec(), serde_alone: None },
        // Good requests: each runs.
        case("good: string", "length", string_body(n, "a"), Some(serde_alone::<(String,)>)),
        case("good: escaped string", "length", string_body(n, "\\n"), Some(serde_alone::<(String,)>)),
        case("good: string echoed", "echo", string_body(n, "a"), Some(serde_alone::<(String,)>)),
        case("good: numbers", "sum", numbers_body(n), Some(serde_alone::<(Vec<u32>,)>)),
        case("good: nested 100 deep", "nest", nest_body(n, 100), Some(serde_alone::<(Vec<Nest>,)>)),
    ]
}

fn human(bytes: usize) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.1} KB", b as f64 / (1 << 10) as f64),
        b => format!("{b} B"),
    }
}

fn main() {
    // `cargo test --benches` runs this too, without `--bench`: a quick pass
    // over the small sizes only.
    let full = std::env::args().any(|arg| arg == "--bench");
    let sizes: &[usize] = if full { &[1 << 10, 100 << 10, 1 << 20, 10 << 20] } else { &[1 << 10] };
    let server = SinkServer(&Impl);
    println!(
        "{:<32} {:>8} {:>7} {:>10} {:>7} {:>10} {:>10} {:>10}",
        "request", "input", "status", "peak", "peak/in", "serde", "dogen/in", "owned/in"
    );
    for &n in sizes {
        for case in cases(n) {
            let path = protocol::call_path(&case.method);
            let input = case.body.len() + case.method.len();
            let (peak, reply) = peak_of(|| poll_now(protocol::serve(&server, "POST", &path, &case.body)));
            let body = case.body.clone();
            let (owned, _) = peak_of(|| poll_now(protocol::serve_owned(&server, "POST", &path, body)));
            let serde = case.serde_alone.map(|f| f(&case.body));
            let ours = peak - serde.unwrap_or(0).min(peak);
            println!(
                "{:<32} {:>8} {:>7} {:>10} {:>7.2} {:>10} {:>10.2} {:>10.2}",
                case.name,
                human(input),
                reply.status,
                human(peak),
                peak as f64 / input as f64,
                serde.map_or("-".into(), human),
                ours as f64 / input as f64,
                owned as f64 / input as f64,
            );
            assert_eq!(reply.status == 200, case.name.starts_with("good"), "{}: {}", case.name, reply.status);
            drop(black_box(reply));
        }
        println!();
    }
}
