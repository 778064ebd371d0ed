//! `dogen entry` golden cases: each folder in `cases/entry/` is a crate
//! (`input.rs`, its root module) and the `entry.js` dogen writes for it, or
//! `errors.txt` when the crate is refused. Bless with `UPDATE_EXPECT=1`
//! (see `dogen_tests::Golden`).
//! Every golden `entry.js` must also parse as an ES module (`node --check`);
//! the end-to-end test (tests/e2e) runs the examples' in workerd.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use dogen_codegen::Error;
use dogen_codegen::backend::entry::Entry;
use dogen_codegen::backend::{OutputFile, render};
use dogen_tests::Golden;

/// `dogen entry --module MODULE` on the crate whose root module is `root`,
/// in memory.
fn generate(root: &Path, module: &str) -> Result<OutputFile, Error> {
    let entry = Entry::new(module)?;
    let (_, api) = dogen_codegen::load::load_root(root, &[&entry])?;
    let mut files = render(&entry, &api)?;
    Ok(files.remove(0))
}

/// Every case folder, sorted.
fn cases() -> Vec<PathBuf> {
    dogen_tests::case_dirs("cases/entry")
}

/// The case's crate: `input.rs` as `src/lib.rs` of a temporary crate, so
/// the scanner sees the layout it expects.
fn crate_root(case: &Path) -> PathBuf {
    let name = case.file_name().expect("a case has a name");
    let src = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-entry").join(name).join("src");
    fs::create_dir_all(&src).expect("a temporary crate");
    fs::copy(case.join("input.rs"), src.join("lib.rs")).expect("input.rs copies");
    src.join("lib.rs")
}

#[test]
fn golden_entry_modules() {
    let cases = cases();
    assert!(cases.len() >= 6, "the entry cases are missing");
    let mut golden = Golden::new();
    for case in &cases {
        let root = crate_root(case);
        let module = if case.ends_with("struct_implements_the_trait") { "counter" } else { "index" };
        let name = case.file_name().unwrap().to_string_lossy();
        match generate(&root, module) {
            Ok(file) => {
                assert!(!name.starts_with("error_"), "{name} should be refused");
                golden.check(&case.join("entry.js"), &file.contents);
            }
            Err(error) => {
                assert!(name.starts_with("error_"), "{name} was refused: {error}");
                // Paths differ per machine: keep what follows the crate dir.
                let text = error.to_string().replace(&root.parent().unwrap().display().to_string(), "src");
                golden.check(&case.join("errors.txt"), &format!("{text}\n"));
            }
        }
    }
    golden.finish();
}

#[test]
fn golden_entry_modules_are_es_modules() {
    for case in cases() {
        let entry = case.join("entry.js");
        if !entry.exists() {
            continue;
        }
        let checked = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-entry-check.mjs");
        fs::copy(&entry, &checked).expect("copy");
        let out = Command::new("node").arg("--check").arg(&checked).output().expect("node runs");
        assert!(out.status.success(), "{}: {}", entry.display(), String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn output_is_deterministic() {
    let case = cases().into_iter().find(|c| c.ends_with("two_objects_in_interface_order")).expect("the case");
    let root = crate_root(&case);
    let first = generate(&root, "index").expect("renders");
    let second = generate(&root, "index").expect("renders");
    assert_eq!(first, second);
}

#[test]
fn module_names_are_file_stems() {
    let case = cases().into_iter().find(|c| c.ends_with("field_and_results")).expect("the case");
    let error = generate(&crate_root(&case), "../index").expect_err("a path is not a module name");
    assert_eq!(error.to_string(), "`--module ../index` is not a file stem (letters, digits, `_`, `-`)");
}
