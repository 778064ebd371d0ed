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
    /// Whether `#[durable]` emits the typed Rust client (the default; not
    /// with `#[durable(client = false)]`). Only the macro reads it: the
    /// wire, TypeScript and the lock are the same either way.
    pub client: bool,
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
    /// What the method returns, as its callers see it.
    pub output: Output,
    /// The method returns `dogen::Fallible<..>` of [`Method::output`]: it may
    /// fail for a reason outside its interface (storage, the runtime),
    /// which callers see as a failed call, never as part of its type.
    pub fallible: bool,
}

/// One argument of a method.
#[derive(Debug, Clone)]
pub struct Arg {
    /// The argument's name.
    pub ident: syn::Ident,
    /// The type as written in the trait, e.g. `&str`.
    pub ty: Box<syn::Type>,
    /// For an argument the trait takes by reference, the owned type it
    /// decodes into (`String` for `&str`), which dispatch lends; `None`
    /// for one taken by value, which decodes into [`Arg::ty`] itself.
    pub borrowed: Option<Box<syn::Type>>,
    /// The wire shape of the argument.
    pub shape: Shape,
}

impl Arg {
    /// The owned type the argument decodes into: [`Arg::ty`], or for an
    /// argument taken by reference, the type it lends.
    pub fn owned(&self) -> &syn::Type {
        self.borrowed.as_deref().unwrap_or(&self.ty)
    }
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
    /// The Rust type, as written (boxed: a `syn::Type` is 320 bytes, and
    /// models hold one per argument, result and field).
    pub ty: Box<syn::Type>,
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
    /// serde's bytes (`serialize_bytes`): `serde_bytes::ByteBuf`, and the
    /// byte types of other crates the command line maps.
    Bytes,
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
