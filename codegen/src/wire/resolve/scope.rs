//! Resolution inside one item (or one trait): the [`Ctx`] through which
//! its types are shaped and parsed, resolving each name they hold and
//! recording what it reached.

use std::cell::RefCell;
use std::collections::BTreeSet;

use crate::config::Mapping;
use crate::model::{Shape, TypeRef};
use crate::wire::builtin::{self, Known};
use crate::wire::parse::{Context, WAY_OUT};
use dogen_interface::ctxt::Ctxt;
use dogen_interface::parse::{name_of, with_name_of};
use dogen_interface::punct::{self, Items as _};
use dogen_interface::shape::{Resolve, ShapeResult, shape_of, shape_with};

use super::definition::generics_of;
use super::lookup::Target;
use super::{Key, Resolver};

/// Names in scope inside one type definition.
#[derive(Default, Clone)]
pub(super) struct Scope {
    /// Type parameters, which shadow crate types.
    pub(super) params: Vec<String>,
    /// The definition itself, for `Self`.
    pub(super) this: Option<Key>,
}

/// Resolution inside one item (or one trait): where names are looked up,
/// and what they were found to be.
pub(super) struct Ctx<'r, 'a> {
    pub(super) resolver: &'r Resolver<'a>,
    pub(super) module: &'r [String],
    pub(super) scope: Scope,
    pub(super) deps: RefCell<BTreeSet<Key>>,
}

impl Resolver<'_> {
    fn check_arity(&self, path: &syn::Path, index: usize) {
        let item = &self.krate.types[index].item;
        let params = punct::type_params(generics_of(item));
        let (count, required) = params.fold((0, 0), |(n, r), p| (n + 1, r + usize::from(p.default.is_none())));
        let given = match &path.segments.last_item().map(|s| &s.arguments) {
            Some(syn::PathArguments::AngleBracketed(a)) => {
                a.args.items().filter(|a| matches!(a, syn::GenericArgument::Type(_))).count()
            }
            _ => 0,
        };
        if given < required || given > count {
            self.cx.error_spanned_by(
                path,
                format!("`{}` takes {count} type argument(s) but {given} are given here", item.ident()),
            );
        }
    }
}

impl Resolve for Ctx<'_, '_> {
    fn named(&self, path: &syn::Path, args: &[&syn::Type], shape: &dyn Fn(&syn::Type) -> ShapeResult) -> ShapeResult {
        let resolver = self.resolver;
        let last = path.segments.last_item().ok_or("empty type path")?;
        let shaped = || args.iter().map(|t| shape(t)).collect::<Result<Vec<_>, _>>();
        let single = path.segments.len() == 1 && path.leading_colon.is_none();
        let target = if single {
            // The name is read in place, without a `String` of its own.
            let found = with_name_of(&last.ident, |name| {
                if self.scope.params.iter().any(|p| p == name) {
                    return None;
                }
                if name == "Self" {
                    if let Some(this) = &self.scope.this {
                        self.deps.borrow_mut().insert(this.clone());
                    }
                    return None;
                }
                Some(resolver.target_one(name, self.module, 0))
            });
            match found {
                Some(target) => target,
                // A type parameter, or `Self`.
                None => return Ok(Shape::Named(last.ident.to_string(), shaped()?)),
            }
        } else {
            let segs: Vec<String> = path.segments.items().map(|s| name_of(&s.ident)).collect();
            resolver.target(&segs, path.leading_colon.is_some(), self.module, 0)
        };
        match target {
            Target::Item(index) => {
                resolver.check_arity(path, index);
                self.deps.borrow_mut().insert(Key::Item(index));
                Ok(Shape::Named(resolver.written[index].clone(), shaped()?))
            }
            Target::Rename { name, target, span } => {
                resolver.check_arity(path, target);
                let key = Key::Rename(name.clone(), target);
                resolver.state.borrow_mut().renames.entry(key.clone()).or_insert(span);
                self.deps.borrow_mut().insert(key);
                Ok(Shape::Named(name, shaped()?))
            }
            Target::External { krate, name } => {
                if resolver.mapped_external.contains_key(&(krate.clone(), name.clone())) {
                    self.deps.borrow_mut().insert(Key::External(krate, name.clone()));
                    return Ok(Shape::Named(name, Vec::new()));
                }
                let shown = show_path(path);
                match builtin::external(&krate, &name, args, shape, resolver.config) {
                    Some(Ok(Known::Shape(s))) => Ok(s),
                    Some(Ok(Known::Def(def, args))) => {
                        self.deps.borrow_mut().insert(Key::Builtin(def));
                        Ok(Shape::Named(def.to_owned(), args))
                    }
                    Some(Err(message)) => {
                        resolver.cx.error_spanned_by(path, format!("`{shown}`: {message}"));
                        Ok(Shape::Named(name, Vec::new()))
                    }
                    None => {
                        let message = if krate == "std" {
                            format!("`{shown}` has no TypeScript mapping in dogen; {WAY_OUT}")
                        } else if !shown.ends_with(&format!("::{name}")) {
                            format!(
                                "type `{shown}` (`{krate}::{name}`) comes from crate `{krate}`, which dogen has no mapping for; {WAY_OUT}"
                            )
                        } else {
                            format!(
                                "type `{shown}` comes from crate `{krate}`, which dogen has no mapping for; {WAY_OUT}"
                            )
                        };
                        resolver.cx.error_spanned_by(path, message);
                        Ok(Shape::Named(name, Vec::new()))
                    }
                }
            }
            Target::Error(message) => {
                resolver.cx.error_spanned_by(path, message);
                Ok(Shape::Named(last.ident.to_string(), Vec::new()))
            }
        }
    }
}

impl Context for Ctx<'_, '_> {
    fn type_ref(&self, cx: &Ctxt, ty: &syn::Type) -> Option<TypeRef> {
        match shape_with(ty, self) {
            Ok(shape) => Some(TypeRef { ty: Box::new(ty.clone()), shape }),
            Err(message) => {
                cx.error_spanned_by(dogen_interface::parse::blame(ty, &message), message);
                None
            }
        }
    }

    fn with_module(&self, path: &str, field: &syn::Type) -> Option<Result<Shape, String>> {
        let path: syn::Path = syn::parse_str(path).ok()?;
        let segs: Vec<String> = path.segments.items().map(|s| name_of(&s.ident)).collect();
        let canonical =
            if path.leading_colon.is_some() { Some(segs) } else { self.resolver.canonical(&segs, self.module, 0) }?;
        let own = shape_of(field).unwrap_or(Shape::Unit);
        builtin::with_module(&canonical, &own)
    }

    fn field_mapping(&self, owner: &str, field: &str) -> Option<Mapping> {
        if self.resolver.mapped_fields.is_empty() {
            return None;
        }
        let mut path = self.module.to_vec();
        path.extend(owner.split("::").map(str::to_owned));
        self.resolver.mapped_fields.get(&(path, field.to_owned())).cloned()
    }

    fn present(&self, attrs: &[syn::Attribute]) -> crate::cfg::Truth {
        self.resolver.config.build.item(attrs)
    }
}

fn show_path(path: &syn::Path) -> String {
    let mut out = String::new();
    if path.leading_colon.is_some() {
        out.push_str("::");
    }
    let names: Vec<String> = path.segments.items().map(|s| s.ident.to_string()).collect();
    out.push_str(&names.join("::"));
    out
}
