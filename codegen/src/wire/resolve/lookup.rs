//! Name lookup: what a path written in a module names (a type item of the
//! crate, a `use` rename of one, a type of another crate), following `use`
//! items, modules and globs as rustc would.

use proc_macro2::Span;

use crate::scan::{Crate, Found, TypeItem, Use};
use crate::wire::builtin;

use super::Resolver;

/// What a path names.
pub(super) enum Target {
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

impl<'a> Resolver<'a> {
    /// The item named `name` defined in `module`.
    pub(super) fn type_in(&self, module: &[String], name: &str) -> Option<usize> {
        self.by_name.get(name)?.iter().copied().find(|i| self.krate.types[*i].module == module)
    }

    /// The `use` in `module` that binds `name`.
    fn use_binding(&self, module: &[String], name: &str) -> Option<&'a Use> {
        self.krate.uses.get(module)?.iter().find(|u| u.name.as_deref() == Some(name))
    }

    /// What `segs` (a path written in `module`) names.
    pub(super) fn target(&self, segs: &[String], leading_colon: bool, module: &[String], depth: usize) -> Target {
        let shown = || format!("{}{}", if leading_colon { "::" } else { "" }, segs.join("::"));
        if depth > 16 {
            return Target::Error(format!("`use` items for `{}` go round in a circle", shown()));
        }
        let Some(last) = segs.last() else { return Target::Error("empty path".into()) };
        if leading_colon {
            return Target::External { krate: segs[0].clone(), name: last.clone() };
        }
        if segs.len() == 1 {
            return self.target_one(last, module, depth);
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

    /// What the single name `last` (written in `module`, without `::`)
    /// names.
    pub(super) fn target_one(&self, last: &str, module: &[String], depth: usize) -> Target {
        // One lookup by name serves both the module's own item and the
        // crate-wide fallback.
        let candidates = self.by_name.get(last).map(Vec::as_slice).unwrap_or_default();
        if let Some(index) = candidates.iter().copied().find(|i| self.krate.types[*i].module == module) {
            return Target::Item(index);
        }
        if let Some(used) = self.use_binding(module, last) {
            return self.through_use(used, last, module, depth);
        }
        match candidates {
            [one] => return Target::Item(*one),
            [] => {}
            many => return Target::Error(self.ambiguous(last, many)),
        }
        // A glob of another crate, for a name dogen knows in it.
        for glob in self.krate.uses.get(module).into_iter().flatten().filter(|u| u.name.is_none()) {
            if let Some(first) = glob.path.first()
                && !["crate", "self", "super"].contains(&first.as_str())
                && !self.is_module(module, first)
            {
                let krate = builtin::crate_key(first).to_owned();
                if self.knows(&krate, last) {
                    return Target::External { krate, name: last.to_owned() };
                }
            }
        }
        if last == "Result" {
            return Target::External { krate: "std".into(), name: last.to_owned() };
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
        Target::Error(format!(
            "type `{last}` is not defined in this crate, and no `use` brings it in; dogen types the crate's serde types, the standard containers and the types of other crates it maps (docs/typescript.md)"
        ))
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

    /// The absolute path of another crate's item that `segs`, written in
    /// `module`, names; `None` for a path into this crate.
    pub(super) fn canonical(&self, segs: &[String], module: &[String], depth: usize) -> Option<Vec<String>> {
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
}

impl Crate {
    /// `path:line:col` of a type item, for messages that list several.
    pub(super) fn place(&self, found: &Found<TypeItem>) -> String {
        let start = found.item.ident().span().start();
        format!("{}:{}:{}", self.files[found.file].path.display(), start.line, start.column + 1)
    }
}
