//! dogen's fuzzer: a seeded, structure-aware native harness over the three
//! places untrusted bytes enter dogen, and over the JSON reader beneath
//! them.
//!
//! - `serve`: `protocol::serve` with random HTTP methods, paths and bodies,
//!   most of them valid requests of [`Fuzzed`]'s methods then mutated
//!   (byte flips, truncation, splicing, number and string edge cases, deep
//!   nesting, huge lengths, invalid UTF-8);
//! - `typed`: a generated client calling the generated `FuzzedServer`
//!   through the HTTP mapping (`serve` then `read_reply`), with random
//!   values of every argument shape: integers of every width, floats
//!   (non-finite ones too), strings, `Option`, `Vec`, maps, nested structs,
//!   enums of all four serde taggings, `Result` and `Fallible` methods;
//! - `reply`: `protocol::read_reply` with random statuses and bodies, most
//!   of them envelopes, mutated;
//! - `json`: `Json::decode` against serde_json (with `float_roundtrip`) on
//!   the same bytes as one of 45 types: the same value or the same error,
//!   word for word (`json.rs`);
//! - `write`: `Json::encode` against serde_json's serializer on random
//!   values of 23 types: the same bytes or the same error, and a refusal
//!   where the value holds a non-finite float (`write.rs`).
//!
//! Each input is derived from `(seed, index)` alone, so any one can be run
//! again by itself. A panic is a failure (caught only to report the seed,
//! the index and the input); so is any broken invariant:
//!
//! - every reply of `serve` is an envelope: `200` with exactly one of `ok`
//!   and `err`, or `{"error":{"kind","message"}}` with a kind of this
//!   version and the status `status_of` gives it (`405` for the HTTP
//!   method); the status is the one `docs/protocol.md`'s rules give for the
//!   request's path, HTTP method, wire name and body; and `read_reply`
//!   reads the reply back as exactly what it says;
//! - every message fits in `protocol::MAX_MESSAGE`;
//! - a typed call returns what the implementation returned, or the one
//!   error its arguments call for (`bad_arguments` for a non-finite float,
//!   `encode` for a non-finite result, `App` and `Failed` as the method
//!   decides);
//! - a reply `read_reply` decodes holds a value that is in the body, as
//!   the body's own `ok` or `err`, and only with status 200.

#![allow(dead_code)] // each includer uses part of it
#![allow(clippy::too_many_arguments)] // `sixteen`, and its generated client

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap};
use std::fmt::{self, Debug, Write as _};
use std::panic::{self, AssertUnwindSafe};
use std::pin::pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use dogen::protocol::{self, HttpReply};
use dogen::{CallError, Dispatch, Failure, Fallible, Json, ProtocolErrorKind, Reply, Transport, TransportError};
use serde::{Deserialize, Serialize};

mod json;
mod mutate;
mod rng;
mod subject;
mod targets;
mod values;
mod write;

pub(crate) use json::*;
use mutate::*;
pub use rng::*;
pub use subject::*;
pub use targets::*;
pub use values::*;
pub(crate) use write::*;

// ---------------------------------------------------------------------------
// The run

/// The totals of a run.
#[derive(Debug, Default)]
pub struct Totals {
    pub inputs: u64,
    pub per_target: BTreeMap<&'static str, u64>,
    pub panics: u64,
    pub violations: u64,
    pub outcomes: BTreeMap<String, u64>,
    /// The first failures, in full: target, seed, index, input, what.
    pub failures: Vec<String>,
}

impl Totals {
    /// Adds `other` in.
    pub fn merge(&mut self, other: Totals) {
        self.inputs += other.inputs;
        self.panics += other.panics;
        self.violations += other.violations;
        for (k, v) in other.per_target {
            *self.per_target.entry(k).or_default() += v;
        }
        for (k, v) in other.outcomes {
            *self.outcomes.entry(k).or_default() += v;
        }
        self.failures.extend(other.failures);
        self.failures.truncate(MAX_FAILURES);
    }
}

const MAX_FAILURES: usize = 20;

thread_local! {
    /// The last panic on this thread: message and location.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether this thread is fuzzing: its panics are recorded, not printed.
    static FUZZING: Cell<bool> = const { Cell::new(false) };
}

/// Installs, once, a panic hook that records the panics of fuzzing threads
/// for the report instead of printing them (thousands of inputs may panic
/// the same way); other threads' panics go to the hook there was.
pub fn quiet_panics() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if FUZZING.get() {
                LAST_PANIC.with(|last| *last.borrow_mut() = Some(format!("{info}")));
            } else {
                previous(info);
            }
        }));
    });
}

/// The state one thread fuzzes with.
pub struct Fuzzer {
    server: FuzzedServer<Rc<Echo>>,
    client: Client,
    typed: Vec<(&'static str, Typed)>,
    json: Vec<JsonCase>,
    write: Vec<WriteCase>,
}

impl Default for Fuzzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Fuzzer {
    /// A fresh object, server and client.
    pub fn new() -> Self {
        let echo = Rc::new(Echo::default());
        let http = Http { server: FuzzedServer(Rc::clone(&echo)), checks: RefCell::default() };
        Fuzzer {
            server: FuzzedServer(echo),
            client: FuzzedClient::new(http),
            typed: typed_cases(),
            json: json_cases(),
            write: write_cases(),
        }
    }

    /// Runs input `index` of `seed`: its target, its input shown, and its
    /// outcome or what broke.
    pub fn run(&self, seed: u64, index: u64) -> (&'static str, String, Result<String, String>) {
        let mut g = Rng::for_input(seed, index);
        match g.below(13) {
            0..=4 => {
                let req = request(&mut g);
                let outcome = serve_one(&self.server, &req);
                ("serve", format!("{req:?}"), outcome)
            }
            5..=7 => {
                let (name, case) = *g.pick(&self.typed);
                let (args, outcome) = case(&mut g, &self.client);
                let checks = std::mem::take(&mut *self.client.transport().checks.borrow_mut());
                let outcome = match checks.into_iter().next() {
                    Some(broken) => Err(format!("its HTTP reply: {broken}")),
                    None => outcome,
                };
                ("typed", format!("{:?}", TypedInput { method: name, args }), outcome)
            }
            8 | 9 => {
                let input = reply_input(&mut g);
                let outcome = reply_one(&input);
                ("reply", format!("{input:?}"), outcome)
            }
            10 | 11 => {
                let (case, input) = json_input(&mut g, &self.json);
                let (name, _, compare) = self.json[case];
                ("json", format!("{name} {:?}", excerpt(&input)), compare(&input))
            }
            _ => {
                let (name, check) = self.write[write_case(&mut g, &self.write)];
                ("write", format!("{name} (a value generated with the seed)"), check(&mut g))
            }
        }
    }

    /// Runs inputs `start, start + step, ...` below `end`, catching panics
    /// to report them.
    pub fn run_range(&self, seed: u64, start: u64, end: u64, step: u64) -> Totals {
        quiet_panics();
        FUZZING.set(true);
        let mut totals = Totals::default();
        let mut index = start;
        while index < end {
            let result = panic::catch_unwind(AssertUnwindSafe(|| self.run(seed, index)));
            totals.inputs += 1;
            let (target, shown, outcome) = match result {
                Ok(done) => done,
                Err(_) => {
                    totals.panics += 1;
                    let message = LAST_PANIC.with(|last| last.borrow_mut().take()).unwrap_or_default();
                    // The input again, without running it: generation alone.
                    let shown = describe(seed, index);
                    ("panic", shown, Err(format!("panicked: {message}")))
                }
            };
            *totals.per_target.entry(target).or_default() += 1;
            match outcome {
                Ok(outcome) => *totals.outcomes.entry(outcome).or_default() += 1,
                Err(what) => {
                    if target != "panic" {
                        totals.violations += 1;
                    }
                    if totals.failures.len() < MAX_FAILURES {
                        totals
                            .failures
                            .push(format!("{target}: seed {seed} index {index}: {what}\n    input: {shown}"));
                    }
                }
            }
            index += step;
        }
        FUZZING.set(false);
        totals
    }
}

/// The input `(seed, index)` stands for, generated again and shown.
pub fn describe(seed: u64, index: u64) -> String {
    let mut g = Rng::for_input(seed, index);
    match g.below(13) {
        0..=4 => format!("serve {:?}", request(&mut g)),
        5..=7 => {
            let names: Vec<&str> = typed_cases().iter().map(|(n, _)| *n).collect();
            format!("typed `{}` (arguments generated with the seed)", g.pick(&names))
        }
        8 | 9 => format!("reply {:?}", reply_input(&mut g)),
        10 | 11 => {
            let cases = json_cases();
            let (case, input) = json_input(&mut g, &cases);
            format!("json {} {:?}", cases[case].0, excerpt(&input))
        }
        _ => {
            let cases = write_cases();
            format!("write {} (a value generated with the seed)", cases[write_case(&mut g, &cases)].0)
        }
    }
}
