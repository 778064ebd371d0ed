//! The layout of a type expression as a [`Doc`] for the layout engine:
//! Prettier's classification of types (object, simple, hugging) and how it
//! prints each kind below each [`Parent`].

use super::comment::doc_comment;
use super::literal::{property_key, quote};
use super::tree::{Docs, Ids, Member, Parent, Ts};
use crate::backend::ts::doc::{
    Doc, align, broken_group, concat, group, hardline, if_break, indent, join, line, softline, text,
};

impl Ts<'_> {
    /// Prettier's "object type": a type literal.
    pub(super) fn is_object(&self) -> bool {
        matches!(self, Ts::Object(_) | Ts::Index(_))
    }

    /// Prettier's "simple type": a keyword, or a name without arguments.
    fn is_simple(&self) -> bool {
        matches!(self, Ts::Keyword(k) if *k != "null") || matches!(self, Ts::Ref(_, args) if args.is_empty())
    }

    /// Prettier's "object-like type", for hugging `T | null`.
    fn is_object_like(&self) -> bool {
        matches!(self, Ts::Object(_) | Ts::Index(_) | Ts::Ref(..))
    }

    fn should_hug(&self) -> bool {
        match self {
            Ts::Union(members) => hugs(members),
            other => other.is_simple() || other.is_object(),
        }
    }

    /// The layout of this type below `parent`.
    pub fn doc(&self, parent: Parent, ids: &Ids) -> Doc<'_> {
        match self {
            Ts::Keyword(k) => text(*k),
            Ts::Literal(s) => text(quote(s)),
            Ts::Ref(name, args) if args.is_empty() => text(name.as_ref()),
            Ts::Ref(name, args) => concat([text(name.as_ref()), type_arguments(args, ids)]),
            Ts::Array(elem) => concat([elem.doc(Parent::Array, ids), text("[]")]),
            Ts::Tuple(items) => tuple(items, ids),
            Ts::Object(members) => object(members, false, ids),
            Ts::Index(value) => group(concat([
                text("{"),
                indent(concat([line(), text("[key: string]: "), value.doc(Parent::Annotation, ids)])),
                if_break(text(";"), text("")),
                line(),
                text("}"),
            ])),
            Ts::Union(members) => union(members, parent, ids),
            Ts::Intersection(types) if matches!(parent, Parent::UnionMember | Parent::Array) => {
                concat([text("("), intersection(types, ids), text(")")])
            }
            Ts::Intersection(types) => intersection(types, ids),
        }
    }
}

/// Whether a union's members print between ` | ` without breaking: one
/// object-like member, the others `null` or `void`, and no doc comments.
pub(super) fn hugs(members: &[(Docs<'_>, Ts<'_>)]) -> bool {
    if members.iter().any(|(docs, _)| !docs.is_empty()) {
        return false;
    }
    let objects = members.iter().filter(|(_, m)| m.is_object_like()).count();
    let voids = members.iter().filter(|(_, m)| matches!(m, Ts::Keyword("null" | "void"))).count();
    objects == 1 && objects + voids == members.len()
}

/// `<A, B>` after a type name.
fn type_arguments<'s>(args: &'s [Ts<'_>], ids: &Ids) -> Doc<'s> {
    if args.len() == 1 && args[0].should_hug() {
        return concat([text("<"), args[0].doc(Parent::TypeArgument, ids), text(">")]);
    }
    group(concat([
        text("<"),
        indent(concat([
            softline(),
            join(concat([text(","), line()]), args.iter().map(|a| a.doc(Parent::TypeArgument, ids))),
        ])),
        softline(),
        text(">"),
    ]))
}

fn tuple<'s>(items: &'s [Ts<'_>], ids: &Ids) -> Doc<'s> {
    if items.is_empty() {
        return text("[]");
    }
    group(concat([
        text("["),
        indent(concat([
            softline(),
            join(concat([text(","), line()]), items.iter().map(|t| t.doc(Parent::Tuple(items.len()), ids))),
        ])),
        if_break(text(","), text("")),
        softline(),
        text("]"),
    ]))
}

/// `{ a: A; b?: B }`; `always_broken` for interface bodies.
pub fn object<'s>(members: &'s [Member<'_>], always_broken: bool, ids: &Ids) -> Doc<'s> {
    if members.is_empty() {
        return text("{}");
    }
    let body = concat([
        text("{"),
        indent(concat([line(), join(concat([text(";"), line()]), members.iter().map(|m| member(m, ids)))])),
        if_break(text(";"), text("")),
        line(),
        text("}"),
    ]);
    if always_broken { broken_group(body) } else { group(body) }
}

pub(super) fn member<'s>(m: &'s Member<'_>, ids: &Ids) -> Doc<'s> {
    concat([
        doc_comment(&m.docs),
        property_key(&m.key),
        text(if m.optional { "?: " } else { ": " }),
        m.ty.doc(Parent::Annotation, ids),
    ])
}

pub(super) fn union<'s>(members: &'s [(Docs<'_>, Ts<'_>)], parent: Parent, ids: &Ids) -> Doc<'s> {
    if hugs(members) {
        let hugged = join(text(" | "), members.iter().map(|(_, m)| m.doc(Parent::UnionMember, ids)));
        return match parent {
            Parent::Array | Parent::Intersection => concat([text("("), hugged, text(")")]),
            _ => hugged,
        };
    }
    let code = union_code(members, ids);
    match parent {
        Parent::Array | Parent::Intersection => {
            concat([text("("), group(concat([indent(concat([softline(), code])), softline()])), text(")")])
        }
        Parent::Tuple(n) if n > 1 => group(concat([
            indent(concat([if_break(concat([text("("), softline()]), text("")), code])),
            softline(),
            if_break(text(")"), text("")),
        ])),
        Parent::Alias | Parent::TypeArgument | Parent::Tuple(_) => code,
        Parent::Annotation | Parent::UnionMember => group(indent(concat([softline(), code]))),
    }
}

/// The members of a broken-or-flat union: `| A` lines when broken.
fn union_code<'s>(members: &'s [(Docs<'_>, Ts<'_>)], ids: &Ids) -> Doc<'s> {
    group(concat(members.iter().enumerate().map(|(i, (_, m))| {
        let prefix = if i == 0 { if_break(text("| "), text("")) } else { concat([line(), text("| ")]) };
        concat([prefix, align(2, m.doc(Parent::UnionMember, ids))])
    })))
}

/// [`union`] below `type X =`, the first member's comment left to the caller.
pub(super) fn union_without_first_docs<'s>(members: &'s [(Docs<'_>, Ts<'_>)], ids: &Ids) -> Doc<'s> {
    let undocumented = |m: &(Docs<'_>, Ts<'_>)| m.0.is_empty();
    if members.iter().skip(1).all(undocumented) && hugs_ignoring_docs(members) {
        return join(text(" | "), members.iter().map(|(_, m)| m.doc(Parent::UnionMember, ids)));
    }
    union_code(members, ids)
}

fn hugs_ignoring_docs(members: &[(Docs<'_>, Ts<'_>)]) -> bool {
    let objects = members.iter().filter(|(_, m)| m.is_object_like()).count();
    let voids = members.iter().filter(|(_, m)| matches!(m, Ts::Keyword("null" | "void"))).count();
    objects == 1 && objects + voids == members.len()
}

/// A union on the right of `type X =` whose members carry doc comments:
/// the comments go before each `| member` line, so the union is broken.
pub fn documented_union<'s>(members: &'s [(Docs<'_>, Ts<'_>)], ids: &Ids) -> Doc<'s> {
    let lines = members
        .iter()
        .map(|(docs, m)| concat([doc_comment(docs), text("| "), align(2, m.doc(Parent::Annotation, ids))]));
    concat([hardline(), join(hardline(), lines)])
}

fn intersection<'s>(types: &'s [Ts<'_>], ids: &Ids) -> Doc<'s> {
    let mut parts = Vec::new();
    let mut was_indented = false;
    for (i, t) in types.iter().enumerate() {
        let doc = t.doc(Parent::Intersection, ids);
        if i == 0 {
            parts.push(doc);
            continue;
        }
        let (prev, cur) = (types[i - 1].is_object(), t.is_object());
        if prev && cur {
            parts.push(concat([text(" & "), if was_indented { indent(doc) } else { doc }]));
        } else if !prev && !cur {
            parts.push(indent(concat([text(" &"), line(), doc])));
        } else {
            if i > 1 {
                was_indented = true;
            }
            parts.push(concat([text(" & "), if i > 1 { indent(doc) } else { doc }]));
        }
    }
    group(concat(parts))
}
