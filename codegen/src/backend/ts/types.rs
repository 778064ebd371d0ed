//! model → TypeScript types: what each wire shape and serde type is in
//! TypeScript. The mapping is described in `docs/typescript.md`.

use std::borrow::Cow;

use dogen_interface::parse::{lower_camel_case, name_of, with_name_of};
use syn::ext::IdentExt as _;

use super::doc::{concat, print, text};
use super::syntax::{self, Ids, Member, NO_DOCS, Piece, Ts};
use crate::model::{Api, Field, Interface, Object, Output, Shape, Tagging, TypeBody, TypeDef, VariantBody};
use crate::wire::model::Source;

/// The name of the result type of `Result<T, E>` methods.
pub const DURABLE_RESULT: &str = "DurableResult";

/// Converts shapes to TypeScript inside one definition (or outside any).
/// The types it makes borrow names from the model.
pub struct Types<'a> {
    api: &'a Api,
    /// The definition being converted, for its type parameters and `Self`.
    scope: Option<&'a TypeDef>,
}

impl<'a> Types<'a> {
    /// Conversion outside any definition: method arguments and results.
    pub fn new(api: &'a Api) -> Self {
        Types { api, scope: None }
    }

    /// Conversion inside `def`.
    pub fn within(api: &'a Api, def: &'a TypeDef) -> Self {
        Types { api, scope: Some(def) }
    }

    /// The TypeScript type of a wire shape.
    pub fn shape(&self, shape: &'a Shape) -> Ts<'a> {
        match shape {
            Shape::Unit => Ts::Keyword("null"),
            Shape::Bool => Ts::Keyword("boolean"),
            Shape::Int(_) | Shape::Float(_) => Ts::Keyword("number"),
            Shape::Char | Shape::String => Ts::Keyword("string"),
            // serde-wasm-bindgen writes bytes as a `Uint8Array` (and reads
            // one, or an array of numbers); JSON has arrays of numbers.
            Shape::Bytes => Ts::Ref("Uint8Array".into(), Vec::new()),
            Shape::Option(inner) => self.shape(inner).nullable(),
            Shape::Seq(inner) => Ts::Array(Box::new(self.shape(inner))),
            Shape::Array(inner, n) => Ts::Tuple(vec![self.shape(inner); *n]),
            Shape::Tuple(items) => Ts::Tuple(items.iter().map(|s| self.shape(s)).collect()),
            Shape::Map(k, v) => self.map(k, v),
            Shape::Named(name, args) => {
                if name == "Self"
                    && let Some(def) = self.scope
                {
                    let params = def
                        .generics
                        .iter()
                        .map(|p| Ts::Ref(type_name(&name_of(&p.ident)).into_owned().into(), Vec::new()))
                        .collect();
                    return Ts::Ref(type_name(&name_of(&def.ident)).into_owned().into(), params);
                }
                let name = name.strip_prefix("r#").unwrap_or(name);
                Ts::Ref(type_name(name), args.iter().map(|s| self.shape(s)).collect())
            }
        }
    }

    /// A map: a plain object keyed by strings, numbers or an enum's names.
    fn map(&self, key: &'a Shape, value_shape: &'a Shape) -> Ts<'a> {
        let value = self.shape(value_shape);
        match self.key(key, 0) {
            Key::Number => Ts::Ref("Record".into(), vec![Ts::Keyword("number"), value]),
            Key::String if self.refers_to_scope(value_shape, 0) => Ts::Index(Box::new(value)),
            Key::String => Ts::Ref("Record".into(), vec![Ts::Keyword("string"), value]),
            Key::Enum(name) => Ts::Ref(
                "Partial".into(),
                vec![Ts::Ref("Record".into(), vec![Ts::Ref(type_name(name), Vec::new()), value])],
            ),
        }
    }

    /// Whether `shape` names the definition being declared (`Self` or its
    /// name), so a `Record<string, ..>` of it would be a circular alias.
    fn refers_to_scope(&self, shape: &Shape, depth: usize) -> bool {
        let Some(def) = self.scope else { return false };
        if depth > dogen_interface::shape::MAX_DEPTH {
            return false;
        }
        match shape {
            Shape::Named(name, args) => {
                name == "Self"
                    || def.ident.unraw() == name.strip_prefix("r#").unwrap_or(name)
                    || args.iter().any(|a| self.refers_to_scope(a, depth + 1))
            }
            Shape::Option(s) | Shape::Seq(s) | Shape::Array(s, _) => self.refers_to_scope(s, depth + 1),
            Shape::Map(k, v) => self.refers_to_scope(k, depth + 1) || self.refers_to_scope(v, depth + 1),
            Shape::Tuple(items) => items.iter().any(|s| self.refers_to_scope(s, depth + 1)),
            _ => false,
        }
    }

    fn key(&self, key: &'a Shape, depth: usize) -> Key<'a> {
        match key {
            Shape::Int(_) => Key::Number,
            Shape::Named(name, _) if depth < 32 => match self.api.type_def(name).map(|d| &d.body) {
                Some(TypeBody::Alias(t) | TypeBody::Transparent(t)) => self.key(&t.shape, depth + 1),
                Some(TypeBody::Enum(_)) => Key::Enum(name.strip_prefix("r#").unwrap_or(name)),
                _ => Key::String,
            },
            _ => Key::String,
        }
    }

    /// The declaration of `def` with its doc comment, laid out.
    pub fn declaration(&self, def: &'a TypeDef, ids: &Ids) -> String {
        let name = type_name(&name_of(&def.ident)).into_owned();
        let params: Vec<(String, Option<Ts<'a>>)> = def
            .generics
            .iter()
            .map(|p| (type_name(&name_of(&p.ident)).into_owned(), p.default.as_ref().map(|d| self.shape(&d.shape))))
            .collect();
        let alias = |ty: Ts<'a>| {
            let slow =
                || print(&concat([syntax::doc_comment(&def.docs), syntax::type_alias(&name, &params, &ty, ids)]));
            syntax::checked(syntax::type_alias_text(&def.docs, &name, &params, &ty), slow)
        };
        match &def.body {
            // dogen's own JSON types are interfaces: TypeScript then expands
            // them lazily, where an alias recursing through arrays and index
            // signatures is too deep for the RPC stub types of workers-types.
            TypeBody::Transparent(t)
                if matches!(def.source, Source::Builtin(_)) && matches!(t.shape, Shape::Seq(_) | Shape::Map(..)) =>
            {
                let (ty, array) = match &t.shape {
                    Shape::Seq(item) => (Ts::Ref("Array".into(), vec![self.shape(item)]), true),
                    Shape::Map(_, value) => (self.shape(value), false),
                    _ => unreachable!("matched above"),
                };
                let decl = if array {
                    concat([
                        text("export interface "),
                        text(name.clone()),
                        text(" extends "),
                        ty.doc(syntax::Parent::Annotation, ids),
                        text(" {}"),
                    ])
                } else {
                    concat([
                        text("export interface "),
                        text(name.clone()),
                        text(" {"),
                        super::doc::indent(concat([
                            super::doc::hardline(),
                            text("[key: string]: "),
                            ty.doc(syntax::Parent::Annotation, ids),
                            text(";"),
                        ])),
                        super::doc::hardline(),
                        text("}"),
                    ])
                };
                print(&concat([syntax::doc_comment(&def.docs), decl]))
            }
            TypeBody::Alias(t) | TypeBody::Transparent(t) => alias(self.shape(&t.shape)),
            TypeBody::Unit => alias(Ts::Keyword("null")),
            TypeBody::Tuple(items) => alias(Ts::Tuple(items.iter().map(|t| self.shape(&t.shape)).collect())),
            TypeBody::Object(o) if o.fields.is_empty() && o.tag.is_none() => alias(empty_object()),
            TypeBody::Object(o) if o.fields.iter().any(|f| f.flatten) => alias(self.object(o, None)),
            TypeBody::Object(o) => {
                let members = self.members(o, None);
                let props = members
                    .iter()
                    .map(|m| Piece::either(syntax::interface_property_text(m), || syntax::interface_property(m, ids)))
                    .collect();
                syntax::print_interface(&def.docs, &name, syntax::type_parameters(&params, ids), None, props)
            }
            // Mapped to the type it imports under its own name: exported as it is.
            TypeBody::Mapped(m) if m.imported_name() == Some(name.as_str()) && m.ts == name => {
                print(&concat([syntax::doc_comment(&def.docs), text(format!("export type {{ {name} }};"))]))
            }
            TypeBody::Mapped(m) => alias(Ts::Ref(Cow::Borrowed(m.ts.as_str()), Vec::new())),
            TypeBody::Enum(e) => {
                let variants = e
                    .variants
                    .iter()
                    .map(|v| {
                        let ty = match (&e.tagging, v.untagged) {
                            (_, true) | (Tagging::Untagged, _) => self.untagged(&v.body),
                            (Tagging::External, _) => self.externally_tagged(&v.name, &v.body),
                            (Tagging::Internal { tag }, _) => self.internally_tagged(tag, &v.name, &v.body),
                            (Tagging::Adjacent { tag, content }, _) => {
                                self.adjacently_tagged(tag, content, &v.name, &v.body)
                            }
                        };
                        (Cow::Borrowed(v.docs.as_slice()), ty)
                    })
                    .collect();
                alias(Ts::union(variants))
            }
        }
    }

    /// The properties of an object, the tag (of a struct or an internally
    /// tagged variant) first.
    fn members(&self, object: &'a Object, tag: Option<(&'a str, &'a str)>) -> Vec<Member<'a>> {
        let mut out = Vec::with_capacity(object.fields.len() + 1);
        let tag = tag.or(object.tag.as_ref().map(|t| (t.key.as_str(), t.value.as_str())));
        if let Some((key, value)) = tag {
            out.push(Member { docs: NO_DOCS, key: key.into(), optional: false, ty: Ts::Literal(value.into()) });
        }
        out.extend(object.fields.iter().filter(|f| !f.flatten).map(|f| self.field(f)));
        out
    }

    fn field(&self, f: &'a Field) -> Member<'a> {
        Member {
            docs: Cow::Borrowed(f.docs.as_slice()),
            key: Cow::Borrowed(f.name.as_str()),
            optional: f.optional(),
            ty: match &f.mapped {
                Some(m) => Ts::Ref(Cow::Borrowed(m.ts.as_str()), Vec::new()),
                None => self.shape(&f.ty.shape),
            },
        }
    }

    /// An object type, intersected with its flattened fields' types.
    fn object(&self, object: &'a Object, tag: Option<(&'a str, &'a str)>) -> Ts<'a> {
        let own = Ts::Object(self.members(object, tag));
        let flattened: Vec<Ts<'a>> =
            object.fields.iter().filter(|f| f.flatten).map(|f| self.shape(&f.ty.shape)).collect();
        if flattened.is_empty() {
            // `{}` would accept any value but `null`; serde writes and
            // reads an object.
            if matches!(&own, Ts::Object(m) if m.is_empty()) {
                return empty_object();
            }
            return own;
        }
        let mut parts = Vec::new();
        if !matches!(&own, Ts::Object(m) if m.is_empty()) {
            parts.push(own);
        }
        parts.extend(flattened);
        if parts.len() == 1 { parts.remove(0) } else { Ts::Intersection(parts) }
    }

    fn payload(&self, body: &'a VariantBody) -> Option<Ts<'a>> {
        match body {
            VariantBody::Unit => None,
            VariantBody::Newtype(t) => Some(self.shape(&t.shape)),
            VariantBody::Tuple(items) => Some(Ts::Tuple(items.iter().map(|t| self.shape(&t.shape)).collect())),
            VariantBody::Struct(o) => Some(self.object(o, None)),
        }
    }

    fn untagged(&self, body: &'a VariantBody) -> Ts<'a> {
        self.payload(body).unwrap_or(Ts::Keyword("null"))
    }

    fn externally_tagged(&self, name: &'a str, body: &'a VariantBody) -> Ts<'a> {
        match self.payload(body) {
            None => Ts::Literal(name.into()),
            Some(ty) => Ts::Object(vec![Member { docs: NO_DOCS, key: name.into(), optional: false, ty }]),
        }
    }

    fn internally_tagged(&self, tag: &'a str, name: &'a str, body: &'a VariantBody) -> Ts<'a> {
        let tag_only =
            Ts::Object(vec![Member { docs: NO_DOCS, key: tag.into(), optional: false, ty: Ts::Literal(name.into()) }]);
        match body {
            VariantBody::Unit => tag_only,
            VariantBody::Struct(o) => self.object(o, Some((tag, name))),
            VariantBody::Newtype(t) if self.is_null(&t.shape, 0) => tag_only,
            VariantBody::Newtype(t) => Ts::Intersection(vec![tag_only, self.shape(&t.shape)]),
            // Refused by validation; typed as serde would try to write it.
            VariantBody::Tuple(_) => Ts::Intersection(vec![tag_only, self.untagged(body)]),
        }
    }

    fn adjacently_tagged(&self, tag: &'a str, content: &'a str, name: &'a str, body: &'a VariantBody) -> Ts<'a> {
        let mut members =
            vec![Member { docs: NO_DOCS, key: tag.into(), optional: false, ty: Ts::Literal(name.into()) }];
        if let Some(ty) = self.payload(body) {
            members.push(Member { docs: NO_DOCS, key: content.into(), optional: false, ty });
        }
        Ts::Object(members)
    }

    /// Whether a shape is written as `null`: `()` or a unit struct.
    fn is_null(&self, shape: &Shape, depth: usize) -> bool {
        match shape {
            Shape::Unit => true,
            Shape::Named(name, _) if depth < 32 => match self.api.type_def(name).map(|d| &d.body) {
                Some(TypeBody::Unit) => true,
                Some(TypeBody::Alias(t) | TypeBody::Transparent(t)) => self.is_null(&t.shape, depth + 1),
                _ => false,
            },
            _ => false,
        }
    }

    /// The branded Durable Object type of an interface, with its doc
    /// comment, laid out.
    pub fn interface(&self, iface: &'a Interface, ids: &Ids) -> String {
        type Signature<'a> = (Vec<(String, Ts<'a>)>, Ts<'a>);
        let signatures: Vec<Signature<'a>> = iface
            .methods
            .iter()
            .map(|m| {
                // Trailing `Option` arguments may be left out: the dispatcher
                // reads them as `None` (docs/protocol.md).
                let required = m.args.iter().rposition(|a| !matches!(a.shape, Shape::Option(_))).map_or(0, |i| i + 1);
                let params = m
                    .args
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        let name = parameter_name(&a.ident);
                        (if i < required { name } else { format!("{name}?") }, self.shape(&a.shape))
                    })
                    .collect();
                (params, Ts::Ref("Promise".into(), vec![self.output(&m.output)]))
            })
            .collect();
        let members = iface
            .methods
            .iter()
            .zip(&signatures)
            .map(|(m, (params, ret))| {
                Piece::either(syntax::method_text(&m.docs, &m.wire_name, params, ret), || {
                    concat([syntax::doc_comment(&m.docs), syntax::method_signature(&m.wire_name, params, ret, ids)])
                })
            })
            .collect();
        let name = name_of(&iface.ident);
        syntax::print_interface(&iface.docs, &name, text(""), Some("Rpc.DurableObjectBranded"), members)
    }

    /// What a method's promise resolves to.
    pub fn output(&self, output: &'a Output) -> Ts<'a> {
        match output {
            Output::Unit => Ts::Keyword("void"),
            Output::Value(t) => self.shape(&t.shape),
            Output::Result { ok, err } => {
                Ts::Ref(DURABLE_RESULT.into(), vec![self.shape(&ok.shape), self.shape(&err.shape)])
            }
        }
    }
}

/// `import type { A, B } from "module";` for each module the project's
/// mappings (`[package.metadata.dogen]`) import names from, sorted.
pub fn imports(api: &Api) -> Vec<String> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut by_module: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut mappings: Vec<&crate::model::Mapping> = Vec::new();
    for def in &api.types {
        match &def.body {
            TypeBody::Mapped(m) => mappings.push(m),
            TypeBody::Object(o) => mappings.extend(o.fields.iter().filter_map(|f| f.mapped.as_ref())),
            TypeBody::Enum(e) => {
                for v in &e.variants {
                    if let VariantBody::Struct(o) = &v.body {
                        mappings.extend(o.fields.iter().filter_map(|f| f.mapped.as_ref()));
                    }
                }
            }
            _ => {}
        }
    }
    for m in mappings {
        if let (Some(module), Some(name)) = (m.import.as_deref(), m.imported_name()) {
            by_module.entry(module).or_default().insert(name);
        }
    }
    by_module
        .into_iter()
        .map(|(module, names)| {
            let names: Vec<&str> = names.into_iter().collect();
            print(&super::doc::group(concat([
                text("import type {"),
                super::doc::indent(concat([
                    super::doc::line(),
                    super::doc::join(concat([text(","), super::doc::line()]), names.iter().map(|n| text(*n))),
                ])),
                super::doc::if_break(text(","), text("")),
                super::doc::line(),
                text(format!("}} from {};", syntax::quote(module))),
            ])))
        })
        .collect()
}

/// Whether the API carries bytes anywhere (`Uint8Array` in index.ts):
/// then the fetch client, over which bytes are arrays of numbers, types
/// its methods as index.ts's with `Uint8Array` replaced by `number[]`.
pub fn has_bytes(api: &Api) -> bool {
    fn bytes(shape: &Shape) -> bool {
        match shape {
            Shape::Bytes => true,
            Shape::Option(s) | Shape::Seq(s) | Shape::Array(s, _) => bytes(s),
            Shape::Map(k, v) => bytes(k) || bytes(v),
            Shape::Tuple(items) | Shape::Named(_, items) => items.iter().any(bytes),
            _ => false,
        }
    }
    let methods = api.interfaces.iter().flat_map(|i| &i.methods).any(|m| {
        m.args.iter().any(|a| bytes(&a.shape))
            || match &m.output {
                Output::Unit => false,
                Output::Value(t) => bytes(&t.shape),
                Output::Result { ok, err } => bytes(&ok.shape) || bytes(&err.shape),
            }
    });
    methods || api.types.iter().any(|d| crate::wire::resolve::type_refs(d).iter().any(|t| bytes(&t.shape)))
}

/// An object with no keys: `Record<string, never>`.
fn empty_object<'a>() -> Ts<'a> {
    Ts::Ref("Record".into(), vec![Ts::Keyword("string"), Ts::Keyword("never")])
}

/// The names of TypeScript's own types, which it does not accept as the
/// name of another type, beside JavaScript's reserved words
/// ([`dogen_interface::validate::JS_KEYWORDS`]).
pub const TYPE_WORDS: &[&str] =
    &["any", "as", "bigint", "boolean", "never", "number", "object", "string", "symbol", "undefined", "unknown"];

/// Whether TypeScript refuses `name` as the name of a type.
pub fn is_reserved_type_name(name: &str) -> bool {
    TYPE_WORDS.contains(&name) || dogen_interface::validate::JS_KEYWORDS.contains(&name)
}

/// A Rust type's name in TypeScript: itself, with a `_` after a name
/// TypeScript reserves (`struct catch` is `catch_`), as parameters are.
pub fn type_name(name: &str) -> Cow<'_, str> {
    if is_reserved_type_name(name) { Cow::Owned(format!("{name}_")) } else { Cow::Borrowed(name) }
}

enum Key<'a> {
    String,
    Number,
    Enum(&'a str),
}

/// A Rust argument name as a TypeScript parameter: camelCase, with a `_`
/// after words JavaScript reserves.
pub fn parameter_name(ident: &syn::Ident) -> String {
    // A name of lowercase letters and digits is its own lowerCamelCase.
    let name = with_name_of(ident, |name| {
        if name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
            name.to_owned()
        } else {
            lower_camel_case(name)
        }
    });
    if dogen_interface::validate::is_js_identifier(&name) && !matches!(name.as_str(), "arguments" | "eval") {
        name
    } else {
        format!("{name}_")
    }
}
