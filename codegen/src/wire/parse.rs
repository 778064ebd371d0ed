//! syn → model for serde types: one struct, enum or type alias at a time,
//! with local reasoning only. Names are resolved and rules over several
//! types are checked in [`crate::wire::resolve`] and
//! [`crate::wire::validate`].

use quote::ToTokens;
use syn::ext::IdentExt as _;
use syn::spanned::Spanned as _;

use crate::model::{
    Enum, Field, Object, Shape, Tag, Tagging, TypeBody, TypeDef, TypeParam, TypeRef, Usage, Variant, VariantBody,
};
use crate::scan::TypeItem;
use crate::wire::attr::{ContainerAttrs, FieldAttrs, VariantAttrs, derives_serde};
use crate::wire::case::RenameRule;
use dogen_interface::attr;
use dogen_interface::ctxt::Ctxt;
use dogen_interface::shape::shape_of;

impl TypeDef {
    /// Builds the model of one type item, recording every problem in `cx`.
    /// `None` when the item cannot be typed at all.
    pub fn from_syn(cx: &Ctxt, item: &TypeItem) -> Option<TypeDef> {
        let (ident, attrs, generics) = match item {
            TypeItem::Struct(s) => (&s.ident, &s.attrs, &s.generics),
            TypeItem::Enum(e) => (&e.ident, &e.attrs, &e.generics),
            TypeItem::Alias(a) => (&a.ident, &a.attrs, &a.generics),
        };
        let generics = type_params(cx, generics);
        let body = match item {
            TypeItem::Alias(a) => TypeBody::Alias(type_ref(cx, &a.ty)?),
            TypeItem::Struct(_) | TypeItem::Enum(_) if !derives_serde(attrs) => {
                cx.error_spanned_by(
                    ident,
                    format!(
                        "`{ident}` does not derive `Serialize` or `Deserialize`: dogen can only type what serde's derives write"
                    ),
                );
                return None;
            }
            TypeItem::Struct(s) => struct_body(cx, s)?,
            TypeItem::Enum(e) => TypeBody::Enum(enum_body(cx, e)?),
        };
        Some(TypeDef { ident: ident.clone(), docs: attr::docs(attrs), generics, body, usage: Usage::default() })
    }
}

fn type_params(cx: &Ctxt, generics: &syn::Generics) -> Vec<TypeParam> {
    let mut out = Vec::new();
    for param in &generics.params {
        match param {
            syn::GenericParam::Type(t) => out
                .push(TypeParam { ident: t.ident.clone(), default: t.default.as_ref().and_then(|d| type_ref(cx, d)) }),
            syn::GenericParam::Const(c) => {
                cx.error_spanned_by(c, "const generic parameters have no TypeScript form; dogen cannot type this type")
            }
            syn::GenericParam::Lifetime(_) => {}
        }
    }
    out
}

/// The wire shape of `ty`, or an error at `ty`.
pub fn type_ref(cx: &Ctxt, ty: &syn::Type) -> Option<TypeRef> {
    match shape_of(ty) {
        Ok(shape) => Some(TypeRef { ty: ty.clone(), shape }),
        Err(message) => {
            cx.error_spanned_by(ty, message);
            None
        }
    }
}

fn struct_body(cx: &Ctxt, item: &syn::ItemStruct) -> Option<TypeBody> {
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
    let rule = attrs.rename_all.as_ref().map(|r| r.value);
    let tag = attrs.tag.as_ref().map(|t| Tag {
        key: t.value.clone(),
        value: attrs.rename.as_ref().map(|r| r.value.clone()).unwrap_or_else(|| item.ident.unraw().to_string()),
    });
    if let (Some(t), false) = (&attrs.tag, matches!(item.fields, syn::Fields::Named(_))) {
        cx.error_at(t.span, "`#[serde(tag = \"...\")]` on a struct needs named fields");
    }
    if let Some(span) = attrs.transparent {
        let fields = fields(cx, &item.fields, rule, &attrs);
        return match <[Field; 1]>::try_from(fields) {
            Ok([field]) => Some(TypeBody::Transparent(field.ty)),
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
            TypeBody::Transparent(type_ref(cx, &field.ty)?)
        }
        syn::Fields::Unnamed(_) => {
            TypeBody::Tuple(fields(cx, &item.fields, rule, &attrs).into_iter().map(|f| f.ty).collect())
        }
        syn::Fields::Named(_) => TypeBody::Object(Object { tag, fields: fields(cx, &item.fields, rule, &attrs) }),
    })
}

fn enum_body(cx: &Ctxt, item: &syn::ItemEnum) -> Option<Enum> {
    let attrs = ContainerAttrs::from_attrs(cx, &item.attrs);
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
    for v in &item.variants {
        let vattrs = VariantAttrs::from_attrs(cx, &v.attrs);
        if vattrs.skip_serializing && vattrs.skip_deserializing.is_some() {
            continue;
        }
        let raw = v.ident.unraw().to_string();
        let name = match (&vattrs.rename, &attrs.rename_all) {
            (Some(r), _) => r.value.clone(),
            (None, Some(rule)) => rule.value.apply_to_variant(&raw),
            (None, None) => raw,
        };
        let field_rule = vattrs.rename_all.as_ref().or(attrs.rename_all_fields.as_ref()).map(|r| r.value);
        let no_defaults = ContainerAttrs::default();
        let body = match &v.fields {
            syn::Fields::Unit => VariantBody::Unit,
            syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => VariantBody::Newtype(type_ref(cx, &u.unnamed[0].ty)?),
            syn::Fields::Unnamed(_) => {
                if matches!(tagging, Tagging::Internal { .. }) && !vattrs.untagged {
                    cx.error_spanned_by(
                        v,
                        "internally tagged enums (`#[serde(tag = \"...\")]`) cannot have tuple variants",
                    );
                }
                VariantBody::Tuple(fields(cx, &v.fields, None, &no_defaults).into_iter().map(|f| f.ty).collect())
            }
            syn::Fields::Named(_) => {
                VariantBody::Struct(Object { tag: None, fields: fields(cx, &v.fields, field_rule, &no_defaults) })
            }
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

/// The fields that reach the wire, named by `rule`. Tuple fields skipped in
/// one direction only are errors: the array would change length.
fn fields(cx: &Ctxt, fields: &syn::Fields, rule: Option<RenameRule>, container: &ContainerAttrs) -> Vec<Field> {
    let mut out = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let attrs = FieldAttrs::from_attrs(cx, &field.attrs);
        if attrs.skip_serializing && attrs.skip_deserializing {
            continue;
        }
        let member = match &field.ident {
            Some(ident) => syn::Member::Named(ident.clone()),
            None => syn::Member::Unnamed(syn::Index { index: index as u32, span: field.ty.span() }),
        };
        if field.ident.is_none()
            && (attrs.skip_serializing || attrs.skip_deserializing || attrs.skip_serializing_if.is_some())
        {
            cx.error_spanned_by(field, "dogen cannot type a tuple field skipped in one direction only");
            continue;
        }
        let Some(ty) = type_ref(cx, &field.ty) else { continue };
        let raw = field.ident.as_ref().map(|i| i.unraw().to_string()).unwrap_or_else(|| index.to_string());
        let name = match (&attrs.rename, rule) {
            (Some(r), _) => r.value.clone(),
            (None, Some(rule)) => rule.apply_to_field(&raw),
            (None, None) => raw,
        };
        let is_option = matches!(ty.shape, Shape::Option(_));
        out.push(Field {
            member,
            name,
            docs: attr::docs(&field.attrs),
            flatten: attrs.flatten.is_some(),
            missing_on_output: attrs.skip_serializing || attrs.skip_serializing_if.is_some(),
            missing_on_input: attrs.default || container.default || attrs.skip_deserializing || is_option,
            ty,
        });
    }
    out
}

/// The tokens of a type, for messages: `Vec<Item>`.
pub fn show(ty: &syn::Type) -> String {
    ty.to_token_stream().to_string().replace(" < ", "<").replace(" >", ">").replace(" ,", ",").replace("& ", "&")
}
