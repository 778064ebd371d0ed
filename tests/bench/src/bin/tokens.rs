//! Counts the tokens each bench crate hands the compiler beyond the crate
//! without RPC: what an incremental `cargo check` after an edit expands,
//! resolves and lowers again, and so what its time follows. Deterministic,
//! unlike the timings beside it.
//!
//!     tokens MACRO_DIR
//!
//! Reads `src/*.rs` of the `plain`, `hand` and `dogen` crates under
//! `MACRO_DIR` (written by `bash tests/bench/run macro`). Each
//! `#[dogen::durable]` trait of `dogen` is replaced by what the attribute
//! expands it to (`dogen_interface::expand`, the proc-macro's whole job,
//! built from this checkout); other attributes (serde's derives) are left
//! as written, the same in every crate. Prints, per method of every trait:
//!
//!     tokens plain TOTAL METHODS
//!     tokens hand ADDED_PER_METHOD
//!     tokens dogen ADDED_PER_METHOD
//!     tokens dogen-server PER_METHOD
//!     tokens dogen-client PER_METHOD
//!
//! where ADDED is the crate's tokens less `plain`'s. A token is a leaf of
//! the token tree (an identifier, punctuation character or literal), and a
//! delimited group counts its two delimiters.

use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| fail("usage: tokens MACRO_DIR")));
    let plain = Crate::read(&dir.join("plain"));
    let hand = Crate::read(&dir.join("hand"));
    let dogen = Crate::read(&dir.join("dogen"));
    if plain.methods == 0 || plain.methods != hand.methods || plain.methods != dogen.methods {
        fail(&format!(
            "the crates' traits differ: plain {} methods, hand {}, dogen {}",
            plain.methods, hand.methods, dogen.methods
        ));
    }
    let methods = plain.methods as f64;
    let added = |c: &Crate| (c.tokens as f64 - plain.tokens as f64) / methods;
    println!("tokens plain {} {}", plain.tokens, plain.methods);
    println!("tokens hand {:.1}", added(&hand));
    println!("tokens dogen {:.1}", added(&dogen));
    println!("tokens dogen-server {:.1}", dogen.server as f64 / methods);
    println!("tokens dogen-client {:.1}", dogen.client as f64 / methods);
}

/// A crate's tokens, with its `#[dogen::durable]` traits expanded.
#[derive(Default)]
struct Crate {
    tokens: usize,
    /// Methods of every trait, `#[durable]` or not.
    methods: usize,
    /// The tokens of the expansions' `<Trait>Server` parts and of their
    /// `<Trait>Client` parts.
    server: usize,
    client: usize,
}

impl Crate {
    fn read(dir: &Path) -> Crate {
        let src = dir.join("src");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&src)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", src.display())))
            .map(|entry| entry.map(|e| e.path()).unwrap_or_else(|e| fail(&format!("{}: {e}", src.display()))))
            .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
            .collect();
        files.sort();
        let mut krate = Crate::default();
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
            let file = syn::parse_file(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
            for item in file.items {
                krate.add(item);
            }
        }
        krate
    }

    fn add(&mut self, item: syn::Item) {
        let syn::Item::Trait(mut tr) = item else {
            self.tokens += count(item.into_token_stream());
            return;
        };
        self.methods += tr.items.iter().filter(|i| matches!(i, syn::TraitItem::Fn(_))).count();
        let Some(at) = tr.attrs.iter().position(is_durable) else {
            self.tokens += count(tr.into_token_stream());
            return;
        };
        let attr = tr.attrs.remove(at);
        let args = match attr.meta {
            syn::Meta::List(list) => list.tokens,
            _ => TokenStream::new(),
        };
        let server = format!("{}Server", tr.ident);
        let client = format!("{}Client", tr.ident);
        let expanded = dogen_interface::expand::expand(args, tr.into_token_stream());
        let expanded: syn::File =
            syn::parse2(expanded).unwrap_or_else(|e| fail(&format!("the expansion does not parse: {e}")));
        for item in expanded.items {
            let stream = item.into_token_stream();
            let text = stream.to_string();
            let tokens = count(stream);
            self.tokens += tokens;
            // The server is its struct and the `const _` block with its
            // `Dispatch` impl; the client, its struct, its impls and the
            // `const _` block of its methods.
            if text.contains(&server) && !text.contains(&client) {
                self.server += tokens;
            } else if text.contains(&client) {
                self.client += tokens;
            }
        }
    }
}

/// `#[durable]`, `#[dogen::durable]`, with or without arguments.
fn is_durable(attr: &syn::Attribute) -> bool {
    attr.path().segments.last().is_some_and(|s| s.ident == "durable")
}

/// Leaves of the token tree, and two for each group's delimiters.
fn count(tokens: TokenStream) -> usize {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(group) => 2 + count(group.stream()),
            _ => 1,
        })
        .sum()
}

fn fail(message: &str) -> ! {
    eprintln!("tokens: {message}");
    std::process::exit(1)
}
