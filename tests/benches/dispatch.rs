//! The cost of generated dispatch against the `match` one would write by
//! hand, over the same payloads, in the same run.
//!
//! Both sides decode a JSON argument array, call the same implementation and
//! encode its value; both futures are polled once with a no-op waker (the
//! implementation never waits), so the difference is dogen's glue alone:
//! the wire-name `match`, the request's `args`/`value`, and `Reply`.
//!
//! ```text
//! cargo bench -p dogen-tests --bench dispatch -- --warm-up-time 1 --measurement-time 3
//! ```
//!
//! Criterion measures each side on its own, minutes apart in a long run, so
//! a busy machine can skew one side. After criterion, the bench also prints
//! a paired ratio: the two sides alternate in short rounds and each keeps
//! its fastest round, which other processes can only slow down. With
//! `DOGEN_BENCH_PAIRED_ONLY=1` set, only that ratio is measured (what
//! `bash tests/bench/run` does).
//!
//! Instructions rather than time, under callgrind (`DOGEN_BENCH_CALLS`
//! runs one side alone; the difference of two runs is the calls' cost):
//!
//! ```text
//! cargo bench -p dogen-tests --bench dispatch --no-run   # prints the binary's path
//! DOGEN_BENCH_CALLS=generated:increment:1000 valgrind --tool=callgrind BINARY
//! DOGEN_BENCH_CALLS=generated:increment:11000 valgrind --tool=callgrind BINARY
//! ```

use std::cell::Cell;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use dogen::{Dispatch, Json, ProtocolError, Reply};
use serde::{Deserialize, Serialize};

/// A bigger argument: a struct holding 100 strings.
#[derive(Debug, Serialize, Deserialize)]
pub struct Batch {
    /// Which batch this is.
    pub id: u64,
    /// The payload.
    pub items: Vec<String>,
}

/// The benchmarked interface.
#[dogen::durable]
pub trait Counter {
    /// Adds `amount`.
    async fn increment(&self, amount: i64) -> i64;
    /// The current value, without arguments.
    async fn get(&self) -> i64;
    /// Counts the bytes of a batch.
    async fn submit(&self, batch: Batch) -> usize;
    /// The mean of readings: 100 floats, most written with 16 or 17
    /// digits.
    async fn mean(&self, readings: Vec<f64>) -> f64;
}

#[derive(Default)]
struct Memory {
    value: Cell<i64>,
}

impl Counter for Memory {
    async fn increment(&self, amount: i64) -> i64 {
        self.value.set(self.value.get().wrapping_add(amount));
        self.value.get()
    }
    async fn get(&self) -> i64 {
        self.value.get()
    }
    async fn submit(&self, batch: Batch) -> usize {
        batch.items.iter().map(String::len).sum::<usize>() + batch.id as usize
    }
    async fn mean(&self, readings: Vec<f64>) -> f64 {
        readings.iter().sum::<f64>() / readings.len().max(1) as f64
    }
}

/// What one writes without dogen: the same methods, in the same order, each
/// decoding its argument tuple and encoding its value with serde_json.
async fn hand_written(this: &Memory, method: &str, args: &[u8]) -> Result<Vec<u8>, String> {
    match method {
        "increment" => {
            let (amount,): (i64,) = serde_json::from_slice(args).map_err(|e| e.to_string())?;
            let ret = this.increment(amount).await;
            serde_json::to_vec(&ret).map_err(|e| e.to_string())
        }
        "get" => {
            let []: [u8; 0] = serde_json::from_slice(args).map_err(|e| e.to_string())?;
            let ret = this.get().await;
            serde_json::to_vec(&ret).map_err(|e| e.to_string())
        }
        "submit" => {
            let (batch,): (Batch,) = serde_json::from_slice(args).map_err(|e| e.to_string())?;
            let ret = this.submit(batch).await;
            serde_json::to_vec(&ret).map_err(|e| e.to_string())
        }
        "mean" => {
            let (readings,): (Vec<f64>,) = serde_json::from_slice(args).map_err(|e| e.to_string())?;
            let ret = this.mean(readings).await;
            serde_json::to_vec(&ret).map_err(|e| e.to_string())
        }
        _ => Err(format!("unknown method `{method}`")),
    }
}

/// One measured call through the generated dispatch, its method and
/// payload hidden from the optimizer.
#[inline(always)]
fn generated_call(
    server: &CounterServer<&Memory>,
    method: &str,
    payload: &Vec<u8>,
) -> Result<Reply<Vec<u8>>, ProtocolError> {
    poll_now(Dispatch::<Json>::dispatch(server, black_box(method), black_box(payload)))
}

/// One measured call through the hand-written `match`, the same way.
#[inline(always)]
fn hand_call(memory: &Memory, method: &str, payload: &[u8]) -> Result<Vec<u8>, String> {
    poll_now(hand_written(memory, black_box(method), black_box(payload)))
}

/// Polls `future` once: enough for an implementation that never waits, and
/// no allocation or thread hand-off on the measured path.
fn poll_now<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => unreachable!("an in-memory call never waits"),
    }
}

/// The argument arrays of each benchmarked call.
fn payloads() -> [(&'static str, Vec<u8>); 4] {
    let batch = Batch { id: 7, items: (0..100).map(|i| format!("item number {i:03} of the batch")).collect() };
    let submit = serde_json::to_vec(&(&batch,)).expect("a batch encodes");
    // Readings that drift by a tenth: sums of doubles, so their shortest
    // forms run to 16 or 17 digits (`20.400000000000002`), as measured
    // values do.
    let readings: Vec<f64> =
        (0..100).scan(20.0, |r, i| Some(std::mem::replace(r, *r + 0.1 * f64::from(i % 7)))).collect();
    let mean = serde_json::to_vec(&(&readings,)).expect("readings encode");
    [("increment", b"[1]".to_vec()), ("get", b"[]".to_vec()), ("submit", submit), ("mean", mean)]
}

fn dispatch(c: &mut Criterion) {
    let memory = Memory::default();
    let server = CounterServer(&memory);
    for (method, payload) in payloads() {
        // Both sides must agree before their speed means anything.
        let generated = poll_now(Dispatch::<Json>::dispatch(&server, method, &payload));
        let by_hand = poll_now(hand_written(&memory, method, &payload));
        match (generated, by_hand) {
            (Ok(Reply::Ok(a)), Ok(b)) if method == "increment" || a == b => {}
            other => panic!("`{method}`: the two dispatchers disagree: {other:?}"),
        }
        let mut group = c.benchmark_group(method);
        group.bench_function("generated", |b| b.iter(|| generated_call(&server, method, &payload)));
        group.bench_function("hand_written", |b| b.iter(|| hand_call(&memory, method, &payload)));
        group.finish();
    }
}

/// Rounds of the paired measurement.
const ROUNDS: usize = 300;
/// The target length of one round of one side.
const ROUND: Duration = Duration::from_micros(100);

/// The fastest round of `calls` calls of `call`, kept in `best`.
fn time_round(best: &mut Duration, calls: u32, mut call: impl FnMut()) {
    let start = Instant::now();
    for _ in 0..calls {
        call();
    }
    *best = (*best).min(start.elapsed());
}

/// generated / hand-written for each payload, from alternating rounds.
fn paired_ratios() {
    let memory = Memory::default();
    let server = CounterServer(&memory);
    // What each call moves: its future, made on the caller's stack and
    // pinned there (a move of more than 128 bytes is a `memcpy` call).
    let (method, payload) = &payloads()[0];
    println!(
        "future bytes: generated {} / hand-written {}",
        size_of_val(&Dispatch::<Json>::dispatch(&server, method, payload)),
        size_of_val(&hand_written(&memory, method, payload)),
    );
    println!("generated / hand-written, fastest of {ROUNDS} alternating rounds:");
    for (method, payload) in payloads() {
        let generated = || {
            let _ = black_box(generated_call(&server, method, &payload));
        };
        let by_hand = || {
            let _ = black_box(hand_call(&memory, method, &payload));
        };
        let mut probe = Duration::MAX;
        time_round(&mut probe, 100, generated);
        let calls = (ROUND.as_nanos() * 100 / probe.as_nanos().max(1)).clamp(10, 100_000) as u32;
        let (mut fastest_generated, mut fastest_by_hand) = (Duration::MAX, Duration::MAX);
        for _ in 0..ROUNDS {
            time_round(&mut fastest_generated, calls, generated);
            time_round(&mut fastest_by_hand, calls, by_hand);
        }
        let per_call = |d: Duration| d.as_secs_f64() * 1e9 / f64::from(calls);
        println!(
            "  {method:<10} {:>9.1} ns / {:>9.1} ns = {:.3}",
            per_call(fastest_generated),
            per_call(fastest_by_hand),
            fastest_generated.as_secs_f64() / fastest_by_hand.as_secs_f64()
        );
    }
}

/// `SIDE:METHOD:N` (`generated:increment:10000`): only `N` calls of one side,
/// for an instruction count under callgrind; the difference between two
/// values of `N` is what the calls cost.
fn calls_only(spec: &str) {
    let usage = "DOGEN_BENCH_CALLS=generated|hand_written:METHOD:N";
    let [side, method, n] = spec.split(':').collect::<Vec<_>>()[..] else { panic!("{usage}") };
    let n: u32 = n.parse().unwrap_or_else(|_| panic!("{usage}"));
    let (_, payload) = payloads().into_iter().find(|(m, _)| *m == method).unwrap_or_else(|| panic!("{usage}"));
    let memory = Memory::default();
    let server = CounterServer(&memory);
    for _ in 0..n {
        match side {
            "generated" => {
                let _ = black_box(generated_call(&server, method, &payload));
            }
            "hand_written" => {
                let _ = black_box(hand_call(&memory, method, &payload));
            }
            _ => panic!("{usage}"),
        }
    }
}

criterion_group!(benches, dispatch);

fn main() {
    if let Ok(spec) = std::env::var("DOGEN_BENCH_CALLS") {
        calls_only(&spec);
        return;
    }
    // `bash tests/bench/run` wants the paired ratios alone.
    if std::env::var_os("DOGEN_BENCH_PAIRED_ONLY").is_some() {
        paired_ratios();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
    // `cargo bench` passes `--bench`; `cargo test --benches` does not, and
    // only checks that each benchmark runs.
    if std::env::args().any(|arg| arg == "--bench") {
        paired_ratios();
    }
}
