//! The proc-macro's whole job, as a library function: parse, validate,
//! render, and on error emit the trait anyway so one mistake does not
//! cascade into "trait not found" noise.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

use crate::attr::{self, TraitAttrs};
use crate::ctxt::Ctxt;
use crate::model::Interface;
use crate::parse::keyword_and_name;
use crate::render_rust;
use crate::validate::validate;

/// Expands `#[durable(args)] input`.
pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut item: syn::ItemTrait = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(_) => {
            let error = not_a_trait(&input).to_compile_error();
            return quote! { #error #input };
        }
    };
    let cx = Ctxt::new();
    let attrs = TraitAttrs::from_args(&cx, args);
    let iface = interface(&cx, attrs, &item);
    strip_helper_attrs(&mut item);
    // Durable Objects are single-threaded, so the trait's futures need not be
    // `Send`; say so instead of warning every user about it.
    item.attrs.push(syn::parse_quote!(#[allow(async_fn_in_trait)]));
    match cx.check() {
        Ok(()) => {
            let generated = render_rust::render(&iface);
            quote! {
                #item
                #generated
            }
        }
        Err(error) => {
            let error = error.to_compile_error();
            quote! {
                #item
                #error
            }
        }
    }
}

/// The error for `#[durable]` on anything but a trait, pointing at the
/// item's keyword and name.
fn not_a_trait(input: &TokenStream) -> syn::Error {
    let (tokens, what) = match syn::parse2::<syn::Item>(input.clone()) {
        Ok(syn::Item::Struct(s)) => (keyword_and_name(&s.struct_token, &s.ident), "a struct"),
        Ok(syn::Item::Enum(e)) => (keyword_and_name(&e.enum_token, &e.ident), "an enum"),
        Ok(syn::Item::Union(u)) => (keyword_and_name(&u.union_token, &u.ident), "a union"),
        Ok(syn::Item::Fn(f)) => (keyword_and_name(&f.sig.fn_token, &f.sig.ident), "a function"),
        Ok(syn::Item::Impl(i)) => (i.impl_token.to_token_stream(), "an `impl` block"),
        Ok(syn::Item::Mod(m)) => (keyword_and_name(&m.mod_token, &m.ident), "a module"),
        _ => (TokenStream::new(), "this item"),
    };
    let message = format!("`#[durable]` goes on a trait that describes a Durable Object's methods, not on {what}");
    if tokens.is_empty() {
        syn::Error::new(proc_macro2::Span::call_site(), message)
    } else {
        syn::Error::new_spanned(tokens, message)
    }
}

/// Parses and validates one trait: the single path from syn to the model,
/// shared by the proc-macro and the command line.
pub fn interface(cx: &Ctxt, attrs: TraitAttrs, item: &syn::ItemTrait) -> Interface {
    let iface = Interface::from_syn(cx, attrs, item);
    validate(cx, &iface);
    iface
}

/// Removes the `#[durable(...)]` helper attributes from methods: the
/// compiler does not know them.
fn strip_helper_attrs(item: &mut syn::ItemTrait) {
    for trait_item in &mut item.items {
        if let syn::TraitItem::Fn(f) = trait_item {
            // Also a `cfg_attr` that would bring one back (already an error).
            f.attrs.retain(|a| !attr::is_durable(a) && !is_cfg_attr_durable(a));
        }
    }
}

/// `#[cfg_attr(pred, durable(..))]`.
fn is_cfg_attr_durable(attr: &syn::Attribute) -> bool {
    attr.path().is_ident("cfg_attr")
        && matches!(&attr.meta, syn::Meta::List(list) if list.tokens.clone().into_iter().any(
            |t| matches!(t, proc_macro2::TokenTree::Ident(i) if i == attr::DURABLE)
        ))
}
