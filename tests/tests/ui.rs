//! Compile-time behaviour of `#[durable]`: every misuse is a spanned error
//! (`ui/durable/*.rs`, the expected output beside each case in `.stderr`),
//! and every supported form compiles without warnings and runs
//! (`ui/pass/*.rs`). Paths are relative to this crate.
//!
//! Bless new or changed expectations with `TRYBUILD=overwrite`, then read
//! the diff of every `.stderr`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/durable/*.rs");
    cases.pass("ui/pass/*.rs");
}
