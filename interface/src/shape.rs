//! Wire shapes: what a Rust type looks like once serde has encoded it.

use crate::model::{FloatKind, IntKind, Shape};

/// The wire shape of `ty`. Wrappers serde sees through (`Box`, `Rc`, `Arc`,
/// `Cow`, references) are unwrapped; user types are kept by name.
///
/// Returns `Err` with a message for types that have no serde encoding a
/// caller could send or receive (`impl Trait`, function pointers, raw
/// pointers, trait objects, `_`).
pub fn shape_of(ty: &syn::Type) -> Result<Shape, String> {
    match ty {
        syn::Type::Paren(p) => shape_of(&p.elem),
        syn::Type::Group(g) => shape_of(&g.elem),
        syn::Type::Reference(r) => match &*r.elem {
            syn::Type::Slice(s) => Ok(Shape::Seq(Box::new(shape_of(&s.elem)?))),
            other => shape_of(other),
        },
        syn::Type::Slice(s) => Ok(Shape::Seq(Box::new(shape_of(&s.elem)?))),
        syn::Type::Array(a) => {
            let elem = shape_of(&a.elem)?;
            match &a.len {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(n), .. }) => {
                    let len = n.base10_parse::<usize>().map_err(|e| e.to_string())?;
                    Ok(Shape::Array(Box::new(elem), len))
                }
                _ => Err("array lengths must be integer literals".into()),
            }
        }
        syn::Type::Tuple(t) if t.elems.is_empty() => Ok(Shape::Unit),
        syn::Type::Tuple(t) => Ok(Shape::Tuple(t.elems.iter().map(shape_of).collect::<Result<_, _>>()?)),
        syn::Type::Path(p) if p.qself.is_none() => path_shape(&p.path),
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

fn path_shape(path: &syn::Path) -> Result<Shape, String> {
    let last = path.segments.last().ok_or("empty type path")?;
    let name = last.ident.to_string();
    let args = generic_types(&last.arguments)?;
    let one = |args: &[&syn::Type]| -> Result<Box<Shape>, String> {
        match args {
            [t] => Ok(Box::new(shape_of(t)?)),
            _ => Err(format!("`{name}` takes one type argument")),
        }
    };
    let two = |args: &[&syn::Type]| -> Result<(Box<Shape>, Box<Shape>), String> {
        match args {
            [k, v, ..] => Ok((Box::new(shape_of(k)?), Box::new(shape_of(v)?))),
            _ => Err(format!("`{name}` takes key and value type arguments")),
        }
    };
    if path.segments.len() == 1 || is_std_path(path) {
        let shape = match name.as_str() {
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
            "Cow" => match args.as_slice() {
                [t] => shape_of(t)?,
                _ => return Err("`Cow` takes one type argument".into()),
            },
            _ => named(name, &args)?,
        };
        return Ok(shape);
    }
    named(name, &args)
}

fn named(name: String, args: &[&syn::Type]) -> Result<Shape, String> {
    Ok(Shape::Named(name, args.iter().map(|t| shape_of(t)).collect::<Result<_, _>>()?))
}

/// Whether `path` names an item of `std`, `core` or `alloc` (`std::collections::HashMap`).
fn is_std_path(path: &syn::Path) -> bool {
    path.segments.first().is_some_and(|s| s.ident == "std" || s.ident == "core" || s.ident == "alloc")
}

/// The type arguments of a path segment; lifetimes are skipped.
fn generic_types(args: &syn::PathArguments) -> Result<Vec<&syn::Type>, String> {
    match args {
        syn::PathArguments::None => Ok(Vec::new()),
        syn::PathArguments::AngleBracketed(a) => Ok(a
            .args
            .iter()
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
    let syn::Type::Path(p) = ty else { return Ok(None) };
    let Some(last) = p.path.segments.last() else { return Ok(None) };
    if last.ident != "Result" {
        return Ok(None);
    }
    match generic_types(&last.arguments).unwrap_or_default().as_slice() {
        [ok, err] => Ok(Some(((*ok).clone(), (*err).clone()))),
        _ => Err(ResultAlias),
    }
}
