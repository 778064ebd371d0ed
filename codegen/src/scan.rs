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

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use syn::spanned::Spanned;

use dogen_interface::attr::{self, TraitAttrs};
use dogen_interface::ctxt::Ctxt;
use dogen_interface::model::Interface;
use dogen_interface::parse::name_of;

use crate::cfg::{Build, Truth};
use crate::diagnostic::{Diagnostic, at};

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

/// How deep a file may nest brackets, parentheses, braces and `<..>`
/// before dogen refuses to parse it: syn's parser recurses once per level
/// (tens of kilobytes of stack each in a debug build), and real code stays
/// far below this.
pub const MAX_FILE_DEPTH: usize = 128;

/// `syn::parse_file`, refusing first (at the place) a file that nests
/// deeper than [`MAX_FILE_DEPTH`], so parsing it cannot overflow the stack.
fn parse_file(source: &str) -> Result<syn::File, ParseError> {
    if let Some(offset) = too_deep(source) {
        return Err(ParseError::TooDeep(offset));
    }
    syn::parse_file(source).map_err(ParseError::Syn)
}

/// Why a file could not be read.
enum ParseError {
    /// It nests deeper than [`MAX_FILE_DEPTH`] at this byte offset.
    TooDeep(usize),
    /// syn's error.
    Syn(syn::Error),
}

/// The message for a file nesting deeper than [`MAX_FILE_DEPTH`].
fn too_deep_message() -> String {
    format!(
        "this file nests deeper than {MAX_FILE_DEPTH} levels here (brackets, parentheses, braces and `<..>`); dogen reads types up to {} levels deep",
        dogen_interface::shape::MAX_DEPTH
    )
}

/// The byte offset of the first bracket, parenthesis, brace or `<` nested
/// deeper than [`MAX_FILE_DEPTH`], if any: one pass over the bytes, before
/// syn tokenizes anything, skipping comments, strings and character
/// literals. `<` counts as nesting until its `>`, or until the statement
/// (`;`) or the enclosing group ends, so comparisons never add up; `->` and
/// `=>` close nothing.
fn too_deep(source: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    // The angle brackets open in each enclosing group.
    let mut groups: Vec<usize> = vec![0];
    let mut angles = 0usize;
    let mut i = 0;
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes[i..].iter().position(|&c| c == b'\n').map_or(bytes.len(), |p| i + p);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut nested = 1;
                i += 2;
                while i < bytes.len() && nested > 0 {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        nested += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        nested -= 1;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                continue;
            }
            // `r"..."`, `r#"..."#`, `br".."`, `cr#".."#`: raw strings.
            b'r' if (i == 0
                || !ident(bytes[i - 1])
                || (i >= 1 && matches!(bytes[i - 1], b'b' | b'c') && (i < 2 || !ident(bytes[i - 2]))))
                && matches!(bytes.get(i + 1), Some(b'"' | b'#')) =>
            {
                let hashes = bytes[i + 1..].iter().take_while(|&&c| c == b'#').count();
                if bytes.get(i + 1 + hashes) == Some(&b'"') {
                    let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
                    let body = i + 2 + hashes;
                    i = bytes[body..]
                        .windows(close.len())
                        .position(|w| w == close.as_slice())
                        .map_or(bytes.len(), |p| body + p + close.len());
                    continue;
                }
            }
            b'\'' => {
                // A character literal (`'a'`, `'\n'`, `'é'`), or a lifetime.
                if bytes.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < bytes.len() && bytes[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                    continue;
                }
                let width = source[i + 1..].chars().next().map_or(1, char::len_utf8);
                if bytes.get(i + 1 + width) == Some(&b'\'') {
                    i += width + 2;
                    continue;
                }
            }
            b'(' | b'[' | b'{' => {
                groups.push(0);
                if groups.len() - 1 + angles > MAX_FILE_DEPTH {
                    return Some(i);
                }
            }
            b')' | b']' | b'}' if groups.len() > 1 => {
                angles -= groups.pop().unwrap_or(0);
            }
            b'<' => {
                if let Some(open) = groups.last_mut() {
                    *open += 1;
                }
                angles += 1;
                if groups.len() - 1 + angles > MAX_FILE_DEPTH {
                    return Some(i);
                }
            }
            b'>' if i == 0 || !matches!(bytes[i - 1], b'-' | b'=') => {
                if let Some(open) = groups.last_mut()
                    && *open > 0
                {
                    *open -= 1;
                    angles -= 1;
                }
            }
            b';' => {
                if let Some(open) = groups.last_mut() {
                    angles -= *open;
                    *open = 0;
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
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

/// Every name `tree` binds, with `prefix` (the segments above it).
fn flatten_use(tree: &syn::UseTree, prefix: &mut Vec<String>, leading_colon: bool, out: &mut Vec<Use>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(name_of(&p.ident));
            flatten_use(&p.tree, prefix, leading_colon, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let name = name_of(&n.ident);
            // `use a::b::{self}` binds `b`.
            let (bound, path) = if name == "self" {
                (prefix.last().cloned().unwrap_or_default(), prefix.clone())
            } else {
                (name.clone(), [prefix.as_slice(), &[name]].concat())
            };
            out.push(Use { name: Some(bound), path, leading_colon, span: n.ident.span() });
        }
        syn::UseTree::Rename(r) => {
            let name = name_of(&r.ident);
            let path = if name == "self" { prefix.clone() } else { [prefix.as_slice(), &[name]].concat() };
            let bound = name_of(&r.rename);
            if bound != "_" {
                out.push(Use { name: Some(bound), path, leading_colon, span: r.rename.span() });
            }
        }
        syn::UseTree::Glob(g) => {
            out.push(Use { name: None, path: prefix.clone(), leading_colon, span: g.star_token.span });
        }
        syn::UseTree::Group(g) => {
            for tree in &g.items {
                flatten_use(tree, prefix, leading_colon, out);
            }
        }
    }
}

/// Where a `#[durable]` (or `#[dogen::durable]`) attribute on a trait sits
/// inside macro tokens, if anywhere.
fn durable_trait_in(tokens: proc_macro2::TokenStream) -> Option<proc_macro2::Span> {
    use proc_macro2::TokenTree;
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Punct(p) if p.as_char() == '#' => {
                if let Some(TokenTree::Group(g)) = trees.get(i + 1)
                    && g.delimiter() == proc_macro2::Delimiter::Bracket
                    && is_durable_path(g.stream())
                    && followed_by_trait(&trees[i + 2..])
                {
                    return Some(p.span());
                }
            }
            TokenTree::Group(g) => {
                if let Some(span) = durable_trait_in(g.stream()) {
                    return Some(span);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether an attribute's tokens start with `durable` or `dogen::durable`.
fn is_durable_path(tokens: proc_macro2::TokenStream) -> bool {
    use proc_macro2::TokenTree;
    let words: Vec<String> = tokens
        .into_iter()
        .take(4)
        .map(|t| match t {
            TokenTree::Ident(i) => i.to_string(),
            TokenTree::Punct(p) => p.as_char().to_string(),
            _ => String::new(),
        })
        .collect();
    matches!(words.first().map(String::as_str), Some("durable"))
        || words.iter().take(4).map(String::as_str).collect::<Vec<_>>() == ["dogen", ":", ":", "durable"]
}

/// Whether `trees`, after other attributes and a visibility, start a trait.
fn followed_by_trait(trees: &[proc_macro2::TokenTree]) -> bool {
    use proc_macro2::TokenTree;
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Punct(p) if p.as_char() == '#' => i += 2,
            TokenTree::Ident(w) if ["pub", "unsafe", "auto"].contains(&w.to_string().as_str()) => i += 1,
            TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Parenthesis => i += 1,
            TokenTree::Ident(w) => return w == "trait",
            _ => return false,
        }
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_counted_outside_comments_strings_and_characters() {
        let deep = |n: usize| format!("type A = {}u8{};", "Vec<".repeat(n), ">".repeat(n));
        assert_eq!(too_deep(&deep(MAX_FILE_DEPTH)), None);
        assert_eq!(too_deep(&deep(MAX_FILE_DEPTH + 1)), Some(9 + 4 * MAX_FILE_DEPTH + 3));
        let noise = "(".repeat(200);
        for hidden in [
            format!("// {noise}\n"),
            format!("/* /* {noise} */ */"),
            format!("const S: &str = \"{noise}\\\"\";"),
            format!("const R: &str = r#\"{noise}\"#;"),
            format!("const B: &[u8] = br\"{noise}\";"),
            "const C: char = '(';".repeat(200),
            "fn f<'a>(x: &'a u8) -> bool { a < b; a < b; x => y; true }".repeat(100),
        ] {
            assert_eq!(too_deep(&format!("{hidden}\nfn main() {{}}")), None, "{hidden}");
        }
        assert!(too_deep(&format!("fn f() {{ {} }}", "(".repeat(200))).is_some());
    }
}
