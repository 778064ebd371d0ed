//! The definition behind each reached key (an item of the crate, a
//! definition dogen writes, a mapped type of another crate, a `use`
//! rename), and the types a definition holds.

use std::cell::RefCell;
use std::collections::BTreeSet;

use proc_macro2::Span;

use crate::model::{Shape, TypeBody, TypeDef, TypeParam, TypeRef, Usage, VariantBody};
use crate::scan::TypeItem;
use crate::wire::builtin;
use crate::wire::model::Source;
use dogen_interface::parse::name_of;
use dogen_interface::punct;

use super::scope::{Ctx, Scope};
use super::{Key, Resolver};

impl Resolver<'_> {
    /// The definition behind `key`, and the keys it refers to.
    pub(super) fn definition(&self, key: &Key) -> (Option<TypeDef>, BTreeSet<Key>) {
        match key {
            Key::Item(index) => {
                let found = &self.krate.types[*index];
                if let Some(mapping) = self.mapped_items.get(index) {
                    return (Some(TypeDef::mapped(&found.item, mapping.clone())), BTreeSet::new());
                }
                let generics = match &found.item {
                    TypeItem::Struct(s) => &s.generics,
                    TypeItem::Enum(e) => &e.generics,
                    TypeItem::Alias(a) => &a.generics,
                };
                let scope = Scope {
                    params: punct::type_params(generics).map(|p| name_of(&p.ident)).collect(),
                    this: Some(key.clone()),
                };
                let ctx = Ctx { resolver: self, module: &found.module, scope, deps: RefCell::default() };
                let def = TypeDef::from_syn(self.cx, &found.item, &ctx);
                (def, ctx.deps.into_inner())
            }
            Key::Builtin(name) => {
                let def = builtin::definition(name);
                let mut deps = BTreeSet::new();
                if let Some(def) = &def {
                    let mut names = Vec::new();
                    for t in type_refs(def) {
                        named_in(&t.shape, &mut names);
                    }
                    for name in names {
                        if let Some(other) = builtin::DEFINITIONS.iter().find(|d| **d == name) {
                            deps.insert(Key::Builtin(other));
                        }
                    }
                }
                (def, deps)
            }
            Key::External(krate, name) => {
                let mapping = self.mapped_external.get(&(krate.clone(), name.clone())).cloned();
                let def = mapping.map(|mapping| TypeDef {
                    ident: syn::Ident::new(name, Span::call_site()),
                    docs: Vec::new(),
                    generics: Vec::new(),
                    source: Source::External(mapping.key.clone()),
                    body: TypeBody::Mapped(mapping),
                    usage: Usage::default(),
                });
                (def, BTreeSet::new())
            }
            Key::Rename(name, target) => {
                let span = self.state.borrow().renames.get(key).copied().unwrap_or_else(Span::call_site);
                let item = &self.krate.types[*target].item;
                let target_name = item.ident().to_string();
                let params: Vec<String> = punct::type_params(generics_of(item)).map(|p| p.ident.to_string()).collect();
                let ty: syn::Type = syn::parse_str(&if params.is_empty() {
                    target_name.clone()
                } else {
                    format!("{target_name}<{}>", params.join(", "))
                })
                .unwrap_or_else(|_| syn::parse_quote!(()));
                let shape =
                    Shape::Named(target_name, params.iter().map(|p| Shape::Named(p.clone(), Vec::new())).collect());
                let def = TypeDef {
                    ident: syn::Ident::new(name, span),
                    docs: Vec::new(),
                    // Defaults are the target's: filled in when every definition is known.
                    generics: params
                        .iter()
                        .map(|p| TypeParam { ident: syn::Ident::new(p, Span::call_site()), default: None })
                        .collect(),
                    body: TypeBody::Alias(TypeRef { ty: Box::new(ty), shape }),
                    usage: Usage::default(),
                    source: Source::Rename,
                };
                (Some(def), [Key::Item(*target)].into())
            }
        }
    }
}

pub(super) fn generics_of(item: &TypeItem) -> &syn::Generics {
    match item {
        TypeItem::Struct(s) => &s.generics,
        TypeItem::Enum(e) => &e.generics,
        TypeItem::Alias(a) => &a.generics,
    }
}

/// Every type written in a definition (a mapped field's Rust type is not
/// one: the project says what it is).
pub fn type_refs(def: &TypeDef) -> Vec<&TypeRef> {
    // Room for most definitions' types, so the list is not copied as it grows.
    let mut out: Vec<&TypeRef> = Vec::with_capacity(8);
    out.extend(def.generics.iter().filter_map(|p| p.default.as_ref()));
    fn fields(o: &crate::model::Object) -> impl Iterator<Item = &TypeRef> {
        o.fields.iter().filter(|f| f.mapped.is_none()).map(|f| &f.ty)
    }
    match &def.body {
        TypeBody::Alias(t) | TypeBody::Transparent(t) => out.push(t),
        TypeBody::Unit | TypeBody::Mapped(_) => {}
        TypeBody::Tuple(items) => out.extend(items),
        TypeBody::Object(o) => out.extend(fields(o)),
        TypeBody::Enum(e) => {
            for v in &e.variants {
                match &v.body {
                    VariantBody::Unit => {}
                    VariantBody::Newtype(t) => out.push(t),
                    VariantBody::Tuple(items) => out.extend(items),
                    VariantBody::Struct(o) => out.extend(fields(o)),
                }
            }
        }
    }
    out
}

/// Every name in `shape`.
fn named_in<'s>(shape: &'s Shape, out: &mut Vec<&'s str>) {
    match shape {
        Shape::Named(name, args) => {
            out.push(name);
            args.iter().for_each(|a| named_in(a, out));
        }
        Shape::Option(s) | Shape::Seq(s) | Shape::Array(s, _) => named_in(s, out),
        Shape::Map(k, v) => {
            named_in(k, out);
            named_in(v, out);
        }
        Shape::Tuple(items) => items.iter().for_each(|s| named_in(s, out)),
        _ => {}
    }
}
