//! The floor of `dogen ts`: reads every `.rs` file under `DIR/src` and
//! parses it with `syn::parse_file`, as any tool reading Rust source must;
//! nothing else. Built with the CLI's syn features, and with or without
//! proc-macro2's `span-locations` (feature `spans`), with the system's
//! allocator or the CLI's (feature `mimalloc`), and dropping each file's
//! tree once parsed or keeping every tree to the end (feature `retain`).
//!
//!     parse DIR

use std::path::{Path, PathBuf};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: parse DIR"));
    let mut files = Vec::new();
    rust_files(&dir.join("src"), &mut files);
    let mut items = 0;
    // With `retain`, every tree stays until the end, as a tool that keeps
    // what it parsed keeps it.
    let mut kept = Vec::new();
    for path in &files {
        let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let file = syn::parse_file(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        items += file.items.len();
        if cfg!(feature = "retain") {
            kept.push(file);
        }
    }
    println!("{} files, {items} items", files.len());
}
