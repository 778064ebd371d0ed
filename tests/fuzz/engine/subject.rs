//! The fuzzed interface: a trait with every argument shape, its types, and
//! an implementation whose answers the checks can predict.

#[allow(unused_imports)]
use super::*;

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

pub(crate) fn expected_checked(a: i32, b: i32) -> Result<i32, MathError> {
    match (b, a.checked_div(b)) {
        (0, _) => Err(MathError::DivByZero),
        (_, None) => Err(MathError::Overflow { a, b }),
        (_, Some(q)) => Ok(q),
    }
}

/// What `serve` may answer a method, beyond `400 bad_arguments`.
pub(crate) fn may_answer(method: &str, outcome: &str) -> bool {
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
