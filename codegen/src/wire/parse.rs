//! syn → model for serde types: one struct, enum or type alias at a time.
//! Names are resolved by the [`Context`] the resolver gives
//! ([`crate::wire::resolve`]); rules over several types are checked in
//! [`crate::wire::validate`].

use quote::ToTokens;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;

use crate::cfg::Truth;
use crate::model::{
    Enum, Field, Mapping, Object, Shape, Tag, Tagging, TypeBody, TypeDef, TypeParam, TypeRef, Usage, Variant,
    VariantBody,
};
use crate::scan::TypeItem;
use crate::wire::attr::{ContainerAttrs, FieldAttrs, Spanned, VariantAttrs, derives_serde};
use crate::wire::case::RenameRule;
use crate::wire::model::Source;
use dogen_interface::attr;
use dogen_interface::ctxt::Ctxt;
use dogen_interface::parse::name_of;
use dogen_interface::punct::{self, Items as _};

/// What parsing one type item needs from the crate around it.
pub trait Context {
    /// The wire shape of `ty` where the item is written, names resolved, or
    /// an error at `ty` (reported here).
    fn type_ref(&self, cx: &Ctxt, ty: &syn::Type) -> Option<TypeRef>;
    /// The wire shape of a field written `#[serde(with = "path")]`, for a
    /// `with` module dogen knows (`field` is the field's own shape).
    fn with_module(&self, path: &str, field: &syn::Type) -> Option<Result<Shape, String>>;
    /// The project's mapping of field `field` of `owner` (`Event`,
    /// `Shape::Circle`), if any.
    fn field_mapping(&self, owner: &str, field: &str) -> Option<Mapping>;
    /// Whether a field or variant with these attributes is in the wasm32 build.
    fn present(&self, attrs: &[syn::Attribute]) -> Truth;
}

/// How to declare a mapping, for messages.
pub const WAY_OUT: &str = "declare its TypeScript type in `[package.metadata.dogen.types]` of the crate's Cargo.toml (docs/typescript.md, \"Mapping types yourself\")";
/// How to declare a field mapping, for messages.
pub const FIELD_WAY_OUT: &str = "declare the field's TypeScript type in `[package.metadata.dogen.fields]` of the crate's Cargo.toml (docs/typescript.md, \"Mapping types yourself\")";

impl TypeDef {
    /// Builds the model of one type item, recording every problem in `cx`.
    /// `None` when the item cannot be typed at all.
    pub fn from_syn(cx: &Ctxt, item: &TypeItem, ctx: &dyn Context) -> Option<TypeDef> {
        let (ident, attrs, generics) = match item {
            TypeItem::Struct(s) => (&s.ident, &s.attrs, &s.generics),
            TypeItem::Enum(e) => (&e.ident, &e.attrs, &e.generics),
            TypeItem::Alias(a) => (&a.ident, &a.attrs, &a.generics),
        };
        let generics = type_params(cx, generics, ctx);
        let body = match item {
            TypeItem::Alias(a) => TypeBody::Alias(ctx.type_ref(cx, &a.ty)?),
            TypeItem::Struct(_) | TypeItem::Enum(_) if !derives_serde(attrs) => {
                cx.error_spanned_by(
                    ident,
                    format!(
                        "`{ident}` does not derive `Serialize` or `Deserialize`: dogen can only type what serde's derives write; if it implements them by hand, {WAY_OUT}"
                    ),
                );
                return None;
            }
            TypeItem::Struct(s) => struct_body(cx, s, ctx)?,
            TypeItem::Enum(e) => {
                let attrs = ContainerAttrs::from_attrs(cx, &e.attrs);
                match converted(cx, &e.ident, &attrs, ctx) {
                    Some(body) => body?,
                    None => TypeBody::Enum(enum_body(cx, e, &attrs, ctx)?),
                }
            }
        };
        Some(TypeDef {
            ident: ident.clone(),
            docs: attr::docs(attrs),
            generics,
            body,
            usage: Usage::default(),
            source: Source::Crate,
        })
    }

    /// The definition of a type the project maps itself.
    pub fn mapped(item: &TypeItem, mapping: Mapping) -> TypeDef {
        let (ident, attrs, generics) = match item {
            TypeItem::Struct(s) => (&s.ident, &s.attrs, &s.generics),
            TypeItem::Enum(e) => (&e.ident, &e.attrs, &e.generics),
            TypeItem::Alias(a) => (&a.ident, &a.attrs, &a.generics),
        };
        TypeDef {
            ident: ident.clone(),
            docs: attr::docs(attrs),
            generics: punct::type_params(generics)
                .map(|p| TypeParam { ident: p.ident.clone(), default: None })
                .collect(),
            body: TypeBody::Mapped(mapping),
            usage: Usage::default(),
            source: Source::Crate,
        }
    }
}

fn type_params(cx: &Ctxt, generics: &syn::Generics, ctx: &dyn Context) -> Vec<TypeParam> {
    let mut out = Vec::new();
    for param in generics.params.items() {
        match param {
            syn::GenericParam::Type(t) => out.push(TypeParam {
                ident: t.ident.clone(),
                default: t.default.as_ref().and_then(|d| ctx.type_ref(cx, d)),
            }),
            syn::GenericParam::Const(c) => {
                cx.error_spanned_by(c, "const generic parameters have no TypeScript form; dogen cannot type this type")
            }
            syn::GenericParam::Lifetime(_) => {}
        }
    }
    out
}

/// `#[serde(into = "T", from = "T")]` (or `try_from`): the wire form is
/// `T`'s, when both directions name the same type. `None` when the
/// container converts nothing.
fn converted(cx: &Ctxt, ident: &syn::Ident, attrs: &ContainerAttrs, ctx: &dyn Context) -> Option<Option<TypeBody>> {
    let read = attrs.from.as_ref().or(attrs.try_from.as_ref());
    let written = attrs.into.as_ref();
    let (span, message) = match (read, written) {
        (None, None) => return None,
        (Some(r), Some(w)) if same_type(&r.value, &w.value) => {
            let ty = match syn::parse_str::<syn::Type>(&r.value) {
                Ok(ty) => retarget(ty, r.span),
                Err(e) => {
                    cx.error_at(r.span, format!("`{}` is not a type: {e}", r.value));
                    return Some(None);
                }
            };
            return Some(ctx.type_ref(cx, &ty).map(TypeBody::Transparent));
        }
        (Some(r), Some(w)) => (
            w.span,
            format!(
                "`{ident}` is written as `{}` but read as `{}`: one TypeScript type serves both directions; convert through one type, or {WAY_OUT}",
                w.value, r.value
            ),
        ),
        (Some(r), None) => (
            r.span,
            format!(
                "`{ident}` is read as `{}` but written by its derive: one TypeScript type serves both directions; add `into = \"{}\"`, or {WAY_OUT}",
                r.value, r.value
            ),
        ),
        (None, Some(w)) => (
            w.span,
            format!(
                "`{ident}` is written as `{}` but read by its derive: one TypeScript type serves both directions; add `from = \"{}\"`, or {WAY_OUT}",
                w.value, w.value
            ),
        ),
    };
    cx.error_at(span, message);
    Some(None)
}

/// Whether two type strings name the same type (spaces aside).
fn same_type(a: &str, b: &str) -> bool {
    let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    strip(a) == strip(b)
}

/// `ty` with every token at `span`, so errors about it point at the
/// string it was parsed from.
fn retarget(ty: syn::Type, span: proc_macro2::Span) -> syn::Type {
    let tokens: proc_macro2::TokenStream = ty
        .into_token_stream()
        .into_iter()
        .map(|mut t| {
            set_span(&mut t, span);
            t
        })
        .collect();
    syn::parse2(tokens).expect("the tokens were a type")
}

fn set_span(tree: &mut proc_macro2::TokenTree, span: proc_macro2::Span) {
    if let proc_macro2::TokenTree::Group(g) = tree {
        let stream = g
            .stream()
            .into_iter()
            .map(|mut t| {
                set_span(&mut t, span);
                t
            })
            .collect();
        let mut group = proc_macro2::Group::new(g.delimiter(), stream);
        group.set_span(span);
        *g = group;
    } else {
        tree.set_span(span);
    }
}

fn struct_body(cx: &Ctxt, item: &syn::ItemStruct, ctx: &dyn Context) -> Option<TypeBody> {
    let attrs = ContainerAttrs::from_attrs(cx, &item.attrs);
    if let Some(span) = attrs.untagged {
        cx.error_at(span, "`#[serde(untagged)]` can only be used on enums");
    }
    if let Some(content) = &attrs.content {
        cx.error_at(content.span, "`#[serde(content = \"...\")]` can only be used on enums");
    }
    if let Some(rule) = &attrs.rename_all_fields {
        cx.error_at(rule.span, "`#[serde(rename_all_fields = \"...\")]` can only be used on enums");
    }
    if let Some(body) = converted(cx, &item.ident, &attrs, ctx) {
        return body;
    }
    let rule = attrs.rename_all.as_ref().map(|r| r.value);
    let tag = attrs.tag.as_ref().map(|t| Tag {
        key: t.value.clone(),
        value: attrs.rename.as_ref().map(|r| r.value.clone()).unwrap_or_else(|| name_of(&item.ident)),
    });
    if let (Some(t), false) = (&attrs.tag, matches!(item.fields, syn::Fields::Named(_))) {
        cx.error_at(t.span, "`#[serde(tag = \"...\")]` on a struct needs named fields");
    }
    let owner = name_of(&item.ident);
    if let Some(span) = attrs.transparent {
        let fields = fields(cx, &item.fields, rule, &attrs, &owner, ctx);
        return match <[Field; 1]>::try_from(fields) {
            Ok([field]) if field.mapped.is_none() => Some(TypeBody::Transparent(field.ty)),
            Ok(_) => {
                cx.error_at(
                    span,
                    "dogen cannot type a `#[serde(transparent)]` struct whose field is mapped; map the struct itself",
                );
                None
            }
            Err(_) => {
                cx.error_at(span, "`#[serde(transparent)]` needs exactly one field that is not skipped");
                None
            }
        };
    }
    Some(match &item.fields {
        syn::Fields::Unit => TypeBody::Unit,
        syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => {
            let field = &u.unnamed[0];
            let field_attrs = FieldAttrs::from_attrs(cx, &field.attrs);
            if field_attrs.skip_serializing || field_attrs.skip_deserializing {
                cx.error_spanned_by(field, "dogen cannot type a newtype struct whose only field is skipped");
                return None;
            }
            TypeBody::Transparent(newtype(cx, field, &field_attrs, &owner, ctx)?)
        }
        syn::Fields::Unnamed(_) => {
            let fields = fields(cx, &item.fields, rule, &attrs, &owner, ctx);
            if fields.iter().any(|f| f.mapped.is_some()) {
                cx.error_spanned_by(
                    &item.ident,
                    "dogen cannot type a tuple struct with a mapped field; map the struct itself",
                );
                return None;
            }
            TypeBody::Tuple(fields.into_iter().map(|f| f.ty).collect())
        }
        syn::Fields::Named(_) => {
            TypeBody::Object(Object { tag, fields: fields(cx, &item.fields, rule, &attrs, &owner, ctx) })
        }
    })
}

/// The one field of a newtype struct or variant: its type, through a
/// known `with` module.
fn newtype(cx: &Ctxt, field: &syn::Field, attrs: &FieldAttrs, owner: &str, ctx: &dyn Context) -> Option<TypeRef> {
    if ctx.field_mapping(owner, "0").is_some() {
        cx.error_spanned_by(field, "dogen cannot type a newtype whose field is mapped; map the newtype itself");
        return None;
    }
    match attrs.custom() {
        Some((key, value)) => custom_shape(cx, field, key, value, owner, ctx)
            .map(|shape| TypeRef { ty: Box::new(field.ty.clone()), shape }),
        None => ctx.type_ref(cx, &field.ty),
    }
}

/// The shape of a field handed to user code: a known `with` module's, or
/// an error with the way out.
fn custom_shape(
    cx: &Ctxt,
    field: &syn::Field,
    key: &str,
    value: &Spanned<String>,
    owner: &str,
    ctx: &dyn Context,
) -> Option<Shape> {
    if key == crate::wire::attr::WITH
        && let Some(found) = ctx.with_module(&value.value, &field.ty)
    {
        return match found {
            Ok(shape) => Some(shape),
            Err(message) => {
                cx.error_at(value.span, message);
                None
            }
        };
    }
    let name = field.ident.as_ref().map(name_of);
    let what = match &name {
        Some(n) => format!("field `{owner}.{n}`"),
        None => format!("a field of `{owner}`"),
    };
    cx.error_at(
        value.span,
        format!(
            "dogen cannot type {what}: `#[serde({key} = \"{}\")]` writes whatever that code writes, which dogen cannot read; {FIELD_WAY_OUT}",
            value.value
        ),
    );
    None
}

fn enum_body(cx: &Ctxt, item: &syn::ItemEnum, attrs: &ContainerAttrs, ctx: &dyn Context) -> Option<Enum> {
    if let Some(span) = attrs.transparent {
        cx.error_at(span, "`#[serde(transparent)]` can only be used on structs");
    }
    let tagging = match (&attrs.tag, &attrs.content, attrs.untagged) {
        (None, None, None) => Tagging::External,
        (Some(tag), None, None) => Tagging::Internal { tag: tag.value.clone() },
        (Some(tag), Some(content), None) => {
            if tag.value == content.value {
                cx.error_at(content.span, "the `tag` and `content` keys of an adjacently tagged enum must differ");
            }
            Tagging::Adjacent { tag: tag.value.clone(), content: content.value.clone() }
        }
        (None, None, Some(_)) => Tagging::Untagged,
        (None, Some(content), _) => {
            cx.error_at(content.span, "`#[serde(content = \"...\")]` needs `tag` as well");
            return None;
        }
        (Some(tag), _, Some(_)) => {
            cx.error_at(tag.span, "an enum cannot be both `tag`ged and `untagged`");
            return None;
        }
    };
    let mut variants = Vec::new();
    for v in item.variants.items() {
        if !present(cx, ctx, &v.attrs, &v.ident) {
            continue;
        }
        let vattrs = VariantAttrs::from_attrs(cx, &v.attrs);
        if vattrs.skip_serializing && vattrs.skip_deserializing.is_some() {
            continue;
        }
        let raw = name_of(&v.ident);
        let name = match (&vattrs.rename, &attrs.rename_all) {
            (Some(r), _) => r.value.clone(),
            (None, Some(rule)) => rule.value.apply_to_variant(&raw),
            (None, None) => raw.clone(),
        };
        let owner = format!("{}::{raw}", item.ident.unraw());
        let field_rule = vattrs.rename_all.as_ref().or(attrs.rename_all_fields.as_ref()).map(|r| r.value);
        let no_defaults = ContainerAttrs::default();
        let body = match &v.fields {
            syn::Fields::Unit => VariantBody::Unit,
            syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => {
                let field = &u.unnamed[0];
                let fattrs = FieldAttrs::from_attrs(cx, &field.attrs);
                match (fattrs.skip_serializing, fattrs.skip_deserializing) {
                    // serde writes an adjacently tagged one as its tag alone,
                    // but reads it with its content.
                    (true, true) if matches!(tagging, Tagging::Adjacent { .. }) && !vattrs.untagged => {
                        cx.error_spanned_by(
                            field,
                            format!(
                                "serde writes variant `{raw}` without content (its field is skipped) but reads it with content, in an adjacently tagged enum: it cannot read back what it writes; skip the whole variant, or keep its field"
                            ),
                        );
                        continue;
                    }
                    // serde writes and reads a newtype variant whose field is
                    // skipped as a unit variant.
                    (true, true) => VariantBody::Unit,
                    (false, false) if fattrs.skip_serializing_if.is_none() => {
                        VariantBody::Newtype(newtype(cx, field, &fattrs, &owner, ctx)?)
                    }
                    _ => {
                        cx.error_spanned_by(field, "dogen cannot type a variant field skipped in one direction only: serde writes the variant as a unit one way and as a newtype the other");
                        continue;
                    }
                }
            }
            syn::Fields::Unnamed(_) => {
                if matches!(tagging, Tagging::Internal { .. }) && !vattrs.untagged {
                    cx.error_spanned_by(
                        v,
                        "internally tagged enums (`#[serde(tag = \"...\")]`) cannot have tuple variants",
                    );
                }
                let fields = fields(cx, &v.fields, None, &no_defaults, &owner, ctx);
                if fields.iter().any(|f| f.mapped.is_some()) {
                    cx.error_spanned_by(
                        &v.ident,
                        "dogen cannot type a tuple variant with a mapped field; map the enum itself",
                    );
                    continue;
                }
                VariantBody::Tuple(fields.into_iter().map(|f| f.ty).collect())
            }
            syn::Fields::Named(_) => VariantBody::Struct(Object {
                tag: None,
                fields: fields(cx, &v.fields, field_rule, &no_defaults, &owner, ctx),
            }),
        };
        variants.push(Variant {
            ident: v.ident.clone(),
            name,
            docs: attr::docs(&v.attrs),
            body,
            untagged: vattrs.untagged,
            output_only: vattrs.skip_deserializing.is_some(),
        });
    }
    Some(Enum { tagging, variants })
}

/// Whether a field or variant is in the wasm32 build; an error when dogen
/// cannot tell.
fn present(cx: &Ctxt, ctx: &dyn Context, attrs: &[syn::Attribute], what: &dyn ToTokens) -> bool {
    match ctx.present(attrs) {
        Truth::Yes => true,
        Truth::No => false,
        Truth::Unknown => {
            let attr = attrs.iter().find(|a| a.path().is_ident("cfg"));
            let shown = attr
                .and_then(|a| a.parse_args::<proc_macro2::TokenStream>().ok())
                .map(|t| t.to_string())
                .unwrap_or_default();
            cx.error_spanned_by(
                attr.map(|a| a.to_token_stream()).unwrap_or_else(|| what.to_token_stream()),
                format!(
                    "dogen cannot tell whether `#[cfg({shown})]` holds in the wasm32 build (it knows the target, `test` and the crate's features); make the condition about those, or keep the item in every build"
                ),
            );
            false
        }
    }
}

/// The fields that reach the wire, named by `rule`. Tuple fields skipped in
/// one direction only are errors: the array would change length. `owner`
/// names the struct or variant, for mappings and messages.
fn fields(
    cx: &Ctxt,
    fields: &syn::Fields,
    rule: Option<RenameRule>,
    container: &ContainerAttrs,
    owner: &str,
    ctx: &dyn Context,
) -> Vec<Field> {
    let mut out = Vec::new();
    for (index, field) in punct::fields(fields).enumerate() {
        let member = match &field.ident {
            Some(ident) => syn::Member::Named(ident.clone()),
            None => syn::Member::Unnamed(syn::Index { index: index as u32, span: field.ty.span() }),
        };
        if !present(cx, ctx, &field.attrs, &member) {
            continue;
        }
        let attrs = FieldAttrs::from_attrs(cx, &field.attrs);
        if attrs.skip_serializing && attrs.skip_deserializing {
            continue;
        }
        if field.ident.is_none()
            && (attrs.skip_serializing || attrs.skip_deserializing || attrs.skip_serializing_if.is_some())
        {
            cx.error_spanned_by(field, "dogen cannot type a tuple field skipped in one direction only");
            continue;
        }
        let raw = field.ident.as_ref().map(name_of).unwrap_or_else(|| index.to_string());
        let mapped = ctx.field_mapping(owner, &raw);
        let ty = match (&mapped, attrs.custom()) {
            // The project says what the field is: its Rust type is not read.
            (Some(_), _) => TypeRef { ty: Box::new(field.ty.clone()), shape: Shape::Unit },
            (None, Some((key, value))) => match custom_shape(cx, field, key, value, owner, ctx) {
                Some(shape) => TypeRef { ty: Box::new(field.ty.clone()), shape },
                None => continue,
            },
            (None, None) => match ctx.type_ref(cx, &field.ty) {
                Some(ty) => ty,
                None => continue,
            },
        };
        let name = match (&attrs.rename, rule) {
            (Some(r), _) => r.value.clone(),
            (None, Some(rule)) => rule.apply_to_field(&raw),
            (None, None) => raw,
        };
        // serde reads a missing `Option` field as `None` unless user code
        // (`with`, `deserialize_with`) reads it.
        let is_option = mapped.is_none() && attrs.custom().is_none() && matches!(ty.shape, Shape::Option(_));
        out.push(Field {
            member,
            name,
            docs: attr::docs(&field.attrs),
            flatten: attrs.flatten.is_some(),
            missing_on_output: attrs.skip_serializing || attrs.skip_serializing_if.is_some(),
            missing_on_input: attrs.default || container.default || attrs.skip_deserializing || is_option,
            ty,
            mapped,
        });
    }
    out
}

/// The tokens of a type, for messages: `Vec<Item>`.
pub fn show(ty: &syn::Type) -> String {
    ty.to_token_stream().to_string().replace(" < ", "<").replace(" >", ">").replace(" ,", ",").replace("& ", "&")
}
