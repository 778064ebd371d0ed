//! The JavaScript entry module (`dogen entry`): one `extends DurableObject`
//! class per `#[dogen::object]`, forwarding its interface's methods to the
//! Rust object over native Workers RPC. Reads only the model. Its input is
//! interfaces paired with the objects that serve them, not a whole [`Api`],
//! so it is not a [`super::Backend`].
//!
//! [`Api`]: crate::model::Api

use askama::Template;

use crate::model::{Interface, Output};
use crate::object::{Object, RPC_EXPORT};

/// The entry module's file name.
pub const ENTRY_FILE: &str = "entry.js";

/// The entry module, `entry.js`, next to wasm-bindgen's `<module>_bg.js`
/// and `<module>_bg.wasm` (`wasm-bindgen --target bundler --out-name <module>`).
#[derive(Template)]
#[template(path = "js/entry.js", escape = "none")]
pub struct EntryModule {
    /// wasm-bindgen's `--out-name`.
    pub module: String,
    /// The method the Rust objects export for RPC.
    pub export: &'static str,
    /// One class per object, in the order of the interfaces.
    pub objects: Vec<EntryObject>,
}

/// One `extends DurableObject` class.
pub struct EntryObject {
    /// The JavaScript class: the interface's `class`.
    pub class: String,
    /// The wasm-bindgen class of the Rust object.
    pub rust: String,
    /// The interface's doc comment.
    pub docs: Vec<String>,
    /// The interface's methods, in declaration order.
    pub methods: Vec<EntryMethod>,
}

/// One forwarded method.
pub struct EntryMethod {
    /// The wire name.
    pub name: String,
    /// Whether the method returns `Result<T, E>`: its callers get the
    /// `{ ok, value | error }` outcome rather than the bare value.
    pub fallible: bool,
}

impl EntryModule {
    /// Renders the module.
    pub fn render_file(&self) -> Result<super::OutputFile, super::RenderError> {
        let contents = self.render().map_err(|source| super::RenderError { file: ENTRY_FILE, source })?;
        Ok(super::OutputFile { name: ENTRY_FILE, contents })
    }

    /// The entry for `objects`, each paired with the interface it serves.
    pub fn new(module: &str, objects: &[(&Interface, &Object)]) -> Self {
        let objects = objects
            .iter()
            .map(|(iface, object)| EntryObject {
                class: iface.class.clone(),
                rust: object.ident.to_string(),
                docs: iface.docs.clone(),
                methods: iface
                    .methods
                    .iter()
                    .map(|m| EntryMethod {
                        name: m.wire_name.clone(),
                        fallible: matches!(m.output, Output::Result { .. }),
                    })
                    .collect(),
            })
            .collect();
        EntryModule { module: module.to_owned(), export: RPC_EXPORT, objects }
    }
}
