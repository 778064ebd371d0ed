//! The `#[durable(...)]` attribute: on the trait (`binding`, `class`,
//! `sqlite`, `client`) and on its methods (`rename`).
//!
//! Keys are named constants; an unknown key is an error that lists the
//! allowed ones.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;

use crate::ctxt::Ctxt;
use crate::punct::Items as _;

/// The attribute's own name, as written on methods: `#[durable(rename = "..")]`.
pub const DURABLE: &str = "durable";
/// Trait key: the namespace binding's name.
pub const BINDING: &str = "binding";
/// Trait key: the JavaScript class name.
pub const CLASS: &str = "class";
/// Trait key: `sqlite = false` asks for key-value storage instead of
/// SQLite when `dogen wrangler` creates the class's migration.
pub const SQLITE: &str = "sqlite";
/// Trait key: `client = false` leaves the typed Rust client out of the
/// expansion, for a crate that only serves the object.
pub const CLIENT: &str = "client";
/// Method key: the wire name.
pub const RENAME: &str = "rename";

/// Keys accepted on the trait.
pub const TRAIT_KEYS: &[&str] = &[BINDING, CLASS, SQLITE, CLIENT];
/// Keys accepted on a method.
pub const METHOD_KEYS: &[&str] = &[RENAME];

/// A string value and where it was written.
#[derive(Debug, Clone)]
pub struct Spanned {
    /// The value.
    pub value: String,
    /// The literal's span.
    pub span: Span,
}

/// A boolean value and where it was written.
#[derive(Debug, Clone, Copy)]
pub struct SpannedBool {
    /// The value.
    pub value: bool,
    /// The literal's span.
    pub span: Span,
}

/// What `#[durable(...)]` on the trait says.
#[derive(Debug, Clone, Default)]
pub struct TraitAttrs {
    /// `binding = "..."`.
    pub binding: Option<Spanned>,
    /// `class = "..."`.
    pub class: Option<Spanned>,
    /// `sqlite = true | false`.
    pub sqlite: Option<SpannedBool>,
    /// `client = true | false`.
    pub client: Option<SpannedBool>,
}

/// What `#[durable(...)]` on a method says.
#[derive(Debug, Clone, Default)]
pub struct MethodAttrs {
    /// `rename = "..."`.
    pub rename: Option<Spanned>,
}

impl TraitAttrs {
    /// Parses the arguments of the trait attribute, e.g. the
    /// `binding = "COUNTER"` of `#[dogen::durable(binding = "COUNTER")]`.
    pub fn from_args(cx: &Ctxt, args: proc_macro2::TokenStream) -> Self {
        let mut attrs = TraitAttrs::default();
        let parser = syn::meta::parser(|meta| {
            if meta.path.is_ident(BINDING) {
                set_once(cx, &meta, &mut attrs.binding)
            } else if meta.path.is_ident(CLASS) {
                set_once(cx, &meta, &mut attrs.class)
            } else if meta.path.is_ident(SQLITE) {
                set_bool_once(cx, &meta, &mut attrs.sqlite)
            } else if meta.path.is_ident(CLIENT) {
                set_bool_once(cx, &meta, &mut attrs.client)
            } else {
                unknown_key(cx, &meta, TRAIT_KEYS)
            }
        });
        if let Err(error) = syn::parse::Parser::parse2(parser, args) {
            cx.syn_error(error);
        }
        attrs
    }

    /// Parses `#[durable(...)]` when it is written as an attribute of the
    /// trait (as the command line sees it in source files).
    pub fn from_attr(cx: &Ctxt, attr: &syn::Attribute) -> Self {
        match &attr.meta {
            syn::Meta::Path(_) => TraitAttrs::default(),
            syn::Meta::List(list) => TraitAttrs::from_args(cx, list.tokens.clone()),
            syn::Meta::NameValue(nv) => {
                cx.error_spanned_by(nv, "expected `#[durable]` or `#[durable(key = \"value\", ...)]`");
                TraitAttrs::default()
            }
        }
    }
}

impl MethodAttrs {
    /// Reads every `#[durable(...)]` among a method's attributes.
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = MethodAttrs::default();
        for attr in attrs.iter().filter(|a| is_durable(a)) {
            if !matches!(attr.meta, syn::Meta::List(_)) {
                cx.error_spanned_by(&attr.meta, "expected `#[durable(rename = \"...\")]` on a method");
                continue;
            }
            let result = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident(RENAME) {
                    set_once(cx, &meta, &mut out.rename)
                } else {
                    unknown_key(cx, &meta, METHOD_KEYS)
                }
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
        }
        out
    }
}

/// Whether `attr` is a `#[durable(...)]` helper attribute.
pub fn is_durable(attr: &syn::Attribute) -> bool {
    attr.path().is_ident(DURABLE)
}

/// Whether `attr` is the trait attribute, written `#[durable]`,
/// `#[dogen::durable]` or `#[::dogen::durable]`.
pub fn is_trait_attr(attr: &syn::Attribute) -> bool {
    let path = attr.path();
    path.segments.last_item().is_some_and(|s| s.ident == DURABLE)
        && (path.segments.len() == 1 || (path.segments.len() == 2 && path.segments[0].ident == "dogen"))
}

/// The text of every `///` line among `attrs`, without the leading space.
pub fn docs(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(syn::MetaNameValue {
                value: syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }),
                ..
            }) => {
                // Trimmed in place.
                let mut text = lit_text(s);
                text.truncate(text.trim_end().len());
                if text.starts_with(' ') {
                    text.remove(0);
                }
                Some(text)
            }
            _ => None,
        })
        .collect()
}

/// `lit.value()`, read straight from the literal's text when it is a plain
/// `"..."` without escapes (what a `///` line mostly is): its text between
/// the quotes, without unescaping it character by character.
fn lit_text(lit: &syn::LitStr) -> String {
    let mut text = lit.token().to_string();
    let plain = text.len() >= 2
        && text.starts_with('"')
        && text.ends_with('"')
        && !text[1..text.len() - 1].contains(['\\', '\r', '"']);
    if !plain {
        return lit.value();
    }
    text.pop();
    text.remove(0);
    text
}

/// Stores the string value of `meta` in `slot`. A missing or non-string
/// value and a repeated key are recorded in `cx`, and parsing goes on, so
/// every mistake in one attribute is reported at once.
fn set_once(cx: &Ctxt, meta: &ParseNestedMeta<'_>, slot: &mut Option<Spanned>) -> syn::Result<()> {
    let key = key_name(meta);
    let Some(lit) = string_value(cx, meta, &key)? else { return Ok(()) };
    if slot.is_some() {
        cx.error_spanned_by(&meta.path, format!("duplicate `durable` attribute key `{key}`"));
    } else {
        *slot = Some(Spanned { value: lit.value(), span: lit.span() });
    }
    Ok(())
}

/// Stores the boolean value of `meta` in `slot`, like [`set_once`] does for
/// strings.
fn set_bool_once(cx: &Ctxt, meta: &ParseNestedMeta<'_>, slot: &mut Option<SpannedBool>) -> syn::Result<()> {
    let key = key_name(meta);
    if !meta.input.peek(syn::Token![=]) {
        cx.error_spanned_by(&meta.path, format!("`durable` attribute key `{key}` needs a value: `{key} = false`"));
        skip_value(meta)?;
        return Ok(());
    }
    let lit = match meta.value()?.parse::<syn::Expr>()? {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Bool(lit), .. }) => lit,
        other => {
            cx.error_spanned_by(other, format!("the value of `{key}` must be `true` or `false`: `{key} = false`"));
            return Ok(());
        }
    };
    if slot.is_some() {
        cx.error_spanned_by(&meta.path, format!("duplicate `durable` attribute key `{key}`"));
    } else {
        *slot = Some(SpannedBool { value: lit.value, span: lit.span });
    }
    Ok(())
}

/// The string literal after `key =`, or `None` once the reason it is
/// missing has been recorded.
fn string_value(cx: &Ctxt, meta: &ParseNestedMeta<'_>, key: &str) -> syn::Result<Option<syn::LitStr>> {
    if !meta.input.peek(syn::Token![=]) {
        cx.error_spanned_by(&meta.path, format!("`durable` attribute key `{key}` needs a value: `{key} = \"...\"`"));
        skip_value(meta)?;
        return Ok(None);
    }
    match meta.value()?.parse::<syn::Expr>()? {
        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(lit), .. }) => Ok(Some(lit)),
        other => {
            cx.error_spanned_by(other, format!("the value of `{key}` must be a string literal: `{key} = \"...\"`"));
            Ok(None)
        }
    }
}

/// Records an unknown key and skips its value, so the keys after it are
/// still checked.
fn unknown_key(cx: &Ctxt, meta: &ParseNestedMeta<'_>, allowed: &[&str]) -> syn::Result<()> {
    let list = allowed.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    cx.error_spanned_by(
        &meta.path,
        format!("unknown `durable` attribute key `{}`; expected one of {list}", key_name(meta)),
    );
    skip_value(meta)
}

/// Consumes whatever follows a key: `= value`, `(...)` or nothing.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<proc_macro2::TokenStream>()?;
    }
    Ok(())
}

/// The key as written, e.g. `binding` or `serde::rename`.
fn key_name(meta: &ParseNestedMeta<'_>) -> String {
    quote::ToTokens::to_token_stream(&meta.path).to_string().replace(' ', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_literals_are_read_as_syn_reads_them() {
        for text in [
            r#""""#,
            r#"" a doc line""#,
            r#""é and ü""#,
            r#""tab\there""#,
            r#""quote \" in""#,
            r##"r#"raw"#"##,
            r#""\u{200b}""#,
            r#""a\
            b""#,
        ] {
            let lit: syn::LitStr = syn::parse_str(text).expect("a string literal");
            assert_eq!(lit_text(&lit), lit.value(), "{text}");
        }
        let doc: syn::Attribute = syn::parse_quote!(#[doc = " one line "]);
        assert_eq!(docs(&[doc]), ["one line"]);
        // `///` comments, as proc-macro2 turns them into literals.
        let item: syn::ItemStruct =
            syn::parse_str("/// plain\n/// a \"quote\"\n/// tab\there \\ back\n/** block\n  two */\nstruct S;")
                .expect("a struct");
        for attr in &item.attrs {
            let syn::Meta::NameValue(nv) = &attr.meta else { unreachable!() };
            let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(lit), .. }) = &nv.value else { unreachable!() };
            assert_eq!(lit_text(lit), lit.value());
        }
    }
}
