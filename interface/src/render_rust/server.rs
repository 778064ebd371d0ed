//! The server dispatch: `<Trait>Server<T>` and its `dogen::Dispatch` impl.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{blame_args, server_ident};
use crate::model::{Interface, Method, Output};

/// `pub struct CounterServer<T>(pub T);` and `impl Dispatch<F> for CounterServer<T>`.
///
/// Dispatch is split in three, so that a server used with two formats (the
/// fetch protocol's JSON and native RPC's JavaScript values) carries each
/// method's call once: per format, `dispatch` decodes the arguments into
/// one variant of a call enum and encodes the variant of the return enum
/// it gets back; `call`, which awaits the implementation, knows no format.
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
    let variant = |i: usize| format_ident!("__M{}", i);
    let call_variants = iface.methods.iter().enumerate().map(|(i, m)| {
        let v = variant(i);
        let owned = m.args.iter().map(|a| &a.owned);
        let fields = call_fields(m, quote!((#(#owned,)*)));
        quote!(#v #fields)
    });
    let return_variants = iface.methods.iter().enumerate().map(|(i, m)| {
        let v = variant(i);
        let ty = match &m.output {
            Output::Unit => quote!(()),
            Output::Value(v) => {
                let ty = &v.ty;
                quote!(#ty)
            }
            Output::Result { ok, err } => {
                let (ok, err) = (&ok.ty, &err.ty);
                quote!(::core::result::Result<#ok, #err>)
            }
        };
        quote!(#v { ret: #ty })
    });
    let decode_arms = iface.methods.iter().enumerate().map(|(i, m)| decode_arm(m, &variant(i)));
    let call_arms = iface.methods.iter().enumerate().map(|(i, m)| call_arm(iface, m, &variant(i)));
    let encode_arms = iface.methods.iter().enumerate().map(|(i, m)| encode_arm(m, &variant(i)));
    // With no methods the enums are empty and `call` never returns.
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Copy, Default)]
        #vis struct #server<T>(pub T);

        const _: () = {
            use ::dogen::__private as __dogen;

            // One decoded call, its arguments owned, as a tuple.
            #[allow(non_camel_case_types, clippy::large_enum_variant)]
            enum __DogenCall {
                #(#call_variants,)*
            }

            // What one call returned.
            #[allow(non_camel_case_types, clippy::large_enum_variant)]
            enum __DogenReturn {
                #(#return_variants,)*
            }

            // The generics carry the reserved prefix: a user type may be called `T`.
            #[allow(unused_variables, unreachable_code)]
            async fn __dogen_run<__DogenI: #trait_ident + ?::core::marker::Sized>(
                __dogen_this: &__DogenI,
                __dogen_call: __DogenCall,
            ) -> ::core::result::Result<__DogenReturn, ::dogen::ProtocolError> {
                ::core::result::Result::Ok(match __dogen_call {
                    #(#call_arms)*
                })
            }

            impl<__DogenT, __DogenF> ::dogen::Dispatch<__DogenF> for #server<__DogenT>
            where
                __DogenT: ::core::ops::Deref,
                __DogenT::Target: #trait_ident,
                __DogenF: ::dogen::Format,
            {
                const METHODS: &'static [&'static str] = &[#(#wire_names),*];

                #[allow(unreachable_code)]
                async fn dispatch(
                    &self,
                    __dogen_method: &str,
                    __dogen_args: &__DogenF::Value,
                ) -> ::core::result::Result<::dogen::Reply<__DogenF::Value>, ::dogen::ProtocolError> {
                    let __dogen_call = match __dogen_method {
                        #(#decode_arms)*
                        _ => {
                            return ::core::result::Result::Err(__dogen::unknown_method(
                                __dogen_method,
                                <Self as ::dogen::Dispatch<__DogenF>>::METHODS,
                            ));
                        }
                    };
                    match __dogen_run(&*self.0, __dogen_call).await? {
                        #(#encode_arms)*
                    }
                }
            }
        };
    }
}

/// The braces of a call variant, in its definition and in its pattern:
/// `{ args: TUPLE }`, or `{}` for a method without arguments. Braced, not a
/// tuple variant: a tuple variant's constructor is a `const fn` of its own,
/// one more item per method for the compiler to track.
fn call_fields(method: &Method, tuple: TokenStream) -> TokenStream {
    if method.args.is_empty() { quote!({}) } else { quote!({ args: #tuple }) }
}

/// One `match` arm of `dispatch`: decode the argument tuple into its call.
fn decode_arm(method: &Method, variant: &syn::Ident) -> TokenStream {
    let wire = &method.wire_name;
    if method.args.is_empty() {
        return quote! {
            #wire => {
                __dogen::decode_no_args::<__DogenF>(#wire, __dogen_args)?;
                __DogenCall::#variant {}
            }
        };
    }
    // The inferred tuple type carries the span a failed `Deserialize`
    // bound is reported at.
    let infer = quote_spanned!(blame_args(method)=> _);
    quote! {
        #wire => __DogenCall::#variant { args: __dogen::decode_args::<__DogenF, #infer>(#wire, __dogen_args)? },
    }
}

/// One `match` arm of the format-free call: await the implementation.
fn call_arm(iface: &Interface, method: &Method, variant: &syn::Ident) -> TokenStream {
    let trait_ident = &iface.ident;
    let ident = &method.ident;
    let wire = &method.wire_name;
    let names: Vec<_> = method.args.iter().map(|a| &a.ident).collect();
    let pass = method.args.iter().map(|a| {
        let name = &a.ident;
        if a.borrowed { quote!(&#name) } else { quote!(#name) }
    });
    // `Trait::method(this, ..)`: the implementation is `this`'s type, and an
    // inherent method of the same name is never the one called.
    let call = quote!(#trait_ident::#ident(__dogen_this, #(#pass),*).await);
    // A `Fallible` method's failure ends the call as the `internal` error;
    // its value goes on like any other method's.
    let call = if method.fallible {
        quote! {
            match #call {
                ::core::result::Result::Ok(__dogen_value) => __dogen_value,
                ::core::result::Result::Err(__dogen_failure) => {
                    return ::core::result::Result::Err(__dogen::failed(#wire, __dogen_failure));
                }
            }
        }
    } else {
        call
    };
    let fields = call_fields(method, quote!((#(#names,)*)));
    quote! {
        __DogenCall::#variant #fields => __DogenReturn::#variant { ret: #call },
    }
}

/// One `match` arm of `dispatch`: encode what the call returned.
fn encode_arm(method: &Method, variant: &syn::Ident) -> TokenStream {
    let wire = &method.wire_name;
    // Each `_` carries the span of its type, where a failed `Serialize`
    // bound is reported.
    let encode = match &method.output {
        Output::Unit => quote!(__dogen::encode_value::<__DogenF, ()>(#wire, &__dogen_ret)),
        Output::Value(v) => {
            let ty = quote_spanned!(v.ty.span()=> _);
            quote!(__dogen::encode_value::<__DogenF, #ty>(#wire, &__dogen_ret))
        }
        Output::Result { ok, err } => {
            let ok = quote_spanned!(ok.ty.span()=> _);
            let err = quote_spanned!(err.ty.span()=> _);
            quote!(__dogen::encode_result::<__DogenF, #ok, #err>(#wire, &__dogen_ret))
        }
    };
    quote! {
        __DogenReturn::#variant { ret: __dogen_ret } => #encode,
    }
}
