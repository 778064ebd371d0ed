//! Declarations laid out by the layout engine: type aliases, interfaces
//! and their members, method signatures; and the check of a directly
//! written declaration against the engine's.

use super::comment::doc_comment;
use super::layout::{documented_union, hugs, member, union, union_without_first_docs};
use super::tree::{Ids, Member, Parent, Ts};
use crate::backend::ts::doc::{
    Doc, broken_group, concat, group, group_with_id, hardline, if_break, indent, indent_if_break, join, line, print,
    softline, text, will_break,
};

/// `export type Name<P> = T;`, laid out as Prettier lays out assignments.
pub fn type_alias<'s>(name: &'s str, params: &'s [(String, Option<Ts<'_>>)], ty: &'s Ts<'_>, ids: &Ids) -> Doc<'s> {
    let left = concat([text("export type "), text(name), type_parameters(params, ids)]);
    let break_after_operator = |right: Doc<'s>| -> Doc<'s> {
        concat([group(concat([group(left.clone()), text(" ="), group(indent(concat([line(), right])))])), text(";")])
    };
    if let Ts::Union(members) = ty {
        let documented = members.iter().filter(|(d, _)| !d.is_empty()).count();
        if documented == 1 && !members[0].0.is_empty() {
            // The first member's comment is the union's own: it goes after
            // `=`, before the union.
            let right = concat([doc_comment(&members[0].0), union_without_first_docs(members, ids)]);
            return break_after_operator(right);
        }
        if documented > 0 {
            // Comments before each documented `| member` line.
            let right = documented_union(members, ids);
            return concat([group(concat([group(left), text(" ="), indent(right)])), text(";")]);
        }
        if !hugs(members) {
            return break_after_operator(union(members, Parent::Alias, ids));
        }
    }
    let complex_params = params.len() > 1 && params.iter().any(|(_, d)| d.is_some());
    let doc = if complex_params {
        group(concat([left, text(" = "), group(ty.doc(Parent::Alias, ids))]))
    } else {
        let id = ids.next();
        group(concat([
            group(left),
            text(" ="),
            group_with_id(indent(line()), id),
            indent_if_break(id, ty.doc(Parent::Alias, ids)),
        ]))
    };
    concat([doc, text(";")])
}

/// `<T, U = number>` after a declared name.
pub fn type_parameters<'s>(params: &'s [(String, Option<Ts<'_>>)], ids: &Ids) -> Doc<'s> {
    if params.is_empty() {
        return text("");
    }
    let printed = params.iter().map(|(name, default)| match default {
        None => text(name.as_str()),
        Some(d) => {
            let id = ids.next();
            group(concat([
                text(name.as_str()),
                text(" ="),
                group_with_id(indent(line()), id),
                indent_if_break(id, d.doc(Parent::Annotation, ids)),
            ]))
        }
    });
    group(concat([
        text("<"),
        indent(concat([softline(), join(concat([text(","), line()]), printed)])),
        if_break(text(","), text("")),
        softline(),
        text(">"),
    ]))
}

/// One method of an interface: `name(a: A, b: B): R;`.
pub fn method_signature<'s>(name: &'s str, params: &'s [(String, Ts<'_>)], ret: &'s Ts<'_>, ids: &Ids) -> Doc<'s> {
    let ret_doc = concat([text(": "), ret.doc(Parent::Annotation, ids)]);
    let params_doc = if params.is_empty() {
        text("()")
    } else {
        concat([
            text("("),
            indent(concat([
                softline(),
                join(
                    concat([text(","), line()]),
                    params.iter().map(|(n, t)| concat([text(n.as_str()), text(": "), t.doc(Parent::Annotation, ids)])),
                ),
            ])),
            if_break(text(","), text("")),
            softline(),
            text(")"),
        ])
    };
    let grouped = params.len() == 1 && (ret.is_object() || will_break(&ret_doc));
    let params_doc = if grouped { group(params_doc) } else { params_doc };
    concat([group(concat([text(name), params_doc, group(ret_doc)])), text(";")])
}

/// `export interface Name extends Base { ... }`, members on their own lines.
pub fn interface<'s>(name: &'s str, params: Doc<'s>, extends: Option<&'s str>, members: Vec<Doc<'s>>) -> Doc<'s> {
    let mut head = vec![text("export interface "), text(name), params];
    if let Some(base) = extends {
        head.push(group(indent(concat([line(), text("extends "), text(base)]))));
    }
    head.push(text(" "));
    if members.is_empty() {
        head.push(text("{}"));
    } else {
        head.push(broken_group(concat([
            text("{"),
            indent(concat([hardline(), join(hardline(), members)])),
            hardline(),
            text("}"),
        ])));
    }
    concat(head)
}

/// An interface member: its doc comment, then the property.
pub fn interface_property<'s>(m: &'s Member<'_>, ids: &Ids) -> Doc<'s> {
    concat([member(m, ids), text(";")])
}

/// A member of an interface body, for [`print_interface`]: laid out
/// already, or a document to lay out.
pub enum Piece<'s> {
    /// The member as [`print_interface`] prints it, lines after the first
    /// indented by [`MEMBER_INDENT`].
    Text(String),
    /// The member's document.
    Doc(Doc<'s>),
}

/// The indentation of an interface's members.
pub const MEMBER_INDENT: usize = 2;

impl Piece<'_> {
    /// The member laid out by the caller, `fast`, checked against the
    /// layout engine's `slow` in debug builds (tests run both), or `slow`
    /// when there is no `fast`.
    pub fn either<'s>(fast: Option<String>, slow: impl FnOnce() -> Doc<'s>) -> Piece<'s> {
        match fast {
            Some(text) => {
                debug_assert_eq!(text, print_member(slow()), "the member's fast layout differs from the engine's");
                Piece::Text(text)
            }
            None => Piece::Doc(slow()),
        }
    }
}

/// `fast`, the text of a piece of a file written directly, checked
/// against `slow`, the layout engine's, in debug builds (tests run both);
/// `slow` when there is no `fast`.
pub fn checked(fast: Option<String>, slow: impl FnOnce() -> String) -> String {
    match fast {
        Some(text) => {
            debug_assert_eq!(text, slow(), "the fast layout differs from the engine's");
            text
        }
        None => slow(),
    }
}

/// A member's document printed as [`print_interface`] prints it.
pub(super) fn print_member(doc: Doc<'_>) -> String {
    print(&indent(concat([hardline(), doc]))).trim_start().to_owned()
}

/// What `print(&concat([doc_comment(docs), interface(name, params,
/// extends, members)]))` prints, with members laid out apart: each starts
/// a line at [`MEMBER_INDENT`], in break mode, as inside the interface's
/// broken body, and no layout decision in one member depends on another.
pub fn print_interface(
    docs: &[String],
    name: &str,
    params: Doc<'_>,
    extends: Option<&str>,
    members: Vec<Piece<'_>>,
) -> String {
    if members.is_empty() {
        return print(&concat([doc_comment(docs), interface(name, params, extends, Vec::new())]));
    }
    // The head, up to `{`: what follows it (a line break) adds nothing to
    // the line its groups measure.
    let mut head = vec![doc_comment(docs), text("export interface "), text(name), params];
    if let Some(base) = extends {
        head.push(group(indent(concat([line(), text("extends "), text(base)]))));
    }
    head.push(text(" {"));
    let mut out = print(&concat(head));
    // Room for the members laid out already, so the text is not copied as it grows.
    out.reserve(
        members.iter().map(|m| 1 + MEMBER_INDENT + if let Piece::Text(t) = m { t.len() } else { 0 }).sum::<usize>() + 2,
    );
    for member in members {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', MEMBER_INDENT));
        match member {
            Piece::Text(t) => out.push_str(&t),
            Piece::Doc(d) => out.push_str(&print_member(d)),
        }
    }
    out.push_str("\n}");
    out
}
