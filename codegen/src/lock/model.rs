//! The lock file's data: every durable interface and the serde types it
//! reaches, as plain serde structs. The JSON written from them is the lock
//! file's format; see the module docs of [`super`] for an example.
//!
//! Types are written as wire shapes in Rust syntax (see
//! [`shape_text`](super::shape_text())): `u32`, `Option<Point>`, `Vec<u8>`,
//! `HashMap<String, u64>`, `[u8; 4]`, `(i32, String)`.

use ::serde::{Deserialize, Serialize};

/// The format version [`Lock::version`] holds.
pub const LOCK_VERSION: u32 = 1;

/// A whole lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    /// The format version, [`LOCK_VERSION`].
    #[serde(rename = "dogen_lock")]
    pub version: u32,
    /// One entry per `#[durable]` trait, sorted by class name.
    pub interfaces: Vec<LockInterface>,
    /// Every serde type the interfaces reach, sorted by name.
    pub types: Vec<LockType>,
}

/// One `#[durable]` trait: a Durable Object class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockInterface {
    /// The class name in wrangler config: what deployed callers bind to.
    pub class: String,
    /// The Rust trait's name.
    #[serde(rename = "trait")]
    pub trait_name: String,
    /// The namespace binding's name.
    pub binding: String,
    /// SQLite storage (`true`) or key-value storage.
    pub sqlite: bool,
    /// The class name this class had before its latest declared rename
    /// (`dogen lock --rename OLD=NEW`); `dogen wrangler` turns it into a
    /// `renamed_classes` migration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renamed_from: Option<String>,
    /// `file:line` of the trait, relative to the crate directory.
    pub at: String,
    /// The methods, in source order.
    pub methods: Vec<LockMethod>,
}

/// One method of an interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockMethod {
    /// The wire name: what deployed callers call.
    pub wire: String,
    /// The Rust method name.
    pub rust: String,
    /// `file:line` of the method.
    pub at: String,
    /// The arguments, in order.
    pub args: Vec<LockArg>,
    /// The wire shape of the value returned (the `T` of `Result<T, E>`);
    /// `()` for nothing.
    pub returns: String,
    /// The wire shape of the typed application error `E` of a method
    /// returning `Result<T, E>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// One argument of a method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockArg {
    /// The argument's Rust name (arguments travel by position).
    pub name: String,
    /// Its wire shape.
    #[serde(rename = "type")]
    pub ty: String,
    /// `file:line` of the argument: kept in memory for findings about the
    /// current interface, not written to the lock file.
    #[serde(skip)]
    pub at: Option<String>,
}

/// One serde type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockType {
    /// The type's name.
    pub name: String,
    /// `file:line` of the type.
    pub at: String,
    /// In which directions values travel, from the callers' side.
    pub usage: LockUsage,
    /// Type parameters, as written: `T` or `T = String`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub generics: Vec<String>,
    /// `#[serde(deny_unknown_fields)]`: Rust refuses keys it does not know.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deny_unknown_fields: bool,
    /// The wire form.
    #[serde(flatten)]
    pub body: LockBody,
}

/// The directions a type travels in: [`crate::model::Usage`] as one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LockUsage {
    /// Only in arguments: callers write it, Rust reads it.
    Input,
    /// Only in results and errors: Rust writes it, callers read it.
    Output,
    /// Both.
    Both,
}

impl LockUsage {
    /// Whether callers write values of the type.
    pub fn input(self) -> bool {
        matches!(self, LockUsage::Input | LockUsage::Both)
    }

    /// Whether callers read values of the type.
    pub fn output(self) -> bool {
        matches!(self, LockUsage::Output | LockUsage::Both)
    }
}

/// The wire form of a [`LockType`], tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LockBody {
    /// `type Name = Target;`.
    Alias {
        /// The aliased shape.
        target: String,
    },
    /// A newtype or `#[serde(transparent)]` struct: its field's shape.
    Transparent {
        /// The field's shape.
        target: String,
    },
    /// A unit struct: `null`.
    Unit,
    /// A tuple struct with several fields: a fixed-length array.
    Tuple {
        /// The fields' shapes.
        items: Vec<String>,
    },
    /// A struct with named fields: an object.
    Struct(LockObject),
    /// An enum.
    Enum {
        /// How variants are told apart.
        tagging: LockTagging,
        /// The variants, in declaration order.
        variants: Vec<LockVariant>,
    },
    /// A type the project maps itself: its TypeScript type.
    Mapped {
        /// The TypeScript type, as declared.
        ts: String,
    },
}

/// An object: a struct's or a struct variant's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockObject {
    /// `#[serde(tag = "..")]` on a struct: a key with a fixed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<LockTag>,
    /// The fields, in declaration order.
    pub fields: Vec<LockField>,
}

/// A key with a fixed string value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockTag {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

/// One field of an object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockField {
    /// The key on the wire.
    pub name: String,
    /// Its wire shape (empty for a mapped field).
    #[serde(rename = "type", default, skip_serializing_if = "String::is_empty")]
    pub ty: String,
    /// The TypeScript type the project maps the field to, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ts: Option<String>,
    /// Rust accepts the key being absent when it reads.
    #[serde(default, skip_serializing_if = "is_false")]
    pub missing_on_input: bool,
    /// Rust may leave the key out when it writes.
    #[serde(default, skip_serializing_if = "is_false")]
    pub missing_on_output: bool,
    /// `#[serde(flatten)]`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub flatten: bool,
    /// `file:line` of the field, in memory only.
    #[serde(skip)]
    pub at: Option<String>,
}

/// serde's enum representations, as the wire-type model has them: the
/// lock writes them as `"external"`, `{"internal": {"tag": ..}}`, ...
pub use crate::wire::model::Tagging as LockTagging;

/// One enum variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockVariant {
    /// The name on the wire.
    pub name: String,
    /// `#[serde(untagged)]` on the variant.
    #[serde(default, skip_serializing_if = "is_false")]
    pub untagged: bool,
    /// `skip_deserializing`: Rust writes the variant but refuses to read it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub output_only: bool,
    /// What it carries.
    #[serde(flatten)]
    pub body: LockVariantBody,
    /// `file:line` of the variant, in memory only.
    #[serde(skip)]
    pub at: Option<String>,
}

/// What a [`LockVariant`] carries, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LockVariantBody {
    /// Nothing.
    Unit,
    /// One value.
    Newtype {
        /// Its shape.
        #[serde(rename = "type")]
        ty: String,
    },
    /// Several values: an array.
    Tuple {
        /// Their shapes.
        items: Vec<String>,
    },
    /// Named fields: an object.
    Struct(LockObject),
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Lock {
    /// The interface whose class is `class`.
    pub fn interface(&self, class: &str) -> Option<&LockInterface> {
        self.interfaces.iter().find(|i| i.class == class)
    }

    /// The type named `name`.
    pub fn type_def(&self, name: &str) -> Option<&LockType> {
        self.types.iter().find(|t| t.name == name)
    }
}
