//! The walk over a crate's files: each file parsed, its items collected,
//! and every `mod` followed to the file or block that holds its items.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use syn::spanned::Spanned;

use dogen_interface::attr::{self, TraitAttrs};
use dogen_interface::ctxt::Ctxt;
use dogen_interface::model::Interface;
use dogen_interface::parse::name_of;

use super::depth::{ParseError, parse_file, too_deep_message};
use super::in_macro::durable_trait_in;
use super::skim::Skimmed;
use super::uses::flatten_use;
use super::{Crate, Found, SourceFile, TypeItem};
use crate::cfg::{Build, Truth};
use crate::diagnostic::line_col;
use crate::diagnostic::{Diagnostic, at};

impl Crate {
    /// Scans the crate whose root module is `root` (`src/lib.rs`,
    /// `src/main.rs`, or a single file). Only an unreadable root is an
    /// `Err`; everything else is collected in [`Crate::errors`].
    pub fn scan(root: &Path, build: &Build) -> std::io::Result<Crate> {
        let source = std::fs::read_to_string(root)?;
        let mut scan = Crate::default();
        let mut seen = BTreeSet::new();
        seen.insert(normalize(root));
        let dir = root.parent().map(Path::to_path_buf).unwrap_or_default();
        let ctx = ModCtx { module: Vec::new(), file_dir: dir.clone(), child_dir: dir, inline: false };
        scan.read(root.to_path_buf(), &source, &ctx, &mut seen, build);
        Ok(scan)
    }

    fn read(&mut self, path: PathBuf, source: &str, ctx: &ModCtx, seen: &mut BTreeSet<PathBuf>, build: &Build) {
        let file = match parse_file(source) {
            Ok(file) => file,
            Err(ParseError::Syn(error)) => {
                self.files.push(SourceFile { path: path.clone(), key: None });
                self.errors.extend(error.into_iter().map(|e| at(&path, e.span(), e.to_string())));
                return;
            }
            Err(ParseError::TooDeep(offset)) => {
                let (line, column) = line_col(source, offset);
                self.errors.push(Diagnostic { path: path.clone(), line, column, message: too_deep_message() });
                self.files.push(SourceFile { path, key: None });
                return;
            }
        };
        // Any token of the file names it; the first one is the cheapest to find.
        let key = first_token_span(&file).map(|span| span.file());
        let index = self.files.len();
        self.files.push(SourceFile { path, key });
        // Problems in the file's traits, reported once the file is read.
        let cx = Ctxt::new();
        self.items(&cx, file.items, ctx, index, seen, build);
        let errors = cx.into_errors();
        if !errors.is_empty() {
            let diagnostics = self.diagnostics(errors);
            self.errors.extend(diagnostics);
        }
    }

    fn items(
        &mut self,
        cx: &Ctxt,
        items: Vec<syn::Item>,
        ctx: &ModCtx,
        file: usize,
        seen: &mut BTreeSet<PathBuf>,
        build: &Build,
    ) {
        // Items the wasm32 build does not have are not part of the interface.
        let absent = |attrs: &[syn::Attribute]| build.item(attrs) == Truth::No;
        for item in items {
            match item {
                syn::Item::Mod(m) if !absent(&m.attrs) => self.module(cx, m, ctx, file, seen, build),
                syn::Item::Trait(t) if t.attrs.iter().any(attr::is_trait_attr) && !absent(&t.attrs) => {
                    let attrs = t.attrs.iter().find(|a| attr::is_trait_attr(a)).map(|a| TraitAttrs::from_attr(cx, a));
                    let iface = Interface::from_syn_owned(cx, attrs.unwrap_or_default(), t);
                    dogen_interface::validate::validate(cx, &iface);
                    self.traits.push(Found { item: iface, module: ctx.module.clone(), file })
                }
                syn::Item::Struct(s) if !absent(&s.attrs) => self.push_type(TypeItem::Struct(s), ctx, file),
                syn::Item::Enum(e) if !absent(&e.attrs) => self.push_type(TypeItem::Enum(e), ctx, file),
                syn::Item::Type(t) if !absent(&t.attrs) => self.push_type(TypeItem::Alias(t), ctx, file),
                syn::Item::Use(u) if !absent(&u.attrs) => {
                    let mut found = Vec::new();
                    flatten_use(&u.tree, &mut Vec::new(), u.leading_colon.is_some(), &mut found);
                    self.uses.entry(ctx.module.clone()).or_default().extend(found);
                }
                syn::Item::Macro(m) if !absent(&m.attrs) => {
                    if let Some(span) = durable_trait_in(m.mac.tokens.clone()) {
                        self.errors.push(at(
                            &self.files[file].path,
                            span,
                            "`#[durable]` trait inside a macro: dogen reads source and cannot expand macros; write the trait outside the macro".to_owned(),
                        ));
                    }
                }
                _ => {}
            }
        }
    }

    fn push_type(&mut self, item: TypeItem, ctx: &ModCtx, file: usize) {
        self.types.push(Found { item, module: ctx.module.clone(), file });
    }

    fn module(
        &mut self,
        cx: &Ctxt,
        m: syn::ItemMod,
        ctx: &ModCtx,
        file: usize,
        seen: &mut BTreeSet<PathBuf>,
        build: &Build,
    ) {
        let name = name_of(&m.ident);
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
            self.items(cx, items, &child, file, seen, build);
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
        self.read(found.clone(), &source, &child, seen, build);
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

/// The span of the first token of `file` the scan kept, if it has any.
fn first_token_span(file: &Skimmed) -> Option<proc_macro2::Span> {
    if let Some(attr) = file.attrs.first() {
        return Some(attr.pound_token.span);
    }
    let item = file.items.first()?;
    let attrs: &[syn::Attribute] = match item {
        syn::Item::Const(i) => &i.attrs,
        syn::Item::Enum(i) => &i.attrs,
        syn::Item::ExternCrate(i) => &i.attrs,
        syn::Item::ForeignMod(i) => &i.attrs,
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
