//! The walk: from the types of the interfaces' methods to every definition
//! they reach, the directions each one travels in, and the reached
//! definitions collected by name.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, VecDeque};

use proc_macro2::Span;

use crate::model::{Shape, TypeDef, TypeParam, Usage};
use crate::wire::model::Source;
use dogen_interface::parse::name_of;
use dogen_interface::shape::shape_with;

use super::scope::{Ctx, Scope};
use super::{Key, Resolver};

impl Resolver<'_> {
    /// Recomputes the shape of a type of a method, resolving its names
    /// from `module`, and reaches what it names.
    pub(super) fn reshape(&self, ty: &syn::Type, shape: &mut Shape, module: &[String], usage: Usage) {
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
        // An item reached before with at least this usage: nothing to do.
        if let Key::Item(index) = key
            && let Some(seen) = state.items_reached.get_mut(index)
        {
            let bits = REACHED | u8::from(usage.input) | u8::from(usage.output) << 1;
            if *seen & bits == bits {
                return;
            }
            *seen |= bits;
        }
        // A key with a usage was queued when it got it: only widen it.
        if let Some(entry) = state.usage.get_mut(&key) {
            entry.input |= usage.input;
            entry.output |= usage.output;
            return;
        }
        let entry = state.usage.entry(key.clone()).or_default();
        entry.input |= usage.input;
        entry.output |= usage.output;
        if state.queued.insert(key.clone()) {
            state.queue.push_back(key);
        }
    }

    /// Parses reached definitions and follows their fields until nothing
    /// new is reached, then spreads each one's usage to what it refers to.
    pub(super) fn run(&self) {
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

    /// The reached definitions, with their usage, sorted by name; reports
    /// names that would collide in one TypeScript module.
    pub(super) fn finish(&self) -> Vec<TypeDef> {
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
}

/// In [`State::items_reached`](super::State): the item was reached (with
/// bit 0 for input, bit 1 for output).
const REACHED: u8 = 4;

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
