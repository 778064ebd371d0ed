//! Golden expansions of `#[durable]`: each `cases/expand/<case>/input.rs` is
//! expanded through `dogen_interface::expand` (the proc-macro's whole job) and
//! compared byte for byte with `expanded.rs` beside it. The expanded files
//! are complete programs, compiled and run by trybuild, so the golden code is
//! known to work, not only to look right.
//!
//! Bless new or changed expansions with `UPDATE_EXPECT=1`, then read the diff.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

use dogen_tests::Golden;
use proc_macro2::TokenStream;
use quote::ToTokens;

/// Where the cases live, relative to this crate.
const CASES: &str = "cases/expand";

/// The cases this suite must keep: a deleted folder fails the test instead
/// of silently shrinking it.
const REQUIRED: &[&str] = &["borrowed_args", "client_opt_out", "counter", "no_methods"];

/// Every case folder, sorted.
fn cases() -> Vec<PathBuf> {
    dogen_tests::case_dirs(CASES)
}

/// Whether `attr` is `#[durable]` or `#[dogen::durable]`, with or without
/// arguments.
fn is_durable(attr: &syn::Attribute) -> bool {
    let path = attr.path();
    path.is_ident("durable")
        || (path.segments.len() == 2 && path.segments[0].ident == "dogen" && path.segments[1].ident == "durable")
}

/// The arguments of a trait's `#[durable(...)]`, as the proc-macro receives
/// them.
fn attr_args(attr: &syn::Attribute) -> Result<TokenStream, String> {
    match &attr.meta {
        syn::Meta::Path(_) => Ok(TokenStream::new()),
        syn::Meta::List(list) => Ok(list.tokens.clone()),
        syn::Meta::NameValue(_) => Err("`#[durable = ...]` is not a form the proc-macro accepts".into()),
    }
}

/// Expands every `#[durable]` trait of `source` in place, as the compiler
/// would, and formats the whole file.
fn expand_source(source: &str) -> Result<String, String> {
    let file = syn::parse_file(source).map_err(|e| format!("input does not parse: {e}"))?;
    let mut items = Vec::with_capacity(file.items.len());
    let mut traits = 0;
    for item in file.items {
        let mut item_trait = match item {
            syn::Item::Trait(t) if t.attrs.iter().any(is_durable) => t,
            other => {
                items.push(other);
                continue;
            }
        };
        traits += 1;
        let position = item_trait.attrs.iter().position(is_durable).expect("checked above");
        let attr = item_trait.attrs.remove(position);
        let expanded = dogen_interface::expand(attr_args(&attr)?, item_trait.into_token_stream());
        let expanded: syn::File =
            syn::parse2(expanded).map_err(|e| format!("the expansion of a trait is not a list of items: {e}"))?;
        items.extend(expanded.items);
    }
    if traits == 0 {
        return Err("input has no `#[durable]` trait".into());
    }
    let text = prettyplease::unparse(&syn::File { items, ..file });
    if text.contains("compile_error") {
        return Err(format!("the expansion reports an error:\n{text}"));
    }
    Ok(text)
}

#[test]
fn golden_expansions() {
    let cases = cases();
    let names: Vec<String> =
        cases.iter().map(|c| c.file_name().expect("a case folder has a name").to_string_lossy().into_owned()).collect();
    for required in REQUIRED {
        assert!(names.iter().any(|n| n == required), "the case `{required}` is missing from {CASES}");
    }
    let mut failures = String::new();
    let mut golden = Golden::new();
    for (case, name) in cases.iter().zip(&names) {
        let input = case.join("input.rs");
        let expanded = case.join("expanded.rs");
        let source = match fs::read_to_string(&input) {
            Ok(source) => source,
            Err(e) => {
                let _ = writeln!(failures, "{name}: cannot read {}: {e}", input.display());
                continue;
            }
        };
        let actual = match expand_source(&source) {
            Ok(actual) => actual,
            Err(e) => {
                let _ = writeln!(failures, "{name}: {e}");
                continue;
            }
        };
        golden.check(&expanded, &actual);
    }
    if !failures.is_empty() {
        golden.fail(failures);
    }
    golden.finish();
}

/// Expanding the same input twice gives the same bytes: no hash-map order,
/// counters or spans leak into the output.
#[test]
fn expansion_is_deterministic() {
    for case in cases() {
        let source = fs::read_to_string(case.join("input.rs")).expect("every case has an input.rs");
        let first = expand_source(&source).expect("the input expands");
        let second = expand_source(&source).expect("the input expands");
        assert_eq!(first, second, "{}", case.display());
    }
}

/// Every golden file compiles and its `main` runs to completion: the
/// generated server and client work, in-process.
#[test]
fn golden_expansions_compile_and_run() {
    let golden = trybuild::TestCases::new();
    golden.pass(format!("{CASES}/*/expanded.rs"));
}
