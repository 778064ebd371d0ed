//! dogen's fuzzer: a seeded, structure-aware native harness over the three
//! places untrusted bytes enter dogen.
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
//!   of them envelopes, mutated.
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

// ---------------------------------------------------------------------------
// Randomness

/// SplitMix64: small, fast, and good enough to pick mutations.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// The generator of input `index` of a run seeded with `seed`.
    pub fn for_input(seed: u64, index: u64) -> Rng {
        let mut rng = Rng(seed ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next();
        rng
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 if `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True once in `n` times.
    pub fn one_in(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n)
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn wide(&mut self) -> u128 {
        (u128::from(self.next()) << 64) | u128::from(self.next())
    }
}

// ---------------------------------------------------------------------------
// The fuzzed interface

/// A struct nested in others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inner {
    pub id: u32,
    pub tags: Vec<String>,
    pub ratio: f32,
}

/// Unit variants renamed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Level {
    Low,
    VeryHigh,
}

/// A struct with serde's attributes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    pub user_name: String,
    #[serde(rename = "ID")]
    pub id: u64,
    pub inner: Inner,
    pub children: Vec<Inner>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub level: Level,
    pub extra: BTreeMap<String, i32>,
    pub pair: (i16, bool),
    pub wide: i128,
    pub weight: f64,
}

/// Externally tagged (serde's default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum External {
    Unit,
    Newtype(i64),
    Tuple(u8, String),
    Struct { a: f64, b: Option<u16> },
}

/// Internally tagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Internal {
    Unit,
    Struct { id: u32, name: String },
    Newtype(Inner),
}

/// Adjacently tagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", content = "c")]
pub enum Adjacent {
    Unit,
    Newtype(String),
    Tuple(i32, i32),
    Struct { x: i64, y: f32 },
}

/// Untagged: every variant has a shape of its own, so values round-trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Untagged {
    Number(i64),
    Text(String),
    List(Vec<bool>),
    Pair { a: u8, b: String },
}

/// A recursive type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Tree {
    Leaf(u8),
    Node(Vec<Tree>),
}

/// A unit struct: `null` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Unit;

/// The typed error of the `Result` methods.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MathError {
    DivByZero,
    Overflow { a: i32, b: i32 },
    Odd(u32),
}

/// Every argument shape; most methods hand their arguments back.
#[dogen::durable]
pub trait Fuzzed {
    async fn ints(&self, a: i8, b: i16, c: i32, d: i64, e: i128, f: isize) -> (i8, i16, i32, i64, i128, isize);
    async fn uints(&self, a: u8, b: u16, c: u32, d: u64, e: u128, f: usize) -> (u8, u16, u32, u64, u128, usize);
    async fn floats(&self, a: f32, b: f64) -> (f32, f64);
    async fn divide(&self, a: f64, b: f64) -> f64;
    async fn text(&self, s: String, c: char, b: bool) -> (String, char, bool);
    async fn borrowed(&self, s: &str, list: &[u32], one: &Inner) -> (String, Vec<u32>, Inner);
    async fn options(
        &self,
        a: Option<u8>,
        b: Option<String>,
        c: Option<Vec<f64>>,
    ) -> (Option<u8>, Option<String>, Option<Vec<f64>>);
    async fn lists(
        &self,
        v: Vec<i64>,
        nested: Vec<Vec<String>>,
        fixed: [u8; 3],
    ) -> (Vec<i64>, Vec<Vec<String>>, [u8; 3]);
    async fn maps(
        &self,
        m: BTreeMap<String, u32>,
        h: HashMap<String, Vec<bool>>,
    ) -> (BTreeMap<String, u32>, HashMap<String, Vec<bool>>);
    async fn record(&self, r: Record) -> Record;
    async fn external(&self, e: External) -> External;
    async fn internal(&self, e: Internal) -> Internal;
    async fn adjacent(&self, e: Adjacent) -> Adjacent;
    async fn untagged(&self, e: Untagged) -> Untagged;
    async fn tree(&self, t: Tree) -> Tree;
    async fn unit(&self, u: Unit, l: Level) -> (Unit, Level);
    async fn checked(&self, a: i32, b: i32) -> Result<i32, MathError>;
    async fn fallible(&self, n: u32) -> Fallible<u32>;
    async fn fallible_result(&self, n: u32) -> Fallible<Result<String, MathError>>;
    async fn nothing(&self);
    async fn count(&self) -> u64;
    async fn sixteen(
        &self,
        a: u8,
        b: u8,
        c: u8,
        d: u8,
        e: u8,
        f: u8,
        g: u8,
        h: u8,
        i: u8,
        j: u8,
        k: u8,
        l: u8,
        m: u8,
        n: u8,
        o: u8,
        p: u8,
    ) -> Vec<u8>;
}

/// The implementation: echoes, and a few methods that decide.
#[derive(Debug, Default)]
pub struct Echo {
    calls: Cell<u64>,
}

impl Echo {
    fn call(&self) {
        self.calls.set(self.calls.get() + 1);
    }
}

impl Fuzzed for Echo {
    async fn ints(&self, a: i8, b: i16, c: i32, d: i64, e: i128, f: isize) -> (i8, i16, i32, i64, i128, isize) {
        self.call();
        (a, b, c, d, e, f)
    }
    async fn uints(&self, a: u8, b: u16, c: u32, d: u64, e: u128, f: usize) -> (u8, u16, u32, u64, u128, usize) {
        self.call();
        (a, b, c, d, e, f)
    }
    async fn floats(&self, a: f32, b: f64) -> (f32, f64) {
        self.call();
        (a, b)
    }
    async fn divide(&self, a: f64, b: f64) -> f64 {
        self.call();
        a / b
    }
    async fn text(&self, s: String, c: char, b: bool) -> (String, char, bool) {
        self.call();
        (s, c, b)
    }
    async fn borrowed(&self, s: &str, list: &[u32], one: &Inner) -> (String, Vec<u32>, Inner) {
        self.call();
        (s.to_owned(), list.to_vec(), one.clone())
    }
    async fn options(
        &self,
        a: Option<u8>,
        b: Option<String>,
        c: Option<Vec<f64>>,
    ) -> (Option<u8>, Option<String>, Option<Vec<f64>>) {
        self.call();
        (a, b, c)
    }
    async fn lists(
        &self,
        v: Vec<i64>,
        nested: Vec<Vec<String>>,
        fixed: [u8; 3],
    ) -> (Vec<i64>, Vec<Vec<String>>, [u8; 3]) {
        self.call();
        (v, nested, fixed)
    }
    async fn maps(
        &self,
        m: BTreeMap<String, u32>,
        h: HashMap<String, Vec<bool>>,
    ) -> (BTreeMap<String, u32>, HashMap<String, Vec<bool>>) {
        self.call();
        (m, h)
    }
    async fn record(&self, r: Record) -> Record {
        self.call();
        r
    }
    async fn external(&self, e: External) -> External {
        self.call();
        e
    }
    async fn internal(&self, e: Internal) -> Internal {
        self.call();
        e
    }
    async fn adjacent(&self, e: Adjacent) -> Adjacent {
        self.call();
        e
    }
    async fn untagged(&self, e: Untagged) -> Untagged {
        self.call();
        e
    }
    async fn tree(&self, t: Tree) -> Tree {
        self.call();
        t
    }
    async fn unit(&self, u: Unit, l: Level) -> (Unit, Level) {
        self.call();
        (u, l)
    }
    async fn checked(&self, a: i32, b: i32) -> Result<i32, MathError> {
        self.call();
        expected_checked(a, b)
    }
    async fn fallible(&self, n: u32) -> Fallible<u32> {
        self.call();
        if n.is_multiple_of(3) {
            return Err(Failure::new(format!("{n} is a multiple of 3")));
        }
        Ok(n / 3)
    }
    async fn fallible_result(&self, n: u32) -> Fallible<Result<String, MathError>> {
        self.call();
        match n % 3 {
            0 => Err(Failure::new(format!("{n} is a multiple of 3"))),
            1 => Ok(Ok(n.to_string())),
            _ => Ok(Err(MathError::Odd(n))),
        }
    }
    async fn nothing(&self) {
        self.call();
    }
    async fn count(&self) -> u64 {
        self.calls.get()
    }
    async fn sixteen(
        &self,
        a: u8,
        b: u8,
        c: u8,
        d: u8,
        e: u8,
        f: u8,
        g: u8,
        h: u8,
        i: u8,
        j: u8,
        k: u8,
        l: u8,
        m: u8,
        n: u8,
        o: u8,
        p: u8,
    ) -> Vec<u8> {
        self.call();
        vec![a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p]
    }
}

fn expected_checked(a: i32, b: i32) -> Result<i32, MathError> {
    match (b, a.checked_div(b)) {
        (0, _) => Err(MathError::DivByZero),
        (_, None) => Err(MathError::Overflow { a, b }),
        (_, Some(q)) => Ok(q),
    }
}

/// What `serve` may answer a method, beyond `400 bad_arguments`.
fn may_answer(method: &str, outcome: &str) -> bool {
    match outcome {
        "200 ok" => true,
        "200 err" => matches!(method, "checked" | "fallibleResult"),
        "500 internal" => matches!(method, "fallible" | "fallibleResult"),
        // `divide` makes infinities of finite numbers. An `f32` beyond its
        // range that serde buffers (an internally tagged enum's field, an
        // adjacently tagged enum's content read before its tag) decodes as
        // an infinity, which the echo cannot encode: `deserialize_finite`
        // checks the range only where the `f32` is read directly.
        "500 encode" => matches!(method, "divide" | "internal" | "adjacent"),
        "400 bad_arguments" => true,
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Random values of the interface's types

thread_local! {
    /// Whether a non-finite float was generated since the last reset.
    static NON_FINITE: Cell<bool> = const { Cell::new(false) };
}

/// A random value, biased towards edge cases.
pub trait Gen: Sized {
    /// A value; `depth` counts the enclosing containers.
    fn make(g: &mut Rng, depth: u32) -> Self;
}

macro_rules! gen_ints {
    ($($t:ty),*) => {$(
        impl Gen for $t {
            fn make(g: &mut Rng, _: u32) -> Self {
                match g.below(9) {
                    0 => <$t>::MIN,
                    1 => <$t>::MAX,
                    2 => 0,
                    3 => 1,
                    4 => (0 as $t).wrapping_sub(1),
                    5 => <$t>::MAX.wrapping_sub(1),
                    6 => <$t>::MIN.wrapping_add(1),
                    // Powers of two, one off either way: 2^53 ± 1 among them.
                    7 => (1 as $t).wrapping_shl(g.below(<$t>::BITS as usize) as u32)
                        .wrapping_add(g.below(3) as $t)
                        .wrapping_sub(1),
                    _ if g.one_in(2) => (g.below(200) as $t).wrapping_sub(100),
                    _ => g.wide() as $t,
                }
            }
        }
    )*};
}

gen_ints!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl Gen for f64 {
    fn make(g: &mut Rng, _: u32) -> Self {
        let v = match g.below(14) {
            0 => 0.0,
            1 => -0.0,
            2 => f64::MIN_POSITIVE,
            3 => 5e-324,
            4 => f64::MAX,
            5 => f64::MIN,
            6 => f64::EPSILON,
            7 => 0.1,
            8 => 9_007_199_254_740_993.0,
            9 if g.one_in(4) => *g.pick(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -f64::NAN]),
            10 => (g.below(2001) as f64 - 1000.0) / 8.0,
            _ => f64::from_bits(g.next()),
        };
        if !v.is_finite() {
            NON_FINITE.set(true);
        }
        v
    }
}

impl Gen for f32 {
    fn make(g: &mut Rng, _: u32) -> Self {
        let v = match g.below(12) {
            0 => 0.0,
            1 => -0.0,
            2 => f32::MIN_POSITIVE,
            3 => 1e-45,
            4 => f32::MAX,
            5 => f32::MIN,
            6 => 0.1,
            7 if g.one_in(4) => *g.pick(&[f32::NAN, f32::INFINITY, f32::NEG_INFINITY]),
            8 => (g.below(2001) as f32 - 1000.0) / 8.0,
            _ => f32::from_bits(g.next() as u32),
        };
        if !v.is_finite() {
            NON_FINITE.set(true);
        }
        v
    }
}

impl Gen for bool {
    fn make(g: &mut Rng, _: u32) -> Self {
        g.one_in(2)
    }
}

const CHARS: &[char] = &[
    'a',
    'Z',
    '0',
    ' ',
    '"',
    '\\',
    '/',
    '\n',
    '\t',
    '\u{0}',
    '\u{1f}',
    '\u{7f}',
    'é',
    'ß',
    '€',
    '\u{2028}',
    '\u{fffd}',
    '\u{ffff}',
    '\u{10000}',
    '💡',
    '\u{10ffff}',
    '\u{200b}',
    '\u{301}',
];

impl Gen for char {
    fn make(g: &mut Rng, _: u32) -> Self {
        match g.below(4) {
            0 => char::from_u32(g.below(0x11_0000) as u32).unwrap_or('\u{d7ff}'),
            1 => (b' ' + g.below(95) as u8) as char,
            _ => *g.pick(CHARS),
        }
    }
}

const WORDS: &[&str] = &[
    "",
    "ok",
    "err",
    "error",
    "kind",
    "message",
    "type",
    "t",
    "c",
    "Leaf",
    "Node",
    "Unit",
    "Struct",
    "Newtype",
    "LOW",
    "VERY_HIGH",
    "null",
    "true",
    "\u{0}",
    "\\u0000",
    "</script>",
    "💡💡",
    "a\"b",
    "\u{feff}",
];

impl Gen for String {
    fn make(g: &mut Rng, depth: u32) -> Self {
        match g.below(10) {
            0 => String::new(),
            1 => (*g.pick(WORDS)).to_owned(),
            2 if g.one_in(20) => g.pick(&["ab", "é", "💡", "\\"]).repeat(g.range(100, 20_000)),
            _ => (0..g.below(12)).map(|_| char::make(g, depth)).collect(),
        }
    }
}

impl<T: Gen> Gen for Option<T> {
    fn make(g: &mut Rng, depth: u32) -> Self {
        if g.one_in(3) { None } else { Some(T::make(g, depth + 1)) }
    }
}

impl<T: Gen> Gen for Box<T> {
    fn make(g: &mut Rng, depth: u32) -> Self {
        Box::new(T::make(g, depth))
    }
}

fn length(g: &mut Rng, depth: u32) -> usize {
    match depth {
        0..=2 if g.one_in(50) => g.range(10, 300),
        0..=3 => g.below(5),
        _ => g.below(2),
    }
}

impl<T: Gen> Gen for Vec<T> {
    fn make(g: &mut Rng, depth: u32) -> Self {
        (0..length(g, depth)).map(|_| T::make(g, depth + 1)).collect()
    }
}

impl<T: Gen> Gen for BTreeMap<String, T> {
    fn make(g: &mut Rng, depth: u32) -> Self {
        (0..length(g, depth)).map(|_| (String::make(g, depth + 1), T::make(g, depth + 1))).collect()
    }
}

impl<T: Gen> Gen for HashMap<String, T> {
    fn make(g: &mut Rng, depth: u32) -> Self {
        (0..length(g, depth)).map(|_| (String::make(g, depth + 1), T::make(g, depth + 1))).collect()
    }
}

impl<T: Gen, const N: usize> Gen for [T; N] {
    fn make(g: &mut Rng, depth: u32) -> Self {
        std::array::from_fn(|_| T::make(g, depth + 1))
    }
}

macro_rules! gen_tuples {
    ($(($($t:ident),+))*) => {$(
        impl<$($t: Gen),+> Gen for ($($t,)+) {
            fn make(g: &mut Rng, depth: u32) -> Self {
                ($($t::make(g, depth + 1),)+)
            }
        }
    )*};
}

gen_tuples! {
    (A) (A, B) (A, B, C) (A, B, C, D) (A, B, C, D, E) (A, B, C, D, E, F)
    (A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P)
}

impl Gen for Inner {
    fn make(g: &mut Rng, depth: u32) -> Self {
        Inner { id: u32::make(g, depth), tags: Vec::make(g, depth + 1), ratio: f32::make(g, depth) }
    }
}

impl Gen for Level {
    fn make(g: &mut Rng, _: u32) -> Self {
        if g.one_in(2) { Level::Low } else { Level::VeryHigh }
    }
}

impl Gen for Record {
    fn make(g: &mut Rng, depth: u32) -> Self {
        Record {
            user_name: String::make(g, depth),
            id: u64::make(g, depth),
            inner: Inner::make(g, depth + 1),
            children: Vec::make(g, depth + 1),
            note: Option::make(g, depth),
            level: Level::make(g, depth),
            extra: BTreeMap::make(g, depth + 1),
            pair: <(i16, bool)>::make(g, depth),
            wide: i128::make(g, depth),
            weight: f64::make(g, depth),
        }
    }
}

impl Gen for External {
    fn make(g: &mut Rng, depth: u32) -> Self {
        match g.below(4) {
            0 => External::Unit,
            1 => External::Newtype(i64::make(g, depth)),
            2 => External::Tuple(u8::make(g, depth), String::make(g, depth)),
            _ => External::Struct { a: f64::make(g, depth), b: Option::make(g, depth) },
        }
    }
}

impl Gen for Internal {
    fn make(g: &mut Rng, depth: u32) -> Self {
        match g.below(3) {
            0 => Internal::Unit,
            1 => Internal::Struct { id: u32::make(g, depth), name: String::make(g, depth) },
            _ => Internal::Newtype(Inner::make(g, depth + 1)),
        }
    }
}

impl Gen for Adjacent {
    fn make(g: &mut Rng, depth: u32) -> Self {
        match g.below(4) {
            0 => Adjacent::Unit,
            1 => Adjacent::Newtype(String::make(g, depth)),
            2 => Adjacent::Tuple(i32::make(g, depth), i32::make(g, depth)),
            _ => Adjacent::Struct { x: i64::make(g, depth), y: f32::make(g, depth) },
        }
    }
}

impl Gen for Untagged {
    fn make(g: &mut Rng, depth: u32) -> Self {
        match g.below(4) {
            0 => Untagged::Number(i64::make(g, depth)),
            1 => Untagged::Text(String::make(g, depth)),
            2 => Untagged::List(Vec::make(g, depth + 1)),
            _ => Untagged::Pair { a: u8::make(g, depth), b: String::make(g, depth) },
        }
    }
}

impl Gen for Tree {
    fn make(g: &mut Rng, depth: u32) -> Self {
        if depth > 8 || g.one_in(3) {
            Tree::Leaf(u8::make(g, depth))
        } else {
            Tree::Node((0..g.below(4)).map(|_| Tree::make(g, depth + 1)).collect())
        }
    }
}

impl Gen for Unit {
    fn make(_: &mut Rng, _: u32) -> Self {
        Unit
    }
}

/// The argument array of `T`, as serde_json alone writes it (NaN as
/// `null`): a valid request, or nearly.
fn args_of<T: Gen + Serialize>(g: &mut Rng) -> Vec<u8> {
    serde_json::to_vec(&T::make(g, 0)).expect("serde_json writes every generated value")
}

/// A valid (or nearly) argument array for the method `wire`.
fn valid_args(g: &mut Rng, wire: &str) -> Vec<u8> {
    match wire {
        "ints" => args_of::<(i8, i16, i32, i64, i128, isize)>(g),
        "uints" => args_of::<(u8, u16, u32, u64, u128, usize)>(g),
        "floats" => args_of::<(f32, f64)>(g),
        "divide" => args_of::<(f64, f64)>(g),
        "text" => args_of::<(String, char, bool)>(g),
        "borrowed" => args_of::<(String, Vec<u32>, Inner)>(g),
        "options" => {
            let args = args_of::<(Option<u8>, Option<String>, Option<Vec<f64>>)>(g);
            // Trailing `None`s may be left out.
            let mut text = String::from_utf8(args).expect("serde_json writes UTF-8");
            while g.one_in(2) && text.ends_with(",null]") {
                text.truncate(text.len() - ",null]".len());
                text.push(']');
            }
            text.into_bytes()
        }
        "lists" => args_of::<(Vec<i64>, Vec<Vec<String>>, [u8; 3])>(g),
        "maps" => args_of::<(BTreeMap<String, u32>, HashMap<String, Vec<bool>>)>(g),
        "record" => args_of::<(Record,)>(g),
        "external" => args_of::<(External,)>(g),
        "internal" => args_of::<(Internal,)>(g),
        "adjacent" => args_of::<(Adjacent,)>(g),
        "untagged" => args_of::<(Untagged,)>(g),
        "tree" => args_of::<(Tree,)>(g),
        "unit" => args_of::<(Unit, Level)>(g),
        "checked" => args_of::<(i32, i32)>(g),
        "fallible" | "fallibleResult" => args_of::<(u32,)>(g),
        "sixteen" => args_of::<(u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8, u8)>(g),
        _ => b"[]".to_vec(),
    }
}

/// A random JSON value, with the names the interface uses as keys.
fn random_json(g: &mut Rng, depth: u32, out: &mut String) {
    let kind = if depth > 6 { g.below(5) } else { g.below(8) };
    match kind {
        0 => out.push_str(g.pick::<&str>(&["null", "true", "false"])),
        1 | 2 => out.push_str(g.pick::<&str>(NUMBERS)),
        3 => {
            let _ = write!(out, "{}", g.below(1000));
        }
        4 => out.push_str(g.pick::<&str>(STRINGS)),
        5 | 6 => {
            out.push('[');
            for i in 0..g.below(4) {
                if i > 0 {
                    out.push(',');
                }
                random_json(g, depth + 1, out);
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for i in 0..g.below(4) {
                if i > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{}:", serde_json::to_string(g.pick(WORDS)).expect("a string"));
                random_json(g, depth + 1, out);
            }
            out.push('}');
        }
    }
}

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "1.5",
    "-0.0",
    "1e3",
    "1E+2",
    "1e-400",
    "1e400",
    "-1e400",
    "127",
    "128",
    "-129",
    "255",
    "256",
    "65536",
    "4294967295",
    "4294967296",
    "9007199254740993",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "170141183460469231731687303715884105727",
    "-170141183460469231731687303715884105729",
    "340282366920938463463374607431768211455",
    "340282366920938463463374607431768211456",
    "3.4028235e38",
    "3.5e38",
    "1.7976931348623157e308",
    "2.2250738585072014e-308",
    "4.9e-324",
    "00",
    "01",
    "-",
    "1.",
    ".5",
    "+1",
    "1e",
    "0x10",
    "NaN",
    "Infinity",
    "-Infinity",
    "123456789012345678901234567890123456789012345678901234567890",
];

const STRINGS: &[&str] = &[
    r#""""#,
    r#""a""#,
    r#""\u0000""#,
    r#""\ud800""#,
    r#""\udc00\ud800""#,
    r#""\ud83d\udca1""#,
    r#""\uD83D""#,
    r#""\u00e9""#,
    r#""\\""#,
    r#""\"""#,
    r#""\/""#,
    r#""\b\f\n\r\t""#,
    r#""\x""#,
    r#""\u12""#,
    r#""💡""#,
    r#""ok""#,
    r#""Leaf""#,
    r#""Node""#,
    r#""VERY_HIGH""#,
    r#""Unit""#,
    r#""ab"#,
];

// ---------------------------------------------------------------------------
// Mutations

/// The spans of strings and numbers in `input`, found by a scan that
/// tolerates anything.
fn tokens(input: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < input.len() && spans.len() < 4096 {
        match input[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < input.len() && input[i] != b'"' {
                    i += if input[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(input.len());
                spans.push((start, i));
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < input.len() && matches!(input[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                    i += 1;
                }
                spans.push((start, i));
            }
            _ => i += 1,
        }
    }
    spans
}

const BYTES: &[u8] = b"\x00\xff\x80\xc3\xed\xf4\xf8\"\\[]{},:-0e. \n";

const INVALID_UTF8: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\x80",
    b"\xc0\x80",
    b"\xed\xa0\x80",
    b"\xed\xbf\xbf",
    b"\xf4\x90\x80\x80",
    b"\xf0\x9f\x92",
    b"\xe2\x82",
    b"\xfe\xfe\xff\xff",
];

/// Applies one to four random mutations to `input`; `donor` is another
/// valid input to splice from.
fn mutate(g: &mut Rng, input: &mut Vec<u8>, donor: &[u8]) {
    for _ in 0..g.range(1, 4) {
        let len = input.len();
        match g.below(16) {
            0 if len > 0 => {
                let at = g.below(len);
                input[at] ^= 1 << g.below(8);
            }
            1 if len > 0 => {
                let at = g.below(len);
                input[at] = *g.pick(BYTES);
            }
            2 => input.truncate(g.below(len + 1)),
            3 if len > 0 => {
                let start = g.below(len);
                let end = g.range(start, len);
                input.drain(start..end);
            }
            4 if len > 0 => {
                let start = g.below(len);
                let end = g.range(start, (start + 64).min(len));
                let copy = input[start..end].to_vec();
                let at = g.below(len + 1);
                input.splice(at..at, copy);
            }
            5 => {
                let at = g.below(len + 1);
                input.splice(at..at, g.pick(INVALID_UTF8).iter().copied());
            }
            6 | 7 => {
                let spans = tokens(input);
                let numbers: Vec<_> = spans.iter().filter(|(s, _)| input[*s] != b'"').collect();
                if let Some(&&(start, end)) = numbers.get(g.below(numbers.len().max(1))) {
                    input.splice(start..end, g.pick(NUMBERS).bytes());
                }
            }
            8 => {
                let spans = tokens(input);
                let strings: Vec<_> = spans.iter().filter(|(s, _)| input[*s] == b'"').collect();
                if let Some(&&(start, end)) = strings.get(g.below(strings.len().max(1))) {
                    input.splice(start..end, g.pick(STRINGS).bytes());
                }
            }
            9 => {
                // Deep nesting, around the whole body or inside it.
                let depth = if g.one_in(8) { g.range(200, 20_000) } else { g.range(100, 140) };
                let (open, close) = if g.one_in(3) { ("{\"a\":", "}") } else { ("[", "]") };
                let at = if g.one_in(2) { 0 } else { g.below(len + 1) };
                let mut nested = open.repeat(depth).into_bytes();
                nested.extend_from_slice(&input[at..]);
                nested.extend_from_slice(close.repeat(depth).as_bytes());
                input.truncate(at);
                input.extend_from_slice(&nested);
            }
            10 => {
                // Splice: a head of this input, a tail of the donor.
                let cut = g.below(len + 1);
                let from = g.below(donor.len() + 1);
                input.truncate(cut);
                input.extend_from_slice(&donor[from..]);
            }
            11 => {
                // A huge length: one token or element repeated.
                let spans = tokens(input);
                if let Some(&(start, end)) = spans.get(g.below(spans.len().max(1))) {
                    let token = input[start..end].to_vec();
                    let budget = if g.one_in(200) { 1 << 20 } else { 16 << 10 };
                    let times = (budget / token.len().max(1)).max(1);
                    let mut repeated = Vec::with_capacity(budget + times);
                    if input[start] == b'"' && token.len() >= 2 {
                        // A long string: its content repeated.
                        repeated.push(b'"');
                        for _ in 0..times {
                            repeated.extend_from_slice(&token[1..token.len() - 1]);
                        }
                        repeated.push(b'"');
                    } else {
                        for i in 0..times {
                            if i > 0 {
                                repeated.push(b',');
                            }
                            repeated.extend_from_slice(&token);
                        }
                    }
                    input.splice(start..end, repeated);
                }
            }
            12 => {
                let mut value = String::new();
                random_json(g, 0, &mut value);
                let at = g.below(len + 1);
                input.splice(at..at, value.into_bytes());
            }
            13 => {
                let at = g.below(len + 1);
                let filler: &[u8] =
                    g.pick::<&[u8]>(&[&b" \t\r\n"[..], b"\xef\xbb\xbf", b"//", b"/*x*/", b",", b",,", b"\x00"]);
                input.splice(at..at, filler.iter().copied());
            }
            14 => {
                // An element more, or one less, at the top level.
                if g.one_in(2) && input.last() == Some(&b']') {
                    let mut value = String::from(",");
                    random_json(g, 0, &mut value);
                    let end = input.len() - 1;
                    input.splice(end..end, value.into_bytes());
                } else if let Some(comma) = input.iter().rposition(|&b| b == b',') {
                    let end = input.iter().rposition(|&b| b == b']').filter(|&e| e > comma).unwrap_or(input.len());
                    input.drain(comma..end);
                }
            }
            _ => {
                let mut value = String::new();
                random_json(g, 0, &mut value);
                *input = value.into_bytes();
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Targets

/// The HTTP mapping as a transport: `serve` on one side, `read_reply` on
/// the other, each reply checked on the way.
pub struct Http {
    server: FuzzedServer<Rc<Echo>>,
    checks: RefCell<Vec<String>>,
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

const KINDS: &[&str] =
    &["unknown_method", "bad_arguments", "encode", "bad_reply", "bad_request", "too_large", "internal"];

fn kind_name(kind: ProtocolErrorKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// What `docs/protocol.md` says the status of a request is, as far as it
/// can tell without running it: `Err` the exact status and kind, `Ok` the
/// wire name when the method decides.
fn expected_status(http_method: &str, path: &str, body: &[u8]) -> Result<&'static str, (u16, &'static str)> {
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

const HTTP_METHODS: &[&str] =
    &["GET", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "post", "Post", "POST ", "", "P\u{d3}ST"];

fn request(g: &mut Rng) -> Request {
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
fn serve_one(server: &FuzzedServer<Rc<Echo>>, req: &Request) -> Result<String, String> {
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

const STATUSES: &[u16] = &[200, 200, 200, 200, 400, 404, 405, 413, 500, 500, 0, 1, 204, 301, 418, 502, 503, u16::MAX];

fn reply_input(g: &mut Rng) -> ReplyInput {
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

type Client = FuzzedClient<Http>;

/// The arguments of `method` and the check of its outcome.
type Typed = fn(&mut Rng, &Client) -> (String, Result<String, String>);

/// Checks a call that must come back as `expected` unless a non-finite
/// float was among its arguments, in which case the client refuses it.
fn echoed<T: PartialEq + Debug, E: Debug>(
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
struct Bits<T>(T);

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

fn typed_cases() -> Vec<(&'static str, Typed)> {
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
        Fuzzer { server: FuzzedServer(echo), client: FuzzedClient::new(http), typed: typed_cases() }
    }

    /// Runs input `index` of `seed`: its target, its input shown, and its
    /// outcome or what broke.
    pub fn run(&self, seed: u64, index: u64) -> (&'static str, String, Result<String, String>) {
        let mut g = Rng::for_input(seed, index);
        match g.below(10) {
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
            _ => {
                let input = reply_input(&mut g);
                let outcome = reply_one(&input);
                ("reply", format!("{input:?}"), outcome)
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
    match g.below(10) {
        0..=4 => format!("serve {:?}", request(&mut g)),
        5..=7 => {
            let names: Vec<&str> = typed_cases().iter().map(|(n, _)| *n).collect();
            format!("typed `{}` (arguments generated with the seed)", g.pick(&names))
        }
        _ => format!("reply {:?}", reply_input(&mut g)),
    }
}
