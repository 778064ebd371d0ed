//! Compile-time behaviour of `#[durable]` and `#[dogen::object]`: every
//! misuse is a spanned error (`ui/durable/*.rs`, `ui/object/*.rs`, the
//! expected output beside each case in `.stderr`),
//! and every supported form compiles without warnings and runs
//! (`ui/pass/*.rs`). Paths are relative to this crate.
//!
//! Bless new or changed expectations with `TRYBUILD=overwrite`, then read
//! the diff of every `.stderr`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/durable/*.rs");
    cases.compile_fail("ui/object/*.rs");
    cases.pass("ui/pass/*.rs");
}
