//! Random values of the interface's types, valid arguments, and random JSON.

#[allow(unused_imports)]
use super::*;

thread_local! {
    /// Whether a non-finite float was generated since the last reset.
    pub(crate) static NON_FINITE: Cell<bool> = const { Cell::new(false) };
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

pub(crate) const CHARS: &[char] = &[
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

pub(crate) const WORDS: &[&str] = &[
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

pub(crate) fn length(g: &mut Rng, depth: u32) -> usize {
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

/// A value of `T` as serde_json alone writes it (NaN as `null`): for a
/// tuple, a valid argument array, or nearly.
pub(crate) fn args_of<T: Gen + Serialize>(g: &mut Rng) -> Vec<u8> {
    serde_json::to_vec(&T::make(g, 0)).expect("serde_json writes every generated value")
}

/// A valid (or nearly) argument array for the method `wire`.
pub(crate) fn valid_args(g: &mut Rng, wire: &str) -> Vec<u8> {
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
pub(crate) fn random_json(g: &mut Rng, depth: u32, out: &mut String) {
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

pub(crate) const NUMBERS: &[&str] = &[
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

pub(crate) const STRINGS: &[&str] = &[
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
