//! Backends: one per target language, each a [`Backend`] over the model.
//! A new language adds a module here, not a branch in the parser.
//!
//! [`render`] drives a backend: it calls the per-item hooks for every
//! interface and type of the [`Api`], in the API's order, then lets the
//! backend lay the rendered items out in files.

pub mod entry;
pub mod ts;

use crate::model::{Api, Interface, TypeDef};

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
#[error("rendering `{file}` failed: {source}")]
pub struct RenderError {
    /// The file being rendered.
    pub file: &'static str,
    /// The template engine's error.
    #[source]
    pub source: askama::Error,
}

/// Every item of an API, rendered by one backend.
#[derive(Debug, Clone)]
pub struct Items<I> {
    /// [`Backend::interface`] for each interface, in order.
    pub interfaces: Vec<I>,
    /// [`Backend::type_def`] for each type, in order.
    pub types: Vec<I>,
    /// [`Backend::binding`] for each interface, in order.
    pub bindings: Vec<I>,
    /// [`Backend::client`] for each interface, in order.
    pub clients: Vec<I>,
}

/// A target language.
pub trait Backend {
    /// One rendered item.
    type Item;

    /// The Durable Object type of one interface.
    fn interface(&self, api: &Api, iface: &Interface) -> Self::Item;

    /// One serde type.
    fn type_def(&self, api: &Api, def: &TypeDef) -> Self::Item;

    /// How the environment binds one interface's namespace.
    fn binding(&self, api: &Api, iface: &Interface) -> Self::Item;

    /// A client calling one interface over the fetch wire format.
    fn client(&self, api: &Api, iface: &Interface) -> Self::Item;

    /// Lays rendered items out in files, in a stable order.
    fn files(&self, api: &Api, items: Items<Self::Item>) -> Result<Vec<OutputFile>, RenderError>;
}

/// Renders `api` with `backend`, entirely in memory.
pub fn render<B: Backend>(backend: &B, api: &Api) -> Result<Vec<OutputFile>, RenderError> {
    let items = Items {
        interfaces: api.interfaces.iter().map(|i| backend.interface(api, i)).collect(),
        types: api.types.iter().map(|t| backend.type_def(api, t)).collect(),
        bindings: api.interfaces.iter().map(|i| backend.binding(api, i)).collect(),
        clients: api.interfaces.iter().map(|i| backend.client(api, i)).collect(),
    };
    backend.files(api, items)
}
