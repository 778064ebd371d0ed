//! Rules over a whole [`Api`], one small function per rule. Each states the
//! rule it checks and records a spanned error for each breach.
//!
//! The rules keep the generated types honest: one TypeScript type serves
//! both directions, so where serde's reading and writing disagree, dogen
//! refuses rather than describe one of them wrongly.

use std::collections::BTreeMap;

use crate::model::{Api, Enum, IntKind, Object, Output, Shape, Tagging, TypeBody, TypeDef, VariantBody};
use crate::wire::resolve::type_refs;
use dogen_interface::ctxt::Ctxt;
use dogen_interface::parse::name_of;

/// Runs every rule.
pub fn validate(cx: &Ctxt, api: &Api) {
    bindings_are_unique(cx, api);
    classes_are_unique(cx, api);
    for def in &api.types {
        if let Some(object) = own_object(def) {
            keys_are_unique(cx, object, None);
        }
        if let TypeBody::Enum(e) = &def.body {
            variant_names_are_unique(cx, e);
            internal_tags_do_not_collide(cx, e);
            internally_tagged_newtypes_hold_objects(cx, api, def, e);
            internal_tags_do_not_collide_with_newtype_keys(cx, api, def, e);
        }
        if def.usage.input {
            fields_skipped_on_output_can_be_missing_on_input(cx, def);
            output_only_variants_are_not_sent(cx, def);
        }
        flattened_fields_are_objects(cx, api, def);
    }
    map_keys_are_strings_or_numbers(cx, api);
    map_keys_are_not_integers(cx, api);
    integers_have_one_javascript_form(cx, api);
}

/// Two traits never bind the same name on `Env`.
fn bindings_are_unique(cx: &Ctxt, api: &Api) {
    let mut seen = BTreeMap::new();
    for iface in &api.interfaces {
        if let Some(first) = seen.insert(iface.binding.clone(), &iface.ident) {
            cx.error_at(
                iface.binding_span,
                format!("traits `{first}` and `{}` both bind `{}` on `Env`", iface.ident, iface.binding),
            );
        }
    }
}

/// Two traits never name the same Durable Object class.
fn classes_are_unique(cx: &Ctxt, api: &Api) {
    let mut seen = BTreeMap::new();
    for iface in &api.interfaces {
        if let Some(first) = seen.insert(iface.class.clone(), &iface.ident) {
            cx.error_at(
                iface.class_span,
                format!("traits `{first}` and `{}` both name the class `{}`", iface.ident, iface.class),
            );
        }
    }
}

/// No two keys of one object are the same after renaming: serde would
/// write the key twice.
fn keys_are_unique(cx: &Ctxt, object: &Object, tag: Option<&str>) {
    // What has each key so far: a field, or a tag (described).
    let mut seen: BTreeMap<&str, Result<&syn::Member, &str>> = BTreeMap::new();
    if let Some(t) = &object.tag {
        seen.insert(&t.key, Err("the tag"));
    }
    if let Some(tag) = tag {
        seen.insert(tag, Err("the enum's tag"));
    }
    for field in object.fields.iter().filter(|f| !f.flatten) {
        if let Some(first) = seen.insert(&field.name, Ok(&field.member)) {
            let first = match first {
                Ok(member) => format!("field `{}`", member_name(member)),
                Err(tag) => tag.to_owned(),
            };
            let this = member_name(&field.member);
            cx.error_spanned_by(
                &field.member,
                format!("field `{this}` and {first} both have the wire name `{}`", field.name),
            );
        }
    }
}

/// No two variants of one enum have the same wire name.
fn variant_names_are_unique(cx: &Ctxt, e: &Enum) {
    let mut seen = BTreeMap::new();
    for v in e.variants.iter().filter(|v| !v.untagged) {
        if let Some(first) = seen.insert(&v.name, &v.ident) {
            cx.error_spanned_by(
                &v.ident,
                format!("variants `{first}` and `{}` both have the wire name `{}`", v.ident, v.name),
            );
        }
    }
}

/// In an internally tagged enum, no field of a struct variant is named like
/// the tag; every other object's keys are unique.
fn internal_tags_do_not_collide(cx: &Ctxt, e: &Enum) {
    let tag = match &e.tagging {
        Tagging::Internal { tag } => Some(tag.as_str()),
        _ => None,
    };
    for v in &e.variants {
        if let VariantBody::Struct(o) = &v.body {
            keys_are_unique(cx, o, if v.untagged { None } else { tag });
        }
    }
}

/// An internally tagged newtype variant holds something serde can add the
/// tag to: an object, or nothing (`()`, a unit struct).
fn internally_tagged_newtypes_hold_objects(cx: &Ctxt, api: &Api, def: &TypeDef, e: &Enum) {
    if !matches!(e.tagging, Tagging::Internal { .. }) {
        return;
    }
    for v in e.variants.iter().filter(|v| !v.untagged) {
        if let VariantBody::Newtype(t) = &v.body {
            let kind = wire_kind(api, def, &t.shape, 0);
            if !matches!(kind, Kind::Object | Kind::Null | Kind::Unresolved) {
                cx.error_spanned_by(
                    &t.ty,
                    format!(
                        "variant `{}` of an internally tagged enum holds {}; dogen types the tag `{}` only on structs and units (serde itself refuses all but structs, maps and units)",
                        v.ident,
                        kind.describe(),
                        tag_of(e)
                    ),
                );
            }
        }
    }
}

/// In an internally tagged enum, the struct a newtype variant holds has no
/// key named like the tag: serde would write the key twice and could not
/// read back what it writes.
fn internal_tags_do_not_collide_with_newtype_keys(cx: &Ctxt, api: &Api, def: &TypeDef, e: &Enum) {
    let Tagging::Internal { tag } = &e.tagging else { return };
    for v in e.variants.iter().filter(|v| !v.untagged) {
        let VariantBody::Newtype(t) = &v.body else { continue };
        let Some((holder, key)) = colliding_key(api, def, &t.shape, tag, 0) else { continue };
        cx.error_spanned_by(
            &t.ty,
            format!(
                "variant `{}` holds `{holder}`, whose {key} is named like the enum's tag `{tag}`: serde would write `{tag}` twice and could not read the value back; rename the field or the tag",
                v.ident
            ),
        );
    }
}

/// The type and the key (`field \`kind\``, `tag`) of the object `shape`
/// is written as that is named `tag`, seen through aliases and newtypes.
fn colliding_key(api: &Api, scope: &TypeDef, shape: &Shape, tag: &str, depth: usize) -> Option<(String, String)> {
    let Shape::Named(name, _) = shape else { return None };
    if depth > 32 || scope.generics.iter().any(|p| p.ident == name) {
        return None;
    }
    let def = api.type_def(name)?;
    let shown = name_of(&def.ident);
    match &def.body {
        TypeBody::Alias(t) | TypeBody::Transparent(t) => colliding_key(api, def, &t.shape, tag, depth + 1),
        TypeBody::Object(o) => {
            if o.tag.as_ref().is_some_and(|t| t.key == tag) {
                return Some((shown, "own tag".into()));
            }
            o.fields
                .iter()
                .find(|f| !f.flatten && f.name == tag)
                .map(|f| (shown.clone(), format!("field `{}`", member_name(&f.member))))
        }
        TypeBody::Enum(inner) => match &inner.tagging {
            Tagging::Internal { tag: t } if t == tag => Some((shown, "own tag".into())),
            Tagging::Adjacent { tag: t, content } if t == tag || content == tag => {
                Some((shown, format!("key `{tag}`")))
            }
            _ => None,
        },
        _ => None,
    }
}

/// A field Rust may leave out when writing (`skip_serializing_if`,
/// `skip_serializing`) can also be left out by callers of a type they send:
/// it needs `default` (or to be an `Option`), or Rust refuses its own output.
fn fields_skipped_on_output_can_be_missing_on_input(cx: &Ctxt, def: &TypeDef) {
    for object in objects(def) {
        for field in &object.fields {
            if field.missing_on_output && !field.missing_on_input {
                cx.error_spanned_by(
                    &field.member,
                    format!(
                        "field `{}` may be left out when serializing but is required when deserializing, and `{}` is sent by callers; add `#[serde(default)]`",
                        member_name(&field.member),
                        def.ident
                    ),
                );
            }
        }
    }
}

/// A variant Rust writes but refuses to read (`skip_deserializing`) is not
/// part of a type callers send.
fn output_only_variants_are_not_sent(cx: &Ctxt, def: &TypeDef) {
    let TypeBody::Enum(e) = &def.body else { return };
    for v in e.variants.iter().filter(|v| v.output_only) {
        cx.error_spanned_by(
            &v.ident,
            format!(
                "variant `{}` is `skip_deserializing` but `{}` is sent by callers: its TypeScript type would offer a value Rust refuses",
                v.ident, def.ident
            ),
        );
    }
}

/// `#[serde(flatten)]` merges an object's keys: the field's type is an object.
fn flattened_fields_are_objects(cx: &Ctxt, api: &Api, def: &TypeDef) {
    for field in objects(def).flat_map(|o| &o.fields).filter(|f| f.flatten) {
        let kind = wire_kind(api, def, &field.ty.shape, 0);
        if !matches!(kind, Kind::Object | Kind::Unresolved) {
            cx.error_spanned_by(
                &field.ty.ty,
                format!(
                    "flattened field `{}` is {}; dogen can only flatten structs and enums whose every variant is an object",
                    member_name(&field.member),
                    kind.describe()
                ),
            );
        }
    }
}

/// Calls `check` on every type the API mentions, with the type definition
/// it appears in (`None` for the methods' arguments, results and errors).
fn each_type_ref<'a>(api: &'a Api, mut check: impl FnMut(Option<&'a TypeDef>, &'a syn::Type, &'a Shape)) {
    for method in api.interfaces.iter().flat_map(|i| &i.methods) {
        for arg in &method.args {
            check(None, &arg.ty, &arg.shape);
        }
        match &method.output {
            Output::Unit => {}
            Output::Value(t) => check(None, &t.ty, &t.shape),
            Output::Result { ok, err } => {
                check(None, &ok.ty, &ok.shape);
                check(None, &err.ty, &err.shape);
            }
        }
    }
    for def in &api.types {
        for t in type_refs(def) {
            check(Some(def), &t.ty, &t.shape);
        }
    }
}

/// Map keys are strings, integers or unit-only enums: what serde_json can
/// write as object keys.
fn map_keys_are_strings_or_numbers(cx: &Ctxt, api: &Api) {
    let check = |def: Option<&TypeDef>, ty: &syn::Type, shape: &Shape| {
        let mut keys = Vec::new();
        map_keys(shape, &mut keys);
        for key in keys {
            let ok = match key {
                Shape::String | Shape::Char | Shape::Int(_) => true,
                Shape::Named(..) => key_kind(api, def, key, 0) != Some(false),
                _ => false,
            };
            if !ok {
                cx.error_spanned_by(
                    ty,
                    "map keys must be strings, integers or enums of unit variants: JSON object keys are strings",
                );
            }
        }
    };
    each_type_ref(api, check);
}

/// Map keys are not integers: over native RPC serde-wasm-bindgen cannot
/// write a map with integer keys as an object and reads object keys only as
/// strings, so no TypeScript type is true of such a map on both paths.
fn map_keys_are_not_integers(cx: &Ctxt, api: &Api) {
    let check = |def: Option<&TypeDef>, ty: &syn::Type, shape: &Shape| {
        let mut keys = Vec::new();
        map_keys(shape, &mut keys);
        if keys.into_iter().any(|key| is_integer(api, def, key, 0)) {
            cx.error_spanned_by(
                ty,
                "integer map keys do not cross native RPC (object keys are strings there); use `String` keys",
            );
        }
    };
    each_type_ref(api, check);
}

/// Whether `shape` is an integer, seen through aliases and transparent types.
fn is_integer(api: &Api, scope: Option<&TypeDef>, shape: &Shape, depth: usize) -> bool {
    match shape {
        Shape::Int(_) => true,
        Shape::Named(name, _) if depth < 32 => {
            if scope.is_some_and(|d| d.generics.iter().any(|p| p.ident == name)) {
                return false;
            }
            match api.type_def(name).map(|d| (d, &d.body)) {
                Some((d, TypeBody::Alias(t) | TypeBody::Transparent(t))) => {
                    is_integer(api, Some(d), &t.shape, depth + 1)
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// No `i128`/`u128`: JSON writes them as numbers, native RPC (through
/// serde-wasm-bindgen) always as BigInt, so no one TypeScript type is honest
/// for both.
fn integers_have_one_javascript_form(cx: &Ctxt, api: &Api) {
    let check = |ty: &syn::Type, shape: &Shape| {
        if has_wide_int(shape) {
            cx.error_spanned_by(
                ty,
                "`i128` and `u128` have no single JavaScript form (BigInt over native RPC, a number in JSON); use `i64`/`u64` or a string",
            );
        }
    };
    each_type_ref(api, |_, ty, shape| check(ty, shape));
}

fn has_wide_int(shape: &Shape) -> bool {
    match shape {
        Shape::Int(IntKind::I128 | IntKind::U128) => true,
        Shape::Option(s) | Shape::Seq(s) | Shape::Array(s, _) => has_wide_int(s),
        Shape::Map(k, v) => has_wide_int(k) || has_wide_int(v),
        Shape::Tuple(items) | Shape::Named(_, items) => items.iter().any(has_wide_int),
        _ => false,
    }
}

fn map_keys<'s>(shape: &'s Shape, out: &mut Vec<&'s Shape>) {
    match shape {
        Shape::Option(s) | Shape::Seq(s) | Shape::Array(s, _) => map_keys(s, out),
        Shape::Map(k, v) => {
            out.push(k);
            map_keys(k, out);
            map_keys(v, out);
        }
        Shape::Tuple(items) | Shape::Named(_, items) => items.iter().for_each(|s| map_keys(s, out)),
        _ => {}
    }
}

/// Whether a named key type is written as a string or a number.
fn key_kind(api: &Api, scope: Option<&TypeDef>, shape: &Shape, depth: usize) -> Option<bool> {
    let Shape::Named(name, _) = shape else {
        return Some(matches!(shape, Shape::String | Shape::Char | Shape::Int(_)));
    };
    if scope.is_some_and(|d| d.generics.iter().any(|p| p.ident == name)) {
        return Some(false);
    }
    if depth > 32 {
        return None;
    }
    let def = api.type_def(name)?;
    match &def.body {
        TypeBody::Alias(t) | TypeBody::Transparent(t) => key_kind(api, Some(def), &t.shape, depth + 1),
        TypeBody::Enum(e) => Some(
            e.tagging == Tagging::External
                && e.variants.iter().all(|v| matches!(v.body, VariantBody::Unit) && !v.untagged),
        ),
        _ => Some(false),
    }
}

/// What a value looks like on the wire, coarsely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Null,
    Other(&'static str),
    Unknown,
    /// A name that did not resolve: already reported.
    Unresolved,
}

impl Kind {
    fn describe(self) -> &'static str {
        match self {
            Kind::Object => "an object",
            Kind::Null => "a unit (`null`)",
            Kind::Other(what) => what,
            Kind::Unknown => "a type parameter, which may not be an object",
            Kind::Unresolved => "unknown",
        }
    }
}

/// The coarse wire kind of `shape`, seen from inside `scope`.
fn wire_kind(api: &Api, scope: &TypeDef, shape: &Shape, depth: usize) -> Kind {
    match shape {
        Shape::Unit => Kind::Null,
        Shape::Named(name, _) => {
            if scope.generics.iter().any(|p| p.ident == name) {
                return Kind::Unknown;
            }
            let Some(def) = api.type_def(name) else { return Kind::Unresolved };
            if depth > 32 {
                return Kind::Unknown;
            }
            match &def.body {
                TypeBody::Alias(t) | TypeBody::Transparent(t) => wire_kind(api, def, &t.shape, depth + 1),
                TypeBody::Unit => Kind::Null,
                TypeBody::Tuple(_) => Kind::Other("an array"),
                TypeBody::Object(_) => Kind::Object,
                // The project says what it is; dogen cannot look inside.
                TypeBody::Mapped(_) => Kind::Unresolved,
                TypeBody::Enum(e) => {
                    let every = |f: &dyn Fn(&crate::model::Variant) -> bool| e.variants.iter().all(f);
                    let object = match e.tagging {
                        Tagging::Internal { .. } | Tagging::Adjacent { .. } => {
                            every(&|v| !v.untagged || variant_untagged_kind(api, def, &v.body, depth) == Kind::Object)
                        }
                        Tagging::External => every(&|v| {
                            if v.untagged {
                                variant_untagged_kind(api, def, &v.body, depth) == Kind::Object
                            } else {
                                !matches!(v.body, VariantBody::Unit)
                            }
                        }),
                        Tagging::Untagged => {
                            every(&|v| variant_untagged_kind(api, def, &v.body, depth) == Kind::Object)
                        }
                    };
                    if object { Kind::Object } else { Kind::Other("an enum with variants that are not objects") }
                }
            }
        }
        Shape::Bool => Kind::Other("a boolean"),
        Shape::Int(_) | Shape::Float(_) => Kind::Other("a number"),
        Shape::Char | Shape::String => Kind::Other("a string"),
        Shape::Bytes => Kind::Other("bytes"),
        Shape::Option(_) => Kind::Other("an `Option`"),
        Shape::Seq(_) | Shape::Array(..) | Shape::Tuple(_) => Kind::Other("an array"),
        Shape::Map(..) => Kind::Other("a map, whose keys TypeScript cannot merge with the others"),
    }
}

fn variant_untagged_kind(api: &Api, def: &TypeDef, body: &VariantBody, depth: usize) -> Kind {
    match body {
        VariantBody::Unit => Kind::Null,
        VariantBody::Newtype(t) => wire_kind(api, def, &t.shape, depth + 1),
        VariantBody::Tuple(_) => Kind::Other("an array"),
        VariantBody::Struct(_) => Kind::Object,
    }
}

/// The objects a definition writes: its own fields, or its struct variants'.
fn objects(def: &TypeDef) -> Box<dyn Iterator<Item = &Object> + '_> {
    match &def.body {
        TypeBody::Object(o) => Box::new(std::iter::once(o)),
        TypeBody::Enum(e) => Box::new(e.variants.iter().filter_map(|v| match &v.body {
            VariantBody::Struct(o) => Some(o),
            _ => None,
        })),
        _ => Box::new(std::iter::empty()),
    }
}

fn own_object(def: &TypeDef) -> Option<&Object> {
    match &def.body {
        TypeBody::Object(o) => Some(o),
        _ => None,
    }
}

fn tag_of(e: &Enum) -> &str {
    match &e.tagging {
        Tagging::Internal { tag } | Tagging::Adjacent { tag, .. } => tag,
        _ => "",
    }
}

/// A field's Rust name (`name` or `0`).
pub fn member_name(member: &syn::Member) -> String {
    match member {
        syn::Member::Named(ident) => name_of(ident),
        syn::Member::Unnamed(index) => index.index.to_string(),
    }
}
