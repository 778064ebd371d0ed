//! The typed client: `<Trait>Client<T: Transport>`, one async method per
//! trait method.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{app_error_type, blame_args, blame_call, client_ident, doc_attrs, server_ident};
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
    // path to dogen's helpers without adding a name to the user's module.
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
    // Every client method is documented, so `#![deny(missing_docs)]` crates
    // accept clients of undocumented trait methods.
    let fallback = [format!("Calls `{}` on the Durable Object.", method.wire_name)];
    let docs = doc_attrs(if method.docs.is_empty() { &fallback } else { &method.docs });
    let ident = &method.ident;
    let wire = &method.wire_name;
    let params = method.args.iter().map(|a| {
        let (name, ty) = (&a.ident, &a.ty);
        quote!(#name: #ty)
    });
    let refs = method.args.iter().map(|a| {
        let name = &a.ident;
        quote!(&#name)
    });
    let args = if method.args.is_empty() { quote!(&__dogen::NoArgs) } else { quote!(&(#(#refs,)*)) };
    let err = app_error_type(method);
    // Spans only: a failed serde bound is reported at the user's type (see
    // `blame`), never at the attribute. The inferred argument tuple carries
    // the arguments' span; the call, which repeats every bound of the
    // helper, carries the whole call's.
    let infer = quote_spanned!(blame_args(method)=> _);
    let (ret, call) = match &method.output {
        Output::Unit => (quote!(()), quote!(call_value::<__DogenT, ()>)),
        Output::Value(v) => {
            let ty = &v.ty;
            (quote_spanned!(ty.span()=> #ty), quote!(call_value::<__DogenT, #ty>))
        }
        Output::Result { ok, err } => {
            let (ok, err) = (&ok.ty, &err.ty);
            (quote_spanned!(ok.span()=> #ok), quote!(call_result::<__DogenT, #ok, #err>))
        }
    };
    let encode = quote!(__dogen::encode_args::<__DogenT, #infer>(#wire, #args));
    let call = quote_spanned!(blame_call(method)=> __dogen::#call(&self.transport, #wire, #encode));
    // Not an `async fn`: the arguments are encoded when the method is
    // called, and the future is the shared helper's, so no method has a
    // future of its own for the compiler to build.
    // The opaque return type repeats the helper's bounds too: same span.
    let future = quote_spanned! {blame_call(method)=>
        impl ::core::future::Future<Output = ::core::result::Result<#ret, ::dogen::CallError<#err>>> + '_
    };
    quote! {
        #docs
        pub fn #ident(&self, #(#params),*) -> #future {
            #call
        }
    }
}
