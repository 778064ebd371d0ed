//! The typed client: `<Trait>Client<T: Transport>`, one async method per
//! trait method.

use proc_macro2::{Delimiter, Group, Ident, TokenStream};
use quote::{ToTokens, quote, quote_spanned};

use super::{blame_args, blame_call, client_ident, server_ident};
use crate::model::{Interface, Method, Output};

/// `pub struct CounterClient<T>` with its constructors and one method per
/// trait method.
pub fn render_client(iface: &Interface) -> TokenStream {
    let vis = &iface.vis;
    let trait_ident = &iface.ident;
    let client = client_ident(iface);
    let server = server_ident(iface);
    let binding = &iface.binding;
    let class = &iface.class;
    let doc = format!(
        " A typed client for [`{trait_ident}`]: each method calls the Durable Object through \
         the transport `T`."
    );
    let methods = iface.methods.iter().map(client_method);
    // The methods sit in an anonymous `const`, whose `use` shortens every
    // path to dogen's helpers and to the types of each method's future
    // (re-exported there, so rustdoc still shows `Future` and `Result`)
    // without adding a name to the user's module. Every method's tokens are
    // expanded, resolved and lowered again by each incremental check of the
    // crate.
    let methods = if iface.methods.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            const _: () = {
                use ::dogen::__private as __dogen;

                // The generics carry the reserved prefix: a user type may be called `T`.
                // A future's type spells the whole result: clippy finds it
                // complex where an `async fn` would not be.
                #[allow(clippy::type_complexity)]
                impl<__DogenT: ::dogen::Transport> #client<__DogenT> {
                    #(#methods)*
                }
            };
        }
    };
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone)]
        #vis struct #client<T> {
            transport: T,
        }

        impl<T> #client<T> {
            /// The namespace binding's name in wrangler config and on `Env`.
            pub const BINDING: &'static str = #binding;
            /// The JavaScript class that wrangler's `class_name` names.
            pub const CLASS: &'static str = #class;

            /// A client that calls through `transport`.
            pub fn new(transport: T) -> Self {
                Self { transport }
            }

            /// The transport this client calls through.
            pub fn transport(&self) -> &T {
                &self.transport
            }

            /// Gives the transport back.
            pub fn into_transport(self) -> T {
                self.transport
            }
        }

        impl<__DogenD> #client<::dogen::InProcess<#server<__DogenD>>> {
            /// A client that calls `target` in this process, through the same
            /// encoding as the fetch transport.
            pub fn in_process(target: __DogenD) -> Self {
                Self::new(::dogen::InProcess::new(#server(target)))
            }
        }

        impl<__DogenT: ::dogen::Transport> ::dogen::Client<__DogenT> for #client<__DogenT> {
            const BINDING: &'static str = #binding;
            const CLASS: &'static str = #class;

            fn from_transport(transport: __DogenT) -> Self {
                Self::new(transport)
            }
        }

        #methods
    }
}

fn client_method(method: &Method) -> TokenStream {
    // One `quote!` for the method, over identifiers and types: a token
    // stream interpolated into another is first flushed through the
    // compiler's token bridge, so only the parts spanned apart are streams
    // of their own. (The golden expansions pin the tokens, the UI cases the
    // spans.)
    // Every client method is documented, so `#![deny(missing_docs)]` crates
    // accept clients of undocumented trait methods.
    let fallback = [format!("Calls `{}` on the Durable Object.", method.wire_name)];
    let docs = if method.docs.is_empty() { &fallback[..] } else { &method.docs[..] };
    let lines = docs.iter().map(|line| format!(" {line}"));
    let ident = &method.ident;
    let wire = &method.wire_name;
    let names: Vec<_> = method.args.iter().map(|a| &a.ident).collect();
    let types = method.args.iter().map(|a| &a.ty);
    // Spans only: a failed serde bound is reported at the user's type (see
    // `blame`), never at the attribute. A failed bound of a method call is
    // reported at the method's name: `args`, which encodes the argument
    // tuple, carries the arguments' span; `value` or `result`, whose
    // returned value is inferred from the method's return type, the whole
    // call's.
    let blame = blame_call(method);
    let unit = Group::new(Delimiter::Parenthesis, TokenStream::new());
    // What the future yields: the value, and the application error (none:
    // `CallError`'s default, `Infallible`).
    let (ret, decode, err): (&dyn ToTokens, _, Option<&syn::Type>) = match &method.output {
        Output::Unit => (&unit, Ident::new("value", blame), None),
        Output::Value(v) => (&v.ty, Ident::new("value", blame), None),
        Output::Result { ok, err } => (&ok.ty, Ident::new("result", blame), Some(&err.ty)),
    };
    let args = if names.is_empty() {
        TokenStream::new()
    } else {
        // The tuple too: a failed bound of a method call's argument is
        // reported at the argument.
        let span = blame_args(method);
        let refs = names.iter().map(|name| quote_spanned!(span=> &#name));
        quote_spanned!(span=> .args(&(#(#refs,)*)))
    };
    // Not an `async fn`: the arguments are encoded when the method is
    // called, and the future is the shared helper's, so no method has a
    // future of its own for the compiler to build.
    // The opaque return type repeats the helper's bounds too: same span.
    let err = err.into_iter();
    let future = quote_spanned! {blame=>
        impl __dogen::Future<Output = __dogen::Result<#ret, __dogen::CallError #(<#err>)*>> + '_
    };
    quote! {
        #( #[doc = #lines] )*
        pub fn #ident(&self, #(#names: #types),*) -> #future {
            __dogen::call(&self.transport, #wire)#args.#decode()
        }
    }
}
