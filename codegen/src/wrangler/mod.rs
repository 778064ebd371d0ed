//! Keeps a Worker's wrangler config in step with its `#[durable]`
//! interfaces: the `durable_objects.bindings` and the `migrations`.
//!
//! The caller (the `dogen wrangler` command) already knows which Durable
//! Object classes the Worker exports, under which binding names, and which
//! classes were renamed; [`plan`] takes that as plain data, reads the config
//! text, and returns a [`Plan`]: what it found and the new text. Nothing here
//! reads Rust or touches the file system.
//!
//! The rules, conservative on purpose:
//!
//! - A binding with no `script_name` whose `class_name` is one of the
//!   [`DesiredObject`]s is kept in step: its `name` becomes the object's
//!   binding. A missing binding is added. A binding with a `script_name` is
//!   bound to another Worker's class and is never touched; other bindings are
//!   not ours and are never touched either.
//! - A class is *live* once a migration created it (`new_classes`,
//!   `new_sqlite_classes`, or as the `to` of `renamed_classes` or
//!   `transferred_classes`) and no later one deleted it (`deleted_classes`).
//!   A desired class that is not live gets a new migration, appended after
//!   the existing ones, which are never modified: `new_sqlite_classes`
//!   (SQLite storage, as Cloudflare recommends) unless the object asks for
//!   key-value storage, then `new_classes`.
//! - A [`Rename`] applies when its `from` is live and no longer desired and
//!   its `to` is desired and not yet live: the new migration gets
//!   `renamed_classes`, and bindings of `from` are pointed at `to`.
//! - A live class that is no longer desired and was not renamed is reported.
//!   Only with [`Options::delete_removed`] does it get `deleted_classes` (its
//!   stored data is then lost), and its bindings are removed with it, since a
//!   binding to a deleted class would fail to deploy.
//! - The new migration's tag is `v<N+1>` after the highest existing `v<N>`
//!   tag, or `v1` for the first migration. When migrations exist but none is
//!   tagged `v<N>`, it is `dogen-<M>`, with `M` the number of migrations plus
//!   one (raised until the tag is unused).
//! - Only the top-level sections are managed; `env.<name>` sections are left
//!   as they are.
//!
//! Comments and formatting survive: TOML is edited with `toml_edit`, JSON and
//! JSONC through `jsonc-parser`'s concrete syntax tree. New entries follow the
//! style of their siblings; `wrangler.json` gains no comment and no trailing
//! comma it did not already use. The output is deterministic, and planning
//! again over it finds nothing to change.

mod config;
mod json_file;
mod reconcile;
mod toml_file;

use std::fmt;
use std::path::Path;

/// The file names wrangler looks for, in the order it looks for them.
pub const FILE_NAMES: [&str; 3] = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"];

/// The syntax of a wrangler config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `wrangler.json`: read leniently, as wrangler does, and kept valid
    /// JSON: no comment or trailing comma is ever added.
    Json,
    /// `wrangler.jsonc`: JSON with comments and trailing commas.
    Jsonc,
    /// `wrangler.toml`.
    Toml,
}

impl Format {
    /// The format a config file's extension names (`.json`, `.jsonc`,
    /// `.toml`), or `None` for any other.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()? {
            "json" => Some(Format::Json),
            "jsonc" => Some(Format::Jsonc),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonc => "jsonc",
            Format::Toml => "toml",
        }
    }
}

/// A Durable Object class the Worker exports, as its interface describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesiredObject {
    /// The exported class name (`class_name` in the config).
    pub class: String,
    /// The binding name the Worker's code uses (`name` in the config).
    pub binding: String,
    /// SQLite-backed storage (`new_sqlite_classes`), the default; `false`
    /// asks for the older key-value storage (`new_classes`).
    pub sqlite: bool,
}

/// A class renamed from `from` to `to`, as the lock file remembers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rename {
    /// The class name an earlier migration created.
    pub from: String,
    /// The class name the interface has now.
    pub to: String,
}

/// Choices the caller makes explicitly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Delete live classes that are no longer desired (`deleted_classes`),
    /// destroying their stored data, instead of only reporting them.
    pub delete_removed: bool,
}

/// The migration [`plan`] appends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMigration {
    /// Its tag.
    pub tag: String,
    /// Classes created with SQLite storage.
    pub new_sqlite_classes: Vec<String>,
    /// Classes created with key-value storage.
    pub new_classes: Vec<String>,
    /// Classes renamed.
    pub renamed_classes: Vec<Rename>,
    /// Classes deleted, with their data.
    pub deleted_classes: Vec<String>,
}

/// How much a [`Finding`] matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Informational: nothing is wrong.
    Note,
    /// The config and the interfaces disagree and nothing was written to
    /// fix it: a person has to decide.
    Warning,
    /// The new text changes the config.
    Change,
}

/// One thing [`plan`] found or did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A binding was added.
    BindingAdded {
        /// Its name.
        binding: String,
        /// Its class.
        class: String,
    },
    /// A binding of one of ours got the binding name its interface has.
    BindingRenamed {
        /// Its class.
        class: String,
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
    /// A binding was pointed at the new name of a renamed class.
    BindingRetargeted {
        /// The binding's name in the config.
        binding: String,
        /// The old class.
        from: String,
        /// The new class.
        to: String,
    },
    /// The binding of a deleted class was removed.
    BindingRemoved {
        /// Its name.
        binding: String,
        /// Its class.
        class: String,
    },
    /// A migration was appended.
    MigrationAdded(NewMigration),
    /// A live class is no longer desired; it was kept.
    ClassRemoved {
        /// The class.
        class: String,
    },
    /// The binding name an object wants is held by a binding that is not
    /// ours; the object's binding was left as it is.
    BindingNameTaken {
        /// The wanted name.
        binding: String,
        /// The object's class.
        class: String,
        /// The class of the binding holding the name.
        taken_by: String,
        /// The `script_name` of the binding holding the name, if any.
        taken_by_script: Option<String>,
    },
    /// A binding to a class of another Worker (`script_name`) has the name
    /// of one of our classes; it was left alone.
    ForeignBinding {
        /// Its name.
        binding: String,
        /// Its class.
        class: String,
        /// The Worker defining the class.
        script: String,
    },
    /// A live class has the other storage backend than its interface asks
    /// for; an existing class cannot switch.
    StorageMismatch {
        /// The class.
        class: String,
        /// Whether the interface asks for SQLite.
        sqlite_wanted: bool,
    },
}

impl Finding {
    /// How much this finding matters.
    pub fn severity(&self) -> Severity {
        match self {
            Finding::BindingAdded { .. }
            | Finding::BindingRenamed { .. }
            | Finding::BindingRetargeted { .. }
            | Finding::BindingRemoved { .. }
            | Finding::MigrationAdded(_) => Severity::Change,
            Finding::ClassRemoved { .. } | Finding::BindingNameTaken { .. } => Severity::Warning,
            Finding::ForeignBinding { .. } | Finding::StorageMismatch { .. } => Severity::Note,
        }
    }
}

/// Writes `[A, B]`.
fn list(f: &mut fmt::Formatter<'_>, names: impl IntoIterator<Item = String>) -> fmt::Result {
    let names: Vec<String> = names.into_iter().collect();
    write!(f, "[{}]", names.join(", "))
}

impl fmt::Display for NewMigration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "migration `{}`", self.tag)?;
        let mut sep = ":";
        if !self.new_sqlite_classes.is_empty() {
            write!(f, "{sep} new_sqlite_classes ")?;
            list(f, self.new_sqlite_classes.iter().cloned())?;
            sep = ",";
        }
        if !self.new_classes.is_empty() {
            write!(f, "{sep} new_classes ")?;
            list(f, self.new_classes.iter().cloned())?;
            sep = ",";
        }
        if !self.renamed_classes.is_empty() {
            write!(f, "{sep} renamed_classes ")?;
            list(f, self.renamed_classes.iter().map(|r| format!("{} -> {}", r.from, r.to)))?;
            sep = ",";
        }
        if !self.deleted_classes.is_empty() {
            write!(f, "{sep} deleted_classes ")?;
            list(f, self.deleted_classes.iter().cloned())?;
        }
        Ok(())
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::BindingAdded { binding, class } => write!(f, "added binding `{binding}` for class `{class}`"),
            Finding::BindingRenamed { class, from, to } => {
                write!(f, "renamed binding `{from}` of class `{class}` to `{to}`")
            }
            Finding::BindingRetargeted { binding, from, to } => {
                write!(f, "pointed binding `{binding}` at class `{to}`, renamed from `{from}`")
            }
            Finding::BindingRemoved { binding, class } => {
                write!(f, "removed binding `{binding}` of deleted class `{class}`")
            }
            Finding::MigrationAdded(migration) => write!(f, "added {migration}"),
            Finding::ClassRemoved { class } => write!(
                f,
                "class `{class}` is no longer an interface but a migration created it; it is kept \
                 (deleting it destroys its data and must be asked for)"
            ),
            Finding::BindingNameTaken { binding, class, taken_by, taken_by_script } => {
                write!(f, "class `{class}` wants binding `{binding}`, but that name is bound to class `{taken_by}`")?;
                if let Some(script) = taken_by_script {
                    write!(f, " of script `{script}`")?;
                }
                write!(f, "; left as it is")
            }
            Finding::ForeignBinding { binding, class, script } => {
                write!(f, "binding `{binding}` to class `{class}` of script `{script}` is left alone")
            }
            Finding::StorageMismatch { class, sqlite_wanted: true } => write!(
                f,
                "class `{class}` was created with key-value storage (`new_classes`); its interface asks \
                 for SQLite, which an existing class cannot switch to"
            ),
            Finding::StorageMismatch { class, sqlite_wanted: false } => write!(
                f,
                "class `{class}` was created with SQLite storage (`new_sqlite_classes`); its interface \
                 asks for key-value storage, which an existing class cannot switch to"
            ),
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Change => "change",
        })
    }
}

/// What [`plan`] found, and the config text that brings it in line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Everything found, changes first, in a stable order.
    pub findings: Vec<Finding>,
    /// The new config text; the input text itself when nothing changes.
    pub text: String,
}

impl Plan {
    /// Whether the config is in line: nothing to change and nothing to
    /// warn about (notes are fine). `dogen wrangler --check` fails when not.
    pub fn is_clean(&self) -> bool {
        self.findings.iter().all(|f| f.severity() == Severity::Note)
    }

    /// Whether the new text differs from the input, i.e. there is something
    /// to write.
    pub fn has_changes(&self) -> bool {
        self.findings.iter().any(|f| f.severity() == Severity::Change)
    }
}

/// A line and column in the config text, both counted from 1; the column
/// counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` of `text`.
    pub fn of_offset(text: &str, offset: usize) -> Location {
        let (line, column) = crate::diagnostic::line_col(text, offset);
        Location { line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// `"3:14: "`, or nothing without a location.
fn at(location: &Option<Location>) -> String {
    location.map(|l| format!("{l}: ")).unwrap_or_default()
}

/// Why [`plan`] could not plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WranglerError {
    /// The text is not valid JSON, JSONC or TOML.
    #[error("{}{message}", at(.location))]
    Syntax {
        /// Where the parser stopped, when it says.
        location: Option<Location>,
        /// The parser's message.
        message: String,
    },
    /// The text parses, but a field this module reads has the wrong shape.
    #[error("{}{message}", at(.location))]
    Shape {
        /// The offending value.
        location: Option<Location>,
        /// What is wrong.
        message: String,
    },
    /// The desired objects or renames contradict themselves.
    #[error("{0}")]
    Input(String),
}

impl WranglerError {
    /// Where in the config text the error is, when known.
    pub fn location(&self) -> Option<Location> {
        match self {
            WranglerError::Syntax { location, .. } | WranglerError::Shape { location, .. } => *location,
            WranglerError::Input(_) => None,
        }
    }
}

/// Reads `config_text`, compares it with the `desired` objects and the
/// `renames`, and returns the findings and the config text brought in line.
///
/// `desired` must list every Durable Object class the Worker exports: a live
/// class missing from it counts as removed.
pub fn plan(
    config_text: &str,
    format: Format,
    desired: &[DesiredObject],
    renames: &[Rename],
    opts: Options,
) -> Result<Plan, WranglerError> {
    reconcile::check_input(desired, renames)?;
    let config = match format {
        Format::Json | Format::Jsonc => json_file::read(config_text)?,
        Format::Toml => toml_file::read(config_text)?,
    };
    let (findings, edits) = reconcile::reconcile(&config, desired, renames, opts);
    let text = if edits.is_empty() {
        config_text.to_owned()
    } else {
        match format {
            Format::Json | Format::Jsonc => json_file::apply(config_text, &edits)?,
            Format::Toml => toml_file::apply(config_text, &edits)?,
        }
    };
    Ok(Plan { findings, text })
}
