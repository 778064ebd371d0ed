//! `#[serde(...)]` on containers, variants and fields, read into typed
//! structs. Keys are named constants; a key serde does not know is an error
//! listing the allowed ones, and a key whose wire form is decided by user
//! code (`with`, `from`, ...) is an error saying why dogen cannot type it.
//!
//! `#[cfg_attr(pred, serde(...))]` counts as `#[serde(...)]`: dogen types
//! the crate as if every feature were on.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned as _;

use crate::wire::case::{RULES, RenameRule};
use dogen_interface::ctxt::Ctxt;
use dogen_interface::punct::Items as _;

/// The attribute's name.
pub const SERDE: &str = "serde";

/// `rename = ".."` or `rename(serialize = "..", deserialize = "..")`.
pub const RENAME: &str = "rename";
/// `rename_all = ".."`.
pub const RENAME_ALL: &str = "rename_all";
/// `rename_all_fields = ".."`, on enums.
pub const RENAME_ALL_FIELDS: &str = "rename_all_fields";
/// `tag = ".."`.
pub const TAG: &str = "tag";
/// `content = ".."`.
pub const CONTENT: &str = "content";
/// `untagged`.
pub const UNTAGGED: &str = "untagged";
/// `transparent`.
pub const TRANSPARENT: &str = "transparent";
/// `default` or `default = "path"`.
pub const DEFAULT: &str = "default";
/// `deny_unknown_fields`.
pub const DENY_UNKNOWN_FIELDS: &str = "deny_unknown_fields";
/// `bound = ".."`: about Rust trait bounds only.
pub const BOUND: &str = "bound";
/// `crate = ".."`: about Rust paths only.
pub const CRATE: &str = "crate";
/// `expecting = ".."`: an error message only.
pub const EXPECTING: &str = "expecting";
/// `alias = ".."`: another name Rust accepts on input.
pub const ALIAS: &str = "alias";
/// `borrow`: about lifetimes only.
pub const BORROW: &str = "borrow";
/// `other`: a unit variant that also catches unknown tags on input.
pub const OTHER: &str = "other";
/// `skip`.
pub const SKIP: &str = "skip";
/// `skip_serializing`.
pub const SKIP_SERIALIZING: &str = "skip_serializing";
/// `skip_deserializing`.
pub const SKIP_DESERIALIZING: &str = "skip_deserializing";
/// `skip_serializing_if = "path"`.
pub const SKIP_SERIALIZING_IF: &str = "skip_serializing_if";
/// `flatten`.
pub const FLATTEN: &str = "flatten";
/// `serialize_with = "path"`.
pub const SERIALIZE_WITH: &str = "serialize_with";
/// `deserialize_with = "path"`.
pub const DESERIALIZE_WITH: &str = "deserialize_with";
/// `with = "module"`.
pub const WITH: &str = "with";
/// `from = "Type"`.
pub const FROM: &str = "from";
/// `try_from = "Type"`.
pub const TRY_FROM: &str = "try_from";
/// `into = "Type"`.
pub const INTO: &str = "into";
/// `remote = "Type"`.
pub const REMOTE: &str = "remote";
/// `getter = "path"`.
pub const GETTER: &str = "getter";
/// `variant_identifier`.
pub const VARIANT_IDENTIFIER: &str = "variant_identifier";
/// `field_identifier`.
pub const FIELD_IDENTIFIER: &str = "field_identifier";
/// Inside `rename(..)` and `rename_all(..)`: the name when writing.
pub const SERIALIZE: &str = "serialize";
/// Inside `rename(..)` and `rename_all(..)`: the name when reading.
pub const DESERIALIZE: &str = "deserialize";

/// Keys serde accepts on a struct or enum.
pub const CONTAINER_KEYS: &[&str] = &[
    RENAME,
    RENAME_ALL,
    RENAME_ALL_FIELDS,
    TAG,
    CONTENT,
    UNTAGGED,
    TRANSPARENT,
    DEFAULT,
    DENY_UNKNOWN_FIELDS,
    BOUND,
    CRATE,
    EXPECTING,
    FROM,
    TRY_FROM,
    INTO,
    REMOTE,
    VARIANT_IDENTIFIER,
    FIELD_IDENTIFIER,
];
/// Keys serde accepts on a variant.
pub const VARIANT_KEYS: &[&str] = &[
    RENAME,
    ALIAS,
    RENAME_ALL,
    SKIP,
    SKIP_SERIALIZING,
    SKIP_DESERIALIZING,
    SERIALIZE_WITH,
    DESERIALIZE_WITH,
    WITH,
    BOUND,
    BORROW,
    OTHER,
    UNTAGGED,
];
/// Keys serde accepts on a field.
pub const FIELD_KEYS: &[&str] = &[
    RENAME,
    ALIAS,
    DEFAULT,
    FLATTEN,
    SKIP,
    SKIP_SERIALIZING,
    SKIP_DESERIALIZING,
    SKIP_SERIALIZING_IF,
    SERIALIZE_WITH,
    DESERIALIZE_WITH,
    WITH,
    BORROW,
    BOUND,
    GETTER,
];

/// Keys whose wire form comes from user code dogen cannot read, and why.
const UNMAPPABLE: &[(&str, &str)] = &[
    (REMOTE, "it describes a type of another crate"),
    (GETTER, "it belongs to a `remote` definition"),
    (VARIANT_IDENTIFIER, "it makes the enum an identifier deserializer, not a value type"),
    (FIELD_IDENTIFIER, "it makes the enum an identifier deserializer, not a value type"),
];

/// A value and where it was written.
#[derive(Debug, Clone)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

/// `#[serde(...)]` on a struct or enum.
#[derive(Debug, Clone, Default)]
pub struct ContainerAttrs {
    /// `rename`: the name a struct's `tag` writes.
    pub rename: Option<Spanned<String>>,
    /// `rename_all`.
    pub rename_all: Option<Spanned<RenameRule>>,
    /// `rename_all_fields`.
    pub rename_all_fields: Option<Spanned<RenameRule>>,
    /// `tag`.
    pub tag: Option<Spanned<String>>,
    /// `content`.
    pub content: Option<Spanned<String>>,
    /// `untagged`.
    pub untagged: Option<Span>,
    /// `transparent`.
    pub transparent: Option<Span>,
    /// `default`: every field may be missing on input.
    pub default: bool,
    /// `from = ".."`: values are read as this type.
    pub from: Option<Spanned<String>>,
    /// `try_from = ".."`: values are read as this type.
    pub try_from: Option<Spanned<String>>,
    /// `into = ".."`: values are written as this type.
    pub into: Option<Spanned<String>>,
}

/// `#[serde(...)]` on a variant.
#[derive(Debug, Clone, Default)]
pub struct VariantAttrs {
    /// `rename`.
    pub rename: Option<Spanned<String>>,
    /// `rename_all`, for a struct variant's fields.
    pub rename_all: Option<Spanned<RenameRule>>,
    /// `skip` or `skip_serializing`.
    pub skip_serializing: bool,
    /// `skip` or `skip_deserializing`.
    pub skip_deserializing: Option<Span>,
    /// `untagged`.
    pub untagged: bool,
}

/// `#[serde(...)]` on a field.
#[derive(Debug, Clone, Default)]
pub struct FieldAttrs {
    /// `rename`.
    pub rename: Option<Spanned<String>>,
    /// `default`.
    pub default: bool,
    /// `flatten`.
    pub flatten: Option<Span>,
    /// `skip` or `skip_serializing`.
    pub skip_serializing: bool,
    /// `skip` or `skip_deserializing`.
    pub skip_deserializing: bool,
    /// `skip_serializing_if`.
    pub skip_serializing_if: Option<Span>,
    /// `with = ".."`.
    pub with: Option<Spanned<String>>,
    /// `serialize_with = ".."`.
    pub serialize_with: Option<Spanned<String>>,
    /// `deserialize_with = ".."`.
    pub deserialize_with: Option<Spanned<String>>,
}

impl FieldAttrs {
    /// The first attribute that hands the field to user code, if any.
    pub fn custom(&self) -> Option<(&'static str, &Spanned<String>)> {
        [(WITH, &self.with), (SERIALIZE_WITH, &self.serialize_with), (DESERIALIZE_WITH, &self.deserialize_with)]
            .into_iter()
            .find_map(|(key, value)| value.as_ref().map(|v| (key, v)))
    }
}

impl ContainerAttrs {
    /// Reads every `#[serde(...)]` among a struct's or enum's attributes.
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = ContainerAttrs::default();
        for_each_key(cx, attrs, CONTAINER_KEYS, |key, meta| {
            match key {
                RENAME => out.rename = Some(one_name(meta)?),
                RENAME_ALL => out.rename_all = Some(rule(meta)?),
                RENAME_ALL_FIELDS => out.rename_all_fields = Some(rule(meta)?),
                TAG => out.tag = Some(string(meta)?),
                CONTENT => out.content = Some(string(meta)?),
                UNTAGGED => out.untagged = Some(meta.path.span()),
                TRANSPARENT => out.transparent = Some(meta.path.span()),
                DEFAULT => {
                    skip_value(meta)?;
                    out.default = true;
                }
                FROM => out.from = Some(string(meta)?),
                TRY_FROM => out.try_from = Some(string(meta)?),
                INTO => out.into = Some(string(meta)?),
                _ => skip_value(meta)?,
            }
            Ok(())
        });
        out
    }
}

impl VariantAttrs {
    /// Reads every `#[serde(...)]` among a variant's attributes.
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = VariantAttrs::default();
        for_each_key(cx, attrs, VARIANT_KEYS, |key, meta| {
            match key {
                RENAME => out.rename = Some(one_name(meta)?),
                RENAME_ALL => out.rename_all = Some(rule(meta)?),
                SKIP => {
                    out.skip_serializing = true;
                    out.skip_deserializing = Some(meta.path.span());
                }
                SKIP_SERIALIZING => out.skip_serializing = true,
                SKIP_DESERIALIZING => out.skip_deserializing = Some(meta.path.span()),
                UNTAGGED => out.untagged = true,
                WITH | SERIALIZE_WITH | DESERIALIZE_WITH => {
                    cx.error_spanned_by(
                        &meta.path,
                        format!(
                            "dogen cannot type `#[serde({key})]` on a variant: the variant's wire form is whatever that code writes; map the field types it carries instead, or the enum in `[package.metadata.dogen.types]`"
                        ),
                    );
                    skip_value(meta)?
                }
                _ => skip_value(meta)?,
            }
            Ok(())
        });
        out
    }
}

impl FieldAttrs {
    /// Reads every `#[serde(...)]` among a field's attributes.
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = FieldAttrs::default();
        for_each_key(cx, attrs, FIELD_KEYS, |key, meta| {
            match key {
                RENAME => out.rename = Some(one_name(meta)?),
                DEFAULT => {
                    skip_value(meta)?;
                    out.default = true;
                }
                FLATTEN => out.flatten = Some(meta.path.span()),
                SKIP => {
                    out.skip_serializing = true;
                    out.skip_deserializing = true;
                }
                SKIP_SERIALIZING => out.skip_serializing = true,
                SKIP_DESERIALIZING => out.skip_deserializing = true,
                SKIP_SERIALIZING_IF => {
                    skip_value(meta)?;
                    out.skip_serializing_if = Some(meta.path.span());
                }
                WITH => out.with = Some(string(meta)?),
                SERIALIZE_WITH => out.serialize_with = Some(string(meta)?),
                DESERIALIZE_WITH => out.deserialize_with = Some(string(meta)?),
                _ => skip_value(meta)?,
            }
            Ok(())
        });
        out
    }
}

/// Whether `attrs` derive serde's `Serialize` or `Deserialize` (directly or
/// inside `cfg_attr`).
pub fn derives_serde(attrs: &[syn::Attribute]) -> bool {
    let mut found = false;
    for_each_meta(attrs, |attr| {
        if let syn::Meta::List(list) = attr
            && list.path.is_ident("derive")
        {
            if let Some(serde) = derives_serde_plainly(&list.tokens) {
                found |= serde;
                return;
            }
            let _ = list.parse_nested_meta(|meta| {
                found |=
                    meta.path.segments.last_item().is_some_and(|s| s.ident == "Serialize" || s.ident == "Deserialize");
                Ok(())
            });
        }
    });
    found
}

/// Whether a plain derive list (paths of identifiers and `::`, between
/// commas: `Debug, serde::Serialize`) names `Serialize` or `Deserialize`
/// by a path's last segment, read from the tokens; `None` for any other
/// list, which is parsed instead.
fn derives_serde_plainly(tokens: &proc_macro2::TokenStream) -> Option<bool> {
    use proc_macro2::{Spacing, TokenTree};
    let mut found = false;
    // The last identifier read, while a path may still go on after it.
    let mut last: Option<proc_macro2::Ident> = None;
    // Whether a segment must come next (after `::`).
    let mut segment_next = false;
    let mut tokens = tokens.clone().into_iter();
    loop {
        match tokens.next() {
            Some(TokenTree::Ident(ident)) if last.is_none() => {
                last = Some(ident);
                segment_next = false;
            }
            Some(TokenTree::Punct(p)) if p.as_char() == ':' && p.spacing() == Spacing::Joint && !segment_next => {
                match tokens.next() {
                    Some(TokenTree::Punct(q)) if q.as_char() == ':' => {}
                    _ => return None,
                }
                last = None;
                segment_next = true;
            }
            Some(TokenTree::Punct(p)) if p.as_char() == ',' && !segment_next => {
                let ident = last.take()?;
                found |= ident == "Serialize" || ident == "Deserialize";
            }
            None if !segment_next => {
                if let Some(ident) = last {
                    found |= ident == "Serialize" || ident == "Deserialize";
                }
                return Some(found);
            }
            _ => return None,
        }
    }
}

/// Calls `f` on each attribute of `attrs`, with each `#[cfg_attr(pred, a,
/// b)]` standing for `#[a]` and `#[b]`.
fn for_each_meta(attrs: &[syn::Attribute], mut f: impl FnMut(&syn::Meta)) {
    for attr in attrs {
        if attr.path().is_ident("cfg_attr") {
            let parser = syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated;
            if let Ok(list) = attr.parse_args_with(parser) {
                list.iter().skip(1).for_each(&mut f);
            }
        } else {
            f(&attr.meta);
        }
    }
}

/// Calls `f` for each key of each `serde(...)` in `attrs`, after rejecting
/// unknown and unmappable keys.
fn for_each_key(
    cx: &Ctxt,
    attrs: &[syn::Attribute],
    allowed: &[&'static str],
    mut f: impl FnMut(&'static str, &ParseNestedMeta<'_>) -> syn::Result<()>,
) {
    for_each_meta(attrs, |meta| {
        if !meta.path().is_ident(SERDE) {
            return;
        }
        let syn::Meta::List(list) = meta else {
            cx.error_spanned_by(meta, "expected `#[serde(...)]`");
            return;
        };
        let result = list.parse_nested_meta(|meta| {
            let ident = meta.path.get_ident();
            let Some(key) = allowed.iter().copied().find(|k| ident.is_some_and(|i| i == k)) else {
                let list = allowed.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
                let shown = quote::ToTokens::to_token_stream(&meta.path).to_string().replace(' ', "");
                return Err(meta.error(format!("unknown serde attribute `{shown}`; expected one of {list}")));
            };
            if let Some((_, why)) = UNMAPPABLE.iter().find(|(k, _)| *k == key) {
                cx.error_spanned_by(
                    &meta.path,
                    format!("dogen cannot type `#[serde({key})]`: {why}, which dogen cannot read"),
                );
                return skip_value(&meta);
            }
            f(key, &meta)
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    });
}

fn string(meta: &ParseNestedMeta<'_>) -> syn::Result<Spanned<String>> {
    let lit: syn::LitStr = meta.value()?.parse()?;
    Ok(Spanned { value: lit.value(), span: lit.span() })
}

/// `key = ".."`, or `key(serialize = "..", deserialize = "..")` with the
/// same value for both: dogen gives each name one spelling in both
/// directions.
fn both_ways(meta: &ParseNestedMeta<'_>) -> syn::Result<Spanned<String>> {
    if meta.input.peek(syn::Token![=]) {
        return string(meta);
    }
    let key = meta.path.get_ident().map(ToString::to_string).unwrap_or_default();
    let (mut ser, mut de) = (None, None);
    meta.parse_nested_meta(|inner| {
        if inner.path.is_ident(SERIALIZE) {
            ser = Some(string(&inner)?);
        } else if inner.path.is_ident(DESERIALIZE) {
            de = Some(string(&inner)?);
        } else {
            return Err(inner.error(format!("expected `{SERIALIZE}` or `{DESERIALIZE}`")));
        }
        Ok(())
    })?;
    match (ser, de) {
        (Some(s), Some(d)) if s.value == d.value => Ok(s),
        _ => Err(meta.error(format!(
            "dogen cannot type `{key}` with different values for `serialize` and `deserialize`: one TypeScript type serves both directions"
        ))),
    }
}

fn one_name(meta: &ParseNestedMeta<'_>) -> syn::Result<Spanned<String>> {
    both_ways(meta)
}

fn rule(meta: &ParseNestedMeta<'_>) -> syn::Result<Spanned<RenameRule>> {
    let name = both_ways(meta)?;
    match RenameRule::from_name(&name.value) {
        Some(value) => Ok(Spanned { value, span: name.span }),
        None => {
            let list = RULES.iter().map(|(n, _)| format!("`{n}`")).collect::<Vec<_>>().join(", ");
            Err(syn::Error::new(name.span, format!("unknown rename rule `{}`; expected one of {list}", name.value)))
        }
    }
}

/// Consumes whatever follows a key: nothing, `= value`, or `(...)`.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| skip_value(&inner))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What parsing the list finds, the way `derives_serde` reads a list
    /// that is not plain.
    fn parsed(list: &syn::MetaList) -> bool {
        let mut found = false;
        let _ = list.parse_nested_meta(|meta| {
            found |= meta.path.segments.last_item().is_some_and(|s| s.ident == "Serialize" || s.ident == "Deserialize");
            Ok(())
        });
        found
    }

    #[test]
    fn plain_derive_lists_are_read_as_parsing_reads_them() {
        let lists = [
            "",
            "Debug",
            "Serialize",
            "Debug, Clone, Deserialize",
            "serde::Serialize, Debug",
            "::serde::Deserialize",
            "Serialize,",
            "Serialize::Other",
            "r#Serialize",
            "Foo::Serialize::Bar, Clone",
            "a::b::c::Serialize",
        ];
        for text in lists {
            let list: syn::MetaList = syn::parse_str(&format!("derive({text})")).expect("a meta list");
            assert_eq!(derives_serde_plainly(&list.tokens), Some(parsed(&list)), "{text}");
        }
        for text in [", Debug", "Serialize Deserialize", "Serialize: Foo", "a::", "Serialize = \"x\"", "(Serialize)"] {
            let list: syn::MetaList = syn::parse_str(&format!("derive({text})")).expect("a meta list");
            assert_eq!(derives_serde_plainly(&list.tokens), None, "{text}");
        }
    }
}
