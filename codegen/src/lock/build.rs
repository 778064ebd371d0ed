//! [`Api`] → [`Lock`]: the interface as a lock file records it, with the
//! `file:line` of every item relative to the crate directory.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use dogen_interface::parse::name_of;
use proc_macro2::Span;
use syn::ext::IdentExt as _;

use super::model::*;
use super::shape_text::shape_text;
use crate::model::{Api, Enum, Interface, Method, Object, Output, TypeBody, TypeDef, VariantBody};
use crate::scan::{Crate, TypeItem};
use crate::wire::model::Source;

/// The lock of `api`, read from `krate` (scanned from `crate_dir`).
/// Interfaces are sorted by class and types by name, so the result does not
/// depend on how the crate's files are laid out.
pub fn from_api(api: &Api, krate: &Crate, crate_dir: &Path) -> Lock {
    let mut by_name: HashMap<String, Vec<&TypeItem>> = HashMap::new();
    for found in &krate.types {
        by_name.entry(name_of(found.item.ident())).or_default().push(&found.item);
    }
    let places = Places { krate, crate_dir, files: RefCell::new(HashMap::new()), by_name };
    let mut interfaces: Vec<LockInterface> = api.interfaces.iter().map(|i| interface(&places, i)).collect();
    interfaces.sort_by(|a, b| a.class.cmp(&b.class));
    let mut types: Vec<LockType> = api.types.iter().map(|t| type_def(&places, t)).collect();
    types.sort_by(|a, b| a.name.cmp(&b.name));
    Lock { version: LOCK_VERSION, interfaces, types }
}

/// Turns spans into `file:line`.
struct Places<'a> {
    krate: &'a Crate,
    crate_dir: &'a Path,
    /// proc-macro2's file name of a span → the path relative to the crate.
    files: RefCell<HashMap<String, String>>,
    /// The crate's type items by name.
    by_name: HashMap<String, Vec<&'a TypeItem>>,
}

impl Places<'_> {
    fn at(&self, span: Span) -> String {
        let key = span.file();
        if let Some(path) = self.files.borrow().get(&key) {
            return format!("{path}:{}", span.start().line.max(1));
        }
        let Some(d) = self.krate.diagnostics(vec![syn::Error::new(span, "")]).into_iter().next() else {
            return "?".into();
        };
        let path = d.path.strip_prefix(self.crate_dir).unwrap_or(&d.path);
        let path: Vec<String> = path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let path = path.join("/");
        let at = format!("{path}:{}", d.line);
        self.files.borrow_mut().insert(key, path);
        at
    }

    /// Whether the item `def` was read from says `#[serde(deny_unknown_fields)]`.
    fn denies_unknown_fields(&self, def: &TypeDef) -> bool {
        let span = def.ident.span();
        let candidates = self.by_name.get(&name_of(&def.ident)).map(Vec::as_slice).unwrap_or_default();
        let item = candidates.iter().find(|item| {
            let other = item.ident().span();
            other.start() == span.start() && other.file() == span.file()
        });
        let attrs = match item {
            Some(TypeItem::Struct(s)) => &s.attrs,
            Some(TypeItem::Enum(e)) => &e.attrs,
            _ => return false,
        };
        attrs.iter().any(|attr| match &attr.meta {
            syn::Meta::List(list) if list.path.is_ident("serde") => list
                .tokens
                .clone()
                .into_iter()
                .any(|t| matches!(t, proc_macro2::TokenTree::Ident(i) if i == "deny_unknown_fields")),
            _ => false,
        })
    }
}

fn interface(places: &Places<'_>, iface: &Interface) -> LockInterface {
    LockInterface {
        class: iface.class.clone(),
        trait_name: name_of(&iface.ident),
        binding: iface.binding.clone(),
        sqlite: iface.sqlite,
        renamed_from: None,
        at: places.at(iface.ident.span()),
        methods: iface.methods.iter().map(|m| method(places, m)).collect(),
    }
}

fn method(places: &Places<'_>, method: &Method) -> LockMethod {
    let (returns, error) = match &method.output {
        Output::Unit => ("()".to_owned(), None),
        Output::Value(t) => (shape_text(&t.shape), None),
        Output::Result { ok, err } => (shape_text(&ok.shape), Some(shape_text(&err.shape))),
    };
    LockMethod {
        wire: method.wire_name.clone(),
        rust: name_of(&method.ident),
        at: places.at(method.ident.span()),
        args: method
            .args
            .iter()
            .map(|a| LockArg { name: name_of(&a.ident), ty: shape_text(&a.shape), at: Some(places.at(a.ident.span())) })
            .collect(),
        returns,
        error,
    }
}

fn type_def(places: &Places<'_>, def: &TypeDef) -> LockType {
    let usage = match (def.usage.input, def.usage.output) {
        (true, true) => LockUsage::Both,
        (true, false) => LockUsage::Input,
        _ => LockUsage::Output,
    };
    let generics = def
        .generics
        .iter()
        .map(|p| match &p.default {
            Some(d) => format!("{} = {}", p.ident.unraw(), shape_text(&d.shape)),
            None => name_of(&p.ident),
        })
        .collect();
    let body = match &def.body {
        TypeBody::Alias(t) => LockBody::Alias { target: shape_text(&t.shape) },
        TypeBody::Transparent(t) => LockBody::Transparent { target: shape_text(&t.shape) },
        TypeBody::Unit => LockBody::Unit,
        TypeBody::Tuple(items) => LockBody::Tuple { items: items.iter().map(|t| shape_text(&t.shape)).collect() },
        TypeBody::Object(o) => LockBody::Struct(object(places, o)),
        TypeBody::Enum(e) => enumeration(places, e),
        TypeBody::Mapped(m) => LockBody::Mapped { ts: m.ts.clone() },
    };
    LockType {
        name: name_of(&def.ident),
        at: match &def.source {
            Source::Crate | Source::Rename => places.at(def.ident.span()),
            Source::Builtin(rust) => format!("(dogen: `{rust}`)"),
            Source::External(key) => format!("({}: `{key}`)", crate::config::METADATA),
        },
        usage,
        generics,
        deny_unknown_fields: places.denies_unknown_fields(def),
        body,
    }
}

fn object(places: &Places<'_>, object: &Object) -> LockObject {
    LockObject {
        tag: object.tag.as_ref().map(|t| LockTag { key: t.key.clone(), value: t.value.clone() }),
        fields: object
            .fields
            .iter()
            .map(|f| LockField {
                name: f.name.clone(),
                ty: if f.mapped.is_some() { String::new() } else { shape_text(&f.ty.shape) },
                ts: f.mapped.as_ref().map(|m| m.ts.clone()),
                missing_on_input: f.missing_on_input,
                missing_on_output: f.missing_on_output,
                flatten: f.flatten,
                at: Some(places.at(syn::spanned::Spanned::span(&f.member))),
            })
            .collect(),
    }
}

fn enumeration(places: &Places<'_>, e: &Enum) -> LockBody {
    let tagging = e.tagging.clone();
    let variants = e
        .variants
        .iter()
        .map(|v| LockVariant {
            name: v.name.clone(),
            untagged: v.untagged,
            output_only: v.output_only,
            body: match &v.body {
                VariantBody::Unit => LockVariantBody::Unit,
                VariantBody::Newtype(t) => LockVariantBody::Newtype { ty: shape_text(&t.shape) },
                VariantBody::Tuple(items) => {
                    LockVariantBody::Tuple { items: items.iter().map(|t| shape_text(&t.shape)).collect() }
                }
                VariantBody::Struct(o) => LockVariantBody::Struct(object(places, o)),
            },
            at: Some(places.at(v.ident.span())),
        })
        .collect();
    LockBody::Enum { tagging, variants }
}
