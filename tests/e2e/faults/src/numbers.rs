//! `GET /:name/numbers`: dogen's JSON reader, as built for Workers, reads
//! floats through the engine's own conversions (`parseFloat`, and
//! `Number.prototype.toString` for the floats its error messages quote).
//! This reads a corpus both ways, in workerd, and answers where dogen and
//! serde_json (with `float_roundtrip`) differ: as an `f64`, the same
//! value or the same error; as an `i64`, the same words.

use dogen::{Format, Json};

/// The answer: how many texts were read, and the first differences.
#[derive(serde::Serialize)]
pub struct Report {
    pub checked: u32,
    pub mismatches: Vec<String>,
}

/// Numbers at the edges of rounding and of range, and in every layout.
const HARD: &[&str] = &[
    "0",
    "-0",
    "0.0",
    "1",
    "0.1",
    "0.5",
    "1.5",
    "-2.5",
    "1e23",
    "1E23",
    "1e+23",
    "100000000000000000000000",
    "9007199254740993",
    "9007199254740993.0000000000000001",
    "18446744073709551616",
    "-9223372036854775809",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203124",
    "1.00000000000000011102230246251565404236316680908203126",
    "2.2250738585072011e-308",
    "2.2250738585072012e-308",
    "2.2250738585072014e-308",
    "4.9406564584124654e-324",
    "2.4703282292062327e-324",
    "2.4703282292062328e-324",
    "5e-324",
    "3e-324",
    "1e-400",
    "1.7976931348623157e308",
    "1.7976931348623158e308",
    "1.7976931348623159e308",
    "1e309",
    "8.98846567431158e307",
    "123456789012345678901234567890e-30",
    "0.000001",
    "0.0000001",
    "1e-7",
    "1e15",
    "1e16",
    "1e20",
    "1e21",
    "1e22",
    "123e-2",
    "0e99999999999",
    "1e-99999999999",
    "1e99999999999",
    "0.30000000000000004",
    "3.0000000000000004e-1",
    "7.0e-10",
    "1.25e+300",
];

pub fn check() -> Report {
    let mut texts: Vec<String> = HARD.iter().map(|t| (*t).to_owned()).collect();
    // A long input whose digits decide the rounding 700 places in.
    texts.push(format!("2.{}1e-308", "2250738585072011360574097967091319759348195463516456480234261098".repeat(11)));
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..20_000 {
        // A random finite double, as Rust writes it plainly and in
        // scientific notation.
        let value = f64::from_bits(next());
        if value.is_finite() {
            texts.push(format!("{value}"));
            texts.push(format!("{value:e}"));
        }
        // Random digits around a random exponent.
        let digits: String = (0..1 + next() % 40).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
        let point = (next() % (digits.len() as u64 + 1)) as usize;
        let exp = (next() % 700) as i64 - 350;
        let sign = if next() % 2 == 0 { "" } else { "-" };
        let int = if point == 0 { "0" } else { digits[..point].trim_start_matches('0') };
        let int = if int.is_empty() { "0" } else { int };
        match &digits[point..] {
            "" => texts.push(format!("{sign}{int}e{exp}")),
            frac => texts.push(format!("{sign}{int}.{frac}e{exp}")),
        }
    }
    let mut report = Report { checked: 0, mismatches: Vec::new() };
    for text in &texts {
        let bytes = text.as_bytes().to_vec();
        let ours = Json::decode::<f64>(&bytes).map(f64::to_bits);
        let theirs =
            serde_json::from_str::<f64>(text).map(f64::to_bits).map_err(|e| dogen::__private::quote_message(&e));
        let ours_int = Json::decode::<i64>(&bytes);
        let theirs_int = serde_json::from_str::<i64>(text).map_err(|e| dogen::__private::quote_message(&e));
        report.checked += 1;
        if (ours != theirs || ours_int != theirs_int) && report.mismatches.len() < 10 {
            report.mismatches.push(format!("{text}: f64 {ours:?} vs {theirs:?}; i64 {ours_int:?} vs {theirs_int:?}"));
        }
    }
    report
}
