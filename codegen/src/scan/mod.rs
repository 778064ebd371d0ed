//! Reads a crate's source without compiling it: follows `mod` items from the
//! root file through `foo.rs`, `foo/mod.rs`, `#[path]` and inline modules,
//! and collects every `#[durable]` trait and every struct, enum and type
//! alias, each with the module it lives in.
//!
//! Works for any crate, including wasm32-only ones: nothing is compiled.
//! `#[cfg]` is evaluated for the wasm32 build ([`crate::cfg`]): items it
//! leaves out of that build (`#[cfg(test)]`, `#[cfg(not(target_arch =
//! "wasm32"))]`, a feature that is off) are skipped, items behind a
//! condition dogen cannot evaluate are kept, and a `mod` behind any
//! `#[cfg]` may be missing. `use` items are recorded per module, so names
//! resolve as rustc resolves them. A `#[durable]` trait written inside a
//! macro is an error: dogen cannot expand macros.
//!
//! - `walk`: [`Crate::scan`], from the root file through every `mod` to
//!   the items each module holds.
//! - `depth`: parsing a file, refusing first one nested too deep for syn.
//! - `skim`: the parse itself, passing over the bodies of functions and
//!   `impl` blocks, which the scan never reads.
//! - `uses`: the names a `use` item binds.
//! - `in_macro`: `#[durable]` traits written inside macro calls.

mod depth;
mod in_macro;
mod skim;
mod uses;
mod walk;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use dogen_interface::model::Interface;

use crate::diagnostic::{Diagnostic, at};

pub use depth::MAX_FILE_DEPTH;

/// Everything the scan found.
#[derive(Debug, Default)]
pub struct Crate {
    /// Every file read, in the order it was read; the root file first.
    pub files: Vec<SourceFile>,
    /// Every trait carrying the `#[durable]` attribute, in source order,
    /// read into the interface model as its file is read (the proc-macro's
    /// own code, checks included; names in types are resolved later, by
    /// [`crate::wire::resolve::api`], which moves them into the API).
    /// The traits' syntax is not kept: it is the bulk of a crate's.
    pub traits: Vec<Found<Interface>>,
    /// Every struct, enum and type alias, in source order.
    pub types: Vec<Found<TypeItem>>,
    /// Every module path declared with `mod`, e.g. `["api", "v1"]`.
    pub modules: BTreeSet<Vec<String>>,
    /// The names each module's `use` items bring in, by module path.
    pub uses: HashMap<Vec<String>, Vec<Use>>,
    /// Problems found while reading: files that do not parse, modules whose
    /// file is missing. Every one of them, not just the first.
    pub errors: Vec<Diagnostic>,
}

/// One file of the crate.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path, as reached from the root path the scan started with.
    pub path: PathBuf,
    /// proc-macro2's name for the file's tokens (`Span::file`), so a span
    /// can be traced back to its path.
    key: Option<String>,
}

/// An item and where it was found.
#[derive(Debug, Clone)]
pub struct Found<T> {
    /// The item.
    pub item: T,
    /// The module path from the crate root, e.g. `["api", "v1"]`.
    pub module: Vec<String>,
    /// Index into [`Crate::files`].
    pub file: usize,
}

/// One name a `use` item brings into its module: `use a::b::X as Y;`
/// binds `Y` to `a::b::X`; `use a::b::*;` is a glob of `a::b`.
#[derive(Debug, Clone)]
pub struct Use {
    /// The name bound (`Y`), or `None` for a glob.
    pub name: Option<String>,
    /// The path as written, segment by segment (`["a", "b", "X"]`; `["a",
    /// "b"]` for a glob), raw identifiers unescaped.
    pub path: Vec<String>,
    /// Whether the path starts with `::` (an extern crate).
    pub leading_colon: bool,
    /// The renamed item's name, for `as`: where errors point.
    pub span: proc_macro2::Span,
}

/// A type item that may describe a serde type.
#[derive(Debug, Clone)]
pub enum TypeItem {
    /// `struct`.
    Struct(syn::ItemStruct),
    /// `enum`.
    Enum(syn::ItemEnum),
    /// `type X = Y;`.
    Alias(syn::ItemType),
}

impl TypeItem {
    /// The item's name.
    pub fn ident(&self) -> &syn::Ident {
        match self {
            TypeItem::Struct(s) => &s.ident,
            TypeItem::Enum(e) => &e.ident,
            TypeItem::Alias(a) => &a.ident,
        }
    }
}

impl Crate {
    /// Turns errors collected by [`dogen_interface::ctxt::Ctxt`] into diagnostics,
    /// one per message (combined errors are split).
    pub fn diagnostics(&self, errors: Vec<syn::Error>) -> Vec<Diagnostic> {
        let keys: HashMap<&str, &Path> =
            self.files.iter().filter_map(|f| Some((f.key.as_deref()?, f.path.as_path()))).collect();
        let fallback = self.files.first().map(|f| f.path.as_path()).unwrap_or(Path::new("<unknown>"));
        errors
            .into_iter()
            .flat_map(|e| e.into_iter())
            .map(|e| {
                let span = e.span();
                let path = keys.get(span.file().as_str()).copied().unwrap_or(fallback);
                at(path, span, e.to_string())
            })
            .collect()
    }
}
