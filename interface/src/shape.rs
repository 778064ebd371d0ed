//! Wire shapes: what a Rust type looks like once serde has encoded it.

use crate::model::{FloatKind, IntKind, Shape};
use crate::punct::Items as _;

/// How deep types may nest (`Vec<Vec<..>>`, tuples in options, ...) before
/// dogen refuses them: every pass over a type recurses once per level, and
/// real interfaces stay far below this.
pub const MAX_DEPTH: usize = 64;

/// What a path that is not a standard container names. The proc-macro
/// sees only tokens and keeps every such path by name ([`ByName`]); the
/// command line resolves it in the crate (its own types, `use` imports,
/// types of other crates it has a mapping for).
pub trait Resolve {
    /// The shape of `path` (its last segment's type arguments are `args`),
    /// or why it has none. `shape` gives the shape of a type argument, one
    /// level deeper, for the arguments the resolver wants.
    fn named(&self, path: &syn::Path, args: &[&syn::Type], shape: &dyn Fn(&syn::Type) -> ShapeResult) -> ShapeResult;
}

/// A shape, or why there is none.
pub type ShapeResult = Result<Shape, String>;

/// Keeps every non-standard path as [`Shape::Named`] by its last segment,
/// with its type arguments: what the proc-macro knows.
#[derive(Debug, Clone, Copy, Default)]
pub struct ByName;

impl Resolve for ByName {
    fn named(&self, path: &syn::Path, args: &[&syn::Type], shape: &dyn Fn(&syn::Type) -> ShapeResult) -> ShapeResult {
        let name = path.segments.last_item().map(|s| s.ident.to_string()).unwrap_or_default();
        Ok(Shape::Named(name, args.iter().map(|t| shape(t)).collect::<Result<_, _>>()?))
    }
}

/// The message for a type nested deeper than [`MAX_DEPTH`].
pub fn too_deep() -> String {
    format!("this type nests more than {MAX_DEPTH} levels deep; dogen reads types up to that depth")
}

/// The wire shape of `ty`. Wrappers serde sees through (`Box`, `Rc`, `Arc`,
/// `Cow`, references) are unwrapped; user types are kept by name.
///
/// Returns `Err` with a message for types that have no serde encoding a
/// caller could send or receive (`impl Trait`, function pointers, raw
/// pointers, trait objects, `_`), and for types nested deeper than
/// [`MAX_DEPTH`].
pub fn shape_of(ty: &syn::Type) -> ShapeResult {
    shape_with(ty, &ByName)
}

/// [`shape_of`], with paths that are not standard containers resolved by `resolve`.
pub fn shape_with(ty: &syn::Type, resolve: &dyn Resolve) -> ShapeResult {
    Shaper { resolve, depth: 0 }.shape(ty)
}

struct Shaper<'r> {
    resolve: &'r dyn Resolve,
    depth: usize,
}

impl Shaper<'_> {
    fn deeper(&self) -> Result<Shaper<'_>, String> {
        if self.depth >= MAX_DEPTH {
            return Err(too_deep());
        }
        Ok(Shaper { resolve: self.resolve, depth: self.depth + 1 })
    }

    fn shape(&self, ty: &syn::Type) -> ShapeResult {
        let inner = self.deeper()?;
        match ty {
            syn::Type::Paren(p) => inner.shape(&p.elem),
            syn::Type::Group(g) => inner.shape(&g.elem),
            syn::Type::Reference(r) => match &*r.elem {
                syn::Type::Slice(s) => Ok(Shape::Seq(Box::new(inner.deeper()?.shape(&s.elem)?))),
                other => inner.shape(other),
            },
            syn::Type::Slice(s) => Ok(Shape::Seq(Box::new(inner.shape(&s.elem)?))),
            syn::Type::Array(a) => {
                let elem = inner.shape(&a.elem)?;
                match &a.len {
                    syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(n), .. }) => {
                        let len = n.base10_parse::<usize>().map_err(|e| e.to_string())?;
                        Ok(Shape::Array(Box::new(elem), len))
                    }
                    _ => Err("array lengths must be integer literals".into()),
                }
            }
            syn::Type::Tuple(t) if t.elems.is_empty() => Ok(Shape::Unit),
            syn::Type::Tuple(t) => Ok(Shape::Tuple(t.elems.items().map(|e| inner.shape(e)).collect::<Result<_, _>>()?)),
            syn::Type::Path(p) if p.qself.is_none() => inner.path(&p.path),
            syn::Type::Path(_) => Err("qualified paths (`<T as Trait>::X`) have no fixed wire shape".into()),
            syn::Type::ImplTrait(_) => Err("`impl Trait` has no wire shape; name a concrete serde type".into()),
            syn::Type::TraitObject(_) => Err("trait objects have no wire shape; name a concrete serde type".into()),
            syn::Type::BareFn(_) => Err("functions cannot cross a Durable Object boundary".into()),
            syn::Type::Ptr(_) => Err("raw pointers cannot cross a Durable Object boundary".into()),
            syn::Type::Never(_) => Err("`!` has no wire shape".into()),
            syn::Type::Infer(_) => Err("`_` is not allowed here; name the type".into()),
            syn::Type::Macro(_) => Err("types written by macros cannot be read by dogen".into()),
            _ => Err("this type has no wire shape dogen understands".into()),
        }
    }

    fn path(&self, path: &syn::Path) -> ShapeResult {
        let last = path.segments.last_item().ok_or("empty type path")?;
        let text = IdentText::new(&last.ident);
        let name = text.as_str();
        let args = TypeArgs::of(&last.arguments)?;
        let one = |args: &[&syn::Type]| -> Result<Box<Shape>, String> {
            match args {
                [t] => Ok(Box::new(self.shape(t)?)),
                _ => Err(format!("`{name}` takes one type argument")),
            }
        };
        let two = |args: &[&syn::Type]| -> Result<(Box<Shape>, Box<Shape>), String> {
            match args {
                [k, v, ..] => Ok((Box::new(self.shape(k)?), Box::new(self.shape(v)?))),
                _ => Err(format!("`{name}` takes key and value type arguments")),
            }
        };
        if path.segments.len() == 1 || is_std_path(path) {
            let shape = match name {
                "bool" => Shape::Bool,
                "i8" => Shape::Int(IntKind::I8),
                "i16" => Shape::Int(IntKind::I16),
                "i32" => Shape::Int(IntKind::I32),
                "i64" => Shape::Int(IntKind::I64),
                "i128" => Shape::Int(IntKind::I128),
                "isize" => Shape::Int(IntKind::Isize),
                "u8" => Shape::Int(IntKind::U8),
                "u16" => Shape::Int(IntKind::U16),
                "u32" => Shape::Int(IntKind::U32),
                "u64" => Shape::Int(IntKind::U64),
                "u128" => Shape::Int(IntKind::U128),
                "usize" => Shape::Int(IntKind::Usize),
                "f32" => Shape::Float(FloatKind::F32),
                "f64" => Shape::Float(FloatKind::F64),
                "char" => Shape::Char,
                "str" | "String" => Shape::String,
                "Option" => Shape::Option(one(&args)?),
                "Vec" | "VecDeque" | "LinkedList" | "HashSet" | "BTreeSet" | "BinaryHeap" => Shape::Seq(one(&args)?),
                "HashMap" | "BTreeMap" => {
                    let (k, v) = two(&args)?;
                    Shape::Map(k, v)
                }
                "Box" | "Rc" | "Arc" => *one(&args)?,
                "Cow" => match *args {
                    [t] => self.shape(t)?,
                    _ => return Err("`Cow` takes one type argument".into()),
                },
                _ => self.resolve.named(path, &args, &|t| self.shape(t))?,
            };
            return Ok(shape);
        }
        if path.segments.len() == 2 && path.segments[0].ident == "serde_bytes" && name == "ByteBuf" {
            return Ok(Shape::Bytes);
        }
        self.resolve.named(path, &args, &|t| self.shape(t))
    }
}

/// [`generic_types`], on the stack when there are few: shaping reads the
/// arguments of every path it meets, most of which have one or two.
enum TypeArgs<'a> {
    Few([&'a syn::Type; 4], usize),
    Many(Vec<&'a syn::Type>),
}

impl<'a> TypeArgs<'a> {
    fn of(args: &'a syn::PathArguments) -> Result<TypeArgs<'a>, String> {
        let syn::PathArguments::AngleBracketed(a) = args else { return generic_types(args).map(TypeArgs::Many) };
        let mut types = a.args.items().filter_map(|arg| match arg {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        });
        let Some(first) = types.next() else { return Ok(TypeArgs::Many(Vec::new())) };
        let mut few = [first; 4];
        let mut len = 1;
        while let Some(t) = types.next() {
            if len == few.len() {
                let mut many = few.to_vec();
                many.push(t);
                many.extend(types);
                return Ok(TypeArgs::Many(many));
            }
            few[len] = t;
            len += 1;
        }
        Ok(TypeArgs::Few(few, len))
    }
}

impl<'a> std::ops::Deref for TypeArgs<'a> {
    type Target = [&'a syn::Type];

    fn deref(&self) -> &Self::Target {
        match self {
            TypeArgs::Few(few, len) => &few[..*len],
            TypeArgs::Many(many) => many,
        }
    }
}

/// An identifier's text as `to_string` gives it (`r#` kept), written into
/// a buffer on the stack: shaping reads the name of every path it meets,
/// and a `String` for each was one heap allocation more. Longer names than
/// the buffer holds go to the heap.
pub(crate) struct IdentText {
    buf: [u8; 64],
    len: usize,
    long: Option<String>,
}

impl IdentText {
    pub(crate) fn new(ident: &syn::Ident) -> IdentText {
        use std::fmt::Write;
        let mut text = IdentText { buf: [0; 64], len: 0, long: None };
        if write!(text, "{ident}").is_err() {
            text.long = Some(ident.to_string());
        }
        text
    }

    pub(crate) fn as_str(&self) -> &str {
        match &self.long {
            Some(long) => long,
            None => std::str::from_utf8(&self.buf[..self.len]).expect("written as whole `str`s"),
        }
    }
}

impl std::fmt::Write for IdentText {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Whether `path` names an item of `std`, `core` or `alloc` (`std::collections::HashMap`).
fn is_std_path(path: &syn::Path) -> bool {
    path.segments.first_item().is_some_and(|s| s.ident == "std" || s.ident == "core" || s.ident == "alloc")
}

/// The type arguments of a path segment; lifetimes are skipped.
pub fn generic_types(args: &syn::PathArguments) -> Result<Vec<&syn::Type>, String> {
    match args {
        syn::PathArguments::None => Ok(Vec::new()),
        syn::PathArguments::AngleBracketed(a) => Ok(a
            .args
            .items()
            .filter_map(|arg| match arg {
                syn::GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect()),
        syn::PathArguments::Parenthesized(_) => Err("`Fn(..)` types cannot cross a Durable Object boundary".into()),
    }
}

/// Why [`split_result`] cannot split a type: it is a one-argument
/// `Result<T>` alias, whose error type dogen cannot see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultAlias;

/// If `ty` is `Result<T, E>` (any path ending in `Result` with two type
/// arguments), its `T` and `E`. `Ok(None)` for anything else; `Err` for a
/// one-argument `Result<T>` alias.
pub fn split_result(ty: &syn::Type) -> Result<Option<(syn::Type, syn::Type)>, ResultAlias> {
    if !is_result(ty)? {
        return Ok(None);
    }
    let syn::Type::Path(p) = ty else { unreachable!("a `Result` is a path") };
    let last = p.path.segments.last_item().expect("a `Result` has a last segment");
    match generic_types(&last.arguments).unwrap_or_default().as_slice() {
        [ok, err] => Ok(Some(((*ok).clone(), (*err).clone()))),
        _ => unreachable!("a `Result` has two type arguments"),
    }
}

/// Whether [`split_result`] splits `ty`, without copying its parts.
pub fn is_result(ty: &syn::Type) -> Result<bool, ResultAlias> {
    let syn::Type::Path(p) = ty else { return Ok(false) };
    let Some(last) = p.path.segments.last_item() else { return Ok(false) };
    if last.ident != "Result" {
        return Ok(false);
    }
    match generic_types(&last.arguments).unwrap_or_default().len() {
        2 => Ok(true),
        _ => Err(ResultAlias),
    }
}

/// The first `Self` in `ty`, if any: a path starting with `Self`, anywhere
/// in the type. Call it on types [`shape_of`] accepted, so the walk is
/// bounded by [`MAX_DEPTH`].
pub fn find_self(ty: &syn::Type) -> Option<&syn::Ident> {
    match ty {
        syn::Type::Paren(p) => find_self(&p.elem),
        syn::Type::Group(g) => find_self(&g.elem),
        syn::Type::Reference(r) => find_self(&r.elem),
        syn::Type::Slice(s) => find_self(&s.elem),
        syn::Type::Array(a) => find_self(&a.elem),
        syn::Type::Tuple(t) => t.elems.items().find_map(find_self),
        syn::Type::Path(p) => {
            if let Some(q) = &p.qself
                && let Some(found) = find_self(&q.ty)
            {
                return Some(found);
            }
            let first = p.path.segments.first_item()?;
            if first.ident == "Self" && p.path.leading_colon.is_none() {
                return Some(&first.ident);
            }
            p.path.segments.items().find_map(|s| match &s.arguments {
                syn::PathArguments::AngleBracketed(a) => a.args.items().find_map(|arg| match arg {
                    syn::GenericArgument::Type(t) => find_self(t),
                    _ => None,
                }),
                _ => None,
            })
        }
        _ => None,
    }
}
