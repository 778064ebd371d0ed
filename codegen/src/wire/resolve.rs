//! From a scanned crate to an [`Api`]: parses every `#[durable]` trait
//! through the same code the proc-macro uses, resolves the names in the
//! types of their arguments and results as rustc would (the crate's own
//! types across modules and files, `use` items with their renames, types
//! of other crates dogen maps, the project's own mappings), follows them to
//! every serde type they reach, and records in which directions each type
//! travels.
//!
//! Resolution happens while shapes are computed ([`shape_with`]), so each
//! type is walked once.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use proc_macro2::Span;

use crate::config::{Config, Mapping};
use crate::diagnostic::Diagnostic;
use crate::model::{Api, Output, Shape, TypeBody, TypeDef, TypeParam, TypeRef, Usage, VariantBody};
use crate::scan::{Crate, Found, TypeItem, Use};
use crate::wire::builtin::{self, Known};
use crate::wire::model::Source;
use crate::wire::parse::{Context, WAY_OUT};
use dogen_interface::ctxt::Ctxt;
use dogen_interface::parse::name_of;
use dogen_interface::shape::{Resolve, ShapeResult, shape_of, shape_with};

/// Builds the API of `krate`, recording every problem in `cx` (and
/// problems of the crate's mapping tables in `config_errors`). The
/// interfaces move from `krate.traits` into the API.
pub fn api(cx: &Ctxt, krate: &mut Crate, config: &Config, config_errors: &mut Vec<Diagnostic>) -> Api {
    let traits = std::mem::take(&mut krate.traits);
    let krate = &*krate;
    let mut interfaces = Vec::with_capacity(traits.len());
    let resolver = Resolver::new(cx, krate, traits.iter().map(|t| &t.module), config, config_errors);
    let (input, output) = (Usage { input: true, output: false }, Usage { input: false, output: true });
    for found in traits {
        let mut iface = found.item;
        for method in &mut iface.methods {
            for arg in &mut method.args {
                resolver.reshape(&arg.ty, &mut arg.shape, &found.module, input);
            }
            match &mut method.output {
                Output::Unit => {}
                Output::Value(t) => resolver.reshape(&t.ty, &mut t.shape, &found.module, output),
                Output::Result { ok, err } => {
                    resolver.reshape(&ok.ty, &mut ok.shape, &found.module, output);
                    resolver.reshape(&err.ty, &mut err.shape, &found.module, output);
                }
            }
        }
        interfaces.push(iface);
    }
    resolver.run();
    let types = resolver.finish();
    Api { interfaces, types, objects: Vec::new() }
}

/// A definition the API may hold.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    /// A struct, enum or alias of the crate, by index into [`Crate::types`].
    Item(usize),
    /// A definition dogen writes ([`builtin::definition`]).
    Builtin(&'static str),
    /// A type of another crate the project maps: crate and name.
    External(String, String),
    /// `use .. as Name`, standing for the item.
    Rename(String, usize),
}

/// What a path names.
enum Target {
    Item(usize),
    /// An item known under another name (`use a::X as Y`).
    Rename {
        name: String,
        target: usize,
        span: Span,
    },
    /// A type of another crate (or `std`): the crate and the type's name.
    External {
        krate: String,
        name: String,
    },
    Error(String),
}

/// Names in scope inside one type definition.
#[derive(Default, Clone)]
struct Scope {
    /// Type parameters, which shadow crate types.
    params: Vec<String>,
    /// The definition itself, for `Self`.
    this: Option<Key>,
}

struct Resolver<'a> {
    cx: &'a Ctxt,
    krate: &'a Crate,
    config: &'a Config,
    /// Type items by name.
    by_name: HashMap<String, Vec<usize>>,
    /// Each type item's name as written (`r#` kept), by index.
    written: Vec<String>,
    /// Every module path that holds an item or a `mod`.
    modules: BTreeSet<Vec<String>>,
    /// The project's type mappings of the crate's own items, by item.
    mapped_items: HashMap<usize, Mapping>,
    /// The project's type mappings of other crates' types, by crate and name.
    mapped_external: HashMap<(String, String), Mapping>,
    /// The project's field mappings, by the owner's path from the crate
    /// root (`["api", "Event"]`, `["Shape", "Circle"]`) and field.
    mapped_fields: HashMap<(Vec<String>, String), Mapping>,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// Parsed definitions of reached keys (`None`: reached, failed).
    defs: Vec<(Key, Option<TypeDef>)>,
    /// Which definitions each reached one refers to.
    edges: BTreeMap<Key, BTreeSet<Key>>,
    usage: BTreeMap<Key, Usage>,
    queue: VecDeque<Key>,
    queued: BTreeSet<Key>,
    /// Where each rename was written.
    renames: BTreeMap<Key, Span>,
}

/// Resolution inside one item (or one trait): where names are looked up,
/// and what they were found to be.
struct Ctx<'r, 'a> {
    resolver: &'r Resolver<'a>,
    module: &'r [String],
    scope: Scope,
    deps: RefCell<BTreeSet<Key>>,
}

impl<'a> Resolver<'a> {
    fn new<'t>(
        cx: &'a Ctxt,
        krate: &'a Crate,
        trait_modules: impl Iterator<Item = &'t Vec<String>>,
        config: &'a Config,
        config_errors: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut modules = BTreeSet::new();
        for (index, found) in krate.types.iter().enumerate() {
            by_name.entry(name_of(found.item.ident())).or_default().push(index);
        }
        let mut add = |module: &[String]| {
            for len in 1..=module.len() {
                modules.insert(module[..len].to_vec());
            }
        };
        krate.types.iter().for_each(|t| add(&t.module));
        trait_modules.for_each(|m| add(m));
        modules.extend(krate.modules.iter().cloned());
        let mut resolver = Resolver {
            cx,
            krate,
            config,
            by_name,
            written: krate.types.iter().map(|t| t.item.ident().to_string()).collect(),
            modules,
            mapped_items: HashMap::new(),
            mapped_external: HashMap::new(),
            mapped_fields: HashMap::new(),
            state: RefCell::new(State::default()),
        };
        resolver.read_mappings(config_errors);
        resolver
    }

    /// Indexes the project's mapping tables; a key naming no type of the
    /// crate is an error at the entry.
    fn read_mappings(&mut self, errors: &mut Vec<Diagnostic>) {
        let error_at = |mapping: &Mapping, message: String| {
            let mut parts = mapping.at.rsplitn(3, ':');
            let column = parts.next().and_then(|c| c.parse().ok()).unwrap_or(1);
            let line = parts.next().and_then(|l| l.parse().ok()).unwrap_or(1);
            let path = parts.next().unwrap_or_default().into();
            Diagnostic { path, line, column, message }
        };
        for mapping in &self.config.types {
            let segs: Vec<String> = mapping.key.split("::").map(|s| s.trim().to_owned()).collect();
            if segs.iter().any(String::is_empty) {
                errors.push(error_at(mapping, format!("`{}` is not a type path", mapping.key)));
                continue;
            }
            if segs[0] == "crate" && segs.len() > 1 {
                let (module, name) = (&segs[1..segs.len() - 1], &segs[segs.len() - 1]);
                match self.type_in(module, name) {
                    Some(index) => {
                        self.mapped_items.insert(index, mapping.clone());
                    }
                    None => errors.push(error_at(
                        mapping,
                        format!("`{}` names no struct, enum or type alias of this crate", mapping.key),
                    )),
                }
            } else if segs.len() > 1 {
                let key = (builtin::crate_key(&segs[0]).to_owned(), segs[segs.len() - 1].clone());
                self.mapped_external.insert(key, mapping.clone());
            } else {
                errors.push(error_at(
                    mapping,
                    format!(
                        "`{}` needs its path: `crate::module::{}` for a type of this crate, `other_crate::{}` for another crate's",
                        mapping.key, mapping.key, mapping.key
                    ),
                ));
            }
        }
        for mapping in &self.config.fields {
            let Some((owner, field)) = mapping.key.rsplit_once('.') else { continue };
            let owner: Vec<String> =
                owner.split("::").map(|s| s.trim().to_owned()).skip_while(|s| s == "crate").collect();
            self.mapped_fields.insert((owner, field.trim().to_owned()), mapping.clone());
        }
    }

    /// Recomputes the shape of a type of a method, resolving its names
    /// from `module`, and reaches what it names.
    fn reshape(&self, ty: &syn::Type, shape: &mut Shape, module: &[String], usage: Usage) {
        // Without a name, the shape is the standard containers' alone,
        // which resolution would compute again as they are.
        if !names_any(shape) {
            return;
        }
        let ctx = Ctx { resolver: self, module, scope: Scope::default(), deps: RefCell::default() };
        // An error was already reported by the interface's own parse.
        if let Ok(resolved) = shape_with(ty, &ctx) {
            *shape = resolved;
        }
        for key in ctx.deps.into_inner() {
            self.reach(key, usage);
        }
    }

    fn reach(&self, key: Key, usage: Usage) {
        let mut state = self.state.borrow_mut();
        let entry = state.usage.entry(key.clone()).or_default();
        entry.input |= usage.input;
        entry.output |= usage.output;
        if state.queued.insert(key.clone()) {
            state.queue.push_back(key);
        }
    }

    /// Parses reached definitions and follows their fields until nothing
    /// new is reached, then spreads each one's usage to what it refers to.
    fn run(&self) {
        loop {
            let Some(key) = self.state.borrow_mut().queue.pop_front() else { break };
            let (def, deps) = self.definition(&key);
            let usage = self.state.borrow().usage.get(&key).copied().unwrap_or_default();
            for dep in &deps {
                self.reach(dep.clone(), usage);
            }
            let mut state = self.state.borrow_mut();
            state.edges.insert(key.clone(), deps);
            state.defs.push((key, def));
        }
        let mut state = self.state.borrow_mut();
        let state = &mut *state;
        let mut work: VecDeque<Key> = state.usage.keys().cloned().collect();
        while let Some(key) = work.pop_front() {
            let usage = state.usage[&key];
            for dep in state.edges.get(&key).into_iter().flatten() {
                let entry = state.usage.entry(dep.clone()).or_default();
                let before = *entry;
                entry.input |= usage.input;
                entry.output |= usage.output;
                if *entry != before {
                    work.push_back(dep.clone());
                }
            }
        }
    }

    /// The definition behind `key`, and the keys it refers to.
    fn definition(&self, key: &Key) -> (Option<TypeDef>, BTreeSet<Key>) {
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
                    params: generics.type_params().map(|p| name_of(&p.ident)).collect(),
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
                let params: Vec<String> = generics_of(item).type_params().map(|p| p.ident.to_string()).collect();
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
                    body: TypeBody::Alias(TypeRef { ty, shape }),
                    usage: Usage::default(),
                    source: Source::Rename,
                };
                (Some(def), [Key::Item(*target)].into())
            }
        }
    }

    /// The reached definitions, with their usage, sorted by name; reports
    /// names that would collide in one TypeScript module.
    fn finish(&self) -> Vec<TypeDef> {
        let mut state = std::mem::take(&mut *self.state.borrow_mut());
        // By key (each was reached once), then grouped by name.
        state.defs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut by_name: BTreeMap<String, Vec<(Key, TypeDef)>> = BTreeMap::new();
        for (key, def) in state.defs {
            if let Some(mut def) = def {
                def.usage = state.usage.get(&key).copied().unwrap_or_default();
                by_name.entry(name_of(&def.ident)).or_default().push((key, def));
            }
        }
        // A rename keeps its target's defaults.
        let defaults: HashMap<usize, Vec<TypeParam>> = by_name
            .values()
            .flatten()
            .filter_map(|(key, def)| match key {
                Key::Item(i) => Some((*i, def.generics.clone())),
                _ => None,
            })
            .collect();
        let mut out = Vec::new();
        for (name, mut defs) in by_name {
            for (key, def) in &mut defs {
                if let Key::Rename(_, target) = key
                    && let Some(generics) = defaults.get(target)
                {
                    def.generics = generics.clone();
                }
            }
            if defs.len() > 1 {
                let places = defs.iter().map(|(k, d)| self.place(k, d)).collect::<Vec<_>>();
                let mut blamed = false;
                for (key, def) in &defs {
                    if matches!(key, Key::Item(_) | Key::Rename(..)) {
                        blamed = true;
                        self.cx.error_spanned_by(
                            &def.ident,
                            format!(
                                "two types named `{name}` reach the interface ({}); TypeScript needs one name per type: rename one",
                                places.join(", ")
                            ),
                        );
                    }
                }
                if !blamed {
                    self.cx.error_at(
                        Span::call_site(),
                        format!("two types named `{name}` reach the interface ({}); map one of them in `[package.metadata.dogen.types]`", places.join(", ")),
                    );
                }
            }
            let (_, def) = defs.remove(0);
            out.push(def);
        }
        out
    }

    /// Where a definition comes from, for messages that list several.
    fn place(&self, key: &Key, def: &TypeDef) -> String {
        match (key, &def.source) {
            (Key::Item(i), _) => self.krate.place(&self.krate.types[*i]),
            (Key::Rename(_, i), _) => format!("a `use` rename of {}", self.krate.place(&self.krate.types[*i])),
            (_, Source::Builtin(rust)) => format!("`{rust}`"),
            (_, Source::External(key)) => format!("`{key}`"),
            _ => "?".into(),
        }
    }

    /// The item named `name` defined in `module`.
    fn type_in(&self, module: &[String], name: &str) -> Option<usize> {
        self.by_name.get(name)?.iter().copied().find(|i| self.krate.types[*i].module == module)
    }

    /// The `use` in `module` that binds `name`.
    fn use_binding(&self, module: &[String], name: &str) -> Option<&'a Use> {
        self.krate.uses.get(module)?.iter().find(|u| u.name.as_deref() == Some(name))
    }

    /// What `segs` (a path written in `module`) names.
    fn target(&self, segs: &[String], leading_colon: bool, module: &[String], depth: usize) -> Target {
        let shown = || format!("{}{}", if leading_colon { "::" } else { "" }, segs.join("::"));
        if depth > 16 {
            return Target::Error(format!("`use` items for `{}` go round in a circle", shown()));
        }
        let Some(last) = segs.last() else { return Target::Error("empty path".into()) };
        if leading_colon {
            return Target::External { krate: segs[0].clone(), name: last.clone() };
        }
        if segs.len() == 1 {
            if let Some(index) = self.type_in(module, last) {
                return Target::Item(index);
            }
            if let Some(used) = self.use_binding(module, last) {
                return self.through_use(used, last, module, depth);
            }
            let candidates = self.by_name.get(last).map(Vec::as_slice).unwrap_or_default();
            match candidates {
                [one] => return Target::Item(*one),
                [] => {}
                many => return Target::Error(self.ambiguous(&shown(), many)),
            }
            // A glob of another crate, for a name dogen knows in it.
            for glob in self.krate.uses.get(module).into_iter().flatten().filter(|u| u.name.is_none()) {
                if let Some(first) = glob.path.first()
                    && !["crate", "self", "super"].contains(&first.as_str())
                    && !self.is_module(module, first)
                {
                    let krate = builtin::crate_key(first).to_owned();
                    if self.knows(&krate, last) {
                        return Target::External { krate, name: last.clone() };
                    }
                }
            }
            if last == "Result" {
                return Target::External { krate: "std".into(), name: last.clone() };
            }
            let globs: Vec<String> = self
                .krate
                .uses
                .get(module)
                .into_iter()
                .flatten()
                .filter(|u| u.name.is_none())
                .map(|u| format!("`use {}::*`", u.path.join("::")))
                .collect();
            if !globs.is_empty() {
                return Target::Error(format!(
                    "type `{last}` is not defined in this crate; if {} brings it in, dogen cannot see into it: import it by name (`use krate::{last};`)",
                    globs.join(" or ")
                ));
            }
            return Target::Error(format!(
                "type `{last}` is not defined in this crate, and no `use` brings it in; dogen types the crate's serde types, the standard containers and the types of other crates it maps (docs/typescript.md)"
            ));
        }
        let first = segs[0].as_str();
        match first {
            "crate" => self.in_module(Vec::new(), &segs[1..], module, depth),
            "self" => self.in_module(module.to_vec(), &segs[1..], module, depth),
            "super" => self.in_module(module.to_vec(), segs, module, depth),
            "std" | "core" | "alloc" => Target::External { krate: "std".into(), name: last.clone() },
            _ if self.modules.contains(&[module, &[first.to_owned()]].concat()) => {
                self.in_module(module.to_vec(), segs, module, depth)
            }
            _ => {
                if let Some(used) = self.use_binding(module, first) {
                    let mut path = used.path.clone();
                    path.extend(segs[1..].iter().cloned());
                    return self.target(&path, used.leading_colon, module, depth + 1);
                }
                if self.modules.contains(&vec![first.to_owned()]) {
                    return self.in_module(Vec::new(), segs, module, depth);
                }
                Target::External { krate: builtin::crate_key(first).to_owned(), name: last.clone() }
            }
        }
    }

    /// A name brought in by `used`, as the path `used` points at.
    fn through_use(&self, used: &Use, name: &str, module: &[String], depth: usize) -> Target {
        let found = self.target(&used.path, used.leading_colon, module, depth + 1);
        let renamed = used.path.last().is_some_and(|l| l != name);
        match found {
            Target::Item(target) if renamed => Target::Rename { name: name.to_owned(), target, span: used.span },
            Target::Rename { target, .. } if renamed => {
                Target::Rename { name: name.to_owned(), target, span: used.span }
            }
            other => other,
        }
    }

    /// `rest` (`[.., "Name"]`, modules first) looked up from module `base`.
    fn in_module(&self, base: Vec<String>, rest: &[String], from: &[String], depth: usize) -> Target {
        let Some((name, modules)) = rest.split_last() else { return Target::Error("empty path".into()) };
        let mut target = base;
        for m in modules {
            match m.as_str() {
                "super" => {
                    target.pop();
                }
                "self" => {}
                other => target.push(other.to_owned()),
            }
        }
        if let Some(index) = self.type_in(&target, name) {
            return Target::Item(index);
        }
        if let Some(used) = self.use_binding(&target, name) {
            return self.through_use(used, name, &target, depth);
        }
        let shown = || {
            let mut parts = vec!["crate".to_owned()];
            parts.extend(target.iter().cloned());
            parts.push(name.clone());
            parts.join("::")
        };
        let _ = from;
        match self.by_name.get(name).map(Vec::as_slice).unwrap_or_default() {
            [one] => Target::Item(*one),
            [] => Target::Error(format!(
                "type `{}` is not defined in this crate; dogen types the crate's serde types, the standard containers and the types of other crates it maps (docs/typescript.md)",
                shown()
            )),
            many => Target::Error(self.ambiguous(&shown(), many)),
        }
    }

    fn ambiguous(&self, shown: &str, candidates: &[usize]) -> String {
        let places = candidates.iter().map(|i| self.krate.place(&self.krate.types[*i])).collect::<Vec<_>>();
        format!(
            "type `{shown}` is ambiguous: dogen resolves types by name and found {} ({}); rename one or write its path from `crate::`",
            places.len(),
            places.join(", ")
        )
    }

    /// Whether `name`, written in `module`, is a module of the crate.
    fn is_module(&self, module: &[String], name: &str) -> bool {
        self.modules.contains(&[module, &[name.to_owned()]].concat()) || self.modules.contains(&vec![name.to_owned()])
    }

    /// Whether dogen or the project maps `krate::name`.
    fn knows(&self, krate: &str, name: &str) -> bool {
        if self.mapped_external.contains_key(&(krate.to_owned(), name.to_owned())) {
            return true;
        }
        let unit: syn::Type = syn::parse_quote!(());
        let shape = |_: &syn::Type| Ok(Shape::Unit);
        builtin::external(krate, name, &[&unit, &unit], &shape, self.config).is_some()
    }

    /// The absolute path of another crate's item that `segs`, written in
    /// `module`, names; `None` for a path into this crate.
    fn canonical(&self, segs: &[String], module: &[String], depth: usize) -> Option<Vec<String>> {
        let first = segs.first()?;
        if depth > 16 || ["crate", "self", "super"].contains(&first.as_str()) || self.is_module(module, first) {
            return None;
        }
        if let Some(used) = self.use_binding(module, first) {
            let mut path = used.path.clone();
            path.extend(segs[1..].iter().cloned());
            return self.canonical(&path, module, depth + 1);
        }
        let mut out = segs.to_vec();
        out[0] = builtin::crate_key(first).to_owned();
        Some(out)
    }

    fn check_arity(&self, path: &syn::Path, index: usize) {
        let item = &self.krate.types[index].item;
        let params = generics_of(item).type_params();
        let (count, required) = params.fold((0, 0), |(n, r), p| (n + 1, r + usize::from(p.default.is_none())));
        let given = match &path.segments.last().map(|s| &s.arguments) {
            Some(syn::PathArguments::AngleBracketed(a)) => {
                a.args.iter().filter(|a| matches!(a, syn::GenericArgument::Type(_))).count()
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

fn generics_of(item: &TypeItem) -> &syn::Generics {
    match item {
        TypeItem::Struct(s) => &s.generics,
        TypeItem::Enum(e) => &e.generics,
        TypeItem::Alias(a) => &a.generics,
    }
}

impl Resolve for Ctx<'_, '_> {
    fn named(&self, path: &syn::Path, args: &[&syn::Type], shape: &dyn Fn(&syn::Type) -> ShapeResult) -> ShapeResult {
        let resolver = self.resolver;
        let last = path.segments.last().ok_or("empty type path")?;
        let name = name_of(&last.ident);
        let shaped = || args.iter().map(|t| shape(t)).collect::<Result<Vec<_>, _>>();
        let single = path.segments.len() == 1 && path.leading_colon.is_none();
        if single && self.scope.params.contains(&name) {
            return Ok(Shape::Named(last.ident.to_string(), shaped()?));
        }
        if single && name == "Self" {
            if let Some(this) = &self.scope.this {
                self.deps.borrow_mut().insert(this.clone());
            }
            return Ok(Shape::Named(last.ident.to_string(), shaped()?));
        }
        let many: Vec<String>;
        let segs = if path.segments.len() == 1 {
            std::slice::from_ref(&name)
        } else {
            many = path.segments.iter().map(|s| name_of(&s.ident)).collect();
            &many
        };
        match resolver.target(segs, path.leading_colon.is_some(), self.module, 0) {
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
            Ok(shape) => Some(TypeRef { ty: ty.clone(), shape }),
            Err(message) => {
                cx.error_spanned_by(dogen_interface::parse::blame(ty, &message), message);
                None
            }
        }
    }

    fn with_module(&self, path: &str, field: &syn::Type) -> Option<Result<Shape, String>> {
        let path: syn::Path = syn::parse_str(path).ok()?;
        let segs: Vec<String> = path.segments.iter().map(|s| name_of(&s.ident)).collect();
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

impl Crate {
    /// `path:line:col` of a type item, for messages that list several.
    fn place(&self, found: &Found<TypeItem>) -> String {
        let start = found.item.ident().span().start();
        format!("{}:{}:{}", self.files[found.file].path.display(), start.line, start.column + 1)
    }
}

/// Every type written in a definition (a mapped field's Rust type is not
/// one: the project says what it is).
pub fn type_refs(def: &TypeDef) -> Vec<&TypeRef> {
    let mut out: Vec<&TypeRef> = def.generics.iter().filter_map(|p| p.default.as_ref()).collect();
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

/// Whether `shape` holds a name (a type of the crate, a type parameter, a
/// type of another crate).
fn names_any(shape: &Shape) -> bool {
    match shape {
        Shape::Named(..) => true,
        Shape::Option(s) | Shape::Seq(s) | Shape::Array(s, _) => names_any(s),
        Shape::Map(k, v) => names_any(k) || names_any(v),
        Shape::Tuple(items) => items.iter().any(names_any),
        _ => false,
    }
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

fn show_path(path: &syn::Path) -> String {
    let mut out = String::new();
    if path.leading_colon.is_some() {
        out.push_str("::");
    }
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    out.push_str(&names.join("::"));
    out
}
