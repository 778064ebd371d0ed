//! Reading floats: dogen's JSON reader (`Json::decode`) against
//! `serde_json::from_slice` with `float_roundtrip`, both exact, on arrays
//! of 100 numbers of each kind as serde_json writes them.
//!
//! ```text
//! cargo bench -p dogen-tests --bench floats
//! ```
//!
//! The kinds reach each path of the reader's converter: integers and short
//! decimals (the fast path), 17 significant digits (the middle path), and
//! large or tiny magnitudes (the estimate path, where a number of 10^23 or
//! 10^-30 lands). Each round times 100 reads of one side, then of the
//! other; the table shows the fastest round of each, per number, and their
//! ratio. Both sides must read the same bits, or the bench stops.

use std::hint::black_box;
use std::time::Instant;

use dogen::{Format, Json};

const ROUNDS: usize = 300;
const READS: usize = 100;

fn main() {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut finite = || loop {
        let x = f64::from_bits(next() >> 1);
        if x.is_finite() {
            break x;
        }
    };
    let kinds: [(&str, Vec<f64>); 5] = [
        ("integers", (0..100).map(|i| (i * 7919 % 100_000) as f64).collect()),
        ("two decimals", (0..100).map(|i| (1_234_567 + i * 13) as f64 / 100.0).collect()),
        ("17 digits", (0..100).map(|i| 0.1 + i as f64 * 0.012_345_678_901_234_5).collect()),
        (
            "1e23 and 1e-30",
            (0..100).map(|i| (1.0 + i as f64 * 0.0137) * if i % 2 == 0 { 1e23 } else { 1e-30 }).collect(),
        ),
        ("random bit patterns", (0..100).map(|_| finite()).collect()),
    ];
    println!("reading 100 floats, fastest of {ROUNDS} alternating rounds, per number:");
    for (name, values) in kinds {
        let text = serde_json::to_vec(&values).expect("finite floats encode");
        let ours: Vec<f64> = Json::decode(&text).expect("dogen reads it");
        let theirs: Vec<f64> = serde_json::from_slice(&text).expect("serde_json reads it");
        assert!(
            ours.iter().map(|x| x.to_bits()).eq(theirs.iter().map(|x| x.to_bits())),
            "{name}: the readers disagree"
        );
        let (mut dogen, mut serde) = (f64::MAX, f64::MAX);
        for _ in 0..ROUNDS {
            let start = Instant::now();
            for _ in 0..READS {
                black_box(Json::decode::<Vec<f64>>(black_box(&text)).ok());
            }
            dogen = dogen.min(start.elapsed().as_secs_f64());
            let start = Instant::now();
            for _ in 0..READS {
                black_box(serde_json::from_slice::<Vec<f64>>(black_box(&text)).ok());
            }
            serde = serde.min(start.elapsed().as_secs_f64());
        }
        let per = |t: f64| t / (READS * values.len()) as f64 * 1e9;
        println!("  {name:20} {:7.1} ns / {:7.1} ns = {:.3}", per(dogen), per(serde), dogen / serde);
    }
}
