//! `dogen ts` on a large generated crate, against a bare `syn::parse_file`
//! pass over the same files in the same run: the part of the work any tool
//! reading Rust source must do. The goal is at most 1.5 times the bare
//! parse.
//!
//! The crate: 200 `#[durable]` traits of 20 methods each and 1,000 serde
//! types (structs and enums of every tagging, with options, vectors, maps
//! and references across modules), in 20 module files.
//!
//!     cargo bench -p dogen-tests --bench ts
//!
//! prints both times and their ratio at the end.

use std::fmt::Write as _;
use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use dogen_codegen::backend::render;
use dogen_codegen::backend::ts::TypeScript;

const FILES: usize = 20;
const TRAITS: usize = 200;
const METHODS: usize = 20;
const TYPES: usize = 1_000;

/// Writes the crate under the target dir and returns its root module and
/// every file.
fn write_crate() -> (PathBuf, Vec<PathBuf>) {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-ts-bench");
    if root.exists() {
        fs::remove_dir_all(&root).expect("old bench crate removed");
    }
    fs::create_dir_all(root.join("src")).expect("src");
    let mut lib = String::from("//! Generated for the `dogen ts` benchmark.\n");
    let mut files = Vec::new();
    for f in 0..FILES {
        writeln!(lib, "pub mod part{f};").unwrap();
        let path = root.join(format!("src/part{f}.rs"));
        fs::write(&path, part(f)).expect("part written");
        files.push(path);
    }
    let lib_path = root.join("src/lib.rs");
    fs::write(&lib_path, lib).expect("lib written");
    files.insert(0, lib_path.clone());
    (lib_path, files)
}

/// One module file: its share of traits and types.
fn part(f: usize) -> String {
    let mut out = String::from("use serde::{Deserialize, Serialize};\nuse std::collections::HashMap;\n\n");
    let (traits, types) = (TRAITS / FILES, TYPES / FILES);
    for t in f * traits..(f + 1) * traits {
        writeln!(out, "/// Durable object number {t}.\n#[dogen::durable]\npub trait Object{t} {{").unwrap();
        for m in 0..METHODS {
            let (a, b, c, e) = ((t * 7 + m) % TYPES, (t * 13 + m * 3) % TYPES, (t + m * 11) % TYPES, (t + m) % TYPES);
            writeln!(out, "    /// Method {m}.").unwrap();
            match m % 4 {
                0 => writeln!(out, "    async fn method_{m}(&self, a: Type{a}, b: Option<Type{b}>) -> Type{c};"),
                1 => writeln!(
                    out,
                    "    async fn method_{m}(&self, ids: Vec<u64>, name: &str) -> Result<Type{c}, Type{e}>;"
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
        writeln!(out, "/// Type number {n}.\n#[derive(Serialize, Deserialize)]").unwrap();
        match n % 5 {
            0 => writeln!(
                out,
                "#[serde(rename_all = \"camelCase\")]\npub struct Type{n} {{\n    pub first_field: u32,\n    pub second_field: String,\n    pub maybe: Option<Box<Type{x}>>,\n    #[serde(default, skip_serializing_if = \"Vec::is_empty\")]\n    pub many: Vec<Type{y}>,\n    pub table: HashMap<String, f64>,\n}}\n"
            ),
            1 => writeln!(
                out,
                "#[serde(tag = \"type\")]\npub enum Type{n} {{\n    Empty,\n    Point {{ x: f64, y: f64 }},\n    Named {{ name: String, other: Option<Box<Type{x}>> }},\n}}\n"
            ),
            2 => writeln!(
                out,
                "pub enum Type{n} {{\n    Unit,\n    Value(i64),\n    Pair(String, u8),\n    Record {{ id: u64, tags: Vec<String> }},\n}}\n"
            ),
            3 => writeln!(out, "pub struct Type{n}(pub Vec<Type{x}>);\n"),
            _ => writeln!(
                out,
                "#[serde(tag = \"t\", content = \"c\")]\npub enum Type{n} {{\n    A,\n    B(Vec<u8>),\n    C {{ deep: HashMap<String, Vec<Option<u32>>> }},\n}}\n"
            ),
        }
        .unwrap();
    }
    out
}

/// What every tool reading the source pays: read and parse each file.
fn parse_only(files: &[PathBuf]) -> usize {
    let mut items = 0;
    for path in files {
        let source = fs::read_to_string(path).expect("readable");
        items += syn::parse_file(&source).expect("parses").items.len();
    }
    items
}

/// `dogen ts` without writing: scan, model, validate, render.
fn dogen_ts(root: &Path) -> usize {
    let (_, api) = dogen_codegen::load::load_root(root, &[&TypeScript]).expect("the bench crate loads");
    let files = render(&TypeScript, &api).expect("the bench crate generates");
    files.iter().map(|f| f.contents.len()).sum()
}

fn mean_ns(bench: &str) -> Option<f64> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .join("target/criterion/ts")
        .join(bench)
        .join("new/estimates.json");
    let json: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).ok()?).ok()?;
    json["mean"]["point_estimate"].as_f64()
}

fn main() {
    let (root, files) = write_crate();
    let bytes: u64 = files.iter().map(|f| fs::metadata(f).map(|m| m.len()).unwrap_or(0)).sum();
    let written = dogen_ts(&root);
    println!(
        "bench crate: {} files, {} KiB of Rust; dogen ts writes {} KiB of TypeScript",
        files.len(),
        bytes / 1024,
        written / 1024
    );
    let mut c = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(20)).configure_from_args();
    let mut group = c.benchmark_group("ts");
    // Spans of every parse stay in a thread-local source map; clear it so
    // each iteration starts alike.
    group.bench_function("syn_parse_file", |b| {
        b.iter(|| {
            let n = black_box(parse_only(&files));
            proc_macro2::extra::invalidate_current_thread_spans();
            n
        })
    });
    group.bench_function("dogen_ts", |b| {
        b.iter(|| {
            let n = black_box(dogen_ts(&root));
            proc_macro2::extra::invalidate_current_thread_spans();
            n
        })
    });
    group.finish();
    c.final_summary();
    if let (Some(parse), Some(dogen)) = (mean_ns("syn_parse_file"), mean_ns("dogen_ts")) {
        println!(
            "dogen ts: {:.1} ms, syn::parse_file alone: {:.1} ms, ratio {:.2} (goal: at most 1.5)",
            dogen / 1e6,
            parse / 1e6,
            dogen / parse
        );
    }
}
