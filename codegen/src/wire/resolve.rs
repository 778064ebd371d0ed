//! From a scanned crate to an [`Api`]: parses every `#[durable]` trait
//! through the same code the proc-macro uses, follows the types of their
//! arguments and results to the crate's serde types (across modules and
//! files, by the last segment of each path), and records in which
//! directions each type travels.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use syn::ext::IdentExt as _;

use crate::model::{Api, Output, Shape, TypeBody, TypeDef, TypeRef, Usage, VariantBody};
use crate::scan::{Crate, Found, TypeItem};
use dogen_interface::attr::{TraitAttrs, is_trait_attr};
use dogen_interface::ctxt::Ctxt;
use dogen_interface::shape::shape_of;

/// Builds the API of `krate`, recording every problem in `cx`.
pub fn api(cx: &Ctxt, krate: &Crate) -> Api {
    let mut interfaces = Vec::new();
    let mut resolver = Resolver::new(cx, krate);
    let (input, output) = (Usage { input: true, output: false }, Usage { input: false, output: true });
    for found in &krate.traits {
        let Some(attr) = found.item.attrs.iter().find(|a| is_trait_attr(a)) else { continue };
        let iface = dogen_interface::interface(cx, TraitAttrs::from_attr(cx, attr), &found.item);
        let scope = Scope::default();
        for method in &iface.methods {
            let results: Vec<&syn::Type> = match &method.output {
                Output::Unit => Vec::new(),
                Output::Value(t) => vec![&t.ty],
                Output::Result { ok, err } => vec![&ok.ty, &err.ty],
            };
            for (ty, usage) in
                method.args.iter().map(|a| (&a.ty, input)).chain(results.into_iter().map(|t| (t, output)))
            {
                for index in resolver.refs(ty, &found.module, &scope) {
                    resolver.reach(index, usage);
                }
            }
        }
        interfaces.push(iface);
    }
    resolver.run();
    let types = resolver.finish();
    Api { interfaces, types, objects: Vec::new() }
}

/// Names in scope inside one type definition.
#[derive(Default)]
struct Scope {
    /// Type parameters, which shadow crate types.
    params: Vec<String>,
    /// The definition itself, for `Self`.
    this: Option<usize>,
}

struct Resolver<'a> {
    cx: &'a Ctxt,
    krate: &'a Crate,
    /// Type items by name.
    by_name: HashMap<String, Vec<usize>>,
    /// Every module path that holds an item or a `mod`.
    modules: BTreeSet<Vec<String>>,
    /// Parsed definitions of reached items (`None`: reached, failed to parse).
    defs: BTreeMap<usize, Option<TypeDef>>,
    /// Which items each reached item refers to.
    edges: BTreeMap<usize, BTreeSet<usize>>,
    usage: BTreeMap<usize, Usage>,
    queue: VecDeque<usize>,
    queued: BTreeSet<usize>,
}

impl<'a> Resolver<'a> {
    fn new(cx: &'a Ctxt, krate: &'a Crate) -> Self {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut modules = BTreeSet::new();
        for (index, found) in krate.types.iter().enumerate() {
            by_name.entry(found.item.ident().unraw().to_string()).or_default().push(index);
        }
        for module in krate.types.iter().map(|t| &t.module).chain(krate.traits.iter().map(|t| &t.module)) {
            for len in 1..=module.len() {
                modules.insert(module[..len].to_vec());
            }
        }
        modules.extend(krate.modules.iter().cloned());
        Resolver {
            cx,
            krate,
            by_name,
            modules,
            defs: BTreeMap::new(),
            edges: BTreeMap::new(),
            usage: BTreeMap::new(),
            queue: VecDeque::new(),
            queued: BTreeSet::new(),
        }
    }

    fn reach(&mut self, index: usize, usage: Usage) {
        let entry = self.usage.entry(index).or_default();
        entry.input |= usage.input;
        entry.output |= usage.output;
        if self.queued.insert(index) {
            self.queue.push_back(index);
        }
    }

    /// Parses reached items and follows their fields until nothing new is
    /// reached, then spreads each item's usage to the items it refers to.
    fn run(&mut self) {
        while let Some(index) = self.queue.pop_front() {
            let found = &self.krate.types[index];
            let def = TypeDef::from_syn(self.cx, &found.item);
            let mut deps = BTreeSet::new();
            if let Some(def) = &def {
                let scope =
                    Scope { params: def.generics.iter().map(|p| p.ident.to_string()).collect(), this: Some(index) };
                for ty in type_refs(def) {
                    deps.extend(self.refs(&ty.ty, &found.module, &scope));
                }
            }
            let usage = self.usage.get(&index).copied().unwrap_or_default();
            for &dep in &deps {
                self.reach(dep, usage);
            }
            self.edges.insert(index, deps);
            self.defs.insert(index, def);
        }
        let mut work: VecDeque<usize> = self.usage.keys().copied().collect();
        while let Some(index) = work.pop_front() {
            let usage = self.usage[&index];
            for dep in self.edges.get(&index).into_iter().flatten() {
                let entry = self.usage.entry(*dep).or_default();
                let before = *entry;
                entry.input |= usage.input;
                entry.output |= usage.output;
                if *entry != before {
                    work.push_back(*dep);
                }
            }
        }
    }

    /// The reached definitions, with their usage, sorted by name; reports
    /// names that would collide in one TypeScript module.
    fn finish(self) -> Vec<TypeDef> {
        let mut by_name: BTreeMap<String, Vec<(usize, TypeDef)>> = BTreeMap::new();
        for (index, def) in self.defs {
            if let Some(mut def) = def {
                def.usage = self.usage.get(&index).copied().unwrap_or_default();
                by_name.entry(def.ident.unraw().to_string()).or_default().push((index, def));
            }
        }
        let mut out = Vec::new();
        for (name, mut defs) in by_name {
            if defs.len() > 1 {
                let places = defs.iter().map(|(i, _)| self.krate.place(&self.krate.types[*i])).collect::<Vec<_>>();
                for (_, def) in &defs {
                    self.cx.error_spanned_by(
                        &def.ident,
                        format!(
                            "two types named `{name}` reach the interface ({}); TypeScript needs one name per type: rename one",
                            places.join(", ")
                        ),
                    );
                }
            }
            let (_, def) = defs.remove(0);
            out.push(def);
        }
        out
    }

    /// The type items `ty` names, resolved from `module`; reports names it
    /// cannot resolve.
    fn refs(&self, ty: &syn::Type, module: &[String], scope: &Scope) -> Vec<usize> {
        let mut paths = Vec::new();
        named_paths(ty, &mut paths);
        let mut out = Vec::new();
        for path in paths {
            if let Some(index) = self.resolve(path, module, scope) {
                out.push(index);
            }
        }
        out
    }

    fn resolve(&self, path: &syn::Path, module: &[String], scope: &Scope) -> Option<usize> {
        let last = path.segments.last()?;
        let name = last.ident.unraw().to_string();
        let single = path.segments.len() == 1 && path.leading_colon.is_none();
        if single && scope.params.contains(&name) {
            return None;
        }
        if single && name == "Self" {
            return scope.this;
        }
        let target = match self.target_module(path, module) {
            Ok(target) => target,
            Err(message) => {
                self.cx.error_spanned_by(path, message);
                return None;
            }
        };
        let candidates = self.by_name.get(&name).map(Vec::as_slice).unwrap_or_default();
        let in_target =
            |m: &[String]| candidates.iter().copied().filter(|i| self.krate.types[*i].module == m).collect::<Vec<_>>();
        let chosen = match (candidates, &target) {
            ([], _) => {
                self.cx.error_spanned_by(
                    path,
                    format!(
                        "type `{}` is not defined in this crate; dogen types the standard containers and the crate's own serde types, not types of other crates",
                        show_path(path)
                    ),
                );
                return None;
            }
            ([one], _) => *one,
            (_, Some(target)) => match in_target(target).as_slice() {
                [one] => *one,
                _ => return self.ambiguous(path, &show_path(path), candidates),
            },
            (_, None) => match in_target(module).as_slice() {
                [one] => *one,
                _ => return self.ambiguous(path, &show_path(path), candidates),
            },
        };
        self.check_arity(path, chosen);
        Some(chosen)
    }

    fn ambiguous(&self, path: &syn::Path, shown: &str, candidates: &[usize]) -> Option<usize> {
        let places = candidates.iter().map(|i| self.krate.place(&self.krate.types[*i])).collect::<Vec<_>>();
        self.cx.error_spanned_by(
            path,
            format!(
                "type `{shown}` is ambiguous: dogen resolves types by name and found {} ({}); rename one or write its path from `crate::`",
                places.len(),
                places.join(", ")
            ),
        );
        None
    }

    /// The module a multi-segment path points into, `None` for a single
    /// name, or why the path leaves the crate.
    fn target_module(&self, path: &syn::Path, module: &[String]) -> Result<Option<Vec<String>>, String> {
        let segments: Vec<String> = path.segments.iter().map(|s| s.ident.unraw().to_string()).collect();
        if segments.len() == 1 && path.leading_colon.is_none() {
            return Ok(None);
        }
        let prefix = &segments[..segments.len() - 1];
        let shown = show_path(path);
        let first = prefix[0].as_str();
        let mut target: Vec<String> = match first {
            _ if path.leading_colon.is_some() => {
                return Err(format!("type `{shown}` comes from another crate; dogen cannot type it"));
            }
            "crate" => Vec::new(),
            "self" => module.to_vec(),
            "super" => module.to_vec(),
            "std" | "core" | "alloc" => {
                return Err(format!("`{shown}` has no TypeScript mapping in dogen"));
            }
            _ => {
                let mut relative = module.to_vec();
                relative.push(first.to_owned());
                if self.modules.contains(&relative) {
                    module.to_vec()
                } else if self.modules.contains(&vec![first.to_owned()]) {
                    Vec::new()
                } else {
                    return Err(format!("type `{shown}` comes from another crate; dogen cannot type it"));
                }
            }
        };
        let mut rest = match first {
            "crate" | "self" => &prefix[1..],
            _ => prefix,
        };
        while let Some(("super", tail)) = rest.split_first().map(|(h, t)| (h.as_str(), t)) {
            target.pop();
            rest = tail;
        }
        target.extend(rest.iter().cloned());
        Ok(Some(target))
    }

    fn check_arity(&self, path: &syn::Path, index: usize) {
        let (generics, ident) = match &self.krate.types[index].item {
            TypeItem::Struct(s) => (&s.generics, &s.ident),
            TypeItem::Enum(e) => (&e.generics, &e.ident),
            TypeItem::Alias(a) => (&a.generics, &a.ident),
        };
        let params: Vec<&syn::TypeParam> = generics.type_params().collect();
        let required = params.iter().filter(|p| p.default.is_none()).count();
        let given = match &path.segments.last().map(|s| &s.arguments) {
            Some(syn::PathArguments::AngleBracketed(a)) => {
                a.args.iter().filter(|a| matches!(a, syn::GenericArgument::Type(_))).count()
            }
            _ => 0,
        };
        if given < required || given > params.len() {
            self.cx.error_spanned_by(
                path,
                format!("`{ident}` takes {} type argument(s) but {given} are given here", params.len()),
            );
        }
    }
}

impl Crate {
    /// `path:line:col` of a type item, for messages that list several.
    fn place(&self, found: &Found<TypeItem>) -> String {
        let start = found.item.ident().span().start();
        format!("{}:{}:{}", self.files[found.file].path.display(), start.line, start.column + 1)
    }
}

/// Every type written in a definition.
pub fn type_refs(def: &TypeDef) -> Vec<&TypeRef> {
    let mut out: Vec<&TypeRef> = def.generics.iter().filter_map(|p| p.default.as_ref()).collect();
    match &def.body {
        TypeBody::Alias(t) | TypeBody::Transparent(t) => out.push(t),
        TypeBody::Unit => {}
        TypeBody::Tuple(items) => out.extend(items),
        TypeBody::Object(o) => out.extend(o.fields.iter().map(|f| &f.ty)),
        TypeBody::Enum(e) => {
            for v in &e.variants {
                match &v.body {
                    VariantBody::Unit => {}
                    VariantBody::Newtype(t) => out.push(t),
                    VariantBody::Tuple(items) => out.extend(items),
                    VariantBody::Struct(o) => out.extend(o.fields.iter().map(|f| &f.ty)),
                }
            }
        }
    }
    out
}

/// The paths in `ty` that name user types rather than types dogen knows
/// (`Vec`, `Option`, integers, ...), in order.
fn named_paths<'t>(ty: &'t syn::Type, out: &mut Vec<&'t syn::Path>) {
    match ty {
        syn::Type::Paren(p) => named_paths(&p.elem, out),
        syn::Type::Group(g) => named_paths(&g.elem, out),
        syn::Type::Reference(r) => named_paths(&r.elem, out),
        syn::Type::Slice(s) => named_paths(&s.elem, out),
        syn::Type::Array(a) => named_paths(&a.elem, out),
        syn::Type::Tuple(t) => t.elems.iter().for_each(|e| named_paths(e, out)),
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else { return };
            if names_user_type(&p.path) {
                out.push(&p.path);
            }
            if let syn::PathArguments::AngleBracketed(args) = &last.arguments {
                for arg in &args.args {
                    if let syn::GenericArgument::Type(t) = arg {
                        named_paths(t, out);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Whether [`shape_of`] reads `path` as a user type ([`Shape::Named`]):
/// asked of `shape_of` itself, with the path's last segment alone (known
/// containers without their arguments are errors, not names), once per
/// name.
fn names_user_type(path: &syn::Path) -> bool {
    thread_local! {
        static KNOWN: std::cell::RefCell<HashMap<String, bool>> = std::cell::RefCell::new(HashMap::new());
    }
    let Some(last) = path.segments.last() else { return false };
    let first = path.segments.first().map(|s| s.ident.to_string()).unwrap_or_default();
    let std_path = matches!(first.as_str(), "std" | "core" | "alloc");
    if path.segments.len() > 1 && !std_path {
        return true;
    }
    let name = last.ident.to_string();
    KNOWN.with(|known| {
        *known.borrow_mut().entry(name).or_insert_with(|| {
            let bare = syn::Type::Path(syn::TypePath { qself: None, path: last.ident.clone().into() });
            matches!(shape_of(&bare), Ok(Shape::Named(..)))
        })
    })
}

fn show_path(path: &syn::Path) -> String {
    let mut out = String::new();
    if path.leading_colon.is_some() {
        out.push_str("::");
    }
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    out.push_str(&names.join("::"));
    out
}
