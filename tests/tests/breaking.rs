//! The breaking-change matrix of `dogen check --breaking`: each
//! `cases/breaking/<case>/` holds a crate before (`before.rs`) and after
//! (`after.rs`) one change. The test writes the lock of `before.rs` with
//! `dogen lock`, replaces the source with `after.rs`, and runs `dogen check
//! --breaking` (with the flags in `args.txt`, if any). Its findings must
//! match `expected.txt`, and [`MATRIX`] pins, per case, the kind and the
//! classification the change must get, so re-blessing cannot quietly flip
//! one.
//!
//! Bless new or changed output with `UPDATE_EXPECT=1`, then read the diff.

use std::fs;
use std::path::{Path, PathBuf};

use clap::Parser as _;
use dogen_cli::{Cli, Error};
use dogen_tests::Golden;

/// Where the cases live, relative to this crate.
const CASES: &str = "cases/breaking";

/// Every case, with the kind of change it must report and whether that
/// change is breaking; `None` for a case that must report nothing.
const MATRIX: &[(&str, Option<(&str, bool)>)] = &[
    ("no_change", None),
    ("rust_name_changed_wire_name_kept", None),
    ("class_added", Some(("class_added", false))),
    ("class_removed", Some(("class_removed", true))),
    ("class_renamed_without_migration", Some(("class_removed", true))),
    ("class_renamed_with_declared_rename", Some(("class_renamed", false))),
    ("trait_renamed_class_kept", Some(("trait_renamed", false))),
    ("binding_renamed", Some(("binding_renamed", false))),
    ("storage_changed", Some(("storage_changed", true))),
    ("method_added", Some(("method_added", false))),
    ("method_removed", Some(("method_removed", true))),
    ("method_wire_name_changed", Some(("method_renamed", true))),
    ("argument_added", Some(("argument_added", true))),
    ("optional_argument_added", Some(("optional_argument_added", false))),
    ("argument_removed", Some(("argument_removed", true))),
    ("argument_renamed", Some(("argument_renamed", false))),
    ("argument_type_widened", Some(("argument_type_changed", false))),
    ("argument_type_narrowed", Some(("argument_type_changed", true))),
    ("argument_made_option", Some(("argument_type_changed", false))),
    ("argument_switched_to_a_different_type", Some(("argument_type_changed", true))),
    ("type_renamed_same_wire_form", Some(("argument_type_changed", false))),
    ("return_type_widened", Some(("return_type_changed", true))),
    ("return_type_narrowed", Some(("return_type_changed", false))),
    ("error_type_added", Some(("error_type_added", true))),
    ("error_type_removed", Some(("error_type_removed", false))),
    ("error_variant_added", Some(("variant_added", true))),
    ("input_field_added_required", Some(("field_added", true))),
    ("input_field_added_optional", Some(("field_added", false))),
    ("input_field_added_with_default", Some(("field_added", false))),
    ("input_field_removed", Some(("field_removed", false))),
    ("input_field_removed_deny_unknown_fields", Some(("field_removed", true))),
    ("input_field_made_required", Some(("field_made_required", true))),
    ("input_field_made_optional", Some(("field_made_optional", false))),
    ("field_type_changed", Some(("field_type_changed", true))),
    ("field_type_widened_in_input", Some(("field_type_changed", false))),
    ("deny_unknown_fields_added", Some(("deny_unknown_fields_added", true))),
    ("output_field_added", Some(("field_added", false))),
    ("output_field_added_deny_unknown_fields", Some(("field_added", true))),
    ("output_field_removed", Some(("field_removed", true))),
    ("output_optional_field_removed", Some(("field_removed", false))),
    ("output_field_made_optional", Some(("field_made_optional", true))),
    ("output_field_type_narrowed", Some(("field_type_changed", false))),
    ("field_added_to_type_used_both_ways", Some(("field_added", true))),
    ("input_variant_added", Some(("variant_added", false))),
    ("input_variant_removed", Some(("variant_removed", true))),
    ("input_variant_renamed", Some(("variant_removed", true))),
    ("output_variant_added", Some(("variant_added", true))),
    ("output_variant_removed", Some(("variant_removed", false))),
    ("enum_tagging_changed", Some(("enum_tagging_changed", true))),
    ("variant_form_changed", Some(("variant_changed", true))),
    ("variant_type_widened_in_input", Some(("variant_type_changed", false))),
    ("type_kind_changed", Some(("type_kind_changed", true))),
    ("struct_tag_changed", Some(("struct_tag_changed", true))),
    ("type_generics_changed", Some(("type_generics_changed", true))),
    ("newtype_widened_in_input", Some(("type_changed", false))),
    ("newtype_narrowed_in_input", Some(("type_changed", true))),
    ("nested_type_changed", Some(("field_type_changed", true))),
    ("recursive_type_renamed", Some(("argument_type_changed", false))),
    ("alias_replaced_by_its_target", Some(("argument_type_changed", false))),
    ("mapped_type_changed", Some(("type_changed", true))),
    ("mapped_field_changed", Some(("field_type_changed", true))),
];

/// A fresh crate directory for one case.
fn scratch(case: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dogen-breaking").join(case);
    if dir.exists() {
        fs::remove_dir_all(&dir).expect("old scratch dir removed");
    }
    fs::create_dir_all(dir.join("src")).expect("scratch dir");
    dir
}

/// Runs `dogen ARGS`; `Ok` with the report, or `Err` with the exit code
/// and what was printed.
fn dogen(args: &[String]) -> Result<String, (u8, String)> {
    let cli = Cli::try_parse_from(std::iter::once("dogen".to_owned()).chain(args.iter().cloned()))
        .unwrap_or_else(|e| panic!("{args:?} parses: {e}"));
    dogen_cli::run(&cli).map(|r| r.0).map_err(|e| {
        let code = e.exit_code(&cli.command);
        match e {
            Error::Check(failure) => (code, failure.report),
            other => (code, other.to_string()),
        }
    })
}

/// Locks `before.rs`, switches to `after.rs`, checks: the exit code and the
/// findings, one per line, with the scratch path taken out.
fn run_case(case: &Path) -> (u8, String) {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let dir = scratch(&name);
    let krate = dir.to_string_lossy().into_owned();
    let lib = dir.join("src/lib.rs");
    fs::copy(case.join("before.rs"), &lib).expect("before.rs copied");
    // A case about the crate's settings (type mappings) keeps them in
    // `before.toml` and `after.toml`: its Cargo.toml before and after.
    let manifest = |file: &str| {
        if case.join(file).exists() {
            fs::copy(case.join(file), dir.join("Cargo.toml")).expect("Cargo.toml copied");
        }
    };
    manifest("before.toml");
    dogen(&["lock".into(), krate.clone()]).unwrap_or_else(|(_, e)| panic!("{name}: dogen lock failed: {e}"));
    fs::copy(case.join("after.rs"), &lib).expect("after.rs copied");
    manifest("after.toml");
    let mut args = vec!["check".to_owned(), "--breaking".to_owned(), krate.clone()];
    if let Ok(extra) = fs::read_to_string(case.join("args.txt")) {
        args.extend(extra.split_whitespace().map(str::to_owned));
    }
    let (code, text) = match dogen(&args) {
        Ok(report) => (0, report),
        Err((code, text)) => (code, text),
    };
    let findings: Vec<&str> = text.lines().filter(|l| l.starts_with("src/")).collect();
    (code, findings.join("\n").replace(&krate, "CRATE"))
}

/// Every case folder, sorted.
fn cases() -> Vec<PathBuf> {
    dogen_tests::case_dirs(CASES)
}

#[test]
fn every_case_is_in_the_matrix_and_every_entry_has_a_case() {
    let names: Vec<String> = cases().iter().map(|c| c.file_name().unwrap().to_string_lossy().into_owned()).collect();
    for name in &names {
        assert!(MATRIX.iter().any(|(n, _)| n == name), "case `{name}` is missing from MATRIX");
    }
    for (name, _) in MATRIX {
        assert!(names.iter().any(|n| n == name), "MATRIX names `{name}`, which has no folder in {CASES}");
    }
}

#[test]
fn the_matrix_covers_at_least_twenty_kinds_of_change() {
    let mut kinds: Vec<&str> = MATRIX.iter().filter_map(|(_, k)| k.map(|(kind, _)| kind)).collect();
    kinds.sort();
    kinds.dedup();
    assert!(kinds.len() >= 20, "{} kinds: {kinds:?}", kinds.len());
    for kind in &kinds {
        assert!(
            dogen_codegen::lock::Kind::ALL.iter().any(|k| k.name() == *kind),
            "MATRIX names `{kind}`, which is not a kind dogen reports"
        );
    }
}

#[test]
fn every_change_is_classified_as_the_matrix_says() {
    let mut golden = Golden::new();
    for case in cases() {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let (code, findings) = run_case(&case);
        let actual = format!("exit {code}\n{findings}\n");
        golden.check(&case.join("expected.txt"), &actual);
        let Some((_, pinned)) = MATRIX.iter().find(|(n, _)| *n == name) else { continue };
        let breaking = findings.lines().any(|l| l.contains(": breaking ["));
        match pinned {
            None => {
                if !findings.is_empty() || code != 0 {
                    golden.fail(format!("{name}: expected no change and exit 0, got exit {code}:\n{findings}"));
                }
            }
            Some((kind, is_breaking)) => {
                let word = if *is_breaking { "breaking" } else { "compatible" };
                if !findings.lines().any(|l| l.contains(&format!(": {word} [{kind}] "))) {
                    golden.fail(format!("{name}: expected a {word} `{kind}`, got:\n{findings}"));
                }
                if code != u8::from(breaking) {
                    golden.fail(format!("{name}: exit {code}, but breaking findings: {breaking}"));
                }
                if *is_breaking != breaking {
                    golden.fail(format!("{name}: the change should make the check {word}:\n{findings}"));
                }
            }
        }
    }
    golden.finish();
}

/// Why `optional_argument_added` is compatible: the runtime reads a
/// left-out trailing `Option` argument as `None`, so a deployed caller that
/// sends one argument to a method that now takes two (the second an
/// `Option`) is answered. If that ever changes, this test fails and the
/// classification (and docs/breaking.md) must change with it.
#[test]
fn the_runtime_reads_left_out_trailing_option_arguments_as_none() {
    #[dogen::durable]
    pub trait Adder {
        async fn add(&self, by: u32, note: Option<String>) -> u32;
    }
    struct Impl;
    impl Adder for Impl {
        async fn add(&self, by: u32, _note: Option<String>) -> u32 {
            by
        }
    }
    futures_executor::block_on(async {
        let server = AdderServer(&Impl);
        let full = dogen::Dispatch::<dogen::Json>::dispatch(&server, "add", &b"[1,null]".to_vec()).await;
        assert!(full.is_ok(), "{full:?}");
        let old = dogen::Dispatch::<dogen::Json>::dispatch(&server, "add", &b"[1]".to_vec()).await;
        assert_eq!(old, Ok(dogen::Reply::Ok(b"1".to_vec())));
    });
}

#[test]
fn docs_breaking_md_has_a_row_for_every_kind() {
    let docs = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/breaking.md")).expect("docs");
    for kind in dogen_codegen::lock::Kind::ALL {
        assert!(docs.contains(&format!("\n| `{kind}` |")), "docs/breaking.md has no row for `{kind}`");
    }
}
