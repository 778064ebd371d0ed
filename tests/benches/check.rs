//! `dogen check` on a large generated crate, against `dogen ts` rendering
//! the same crate in memory in the same run: how much checking adds to
//! generating. The goal is for `check --out` to cost about what `dogen ts`
//! costs (it renders, reads three files and compares), so it can run on
//! every commit.
//!
//! The crate has the scale of the `dogen ts` benchmark: 200 `#[durable]`
//! traits of 20 methods each and 1,000 serde types in 20 module files.
//!
//!     cargo bench -p dogen-tests --bench check
//!
//! prints the three times and the ratios at the end.

use std::fmt::Write as _;
use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use dogen_cli::commands::lock;
use dogen_codegen::backend::ts::TypeScript;
use dogen_codegen::backend::{OutputFile, render};
use dogen_codegen::lock::{Lock, diff};
use dogen_codegen::{drift, output};

const FILES: usize = 20;
const TRAITS: usize = 200;
const METHODS: usize = 20;
const TYPES: usize = 1_000;

/// Writes the crate under the target dir; returns the crate dir and its
/// root module.
fn write_crate() -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-check-bench");
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("old bench crate removed");
    }
    fs::create_dir_all(dir.join("src")).expect("src");
    let mut lib = String::new();
    for f in 0..FILES {
        writeln!(lib, "pub mod part{f};").unwrap();
        fs::write(dir.join(format!("src/part{f}.rs")), part(f)).expect("part written");
    }
    let root = dir.join("src/lib.rs");
    fs::write(&root, lib).expect("lib written");
    (dir, root)
}

/// One module file: its share of traits and types.
fn part(f: usize) -> String {
    let mut out = String::from("use serde::{Deserialize, Serialize};\nuse std::collections::HashMap;\n\n");
    let (traits, types) = (TRAITS / FILES, TYPES / FILES);
    for t in f * traits..(f + 1) * traits {
        writeln!(out, "#[dogen::durable]\npub trait Object{t} {{").unwrap();
        for m in 0..METHODS {
            let (a, b, c) = ((t * 7 + m) % TYPES, (t * 13 + m * 3) % TYPES, (t + m * 11) % TYPES);
            match m % 4 {
                0 => writeln!(out, "    async fn method_{m}(&self, a: Type{a}, b: Option<Type{b}>) -> Type{c};"),
                1 => writeln!(
                    out,
                    "    async fn method_{m}(&self, ids: Vec<u64>, name: &str) -> Result<Type{c}, Type{a}>;"
                ),
                2 => writeln!(out, "    async fn method_{m}(&self, map: HashMap<String, Type{a}>) -> Vec<Type{b}>;"),
                _ => {
                    writeln!(out, "    async fn method_{m}(&self, x: i32, y: f64, z: (u8, String)) -> Option<Type{c}>;")
                }
            }
            .unwrap();
        }
        out.push_str("}\n\n");
    }
    for n in f * types..(f + 1) * types {
        let (x, y) = ((n * 31 + 7) % TYPES, (n * 17 + 3) % TYPES);
        out.push_str("#[derive(Serialize, Deserialize)]\n");
        match n % 4 {
            0 => writeln!(
                out,
                "#[serde(rename_all = \"camelCase\")]\npub struct Type{n} {{\n    pub first_field: u32,\n    pub maybe: Option<Box<Type{x}>>,\n    #[serde(default)]\n    pub many: Vec<Type{y}>,\n    pub table: HashMap<String, f64>,\n}}\n"
            ),
            1 => writeln!(
                out,
                "#[serde(tag = \"type\")]\npub enum Type{n} {{\n    Empty,\n    Point {{ x: f64, y: f64 }},\n    Named {{ name: String, other: Option<Box<Type{x}>> }},\n}}\n"
            ),
            2 => writeln!(out, "pub enum Type{n} {{\n    Unit,\n    Value(i64),\n    Pair(String, u8),\n}}\n"),
            _ => writeln!(out, "pub struct Type{n}(pub Vec<Type{x}>);\n"),
        }
        .unwrap();
    }
    out
}

fn mean_ns(bench: &str) -> Option<f64> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .join("target/criterion/check")
        .join(bench)
        .join("new/estimates.json");
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

/// `dogen ts` in memory.
fn generate(root: &Path) -> Result<Vec<OutputFile>, dogen_codegen::Error> {
    let (_, api) = dogen_codegen::load::load_root(root, &[&TypeScript])?;
    render(&TypeScript, &api)
}

fn main() {
    let (dir, root) = write_crate();
    let out = dir.join("ts");
    let files = generate(&root).expect("the bench crate generates");
    output::write_dir(&out, &files).expect("ts written");
    let locked = lock::current(&dir).expect("the bench crate locks");
    fs::write(dir.join("dogen.lock"), locked.to_json()).expect("lock written");
    println!(
        "bench crate: {} traits, {} types; lock file {} KiB",
        locked.interfaces.len(),
        locked.types.len(),
        locked.to_json().len() / 1024
    );
    let mut c = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(20)).configure_from_args();
    let mut group = c.benchmark_group("check");
    // Spans of every parse stay in a thread-local source map; clear it so
    // each iteration starts alike.
    group.bench_function("dogen_ts", |b| {
        b.iter(|| {
            let files = generate(&root).expect("generates");
            proc_macro2::extra::invalidate_current_thread_spans();
            black_box(files.len())
        })
    });
    group.bench_function("check_out", |b| {
        b.iter(|| {
            let files = generate(&root).expect("generates");
            let drift = drift::compare(&out, &files, true).expect("compares");
            assert!(drift.is_clean());
            proc_macro2::extra::invalidate_current_thread_spans();
        })
    });
    group.bench_function("check_breaking", |b| {
        b.iter(|| {
            let text = fs::read_to_string(dir.join("dogen.lock")).expect("lock read");
            let baseline = Lock::from_json(&text).expect("lock parses");
            let now = lock::current(&dir).expect("locks");
            assert!(diff(&baseline, &now).is_empty());
            proc_macro2::extra::invalidate_current_thread_spans();
        })
    });
    group.finish();
    c.final_summary();
    if let (Some(ts), Some(out), Some(breaking)) =
        (mean_ns("dogen_ts"), mean_ns("check_out"), mean_ns("check_breaking"))
    {
        println!(
            "dogen ts (in memory): {:.1} ms; dogen check --out: {:.1} ms ({:.2}x); dogen check --breaking: {:.1} ms ({:.2}x)",
            ts / 1e6,
            out / 1e6,
            out / ts,
            breaking / 1e6,
            breaking / ts
        );
    }
}
