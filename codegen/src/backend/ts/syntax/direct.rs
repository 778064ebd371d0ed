//! Declarations written directly as text, without the layout engine, in the
//! common layouts where Prettier's choice is plain: a type flat on its line
//! ([`Ts::write_flat`]), a type alias, an interface property, a method.

use super::comment::write_doc_comment;
use super::decl::MEMBER_INDENT;
use super::layout::hugs;
use super::literal::{quote_into, write_property_key};
use super::tree::{Member, Parent, Ts};
use crate::backend::ts::doc::{INDENT, WIDTH, width};

impl Ts<'_> {
    /// Appends what [`Ts::doc`] prints when every group in it is flat: the
    /// layout whenever the type fits on the rest of its line (every line
    /// break of [`Ts::doc`] is inside a group, so a group measured against
    /// a line it fits on stays flat, and so do the groups after it).
    /// Returns `false`, with `out` partly written, when the type holds a
    /// doc comment, which breaks lines whatever the width.
    pub fn write_flat(&self, parent: Parent, out: &mut String) -> bool {
        match self {
            Ts::Keyword(k) => out.push_str(k),
            Ts::Literal(s) => quote_into(s, out),
            Ts::Ref(name, args) => {
                out.push_str(name);
                if !args.is_empty() {
                    out.push('<');
                    if !write_flat_list(args, ", ", Parent::TypeArgument, out) {
                        return false;
                    }
                    out.push('>');
                }
            }
            Ts::Array(elem) => {
                if !elem.write_flat(Parent::Array, out) {
                    return false;
                }
                out.push_str("[]");
            }
            Ts::Tuple(items) => {
                out.push('[');
                if !write_flat_list(items, ", ", Parent::Tuple(items.len()), out) {
                    return false;
                }
                out.push(']');
            }
            Ts::Object(members) if members.is_empty() => out.push_str("{}"),
            Ts::Object(members) => {
                out.push_str("{ ");
                for (i, m) in members.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    if !m.write_flat(out) {
                        return false;
                    }
                }
                out.push_str(" }");
            }
            Ts::Index(value) => {
                out.push_str("{ [key: string]: ");
                if !value.write_flat(Parent::Annotation, out) {
                    return false;
                }
                out.push_str(" }");
            }
            // Flat, a union is its members between ` | ` whether it hugs or
            // not (`union_code` leaves the members' comments out).
            Ts::Union(members) => {
                let parens = matches!(parent, Parent::Array | Parent::Intersection);
                if parens {
                    out.push('(');
                }
                for (i, (_, m)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" | ");
                    }
                    if !m.write_flat(Parent::UnionMember, out) {
                        return false;
                    }
                }
                if parens {
                    out.push(')');
                }
            }
            Ts::Intersection(types) => {
                let parens = matches!(parent, Parent::UnionMember | Parent::Array);
                if parens {
                    out.push('(');
                }
                if !write_flat_list(types, " & ", Parent::Intersection, out) {
                    return false;
                }
                if parens {
                    out.push(')');
                }
            }
        }
        true
    }
}

/// `items`, each flat below `parent`, with `separator` between them.
fn write_flat_list(items: &[Ts<'_>], separator: &str, parent: Parent, out: &mut String) -> bool {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        if !item.write_flat(parent, out) {
            return false;
        }
    }
    true
}

impl Member<'_> {
    /// `key: T` as [`member`](super::layout::member) prints it flat;
    /// `false` if it has a doc comment (see [`Ts::write_flat`]).
    fn write_flat(&self, out: &mut String) -> bool {
        if !self.docs.is_empty() {
            return false;
        }
        write_property_key(&self.key, out);
        out.push_str(if self.optional { "?: " } else { ": " });
        self.ty.write_flat(Parent::Annotation, out)
    }
}

/// What `print(&concat([doc_comment(docs), type_alias(name, params, ty,
/// ids)]))` prints, in the common layouts, without the layout engine: the
/// whole alias on one line; for a union that does not hug, the union on
/// the next line, or one member per line; `None` otherwise (a comment in
/// the type, a member too wide for its line, a name too long for the
/// first line).
pub fn type_alias_text(
    docs: &[String],
    name: &str,
    params: &[(String, Option<Ts<'_>>)],
    ty: &Ts<'_>,
) -> Option<String> {
    // A union whose members have comments is laid out around them.
    if let Ts::Union(members) = ty
        && members.iter().any(|(docs, _)| !docs.is_empty())
    {
        return None;
    }
    let mut out = String::with_capacity(capacity(docs, name));
    write_doc_comment(docs, 0, &mut out);
    let start = out.len();
    out.push_str("export type ");
    out.push_str(name);
    if !params.is_empty() {
        out.push('<');
        for (i, (param, default)) in params.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(param);
            if let Some(d) = default {
                out.push_str(" = ");
                if !d.write_flat(Parent::Annotation, &mut out) {
                    return None;
                }
            }
        }
        out.push('>');
    }
    let left = out.len();
    out.push_str(" = ");
    let right = out.len();
    if !ty.write_flat(Parent::Alias, &mut out) {
        return None;
    }
    out.push(';');
    // Flat: the outer group fits.
    if fits_at(0, &out[start..]) {
        return Some(out);
    }
    // Only a union that does not hug breaks after `=` (`type_alias`'s
    // `break_after_operator`); any other type breaks inside.
    let Ts::Union(members) = ty else { return None };
    if hugs(members) || !fits_at(0, &out[start..left + 2]) {
        return None;
    }
    // The union on its own line, flat.
    let union = out[right..].to_owned();
    out.truncate(left);
    out.push_str(" =\n  ");
    if fits_at(2, &union) {
        out.push_str(&union);
        return Some(out);
    }
    // One member per line, each flat, after `| `.
    for (i, (_, member)) in members.iter().enumerate() {
        if i > 0 {
            out.push_str("\n  ");
        }
        out.push_str("| ");
        let at = out.len();
        if !member.write_flat(Parent::UnionMember, &mut out) {
            return None;
        }
        if i + 1 == members.len() {
            out.push(';');
        }
        if !fits_at(4, &out[at..]) {
            return None;
        }
    }
    Some(out)
}

/// Whether `line`, starting at column `column`, fits the page.
fn fits_at(column: usize, line: &str) -> bool {
    column + width(line) <= WIDTH
}

/// [`interface_property`](super::interface_property) laid out, when its
/// line fits: the property flat (its doc comment before it). `None` when
/// the layout engine is needed.
pub fn interface_property_text(m: &Member<'_>) -> Option<String> {
    interface_property_at(m, MEMBER_INDENT)
}

/// [`interface_property_text`] for a property at column `indent` (each
/// line of its doc comment too), without the first line's indentation.
pub fn interface_property_at(m: &Member<'_>, indent: usize) -> Option<String> {
    let mut out = String::with_capacity(capacity(&m.docs, ""));
    write_doc_comment(&m.docs, indent, &mut out);
    let start = out.len();
    write_property_key(&m.key, &mut out);
    out.push_str(if m.optional { "?: " } else { ": " });
    let flat = m.ty.write_flat(Parent::Annotation, &mut out);
    out.push(';');
    (flat && fits_at(indent, &out[start..])).then_some(out)
}

/// [`method_signature`](super::method_signature) laid out, with the
/// method's doc comment before it: the signature flat when it fits on its
/// line, else (with arguments, and unless the result is an object) one
/// argument per line and the result after `)`, each flat on its line.
/// `None` when the layout engine is needed.
pub fn method_text(docs: &[String], name: &str, params: &[(String, Ts<'_>)], ret: &Ts<'_>) -> Option<String> {
    let mut out = String::with_capacity(capacity(docs, name));
    write_doc_comment(docs, MEMBER_INDENT, &mut out);
    let start = out.len();
    out.push_str(name);
    out.push('(');
    // Each argument's text, for the broken layout.
    let mut args = Vec::with_capacity(params.len());
    for (i, (n, t)) in params.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let at = out.len();
        out.push_str(n);
        out.push_str(": ");
        if !t.write_flat(Parent::Annotation, &mut out) {
            return None;
        }
        args.push(at..out.len());
    }
    let close = out.len();
    out.push_str("): ");
    if !ret.write_flat(Parent::Annotation, &mut out) {
        return None;
    }
    out.push(';');
    if fits_at(MEMBER_INDENT, &out[start..]) {
        return Some(out);
    }
    // `method_signature` groups a lone argument with an object result,
    // which this layout does not follow.
    if params.is_empty() || (params.len() == 1 && ret.is_object()) {
        return None;
    }
    // The arguments break, each on its line with a trailing comma; the
    // result follows `)`.
    let indent = MEMBER_INDENT + INDENT;
    let mut broken = String::with_capacity(out.len() + params.len() * (indent + 2) + 4);
    broken.push_str(&out[..start + name.len() + 1]);
    for range in args {
        let arg = &out[range];
        if !fits_at(indent, arg) || !fits_at(indent + width(arg), ",") {
            return None;
        }
        broken.push('\n');
        broken.extend(std::iter::repeat_n(' ', indent));
        broken.push_str(arg);
        broken.push(',');
    }
    let result = &out[close..];
    if !fits_at(MEMBER_INDENT, result) {
        return None;
    }
    broken.push('\n');
    broken.extend(std::iter::repeat_n(' ', MEMBER_INDENT));
    broken.push_str(result);
    Some(broken)
}

/// A first capacity for the text of a declaration with doc comment `docs`
/// and name `name`: most fit in it, so the text is not copied as it grows.
fn capacity(docs: &[String], name: &str) -> usize {
    docs.iter().map(|d| d.len() + 8).sum::<usize>() + name.len() + 96
}
