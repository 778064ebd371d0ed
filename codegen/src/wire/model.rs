//! The wire-type model: the serde types that cross an interface, with every
//! serde attribute already resolved into wire terms (wire names after
//! `rename`/`rename_all`, tagging, which fields may be missing), and the
//! [`Api`] that ties them to the interfaces. Backends read this and never
//! look at serde attributes.
//!
//! The `dogen` command line builds it from a crate's source (see
//! [`crate::scan`] and [`crate::wire`]).

pub use crate::config::Mapping;
use dogen_interface::model::{Interface, TypeRef};
use dogen_interface::object::Object as RustObject;
use dogen_interface::parse::name_of;

/// Everything a crate exposes through its `#[durable]` traits: the
/// interfaces and every serde type they reach, ready to render.
#[derive(Debug, Clone)]
pub struct Api {
    /// The interfaces, in the order the crate's files and modules declare them.
    pub interfaces: Vec<Interface>,
    /// Every serde type reachable from the interfaces' arguments and results,
    /// sorted by name. Names are unique, so a [`Shape::Named`](dogen_interface::model::Shape::Named) inside the API
    /// refers to exactly one of these (or to a type parameter in scope).
    pub types: Vec<TypeDef>,
    /// The `#[dogen::object]` structs serving the interfaces, in the order
    /// of the interfaces.
    pub objects: Vec<ServedObject>,
}

/// A workers-rs Durable Object struct and the interface it serves.
#[derive(Debug, Clone)]
pub struct ServedObject {
    /// Index into [`Api::interfaces`].
    pub interface: usize,
    /// The struct, as `#[dogen::object]` describes it.
    pub object: RustObject,
}

/// A type defined in the crate and encoded by serde's derives (or a type
/// alias), with its serde attributes resolved.
#[derive(Debug, Clone)]
pub struct TypeDef {
    /// The Rust name, also the name in other languages.
    pub ident: syn::Ident,
    /// The type's doc comment, one entry per line.
    pub docs: Vec<String>,
    /// Type parameters (lifetimes are not kept: they do not reach the wire).
    pub generics: Vec<TypeParam>,
    /// What a value looks like on the wire.
    pub body: TypeBody,
    /// In which directions values of this type travel, from the callers'
    /// point of view.
    pub usage: Usage,
    /// Where the definition comes from.
    pub source: Source,
}

/// Where a [`TypeDef`] comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A struct, enum or alias of the crate.
    Crate,
    /// A type dogen maps itself, by its Rust path (`std::time::Duration`).
    Builtin(String),
    /// A type of another crate that `[package.metadata.dogen.types]` maps,
    /// by the key it is mapped under.
    External(String),
    /// A `use a::X as Y;` rename: `Y` stands for `X`.
    Rename,
}

/// One type parameter of a [`TypeDef`].
#[derive(Debug, Clone)]
pub struct TypeParam {
    /// The parameter's name, e.g. `T`.
    pub ident: syn::Ident,
    /// Its default, as in `struct Page<T = String>`.
    pub default: Option<TypeRef>,
}

/// In which directions a type travels. A type in an argument is *input*
/// (callers build it, Rust deserializes it); a type in a result is *output*
/// (Rust serializes it, callers read it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Reachable from a method argument.
    pub input: bool,
    /// Reachable from a method result or application error.
    pub output: bool,
}

/// The wire form of a [`TypeDef`].
#[derive(Debug, Clone)]
pub enum TypeBody {
    /// `type Name = Other;`: the same wire form as `Other`.
    Alias(TypeRef),
    /// A struct serde encodes as its single field: a newtype struct
    /// `struct Id(u64)` or a `#[serde(transparent)]` struct.
    Transparent(TypeRef),
    /// A unit struct `struct Marker;`: `null`.
    Unit,
    /// A tuple struct with several fields: an array of fixed length.
    Tuple(Vec<TypeRef>),
    /// A struct with named fields: an object.
    Object(Object),
    /// An enum.
    Enum(Enum),
    /// A type the project maps itself (`[package.metadata.dogen.types]`):
    /// its TypeScript type, as declared.
    Mapped(Mapping),
}

/// An object with known keys: a struct with named fields, or the fields of a
/// struct variant.
#[derive(Debug, Clone)]
pub struct Object {
    /// `#[serde(tag = "..")]` on a struct: a key whose value is always the
    /// struct's (serde) name.
    pub tag: Option<Tag>,
    /// The fields, in declaration order, without skipped ones.
    pub fields: Vec<Field>,
}

/// A key with a fixed string value.
#[derive(Debug, Clone)]
pub struct Tag {
    /// The key, e.g. `type`.
    pub key: String,
    /// The value, e.g. `Circle`.
    pub value: String,
}

/// One field of an [`Object`].
#[derive(Debug, Clone)]
pub struct Field {
    /// The Rust name (or position, for tuple fields), where errors point.
    pub member: syn::Member,
    /// The key on the wire, after `rename` and `rename_all`.
    pub name: String,
    /// The field's doc comment, one entry per line.
    pub docs: Vec<String>,
    /// The field's type.
    pub ty: TypeRef,
    /// `#[serde(flatten)]`: the field's own keys are merged into the object.
    pub flatten: bool,
    /// Rust may leave the key out of what it writes (`skip_serializing`,
    /// `skip_serializing_if`).
    pub missing_on_output: bool,
    /// Rust accepts the key being left out of what it reads (`Option`,
    /// `default`, `skip_deserializing`).
    pub missing_on_input: bool,
    /// The field's TypeScript type as the project declares it
    /// (`[package.metadata.dogen.fields]`), for a field serialized by its
    /// own code: `ty` is then the Rust type, not its wire form.
    pub mapped: Option<Mapping>,
}

impl Field {
    /// Whether the key may be absent in some direction, so other languages
    /// must treat it as optional.
    pub fn optional(&self) -> bool {
        self.missing_on_output || self.missing_on_input
    }
}

/// An enum and its tagging.
#[derive(Debug, Clone)]
pub struct Enum {
    /// How variants are told apart on the wire.
    pub tagging: Tagging,
    /// The variants, in declaration order, without `#[serde(skip)]` ones.
    pub variants: Vec<Variant>,
}

/// serde's enum representations. The lock file records them as they are
/// here (snake_case, see [`crate::lock`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Tagging {
    /// The default: `"Unit"`, `{"Variant": content}`.
    External,
    /// `#[serde(tag = "t")]`: `{"t": "Variant", ...fields}`.
    Internal {
        /// The tag's key.
        tag: String,
    },
    /// `#[serde(tag = "t", content = "c")]`: `{"t": "Variant", "c": content}`.
    Adjacent {
        /// The tag's key.
        tag: String,
        /// The content's key.
        content: String,
    },
    /// `#[serde(untagged)]`: the content alone.
    Untagged,
}

/// One variant of an [`Enum`].
#[derive(Debug, Clone)]
pub struct Variant {
    /// The Rust name, where errors point.
    pub ident: syn::Ident,
    /// The name on the wire, after `rename` and `rename_all`.
    pub name: String,
    /// The variant's doc comment, one entry per line.
    pub docs: Vec<String>,
    /// What the variant carries.
    pub body: VariantBody,
    /// `#[serde(untagged)]` on the variant: written as its content alone,
    /// whatever the enum's tagging.
    pub untagged: bool,
    /// `skip_deserializing`: Rust writes this variant but refuses to read it.
    pub output_only: bool,
}

/// What a [`Variant`] carries.
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)] // built once per variant by the command line
pub enum VariantBody {
    /// Nothing: `Variant`.
    Unit,
    /// One value: `Variant(T)`.
    Newtype(TypeRef),
    /// Several values: `Variant(A, B)`, an array.
    Tuple(Vec<TypeRef>),
    /// Named fields: `Variant { a: A }`, an object.
    Struct(Object),
}

impl Api {
    /// The type definition named `name`, if the API has one.
    pub fn type_def(&self, name: &str) -> Option<&TypeDef> {
        let name = name.strip_prefix("r#").unwrap_or(name);
        self.types.binary_search_by(|t| name_of(&t.ident).as_str().cmp(name)).ok().map(|i| &self.types[i])
    }
}
