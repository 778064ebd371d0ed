//! The few TypeScript type expressions dogen writes, as a tree, and their
//! layout: each printed as Prettier's TypeScript printer prints the same
//! syntax (see [`super::doc`]).

use std::borrow::Cow;

use super::doc::{
    Doc, align, broken_group, concat, group, group_with_id, hardline, if_break, indent, indent_if_break, join, line,
    softline, text, will_break,
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
    let doubles = s.matches('"').count();
    let singles = s.matches('\'').count();
    let q = if doubles > singles { '\'' } else { '"' };
    let mut out = String::with_capacity(s.len() + 2);
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
    out
}

/// A property key: bare if it is an identifier name, quoted otherwise.
pub fn property_key(key: &str) -> Doc<'_> {
    if is_identifier_name(key) { text(key) } else { text(quote(key)) }
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

    #[test]
    fn long_unions_break_with_leading_bars() {
        let members = (0..6).map(|i| (NO_DOCS, Ts::Literal(format!("VariantNumber{i}").into()))).collect::<Vec<_>>();
        let printed = show(&Ts::Union(members));
        assert!(printed.starts_with("export type T =\n  | \"VariantNumber0\"\n"), "{printed}");
        assert!(printed.ends_with("  | \"VariantNumber5\";"), "{printed}");
    }
}
