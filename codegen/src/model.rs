//! The interface model: what a `#[durable]` trait means, independent of any
//! output language.
//!
//! Both front ends build this model through the same [`crate::parse`] and
//! [`crate::validate`] code: the proc-macro (which renders Rust from it, see
//! [`crate::render_rust`]) and the `dogen` command line (which renders
//! TypeScript). Every node keeps the tokens it came from so errors can point
//! at user code.

use proc_macro2::Span;

/// One Durable Object interface: a `#[durable]` trait.
#[derive(Debug, Clone)]
pub struct Interface {
    /// The trait's name, e.g. `Counter`.
    pub ident: syn::Ident,
    /// The trait's visibility, reused for every generated item.
    pub vis: syn::Visibility,
    /// The name of the namespace binding in wrangler config and on `Env`,
    /// e.g. `COUNTER`.
    pub binding: String,
    /// The JavaScript class that wrangler's `class_name` names, e.g. `Counter`.
    pub class: String,
    /// Where `binding` was written, or the trait's name when defaulted.
    pub binding_span: Span,
    /// Where `class` was written, or the trait's name when defaulted.
    pub class_span: Span,
    /// Whether the class stores its data in SQLite (the default) rather
    /// than key-value storage (`#[durable(sqlite = false)]`). Only the
    /// migration that creates the class reads it.
    pub sqlite: bool,
    /// The trait's doc comment, one entry per `///` line.
    pub docs: Vec<String>,
    /// The methods, in source order.
    pub methods: Vec<Method>,
}

/// One callable method of an interface.
#[derive(Debug, Clone)]
pub struct Method {
    /// The Rust name, e.g. `get_counter_value`.
    pub ident: syn::Ident,
    /// The name on the wire and in JavaScript: lowerCamelCase of the Rust
    /// name unless renamed, e.g. `getCounterValue`.
    pub wire_name: String,
    /// Where the wire name comes from: the `rename` literal, or the method's
    /// name.
    pub wire_span: Span,
    /// The method's doc comment, one entry per `///` line.
    pub docs: Vec<String>,
    /// The arguments after `&self`, in order.
    pub args: Vec<Arg>,
    /// What the method returns.
    pub output: Output,
}

/// One argument of a method.
#[derive(Debug, Clone)]
pub struct Arg {
    /// The argument's name.
    pub ident: syn::Ident,
    /// The type as written in the trait, e.g. `&str`.
    pub ty: syn::Type,
    /// The owned type the argument decodes into, e.g. `String` for `&str`.
    /// Equal to `ty` unless `borrowed`.
    pub owned: syn::Type,
    /// Whether the trait takes the argument by reference, so dispatch passes
    /// `&owned`.
    pub borrowed: bool,
    /// The wire shape of the argument.
    pub shape: Shape,
}

/// What a method returns.
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)] // one per method, built once per expansion
pub enum Output {
    /// Nothing: no `->`, or `-> ()`.
    Unit,
    /// A plain value.
    Value(TypeRef),
    /// `Result<T, E>`: `ok` on success, `err` as a typed application error.
    Result {
        /// The success type `T`.
        ok: TypeRef,
        /// The application error type `E`.
        err: TypeRef,
    },
}

/// A type as written in Rust, with its wire shape.
#[derive(Debug, Clone)]
pub struct TypeRef {
    /// The Rust type, as written.
    pub ty: syn::Type,
    /// What the type looks like on the wire.
    pub shape: Shape,
}

/// The wire shape of a Rust type as serde sees it: containers are
/// understood, user types are referred to by path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// `()`: JSON `null`.
    Unit,
    /// `bool`.
    Bool,
    /// Any integer type.
    Int(IntKind),
    /// `f32` or `f64`.
    Float(FloatKind),
    /// `char`: a one-character string.
    Char,
    /// `String`, `str`, `Cow<str>`.
    String,
    /// `Option<T>`.
    Option(Box<Shape>),
    /// `Vec<T>`, `VecDeque<T>`, slices, sets.
    Seq(Box<Shape>),
    /// `[T; N]`.
    Array(Box<Shape>, usize),
    /// `HashMap<K, V>`, `BTreeMap<K, V>`.
    Map(Box<Shape>, Box<Shape>),
    /// `(A, B, ...)`.
    Tuple(Vec<Shape>),
    /// A user type, by the last segment of its path, with its generic
    /// arguments.
    Named(String, Vec<Shape>),
}

/// Integer widths, which matter to TypeScript because JavaScript numbers
/// are exact only up to 2^53.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum IntKind {
    I8,
    I16,
    I32,
    I64,
    I128,
    Isize,
    U8,
    U16,
    U32,
    U64,
    U128,
    Usize,
}

impl IntKind {
    /// Whether every value of the type is exact as a JavaScript number.
    pub fn fits_f64(self) -> bool {
        matches!(self, IntKind::I8 | IntKind::I16 | IntKind::I32 | IntKind::U8 | IntKind::U16 | IntKind::U32)
    }
}

/// Float widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum FloatKind {
    F32,
    F64,
}

impl Interface {
    /// The method with this wire name, if any.
    pub fn method(&self, wire_name: &str) -> Option<&Method> {
        self.methods.iter().find(|m| m.wire_name == wire_name)
    }
}

// ---------------------------------------------------------------------------
// serde types: what the values that cross an interface look like on the wire.
//
// The `dogen` command line reads these from the crate's source (see
// `crate::scan` and `crate::serde`), with every serde attribute already
// resolved into wire terms: wire names after `rename`/`rename_all`, tagging,
// which fields may be missing. Backends never look at serde attributes.
// ---------------------------------------------------------------------------

/// Everything a crate exposes through its `#[durable]` traits: the
/// interfaces and every serde type they reach, ready to render.
#[derive(Debug, Clone)]
pub struct Api {
    /// The interfaces, in the order the crate's files and modules declare them.
    pub interfaces: Vec<Interface>,
    /// Every serde type reachable from the interfaces' arguments and results,
    /// sorted by name. Names are unique, so a [`Shape::Named`] inside the API
    /// refers to exactly one of these (or to a type parameter in scope).
    pub types: Vec<TypeDef>,
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

/// serde's enum representations.
#[derive(Debug, Clone, PartialEq, Eq)]
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
        use syn::ext::IdentExt as _;
        let name = name.strip_prefix("r#").unwrap_or(name);
        self.types.binary_search_by(|t| t.ident.unraw().to_string().as_str().cmp(name)).ok().map(|i| &self.types[i])
    }
}
