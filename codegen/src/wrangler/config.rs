//! What this module reads from a wrangler config, whatever its syntax, and
//! the edits it makes to one.

use super::NewMigration;

/// The parts of a config that matter here.
#[derive(Debug, Default)]
pub(crate) struct Config {
    /// `durable_objects.bindings`, in order; the index is the position in
    /// that array.
    pub bindings: Vec<Binding>,
    /// `migrations`, in order.
    pub migrations: Vec<Migration>,
}

/// One entry of `durable_objects.bindings`.
#[derive(Debug)]
pub(crate) struct Binding {
    /// `name`.
    pub name: String,
    /// `class_name`.
    pub class_name: String,
    /// `script_name`: the class lives in another Worker.
    pub script_name: Option<String>,
}

/// One entry of `migrations`.
#[derive(Debug, Default)]
pub(crate) struct Migration {
    /// `tag`.
    pub tag: String,
    /// `new_classes`.
    pub new_classes: Vec<String>,
    /// `new_sqlite_classes`.
    pub new_sqlite_classes: Vec<String>,
    /// `renamed_classes`, as `(from, to)`.
    pub renamed_classes: Vec<(String, String)>,
    /// The `to` of each `transferred_classes` entry.
    pub transferred_to: Vec<String>,
    /// `deleted_classes`.
    pub deleted_classes: Vec<String>,
}

/// Changes to a config. Indices are positions in the original
/// `durable_objects.bindings`; backends apply the `set_*` edits first, then
/// the removals from the last index down, then the additions.
#[derive(Debug, Default)]
pub(crate) struct Edits {
    /// New `name` of the binding at an index.
    pub set_name: Vec<(usize, String)>,
    /// New `class_name` of the binding at an index.
    pub set_class: Vec<(usize, String)>,
    /// Bindings to remove, in increasing order.
    pub remove: Vec<usize>,
    /// Bindings to append, as `(name, class_name)`.
    pub add: Vec<(String, String)>,
    /// The migration to append.
    pub migration: Option<NewMigration>,
}

impl Edits {
    /// Whether there is nothing to do.
    pub fn is_empty(&self) -> bool {
        !self.touches_bindings() && self.migration.is_none()
    }

    /// Whether `durable_objects.bindings` changes.
    pub fn touches_bindings(&self) -> bool {
        !(self.set_name.is_empty() && self.set_class.is_empty() && self.remove.is_empty() && self.add.is_empty())
    }
}

/// The wording shared by both readers for values of the wrong type.
pub(crate) mod expect {
    /// `` `path` must be a string ``.
    pub fn string(path: &str) -> String {
        format!("`{path}` must be a string")
    }

    /// `` `path` must be an array ``.
    pub fn array(path: &str) -> String {
        format!("`{path}` must be an array")
    }

    /// `` `path` must be an object ``, or a table in TOML.
    pub fn object(path: &str, toml: bool) -> String {
        if toml { format!("`{path}` must be a table") } else { format!("`{path}` must be an object") }
    }

    /// `` `path` needs `key` ``.
    pub fn key(path: &str, key: &str) -> String {
        format!("`{path}` needs `{key}`")
    }
}
