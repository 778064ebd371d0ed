//! The server dispatch: `<Trait>Server<T>` and its `dogen::Dispatch` impl.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::{blame_args, server_ident};
use crate::model::{Interface, Method, Output};

/// `pub struct CounterServer<T>(pub T);` and `impl Dispatch<F> for CounterServer<T>`.
pub fn render_server(iface: &Interface) -> TokenStream {
    let vis = &iface.vis;
    let trait_ident = &iface.ident;
    let server = server_ident(iface);
    let doc = format!(
        " Serves [`{trait_ident}`] calls by wire name. Wrap anything that dereferences to an \
         implementation (`&T`, `Box<T>`, `Rc<T>`) and hand it to a transport or to \
         `dogen::worker::serve`."
    );
    let wire_names = iface.methods.iter().map(|m| &m.wire_name);
    let arms = iface.methods.iter().map(|m| dispatch_arm(iface, m));
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Copy, Default)]
        #vis struct #server<T>(pub T);

        // The generics carry the reserved prefix: a user type may be called `T`.
        impl<__DogenT, __DogenF> ::dogen::Dispatch<__DogenF> for #server<__DogenT>
        where
            __DogenT: ::core::ops::Deref,
            __DogenT::Target: #trait_ident,
            __DogenF: ::dogen::Format,
        {
            const METHODS: &'static [&'static str] = &[#(#wire_names),*];

            async fn dispatch(
                &self,
                __dogen_method: &str,
                __dogen_args: &__DogenF::Value,
            ) -> ::core::result::Result<::dogen::Reply<__DogenF::Value>, ::dogen::ProtocolError> {
                let __dogen_this: &__DogenT::Target = &self.0;
                match __dogen_method {
                    #(#arms)*
                    _ => ::core::result::Result::Err(::dogen::__private::unknown_method(
                        __dogen_method,
                        <Self as ::dogen::Dispatch<__DogenF>>::METHODS,
                    )),
                }
            }
        }
    }
}

/// One `match` arm: decode the argument tuple, call, encode.
fn dispatch_arm(iface: &Interface, method: &Method) -> TokenStream {
    let trait_ident = &iface.ident;
    let ident = &method.ident;
    let wire = &method.wire_name;
    let decode = if method.args.is_empty() {
        quote! {
            ::dogen::__private::decode_no_args::<__DogenF>(#wire, __dogen_args)?;
        }
    } else {
        let names = method.args.iter().map(|a| &a.ident);
        let owned = method.args.iter().map(|a| {
            let ty = &a.owned;
            quote_spanned!(a.ty.span()=> #ty)
        });
        // The inferred tuple type carries the span a failed `Deserialize`
        // bound is reported at.
        let infer = quote_spanned!(blame_args(method)=> _);
        quote! {
            let (#(#names,)*): (#(#owned,)*) = ::dogen::__private::decode_args::<__DogenF, #infer>(#wire, __dogen_args)?;
        }
    };
    let pass = method.args.iter().map(|a| {
        let name = &a.ident;
        if a.borrowed { quote!(&#name) } else { quote!(#name) }
    });
    let call = quote!(<__DogenT::Target as #trait_ident>::#ident(__dogen_this, #(#pass),*).await);
    // A `Fallible` method's failure ends the call as the `internal` error;
    // its value goes on like any other method's.
    let call = if method.fallible {
        quote! {
            match #call {
                ::core::result::Result::Ok(__dogen_value) => __dogen_value,
                ::core::result::Result::Err(__dogen_failure) => {
                    return ::core::result::Result::Err(::dogen::__private::failed(#wire, __dogen_failure));
                }
            }
        }
    } else {
        call
    };
    let encode = match &method.output {
        Output::Unit => quote! {
            let () = #call;
            ::dogen::__private::encode_value::<__DogenF, ()>(#wire, &())
        },
        Output::Value(v) => {
            let ty = &v.ty;
            quote! {
                let __dogen_ret: #ty = #call;
                ::dogen::__private::encode_value::<__DogenF, #ty>(#wire, &__dogen_ret)
            }
        }
        Output::Result { ok, err } => {
            // Each `_` carries the span of its type, where a failed
            // `Serialize` bound is reported.
            let ok = quote_spanned!(ok.ty.span()=> _);
            let err = quote_spanned!(err.ty.span()=> _);
            quote! {
                let __dogen_ret = #call;
                ::dogen::__private::encode_result::<__DogenF, #ok, #err>(#wire, &__dogen_ret)
            }
        }
    };
    quote! {
        #wire => {
            #decode
            #encode
        }
    }
}
