//! model → Rust: the server dispatch and the typed client that `#[durable]`
//! emits next to the trait. Reads only the model.
//!
//! Generated paths are anchored on the facade crate (`::dogen::...`);
//! private names carry the `__dogen_` prefix.

mod client;
mod object;
mod server;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::spanned::Spanned;

use crate::model::{Interface, Method, Output, Shape};

pub use client::render_client;
pub use object::render_object;
pub use server::render_server;

/// Everything `#[durable]` emits after the trait itself: the server, and
/// the client unless the trait says `client = false`.
pub fn render(iface: &Interface) -> TokenStream {
    let server = render_server(iface);
    let client = if iface.client { render_client(iface) } else { TokenStream::new() };
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

/// Where a failed serde bound on the argument tuple of `method` is
/// reported. See [`blame`].
fn blame_args(method: &Method) -> Span {
    blame(method, method.args.iter().map(|a| (a.owned(), &a.shape)))
}

/// Where a failed serde bound on a whole call of `method` (arguments and
/// what it returns) is reported. See [`blame`].
fn blame_call(method: &Method) -> Span {
    let output = match &method.output {
        Output::Unit => Vec::new(),
        Output::Value(v) => vec![(&*v.ty, &v.shape)],
        Output::Result { ok, err } => vec![(&*ok.ty, &ok.shape), (&*err.ty, &err.shape)],
    };
    blame(method, method.args.iter().map(|a| (a.owned(), &a.shape)).chain(output))
}

/// A serde bound over several types (`(A, B): Deserialize`) fails at one
/// place. Blame the one type among `types` that names a user type, if only
/// one does: standard types always have serde impls, so that type is the
/// culprit. Otherwise blame the method's name, never the attribute.
fn blame<'a>(method: &Method, types: impl Iterator<Item = (&'a syn::Type, &'a Shape)>) -> Span {
    let mut suspects = types.filter(|(_, shape)| names_user_type(shape));
    match (suspects.next(), suspects.next()) {
        (Some((ty, _)), None) => ty.span(),
        _ => method.ident.span(),
    }
}

/// Whether a value of this shape contains a user type, whose serde impls
/// dogen cannot vouch for.
fn names_user_type(shape: &Shape) -> bool {
    match shape {
        Shape::Named(..) => true,
        Shape::Option(inner) | Shape::Seq(inner) | Shape::Array(inner, _) => names_user_type(inner),
        Shape::Map(key, value) => names_user_type(key) || names_user_type(value),
        Shape::Tuple(items) => items.iter().any(names_user_type),
        Shape::Unit | Shape::Bool | Shape::Int(_) | Shape::Float(_) | Shape::Char | Shape::String | Shape::Bytes => {
            false
        }
    }
}
