//! Parsing a file for the scan, without the bodies it never reads.
//!
//! Every item the scan can use (traits, structs, enums, type aliases,
//! `use`, `mod`, macros) is parsed by syn exactly as `syn::parse_file`
//! parses it. A function or an `impl` block, which the scan skips, has its
//! head parsed (so a malformed one is syn's error, at its place) and its
//! body passed over as one token group: in a Durable Object's crate the
//! bodies are most of the source. Inline modules are read the same way
//! inside. An item whose head does not parse as expected is handed to syn
//! whole, so an error is always syn's own.

use proc_macro2::Delimiter;
use syn::parse::discouraged::Speculative;
use syn::parse::{ParseStream, Parser};
use syn::{Token, braced};

/// What the scan reads of a file: its inner attributes and its items,
/// functions and `impl` blocks left out.
pub(super) struct Skimmed {
    /// `#![...]` at the top of the file.
    pub attrs: Vec<syn::Attribute>,
    /// The items, in order; inline modules hold theirs the same way.
    pub items: Vec<syn::Item>,
}

/// Parses `source` as `syn::parse_file` does (a byte order mark and a
/// shebang line are allowed), leaving out what [`Skimmed`] leaves out.
pub(super) fn parse(source: &str) -> syn::Result<Skimmed> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let source = without_shebang(source);
    let file = |input: ParseStream| {
        let attrs = input.call(syn::Attribute::parse_inner)?;
        let items = items(input)?;
        Ok(Skimmed { attrs, items })
    };
    file.parse_str(source)
}

/// The items up to the end of `input`.
fn items(input: ParseStream) -> syn::Result<Vec<syn::Item>> {
    let mut items = Vec::new();
    while !input.is_empty() {
        let next = kind(input);
        if next != Kind::Other {
            let fork = input.fork();
            if let Some(item) = skim(&fork, next) {
                input.advance_to(&fork);
                items.extend(item);
                continue;
            }
        }
        items.push(input.parse()?);
    }
    Ok(items)
}

/// What the next item is, as far as its first tokens tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A function: `fn`, after `const`, `async`, `unsafe` or `extern "abi"`.
    Fn,
    /// An `impl` block.
    Impl,
    /// `mod name { .. }`.
    Module,
    /// Anything else: syn parses it.
    Other,
}

/// The [`Kind`] of the next item, read from its first tokens, past its
/// outer attributes and visibility, without parsing them: most items are
/// of no kind [`skim`] reads, and go to syn at once.
fn kind(input: ParseStream) -> Kind {
    let mut cursor = input.cursor();
    while let Some((pound, next)) = cursor.punct()
        && pound.as_char() == '#'
        && let Some((_, _, after)) = next.group(Delimiter::Bracket)
    {
        cursor = after;
    }
    if let Some((ident, next)) = cursor.ident()
        && ident == "pub"
    {
        cursor = next.group(Delimiter::Parenthesis).map_or(next, |(_, _, after)| after);
    }
    while let Some((ident, next)) = cursor.ident() {
        if ident == "fn" {
            return Kind::Fn;
        } else if ident == "impl" {
            return Kind::Impl;
        } else if ident == "mod" {
            let braced = next.ident().and_then(|(_, after)| after.group(Delimiter::Brace));
            return if braced.is_some() { Kind::Module } else { Kind::Other };
        } else if ident == "const" || ident == "async" || ident == "unsafe" || ident == "default" {
            cursor = next;
        } else if ident == "extern" {
            cursor = next.literal().map_or(next, |(_, after)| after);
        } else {
            return Kind::Other;
        }
    }
    Kind::Other
}

/// Reads the function, `impl` block or inline module `kind` says comes
/// next: `Some(None)` for one passed over, `Some(Some(module))` for a
/// module, `None` when it does not parse as expected (the caller then
/// parses it with syn, for syn's error).
fn skim(input: ParseStream, kind: Kind) -> Option<Option<syn::Item>> {
    let mut attrs = input.call(syn::Attribute::parse_outer).ok()?;
    let vis: syn::Visibility = input.parse().ok()?;
    match kind {
        Kind::Impl => {
            impl_head(input).ok()?;
            body(input).map(|()| None)
        }
        Kind::Fn => {
            let _: syn::Signature = input.parse().ok()?;
            body(input).map(|()| None)
        }
        Kind::Module => {
            let mod_token: Token![mod] = input.parse().ok()?;
            let ident: syn::Ident = input.parse().ok()?;
            let (brace, items) = module_content(input, &mut attrs).ok()?;
            Some(Some(syn::Item::Mod(syn::ItemMod {
                attrs,
                vis,
                unsafety: None,
                mod_token,
                ident,
                content: Some((brace, items)),
                semi: None,
            })))
        }
        Kind::Other => None,
    }
}

/// `[unsafe] impl<..> [!]Trait for Type [where ..]`, up to the body.
fn impl_head(input: ParseStream) -> syn::Result<()> {
    input.parse::<Option<Token![unsafe]>>()?;
    input.parse::<Token![impl]>()?;
    if input.peek(Token![<]) {
        input.parse::<syn::Generics>()?;
    }
    input.parse::<Option<Token![!]>>()?;
    input.parse::<syn::Type>()?;
    if input.parse::<Option<Token![for]>>()?.is_some() {
        input.parse::<syn::Type>()?;
    }
    input.parse::<Option<syn::WhereClause>>()?;
    Ok(())
}

/// Passes over a `{ .. }` body without reading inside it.
fn body(input: ParseStream) -> Option<()> {
    input
        .step(|cursor| match cursor.group(Delimiter::Brace) {
            Some((_, _, after)) => Ok(((), after)),
            None => Err(cursor.error("expected a body")),
        })
        .ok()
}

/// An inline module's `{ .. }`: its inner attributes join `attrs`, as syn
/// puts them; its items are read by [`items`].
fn module_content(
    input: ParseStream,
    attrs: &mut Vec<syn::Attribute>,
) -> syn::Result<(syn::token::Brace, Vec<syn::Item>)> {
    let content;
    let brace = braced!(content in input);
    attrs.extend(content.call(syn::Attribute::parse_inner)?);
    Ok((brace, items(&content)?))
}

/// `source` with a first line `#!...` emptied unless it starts an inner
/// attribute (`#![..]`, possibly after spaces and comments), as
/// `syn::parse_file` does; the newline stays, so lines keep their numbers.
fn without_shebang(source: &str) -> &str {
    let Some(rest) = source.strip_prefix("#!") else { return source };
    if skip_trivia(rest).starts_with('[') {
        return source;
    }
    source.find('\n').map_or("", |newline| &source[newline..])
}

/// `text` after leading whitespace and comments.
fn skip_trivia(mut text: &str) -> &str {
    loop {
        let trimmed = text.trim_start();
        if let Some(comment) = trimmed.strip_prefix("//") {
            text = comment.find('\n').map_or("", |newline| &comment[newline..]);
        } else if let Some(mut inside) = trimmed.strip_prefix("/*") {
            let mut depth = 1;
            while depth > 0 {
                let Some(close) = inside.find("*/") else { return "" };
                match inside.find("/*") {
                    Some(open) if open < close => {
                        depth += 1;
                        inside = &inside[open + 2..];
                    }
                    _ => {
                        depth -= 1;
                        inside = &inside[close + 2..];
                    }
                }
            }
            text = inside;
        } else {
            return trimmed;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The items syn reads that the scan keeps: all but functions and
    /// `impl` blocks, inline modules read alike.
    fn kept(items: Vec<syn::Item>) -> Vec<syn::Item> {
        items
            .into_iter()
            .filter(|item| !matches!(item, syn::Item::Fn(_) | syn::Item::Impl(_)))
            .map(|item| match item {
                syn::Item::Mod(mut m) => {
                    m.content = m.content.map(|(brace, items)| (brace, kept(items)));
                    syn::Item::Mod(m)
                }
                other => other,
            })
            .collect()
    }

    /// What two parses' errors are compared by: the message and where it
    /// points.
    fn error_at(error: &syn::Error) -> (String, proc_macro2::LineColumn) {
        (error.to_string(), error.span().start())
    }

    #[test]
    fn keeps_what_syn_reads_but_bodies() {
        let source = r#"#!/usr/bin/env run
//! Docs.
#![allow(dead_code)]
use serde::{Deserialize, Serialize};
/// A trait.
#[dogen::durable]
pub trait Counter { async fn add(&self, n: i64) -> i64; }
#[derive(Serialize, Deserialize)]
pub struct Point<const N: usize> { pub x: [f64; N] }
impl<const N: usize> Point<N> { pub fn new() -> Self { todo!() } }
impl Counter for Point<{ 1 + 1 }> { async fn add(&self, n: i64) -> i64 { n } }
unsafe impl<T> Send for Wrapper<T> where T: Send {}
impl !Sync for Other {}
pub(crate) const fn f<T: Into<u8>>(x: T) -> u8 where T: Copy { let y = { 1 }; x.into() + y }
async unsafe extern "C" fn g() {}
const X: u8 = { 3 };
static Y: &str = "y";
extern "C" { fn h(); }
macro_rules! m { () => {} }
m!();
mod inline {
    #![doc = "inner"]
    pub enum E { A, B(u8) }
    fn hidden() { struct NotAnItem; }
    mod deeper { pub type T = u8; impl super::E {} }
}
mod outer;
"#;
        let ours = parse(source).expect("parses");
        let syns = syn::parse_file(source).expect("syn parses");
        assert_eq!(ours.attrs, syns.attrs);
        assert_eq!(ours.items, kept(syns.items));
        assert_eq!(ours.items.len(), 10);
    }

    #[test]
    fn errors_are_syn_s_own_at_the_same_place() {
        for source in [
            "fn f( {}",
            "impl X for {}",
            "pub struct S { x: }",
            "mod m { fn g() {} struct ; }",
            "fn f() -> u8",
            "#!/bin/sh\nstruct",
        ] {
            let ours = parse(source).err().unwrap_or_else(|| panic!("`{source}` parsed"));
            let syns = syn::parse_file(source).expect_err("syn refuses it");
            assert_eq!(error_at(&ours), error_at(&syns), "{source}");
        }
    }

    /// Every `.rs` file under `DOGEN_SKIM_CORPUS` (a directory of real
    /// code, e.g. cargo's registry sources) read both ways: the same items
    /// but functions and `impl` blocks, and the same errors.
    ///
    /// `DOGEN_SKIM_CORPUS=~/.cargo/registry/src cargo test -p dogen-codegen
    /// --lib skim::tests::corpus -- --ignored --nocapture`
    #[test]
    #[ignore = "reads a corpus named by DOGEN_SKIM_CORPUS"]
    fn corpus() {
        // syn recurses once per nesting level: a debug build needs room.
        let reader = std::thread::Builder::new().stack_size(256 << 20).spawn(read_corpus).expect("thread started");
        reader.join().expect("the corpus is read alike");
    }

    fn read_corpus() {
        let root = std::env::var_os("DOGEN_SKIM_CORPUS").expect("DOGEN_SKIM_CORPUS names a directory");
        let mut stack = vec![std::path::PathBuf::from(root)];
        let (mut files, mut failed) = (0, Vec::new());
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let Some(source) =
                    (path.extension() == Some("rs".as_ref())).then(|| std::fs::read_to_string(&path).ok()).flatten()
                else {
                    continue;
                };
                if crate::scan::depth::too_deep(&source).is_some() {
                    continue;
                }
                files += 1;
                let same = match (parse(&source), syn::parse_file(&source)) {
                    (Ok(ours), Ok(syns)) => ours.attrs == syns.attrs && ours.items == kept(syns.items),
                    // A body syn refuses: passed over, unless its error is in a head.
                    (Ok(_), Err(_)) => true,
                    (Err(ours), Err(syns)) => error_at(&ours) == error_at(&syns),
                    (Err(_), Ok(_)) => false,
                };
                if !same {
                    failed.push(path);
                }
            }
        }
        println!("{files} files read both ways");
        assert!(failed.is_empty(), "read differently: {failed:#?}");
    }

    #[test]
    fn a_broken_body_is_not_read() {
        assert!(parse("fn f() { let = ; }\nstruct S;").is_ok());
        assert!(syn::parse_file("fn f() { let = ; }\nstruct S;").is_err());
    }

    #[test]
    fn shebang_and_byte_order_mark_as_syn_reads_them() {
        for source in ["\u{feff}struct S;", "#!/bin/sh\nstruct S;", "#! /* c */ [allow(x)]\nstruct S;", "#!x"] {
            let ours = parse(source).map(|f| (f.attrs, f.items));
            let syns = syn::parse_file(source).map(|f| (f.attrs, f.items));
            assert_eq!(ours.is_ok(), syns.is_ok(), "{source}");
            if let (Ok(ours), Ok(syns)) = (ours, syns) {
                assert_eq!(ours, syns, "{source}");
            }
        }
    }
}
