//! From a scanned crate to an [`Api`]: parses every `#[durable]` trait
//! through the same code the proc-macro uses, resolves the names in the
//! types of their arguments and results as rustc would (the crate's own
//! types across modules and files, `use` items with their renames, types
//! of other crates dogen maps, the project's own mappings), follows them to
//! every serde type they reach, and records in which directions each type
//! travels.
//!
//! Resolution happens while shapes are computed
//! ([`shape_with`](dogen_interface::shape::shape_with)), so each type is
//! walked once.
//!
//! - `mapping`: the project's mapping tables, indexed.
//! - `lookup`: what a path written in a module names, as rustc would.
//! - `scope`: resolution inside one item or trait, for shapes and parsing.
//! - `reach`: the walk from the interfaces to every definition they reach,
//!   and the collected definitions.
//! - `definition`: the definition behind each reached key.

mod definition;
mod lookup;
mod mapping;
mod reach;
mod scope;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

use proc_macro2::Span;

use crate::config::{Config, Mapping};
use crate::diagnostic::Diagnostic;
use crate::model::{Api, Output, TypeDef, Usage};
use crate::scan::Crate;
use dogen_interface::ctxt::Ctxt;
use dogen_interface::parse::name_of;

pub use definition::type_refs;

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
    /// A definition dogen writes ([`builtin::definition`](crate::wire::builtin::definition)).
    Builtin(&'static str),
    /// A type of another crate the project maps: crate and name.
    External(String, String),
    /// `use .. as Name`, standing for the item.
    Rename(String, usize),
}

struct Resolver<'a> {
    cx: &'a Ctxt,
    krate: &'a Crate,
    config: &'a Config,
    /// Type items by name.
    by_name: HashMap<String, Vec<usize>, BuildHasherDefault<NameHasher>>,
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
    /// By item index, the usage [`reach`](Resolver::reach) already gave
    /// its [`Key::Item`] (bits, see `reach`), so reaching it again with no
    /// more usage skips the maps above.
    items_reached: Vec<u8>,
}

impl<'a> Resolver<'a> {
    fn new<'t>(
        cx: &'a Ctxt,
        krate: &'a Crate,
        trait_modules: impl Iterator<Item = &'t Vec<String>>,
        config: &'a Config,
        config_errors: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut by_name: HashMap<String, Vec<usize>, BuildHasherDefault<NameHasher>> = HashMap::default();
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
            state: RefCell::new(State { items_reached: vec![0; krate.types.len()], ..State::default() }),
        };
        resolver.read_mappings(config_errors);
        resolver
    }
}

/// The hash of [`Resolver::by_name`], looked up for every name a type
/// holds: FxHash's (a rotate, xor and multiply a word), far cheaper than
/// SipHash on short names, which come from the crate being read, not from
/// an adversary.
#[derive(Default, Clone, Copy)]
struct NameHasher(u64);

impl NameHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
