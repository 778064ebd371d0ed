//! `dogen check` on a large generated crate, against `dogen ts` rendering
//! the same crate in memory in the same run: how much checking adds to
//! generating. The goal is for `check --out` to cost about what `dogen ts`
//! costs (it renders, reads three files and compares), so it can run on
//! every commit.
//!
//! The crate is the `dogen ts` benchmark's (`Spec::TS` of
//! `dogen_tests::bench_crate`): 200 `#[durable]` traits of 20 methods each
//! and 1,000 serde types in 40 module files.
//!
//!     cargo bench -p dogen-tests --bench check
//!
//! prints the three times and the ratios at the end.

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
use dogen_tests::bench_crate::Spec;

/// Writes the crate under the target dir; returns the crate dir and its
/// root module.
fn write_crate() -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-check-bench");
    let files = Spec::TS.write(&dir).expect("bench crate written");
    (dir, files[0].clone())
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
