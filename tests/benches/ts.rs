//! `dogen ts` on a large generated crate, against a bare `syn::parse_file`
//! pass over the same files in the same run: the part of the work any tool
//! reading Rust source must do. The goal is at most 1.5 times the bare
//! parse.
//!
//! The crate: 200 `#[durable]` traits of 20 methods each and 1,000 serde
//! types (structs and enums of every tagging, with options, vectors, maps
//! and references across modules), in 40 module files: `Spec::TS` of
//! `dogen_tests::bench_crate`, the generator `bash tests/bench/run` uses
//! too. That script times the whole `dogen ts` process; this bench times
//! the library in process.
//!
//!     cargo bench -p dogen-tests --bench ts
//!
//! prints both times and their ratio at the end.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use dogen_codegen::backend::render;
use dogen_codegen::backend::ts::TypeScript;
use dogen_tests::bench_crate::Spec;

/// Writes the crate under the target dir and returns its root module and
/// every file.
fn write_crate() -> (PathBuf, Vec<PathBuf>) {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-ts-bench");
    let files = Spec::TS.write(&root).expect("bench crate written");
    (files[0].clone(), files)
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
