//! `#[dogen::object(Trait)]`: the link between a workers-rs Durable Object
//! struct and the `#[durable]` trait it serves over native Workers RPC.
//!
//! ```ignore
//! #[dogen::object(Counter, field = counter)] // calls go to `self.counter`
//! #[durable_object]
//! pub struct CounterObject { state: State, counter: CounterLogic }
//! ```
//!
//! Without `field`, the struct itself implements the trait.

use proc_macro2::TokenStream;
use syn::parse::{Parse, ParseStream};

use crate::ctxt::Ctxt;

/// The attribute's name, as written: `#[dogen::object(..)]`.
pub const OBJECT: &str = "object";
/// Key: the field that implements the trait, instead of the struct.
pub const FIELD: &str = "field";
/// Keys accepted after the trait path.
pub const OBJECT_KEYS: &[&str] = &[FIELD];
/// The wasm-bindgen method `#[dogen::object]` exports and the entry module
/// calls: `__dogen_call(method, args)`.
pub const RPC_EXPORT: &str = "__dogen_call";

/// One Durable Object struct serving one interface.
#[derive(Debug, Clone)]
pub struct Object {
    /// The struct's name: the class wasm-bindgen exports, e.g. `CounterObject`.
    pub ident: syn::Ident,
    /// The path of the `#[durable]` trait, e.g. `Counter` or `api::Counter`.
    pub interface: syn::Path,
    /// The field that implements the trait, if not the struct itself.
    pub field: Option<syn::Ident>,
}

struct Args {
    interface: syn::Path,
    field: Option<syn::Ident>,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(input.error("expected the `#[durable]` trait this object serves: `#[dogen::object(Counter)]`"));
        }
        let interface: syn::Path = input.parse()?;
        let mut field = None;
        while !input.is_empty() {
            input.parse::<syn::Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let key: syn::Ident = input.parse()?;
            if key != FIELD {
                let list = OBJECT_KEYS.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
                return Err(syn::Error::new(
                    key.span(),
                    format!("unknown `object` attribute key `{key}`; expected one of {list}"),
                ));
            }
            if field.is_some() {
                return Err(syn::Error::new(key.span(), format!("duplicate `object` attribute key `{key}`")));
            }
            input.parse::<syn::Token![=]>()?;
            field = Some(input.parse()?);
        }
        Ok(Args { interface, field })
    }
}

impl Object {
    /// Reads `#[dogen::object(args)]` on `item`, recording problems in `cx`.
    pub fn from_syn(cx: &Ctxt, args: TokenStream, item: &syn::ItemStruct) -> Option<Object> {
        let args = match syn::parse2::<Args>(args) {
            Ok(args) => args,
            Err(error) => {
                cx.syn_error(error);
                return None;
            }
        };
        if !item.generics.params.is_empty() {
            cx.error_spanned_by(
                &item.generics,
                "a `#[dogen::object]` struct cannot be generic: JavaScript constructs it",
            );
        }
        if let Some(field) = &args.field {
            let known = match &item.fields {
                syn::Fields::Named(named) => named.named.iter().any(|f| f.ident.as_ref() == Some(field)),
                _ => false,
            };
            if !known {
                cx.error_spanned_by(field, format!("`{}` has no field `{field}`", item.ident));
            }
        }
        Some(Object { ident: item.ident.clone(), interface: args.interface, field: args.field })
    }

    /// Reads the attribute as the command line sees it in source files.
    pub fn from_attr(cx: &Ctxt, attr: &syn::Attribute, item: &syn::ItemStruct) -> Option<Object> {
        match &attr.meta {
            syn::Meta::List(list) => Object::from_syn(cx, list.tokens.clone(), item),
            other => {
                cx.error_spanned_by(other, "expected `#[dogen::object(Trait)]`");
                None
            }
        }
    }
}

/// Whether `attr` is `#[object(..)]`, `#[dogen::object(..)]` or `#[::dogen::object(..)]`.
pub fn is_object_attr(attr: &syn::Attribute) -> bool {
    let path = attr.path();
    path.segments.last().is_some_and(|s| s.ident == OBJECT)
        && (path.segments.len() == 1 || (path.segments.len() == 2 && path.segments[0].ident == "dogen"))
}

/// Expands `#[dogen::object(args)] input`: the struct unchanged, a native
/// check that the target implements the trait, and the wasm32 RPC export.
pub fn expand_object(args: TokenStream, input: TokenStream) -> TokenStream {
    let item: syn::ItemStruct = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(_) => {
            let error = syn::Error::new(
                proc_macro2::Span::call_site(),
                "`#[dogen::object]` goes on the workers-rs `#[durable_object]` struct",
            )
            .to_compile_error();
            return quote::quote! { #error #input };
        }
    };
    let cx = Ctxt::new();
    let object = Object::from_syn(&cx, args, &item);
    match (cx.check(), object) {
        (Ok(()), Some(object)) => {
            let generated = crate::render_rust::render_object(&object);
            quote::quote! { #item #generated }
        }
        (Err(error), _) => {
            let error = error.to_compile_error();
            quote::quote! { #item #error }
        }
        (Ok(()), None) => quote::quote! { #item },
    }
}
