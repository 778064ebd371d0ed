//! The few TypeScript type expressions dogen writes, as a tree, and their
//! layout: each printed as Prettier's TypeScript printer prints the same
//! syntax (see [`super::doc`]).

use std::borrow::Cow;

use super::doc::{
    Doc, INDENT, WIDTH, align, broken_group, concat, group, group_with_id, hardline, if_break, indent, indent_if_break,
    join, line, print, softline, text, width, will_break,
};

/// A TypeScript type expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Ts<'a> {
    /// `string`, `number`, `boolean`, `null`, `void`, `never`.
    Keyword(&'static str),
    /// A string literal type: `"Circle"`.
    Literal(Cow<'a, str>),
    /// A named type with type arguments: `Page<Item>`, `Record<string, T>`.
    Ref(Cow<'a, str>, Vec<Ts<'a>>),
    /// `T[]`.
    Array(Box<Ts<'a>>),
    /// `[A, B]`.
    Tuple(Vec<Ts<'a>>),
    /// `{ a: A; b?: B }`.
    Object(Vec<Member<'a>>),
    /// `{ [key: string]: V }`: a map whose value refers back to the type
    /// being declared (`Record<string, V>` there is a circular alias).
    Index(Box<Ts<'a>>),
    /// `A | B`, each member with its doc comment.
    Union(Vec<(Docs<'a>, Ts<'a>)>),
    /// `A & B`.
    Intersection(Vec<Ts<'a>>),
}

/// Doc comment lines, borrowed from the model or made here.
pub type Docs<'a> = Cow<'a, [String]>;

/// No doc comment.
pub const NO_DOCS: Docs<'static> = Cow::Borrowed(&[]);

/// One property of an object type.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// Its doc comment, one entry per line.
    pub docs: Docs<'a>,
    /// The key, unquoted.
    pub key: Cow<'a, str>,
    /// `?`.
    pub optional: bool,
    /// The value's type.
    pub ty: Ts<'a>,
}

/// Where a type is printed: Prettier lays some syntax out differently
/// depending on its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parent {
    /// The right side of `type X =`.
    Alias,
    /// A type annotation: `key: T`, `(arg: T)`, `): T`.
    Annotation,
    /// A type argument: `Promise<T>`.
    TypeArgument,
    /// An element of a tuple with this many elements.
    Tuple(usize),
    /// The element of an array type: `T[]`.
    Array,
    /// A member of an intersection.
    Intersection,
    /// A member of a union.
    UnionMember,
}

/// Allocates group ids, unique within one document.
#[derive(Debug, Default)]
pub struct Ids(std::cell::Cell<usize>);

impl Ids {
    /// A fresh id.
    pub fn next(&self) -> usize {
        let id = self.0.get();
        self.0.set(id + 1);
        id
    }
}

impl<'a> Ts<'a> {
    /// `T | null`, without repeating `null`.
    pub fn nullable(self) -> Ts<'a> {
        let null = Ts::Keyword("null");
        match self {
            Ts::Keyword("null") => self,
            Ts::Union(mut members) => {
                if !members.iter().any(|(_, m)| *m == null) {
                    members.push((NO_DOCS, null));
                }
                Ts::Union(members)
            }
            other => Ts::Union(vec![(NO_DOCS, other), (NO_DOCS, null)]),
        }
    }

    /// A union of `members`, flattening nested unions; one member is itself.
    pub fn union(members: Vec<(Docs<'a>, Ts<'a>)>) -> Ts<'a> {
        let mut flat = Vec::new();
        for (docs, member) in members {
            match member {
                Ts::Union(inner) if docs.is_empty() => flat.extend(inner),
                other => flat.push((docs, other)),
            }
        }
        match flat.len() {
            0 => Ts::Keyword("never"),
            1 if flat[0].0.is_empty() => flat.remove(0).1,
            _ => Ts::Union(flat),
        }
    }

    /// Prettier's "object type": a type literal.
    fn is_object(&self) -> bool {
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
    /// `key: T` as [`member`] prints it flat; `false` if it has a doc
    /// comment (see [`Ts::write_flat`]).
    fn write_flat(&self, out: &mut String) -> bool {
        if !self.docs.is_empty() {
            return false;
        }
        write_property_key(&self.key, out);
        out.push_str(if self.optional { "?: " } else { ": " });
        self.ty.write_flat(Parent::Annotation, out)
    }
}

fn hugs(members: &[(Docs<'_>, Ts<'_>)]) -> bool {
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

fn member<'s>(m: &'s Member<'_>, ids: &Ids) -> Doc<'s> {
    concat([
        doc_comment(&m.docs),
        property_key(&m.key),
        text(if m.optional { "?: " } else { ": " }),
        m.ty.doc(Parent::Annotation, ids),
    ])
}

fn union<'s>(members: &'s [(Docs<'_>, Ts<'_>)], parent: Parent, ids: &Ids) -> Doc<'s> {
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
fn union_without_first_docs<'s>(members: &'s [(Docs<'_>, Ts<'_>)], ids: &Ids) -> Doc<'s> {
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
    let mut out = String::new();
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
fn print_member(doc: Doc<'_>) -> String {
    print(&indent(concat([hardline(), doc]))).trim_start().to_owned()
}

/// Whether `line`, starting at column `column`, fits the page.
fn fits_at(column: usize, line: &str) -> bool {
    column + width(line) <= WIDTH
}

/// [`interface_property`] laid out, when its line fits: the property flat
/// (its doc comment before it). `None` when the layout engine is needed.
pub fn interface_property_text(m: &Member<'_>) -> Option<String> {
    interface_property_at(m, MEMBER_INDENT)
}

/// [`interface_property_text`] for a property at column `indent` (each
/// line of its doc comment too), without the first line's indentation.
pub fn interface_property_at(m: &Member<'_>, indent: usize) -> Option<String> {
    let mut out = String::new();
    write_doc_comment(&m.docs, indent, &mut out);
    let start = out.len();
    write_property_key(&m.key, &mut out);
    out.push_str(if m.optional { "?: " } else { ": " });
    let flat = m.ty.write_flat(Parent::Annotation, &mut out);
    out.push(';');
    (flat && fits_at(indent, &out[start..])).then_some(out)
}

/// [`method_signature`] laid out, with the method's doc comment before it:
/// the signature flat when it fits on its line, else (with arguments, and
/// unless the result is an object) one argument per line and the result
/// after `)`, each flat on its line. `None` when the layout engine is
/// needed.
pub fn method_text(docs: &[String], name: &str, params: &[(String, Ts<'_>)], ret: &Ts<'_>) -> Option<String> {
    let mut out = String::new();
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

/// `/** ... */` and a line break, or nothing for no docs.
pub fn doc_comment(docs: &[String]) -> Doc<'static> {
    let lines = tsdoc_lines(docs);
    match lines.as_slice() {
        [] => text(""),
        [one] => concat([text(format!("/** {one} */")), hardline()]),
        many => {
            let mut parts = vec![text("/**"), hardline()];
            for l in many {
                parts.push(text(if l.is_empty() { " *".to_owned() } else { format!(" * {l}") }));
                parts.push(hardline());
            }
            parts.push(text(" */"));
            parts.push(hardline());
            concat(parts)
        }
    }
}

/// What [`doc_comment`] prints at indentation `indent`, at the end of
/// `out`: each line, then a line break and the indentation.
pub fn write_doc_comment(docs: &[String], indent: usize, out: &mut String) {
    let newline = |out: &mut String| {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', indent));
    };
    // One line with nothing to escape, the usual comment: no copies.
    if let [one] = docs
        && !one.contains('\n')
        && !one.contains("*/")
    {
        let one = one.trim_end();
        if !one.is_empty() {
            out.push_str("/** ");
            out.push_str(one);
            out.push_str(" */");
            newline(out);
        }
        return;
    }
    let lines = tsdoc_lines(docs);
    match lines.as_slice() {
        [] => {}
        [one] => {
            out.push_str("/** ");
            out.push_str(one);
            out.push_str(" */");
            newline(out);
        }
        many => {
            out.push_str("/**");
            newline(out);
            for l in many {
                out.push_str(" *");
                if !l.is_empty() {
                    out.push(' ');
                    out.push_str(l);
                }
                newline(out);
            }
            out.push_str(" */");
            newline(out);
        }
    }
}

/// Rust doc lines as TSDoc lines: block docs split, outer blank lines
/// dropped, `*/` escaped.
pub fn tsdoc_lines(docs: &[String]) -> Vec<String> {
    let mut lines: Vec<String> =
        docs.iter().flat_map(|d| d.split('\n')).map(|l| l.trim_end().replace("*/", "*\\/")).collect();
    while lines.first().is_some_and(String::is_empty) {
        lines.remove(0);
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// A string literal as Prettier writes it: double quotes unless the text
/// holds more double than single quotes.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    quote_into(s, &mut out);
    out
}

/// [`quote`], at the end of `out`.
pub fn quote_into(s: &str, out: &mut String) {
    let doubles = s.matches('"').count();
    let singles = s.matches('\'').count();
    let q = if doubles > singles { '\'' } else { '"' };
    out.push(q);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(q);
}

/// A property key: bare if it is an identifier name, quoted otherwise.
pub fn property_key(key: &str) -> Doc<'_> {
    if is_identifier_name(key) { text(key) } else { text(quote(key)) }
}

/// [`property_key`], at the end of `out`.
pub fn write_property_key(key: &str, out: &mut String) {
    if is_identifier_name(key) {
        out.push_str(key);
    } else {
        quote_into(key, out);
    }
}

/// Whether `name` can be written unquoted as a property name (reserved
/// words can: `{ default: T }`).
pub fn is_identifier_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

#[cfg(test)]
mod tests {
    use super::super::doc::print;
    use super::*;

    fn show(ty: &Ts) -> String {
        print(&type_alias("T", &[], ty, &Ids::default()))
    }

    #[test]
    fn quotes_like_prettier() {
        assert_eq!(quote("a"), "\"a\"");
        assert_eq!(quote("say \"hi\""), "'say \"hi\"'");
        assert_eq!(quote("it's"), "\"it's\"");
        assert_eq!(quote("a\\b"), "\"a\\\\b\"");
    }

    #[test]
    fn nullable_does_not_repeat_null() {
        let t = Ts::Keyword("string").nullable().nullable();
        assert_eq!(show(&t), "export type T = string | null;");
    }

    /// A small deterministic generator of types whose flat widths fall on
    /// both sides of the page width.
    struct Gen(u64);

    impl Gen {
        fn next(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }

        fn name(&mut self) -> String {
            let longest = if self.next(4) == 0 { 30 } else { 8 };
            let len = 1 + self.next(longest) as usize;
            (0..len).map(|i| if i == 0 { 'T' } else { char::from(b'a' + self.next(26) as u8) }).collect()
        }

        fn docs(&mut self) -> Docs<'static> {
            match self.next(8) {
                0 => Cow::Owned(vec!["A comment.".to_owned()]),
                1 => Cow::Owned(vec!["Two".to_owned(), "lines.".to_owned()]),
                _ => NO_DOCS,
            }
        }

        fn member(&mut self, depth: usize) -> Member<'static> {
            Member {
                docs: self.docs(),
                key: self.name().to_lowercase().into(),
                optional: self.next(2) == 0,
                ty: self.ty(depth),
            }
        }

        fn ty(&mut self, depth: usize) -> Ts<'static> {
            let leaf = depth == 0 || self.next(3) == 0;
            match if leaf { self.next(3) } else { 3 + self.next(7) } {
                0 => Ts::Keyword(["string", "number", "null", "boolean"][self.next(4) as usize]),
                1 => Ts::Literal(self.name().into()),
                2 => Ts::Ref(self.name().into(), Vec::new()),
                3 => Ts::Ref(self.name().into(), (0..1 + self.next(3)).map(|_| self.ty(depth - 1)).collect()),
                4 => Ts::Array(Box::new(self.ty(depth - 1))),
                5 => Ts::Tuple((0..self.next(4)).map(|_| self.ty(depth - 1)).collect()),
                6 => Ts::Object((0..self.next(4)).map(|_| self.member(depth - 1)).collect()),
                7 => Ts::Index(Box::new(self.ty(depth - 1))),
                8 => Ts::union((0..1 + self.next(5)).map(|_| (self.docs(), self.ty(depth - 1))).collect()),
                _ => Ts::Intersection((0..2 + self.next(2)).map(|_| self.ty(depth - 1)).collect()),
            }
        }
    }

    #[test]
    fn the_fast_layouts_agree_with_the_engine() {
        let mut g = Gen(0x9e37_79b9_7f4a_7c15);
        let mut fast = [0; 3];
        for _ in 0..20_000 {
            let ids = Ids::default();
            let ty = g.ty(3);
            let name = g.name();
            let params: Vec<(String, Option<Ts>)> =
                (0..g.next(3)).map(|_| (g.name(), if g.next(3) == 0 { Some(g.ty(1)) } else { None })).collect();
            let docs: Vec<String> = g.docs().into_owned();
            if let Some(text) = type_alias_text(&docs, &name, &params, &ty) {
                fast[0] += 1;
                let slow = print(&concat([doc_comment(&docs), type_alias(&name, &params, &ty, &ids)]));
                assert_eq!(text, slow, "{ty:?}");
            }
            let member = g.member(3);
            if let Some(text) = interface_property_text(&member) {
                fast[1] += 1;
                assert_eq!(text, print_member(interface_property(&member, &ids)), "{member:?}");
            }
            let args: Vec<(String, Ts)> = (0..g.next(4)).map(|_| (g.name().to_lowercase(), g.ty(2))).collect();
            let ret = Ts::Ref("Promise".into(), vec![g.ty(2)]);
            if let Some(text) = method_text(&docs, &name, &args, &ret) {
                fast[2] += 1;
                let slow = concat([doc_comment(&docs), method_signature(&name, &args, &ret, &ids)]);
                assert_eq!(text, print_member(slow), "{args:?} {ret:?}");
            }
        }
        // Each fast path took a fair share of the cases.
        assert!(fast.iter().all(|&n| n > 2_000), "{fast:?}");
    }

    #[test]
    fn long_unions_break_with_leading_bars() {
        let members = (0..6).map(|i| (NO_DOCS, Ts::Literal(format!("VariantNumber{i}").into()))).collect::<Vec<_>>();
        let printed = show(&Ts::Union(members));
        assert!(printed.starts_with("export type T =\n  | \"VariantNumber0\"\n"), "{printed}");
        assert!(printed.ends_with("  | \"VariantNumber5\";"), "{printed}");
    }
}
