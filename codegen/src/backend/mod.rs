//! Backends: one per target, each implementing [`Backend`] over the model.
//!
//! A backend owns everything that is true of its target only: its naming
//! rules and reserved words (the [`Backend::validate`] hook, run with the
//! front end's rules so every error is reported at once), its templates
//! (`src/backend/<name>/templates/`), and its files. The front end
//! ([`crate::load`]) holds only what is true for every target.
//!
//! Adding a target is a folder here (`mod.rs` and `templates/`), a line in
//! this file, and one value of the command line's backend list.

pub mod entry;
pub mod ts;

use dogen_interface::ctxt::Ctxt;

use crate::error::Error;
use crate::model::{Api, Interface, ServedObject, TypeDef};

/// One generated file, in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// The file name, relative to the output directory.
    pub name: &'static str,
    /// The whole contents.
    pub contents: String,
}

/// Why rendering failed: a template error, which is a bug in dogen.
#[derive(Debug, thiserror::Error)]
#[error("rendering `{file}` failed (a bug in dogen): {source}")]
pub struct RenderError {
    /// The file being rendered.
    pub file: &'static str,
    /// The template engine's error.
    pub source: askama::Error,
}

/// Every item of an API, rendered by one backend's per-item hooks.
#[derive(Debug, Clone, Default)]
pub struct Items {
    /// [`Backend::interface`] for each interface, in order.
    pub interfaces: Vec<String>,
    /// [`Backend::type_def`] for each type, in order.
    pub types: Vec<String>,
    /// [`Backend::object`] for each served object, in order.
    pub objects: Vec<String>,
}

/// A target: how the model becomes files.
pub trait Backend {
    /// The backend's name on the command line, e.g. `ts`.
    fn name(&self) -> &'static str;

    /// The target's own rules over the API (reserved words, names its
    /// files declare, collisions after its renaming), recorded in `cx`
    /// next to the front end's.
    fn validate(&self, cx: &Ctxt, api: &Api) {
        let _ = (cx, api);
    }

    /// One interface, if the target renders interfaces one by one.
    fn interface(&self, api: &Api, iface: &Interface) -> Option<String> {
        let _ = (api, iface);
        None
    }

    /// One serde type, if the target renders types one by one.
    fn type_def(&self, api: &Api, def: &TypeDef) -> Option<String> {
        let _ = (api, def);
        None
    }

    /// One Durable Object struct serving an interface, if the target
    /// renders objects one by one.
    fn object(&self, api: &Api, served: &ServedObject) -> Option<String> {
        let _ = (api, served);
        None
    }

    /// Lays the rendered items out in files, in a stable order.
    fn files(&self, api: &Api, items: Items) -> Result<Vec<OutputFile>, Error>;

    /// Whether the output directory belongs to this backend alone, so that
    /// a drift check counts any other file in it as extra. `false` for a
    /// backend that writes beside another tool's output.
    fn owns_out_dir(&self) -> bool {
        true
    }
}

/// Renders `api` with `backend`, entirely in memory: the per-item hooks for
/// every interface, type and object, in the API's order, then the files.
pub fn render(backend: &dyn Backend, api: &Api) -> Result<Vec<OutputFile>, Error> {
    let items = Items {
        interfaces: api.interfaces.iter().filter_map(|i| backend.interface(api, i)).collect(),
        types: api.types.iter().filter_map(|t| backend.type_def(api, t)).collect(),
        objects: api.objects.iter().filter_map(|o| backend.object(api, o)).collect(),
    };
    backend.files(api, items)
}
