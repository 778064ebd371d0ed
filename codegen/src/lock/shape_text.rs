//! Wire shapes as text, for the lock file: [`Shape`] written in Rust syntax
//! and read back through [`dogen_interface::shape::shape_of`], so the text and the
//! model cannot disagree.
//!
//! Every sequence is written `Vec<T>` and every map `HashMap<K, V>`,
//! whatever the Rust container: the lock records what travels, not how Rust
//! stores it.

use crate::model::{FloatKind, IntKind, Shape};

/// `shape` as Rust-like text: `Option<Vec<Point>>`.
pub fn shape_text(shape: &Shape) -> String {
    let mut out = String::new();
    write(shape, &mut out);
    out
}

fn write(shape: &Shape, out: &mut String) {
    match shape {
        Shape::Unit => out.push_str("()"),
        Shape::Bool => out.push_str("bool"),
        Shape::Int(kind) => out.push_str(int_name(*kind)),
        Shape::Float(FloatKind::F32) => out.push_str("f32"),
        Shape::Float(FloatKind::F64) => out.push_str("f64"),
        Shape::Char => out.push_str("char"),
        Shape::String => out.push_str("String"),
        Shape::Bytes => out.push_str("serde_bytes::ByteBuf"),
        Shape::Option(inner) => generic("Option", &[inner], out),
        Shape::Seq(inner) => generic("Vec", &[inner], out),
        Shape::Map(key, value) => generic("HashMap", &[key, value], out),
        Shape::Array(inner, len) => {
            out.push('[');
            write(inner, out);
            out.push_str(&format!("; {len}]"));
        }
        Shape::Tuple(items) => {
            out.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(item, out);
            }
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Shape::Named(name, args) => {
            let args: Vec<&Shape> = args.iter().collect();
            generic(name, &args, out)
        }
    }
}

fn generic(name: &str, args: &[&Shape], out: &mut String) {
    out.push_str(name);
    if args.is_empty() {
        return;
    }
    out.push('<');
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(arg, out);
    }
    out.push('>');
}

/// The Rust name of an integer type.
pub fn int_name(kind: IntKind) -> &'static str {
    match kind {
        IntKind::I8 => "i8",
        IntKind::I16 => "i16",
        IntKind::I32 => "i32",
        IntKind::I64 => "i64",
        IntKind::I128 => "i128",
        IntKind::Isize => "isize",
        IntKind::U8 => "u8",
        IntKind::U16 => "u16",
        IntKind::U32 => "u32",
        IntKind::U64 => "u64",
        IntKind::U128 => "u128",
        IntKind::Usize => "usize",
    }
}

/// Reads text written by [`shape_text`] (or any Rust type dogen can shape).
pub fn parse_shape(text: &str) -> Result<Shape, String> {
    let ty: syn::Type = syn::parse_str(text).map_err(|e| format!("`{text}` is not a type: {e}"))?;
    dogen_interface::shape::shape_of(&ty).map_err(|e| format!("`{text}`: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_round_trip_through_text() {
        let named = |n: &str, args: Vec<Shape>| Shape::Named(n.into(), args);
        let shapes = [
            Shape::Unit,
            Shape::Bool,
            Shape::Int(IntKind::U64),
            Shape::Float(FloatKind::F32),
            Shape::Char,
            Shape::String,
            Shape::Option(Box::new(Shape::Seq(Box::new(named("Point", vec![]))))),
            Shape::Array(Box::new(Shape::Int(IntKind::U8)), 4),
            Shape::Map(Box::new(Shape::String), Box::new(named("Page", vec![Shape::Int(IntKind::I32)]))),
            Shape::Tuple(vec![Shape::Int(IntKind::Usize)]),
            Shape::Tuple(vec![Shape::Bool, Shape::Unit]),
            Shape::Option(Box::new(Shape::Bytes)),
        ];
        for shape in shapes {
            let text = shape_text(&shape);
            assert_eq!(parse_shape(&text), Ok(shape), "{text}");
        }
        assert_eq!(shape_text(&Shape::Tuple(vec![Shape::Bool, Shape::Unit])), "(bool, ())");
    }

    #[test]
    fn text_that_is_no_type_is_an_error() {
        assert!(parse_shape("Vec<").is_err());
        assert!(parse_shape("impl Fn()").is_err());
    }
}
