//! model → Rust: the server dispatch and the typed client that `#[durable]`
//! emits next to the trait. Reads only the model.
//!
//! Generated paths are anchored on the facade crate (`::dogen::...`);
//! private names carry the `__dogen_` prefix.

mod client;
mod object;
mod server;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{Interface, Method, Output};

pub use client::render_client;
pub use object::render_object;
pub use server::render_server;

/// Everything `#[durable]` emits after the trait itself.
pub fn render(iface: &Interface) -> TokenStream {
    let server = render_server(iface);
    let client = render_client(iface);
    quote! {
        #server
        #client
    }
}

/// `CounterServer` for `Counter`.
fn server_ident(iface: &Interface) -> syn::Ident {
    format_ident!("{}Server", iface.ident)
}

/// `CounterClient` for `Counter`.
fn client_ident(iface: &Interface) -> syn::Ident {
    format_ident!("{}Client", iface.ident)
}

/// `#[doc = "..."]` for each doc line.
fn doc_attrs(docs: &[String]) -> TokenStream {
    let lines = docs.iter().map(|line| format!(" {line}"));
    quote! { #( #[doc = #lines] )* }
}

/// The `E` of a method's `Result<T, E>`, or `Infallible`.
fn app_error_type(method: &Method) -> TokenStream {
    match &method.output {
        Output::Result { err, .. } => {
            let ty = &err.ty;
            quote!(#ty)
        }
        _ => quote!(::core::convert::Infallible),
    }
}
