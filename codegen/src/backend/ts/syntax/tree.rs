//! The TypeScript type expressions dogen writes, as a tree: [`Ts`], its
//! object members, and where a type sits in its parent ([`Parent`]).

use std::borrow::Cow;

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
}
