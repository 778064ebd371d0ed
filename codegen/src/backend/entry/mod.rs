//! The JavaScript entry module (`dogen entry`): one `extends DurableObject`
//! class per `#[dogen::object]`, forwarding its interface's methods to the
//! Rust object over native Workers RPC. Reads only the model.

use askama::Template;

use super::{Backend, Items, OutputFile, RenderError};
use crate::error::Error;
use crate::model::{Api, Output};
use dogen_interface::object::RPC_EXPORT;

/// The entry module's file name.
pub const ENTRY_FILE: &str = "entry.js";

/// The entry backend: `entry.js`, written next to the build's `<module>.js`:
/// worker-build's bundle, or wasm-bindgen's glue (`--target module
/// --experimental-reset-state-function --force-enable-abort-handler`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The build's module name (wasm-bindgen's `--out-name`): the entry
    /// imports `./<module>.js`.
    pub module: String,
}

impl Entry {
    /// The entry for wasm-bindgen output named `module`, which must be a
    /// plain file stem.
    pub fn new(module: &str) -> Result<Entry, Error> {
        if module.is_empty() || !module.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
            return Err(Error::Usage(format!("`--module {module}` is not a file stem (letters, digits, `_`, `-`)")));
        }
        Ok(Entry { module: module.to_owned() })
    }
}

/// `entry/templates/entry.js`.
#[derive(Template)]
#[template(path = "backend/entry/templates/entry.js", escape = "none")]
struct EntryModule {
    /// wasm-bindgen's `--out-name`.
    module: String,
    /// The method the Rust objects export for RPC.
    export: &'static str,
    /// One class per object, in the order of the interfaces.
    objects: Vec<EntryObject>,
}

/// One `extends DurableObject` class.
struct EntryObject {
    /// The JavaScript class: the interface's `class`.
    class: String,
    /// The wasm-bindgen class of the Rust object.
    rust: String,
    /// The interface's doc comment.
    docs: Vec<String>,
    /// The interface's methods, in declaration order.
    methods: Vec<EntryMethod>,
}

/// One forwarded method.
struct EntryMethod {
    /// The wire name.
    name: String,
    /// Whether the method returns `Result<T, E>`: its callers get the
    /// `{ ok, value | error }` outcome rather than the bare value.
    result: bool,
}

impl Backend for Entry {
    fn name(&self) -> &'static str {
        "entry"
    }

    fn files(&self, api: &Api, _items: Items) -> Result<Vec<OutputFile>, Error> {
        if api.objects.is_empty() {
            return Err(Error::NoObjects);
        }
        let objects = api
            .objects
            .iter()
            .map(|served| {
                let iface = &api.interfaces[served.interface];
                EntryObject {
                    class: iface.class.clone(),
                    rust: served.object.ident.to_string(),
                    docs: iface.docs.clone(),
                    methods: iface
                        .methods
                        .iter()
                        .map(|m| EntryMethod {
                            name: m.wire_name.clone(),
                            result: matches!(m.output, Output::Result { .. }),
                        })
                        .collect(),
                }
            })
            .collect();
        let module = EntryModule { module: self.module.clone(), export: RPC_EXPORT, objects };
        let contents = module.render().map_err(|source| RenderError { file: ENTRY_FILE, source })?;
        Ok(vec![OutputFile { name: ENTRY_FILE, contents }])
    }

    /// The entry sits in wasm-bindgen's output directory, beside its files.
    fn owns_out_dir(&self) -> bool {
        false
    }
}
