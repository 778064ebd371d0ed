//! Reads a crate's source without compiling it: follows `mod` items from the
//! root file through `foo.rs`, `foo/mod.rs`, `#[path]` and inline modules,
//! and collects every `#[durable]` trait and every struct, enum and type
//! alias, each with the module it lives in.
//!
//! Works for any crate, including wasm32-only ones: nothing is compiled and
//! `#[cfg]` is not evaluated, except that `#[cfg(test)]` items are skipped
//! and a `mod` behind any `#[cfg]` may be missing.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use syn::ext::IdentExt as _;
use syn::spanned::Spanned;

use dogen_interface::attr;

use crate::diagnostic::{Diagnostic, at};

/// Everything the scan found.
#[derive(Debug, Default)]
pub struct Crate {
    /// Every file read, in the order it was read; the root file first.
    pub files: Vec<SourceFile>,
    /// Every trait carrying the `#[durable]` attribute, in source order.
    pub traits: Vec<Found<syn::ItemTrait>>,
    /// Every struct, enum and type alias, in source order.
    pub types: Vec<Found<TypeItem>>,
    /// Every module path declared with `mod`, e.g. `["api", "v1"]`.
    pub modules: BTreeSet<Vec<String>>,
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
    /// Scans the crate whose root module is `root` (`src/lib.rs`,
    /// `src/main.rs`, or a single file). Only an unreadable root is an
    /// `Err`; everything else is collected in [`Crate::errors`].
    pub fn scan(root: &Path) -> std::io::Result<Crate> {
        let source = std::fs::read_to_string(root)?;
        let mut scan = Crate::default();
        let mut seen = BTreeSet::new();
        seen.insert(normalize(root));
        let dir = root.parent().map(Path::to_path_buf).unwrap_or_default();
        let ctx = ModCtx { module: Vec::new(), file_dir: dir.clone(), child_dir: dir, inline: false };
        scan.read(root.to_path_buf(), &source, &ctx, &mut seen);
        Ok(scan)
    }

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

    fn read(&mut self, path: PathBuf, source: &str, ctx: &ModCtx, seen: &mut BTreeSet<PathBuf>) {
        let file = match syn::parse_file(source) {
            Ok(file) => file,
            Err(error) => {
                self.files.push(SourceFile { path: path.clone(), key: None });
                self.errors.extend(error.into_iter().map(|e| at(&path, e.span(), e.to_string())));
                return;
            }
        };
        // Any token of the file names it; the first one is the cheapest to find.
        let key = first_token_span(&file).map(|span| span.file());
        let index = self.files.len();
        self.files.push(SourceFile { path, key });
        self.items(file.items, ctx, index, seen);
    }

    fn items(&mut self, items: Vec<syn::Item>, ctx: &ModCtx, file: usize, seen: &mut BTreeSet<PathBuf>) {
        for item in items {
            match item {
                syn::Item::Mod(m) if !is_cfg_test(&m.attrs) => self.module(m, ctx, file, seen),
                syn::Item::Trait(t) if t.attrs.iter().any(attr::is_trait_attr) && !is_cfg_test(&t.attrs) => {
                    self.traits.push(Found { item: t, module: ctx.module.clone(), file })
                }
                syn::Item::Struct(s) if !is_cfg_test(&s.attrs) => self.push_type(TypeItem::Struct(s), ctx, file),
                syn::Item::Enum(e) if !is_cfg_test(&e.attrs) => self.push_type(TypeItem::Enum(e), ctx, file),
                syn::Item::Type(t) if !is_cfg_test(&t.attrs) => self.push_type(TypeItem::Alias(t), ctx, file),
                _ => {}
            }
        }
    }

    fn push_type(&mut self, item: TypeItem, ctx: &ModCtx, file: usize) {
        self.types.push(Found { item, module: ctx.module.clone(), file });
    }

    fn module(&mut self, m: syn::ItemMod, ctx: &ModCtx, file: usize, seen: &mut BTreeSet<PathBuf>) {
        let name = m.ident.unraw().to_string();
        let mut module = ctx.module.clone();
        module.push(name.clone());
        self.modules.insert(module.clone());
        let path_attr = path_attr(&m.attrs);
        if let Some((_, items)) = m.content {
            // Inline: its `mod foo;` children live in a directory named after it.
            let child_dir = match &path_attr {
                Some(p) => ctx.child_dir.join(p),
                None => ctx.child_dir.join(&name),
            };
            let child = ModCtx { module, file_dir: ctx.file_dir.clone(), child_dir, inline: true };
            self.items(items, &child, file, seen);
            return;
        }
        let base = if ctx.inline { &ctx.child_dir } else { &ctx.file_dir };
        let candidates = match &path_attr {
            Some(p) => vec![base.join(p)],
            None => vec![ctx.child_dir.join(format!("{name}.rs")), ctx.child_dir.join(&name).join("mod.rs")],
        };
        let Some(found) = candidates.iter().find(|c| c.is_file()) else {
            if !m.attrs.iter().any(|a| a.path().is_ident("cfg")) {
                let expected = candidates.iter().map(|c| format!("`{}`", c.display())).collect::<Vec<_>>();
                self.errors.push(at(
                    &self.files[file].path,
                    m.ident.span(),
                    format!("file not found for module `{name}`: expected {}", expected.join(" or ")),
                ));
            }
            return;
        };
        if !seen.insert(normalize(found)) {
            return;
        }
        let source = match std::fs::read_to_string(found) {
            Ok(source) => source,
            Err(error) => {
                self.errors.push(at(
                    &self.files[file].path,
                    m.ident.span(),
                    format!("cannot read `{}` for module `{name}`: {error}", found.display()),
                ));
                return;
            }
        };
        let file_dir = found.parent().map(Path::to_path_buf).unwrap_or_default();
        // `foo/mod.rs` and `#[path]` files are "mod-rs" files: their children
        // sit next to them. `foo.rs` keeps its children in `foo/`.
        let mod_rs = path_attr.is_some() || found.file_name().is_some_and(|n| n == "mod.rs");
        let child_dir = if mod_rs { file_dir.clone() } else { file_dir.join(&name) };
        let child = ModCtx { module, file_dir, child_dir, inline: false };
        self.read(found.clone(), &source, &child, seen);
    }
}

/// Where a module's items are and where its `mod foo;` children are looked up.
struct ModCtx {
    module: Vec<String>,
    /// The directory of the file the items are in: the base of `#[path]`
    /// outside inline modules.
    file_dir: PathBuf,
    /// Where `mod foo;` finds `foo.rs` and `foo/mod.rs`.
    child_dir: PathBuf,
    /// Whether the items are inside an inline `mod foo { .. }`.
    inline: bool,
}

/// The span of the first token of `file`, if it has any.
fn first_token_span(file: &syn::File) -> Option<proc_macro2::Span> {
    if let Some(attr) = file.attrs.first() {
        return Some(attr.pound_token.span);
    }
    let item = file.items.first()?;
    let attrs: &[syn::Attribute] = match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::ExternCrate(i) => &i.attrs,
        syn::Item::Fn(i) => &i.attrs,
        syn::Item::ForeignMod(i) => &i.attrs,
        syn::Item::Impl(i) => &i.attrs,
        syn::Item::Macro(i) => &i.attrs,
        syn::Item::Mod(i) => &i.attrs,
        syn::Item::Static(i) => &i.attrs,
        syn::Item::Struct(i) => &i.attrs,
        syn::Item::Trait(i) => &i.attrs,
        syn::Item::TraitAlias(i) => &i.attrs,
        syn::Item::Type(i) => &i.attrs,
        syn::Item::Union(i) => &i.attrs,
        syn::Item::Use(i) => &i.attrs,
        _ => &[],
    };
    Some(match attrs.first() {
        Some(attr) => attr.pound_token.span,
        None => item.span(),
    })
}

/// `#[path = "..."]`, if present.
fn path_attr(attrs: &[syn::Attribute]) -> Option<String> {
    attrs.iter().find(|a| a.path().is_ident("path")).and_then(|a| match &a.meta {
        syn::Meta::NameValue(syn::MetaNameValue {
            value: syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }),
            ..
        }) => Some(s.value()),
        _ => None,
    })
}

/// Whether `attrs` hold `#[cfg(test)]`: test-only items are not part of the
/// crate's interface.
fn is_cfg_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("cfg") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "test"))
}

/// `a/./b/../c` → `a/c`, without touching the file system, so one file
/// reached by two spellings is read once.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
