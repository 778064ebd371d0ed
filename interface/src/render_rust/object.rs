//! The wasm-bindgen export of `#[dogen::object(Trait)]`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::object::{Object, RPC_EXPORT};

/// A native check that the object serves the trait, and, on wasm32 with the
/// `worker` feature, `__dogen_call(method, args)` on the exported class.
pub fn render_object(object: &Object) -> TokenStream {
    let ident = &object.ident;
    let mut server = object.interface.clone();
    if let Some(last) = server.segments.last_mut() {
        last.ident = format_ident!("{}Server", last.ident);
        last.arguments = syn::PathArguments::None;
    }
    let target = |this: TokenStream| match &object.field {
        Some(field) => quote!(&#this.#field),
        None => quote!(#this),
    };
    let check_target = target(quote!(this));
    let call_target = target(quote!(self));
    let export = RPC_EXPORT;
    let doc = format!(" Native Workers RPC into [`{ident}`]: calls a method of its interface by wire name.");
    quote! {
        // Checked on every target, so a missing impl shows up in native builds too.
        const _: () = {
            #[allow(dead_code)]
            fn __dogen_serves(this: &#ident) -> impl ::dogen::Dispatch<::dogen::Json> + '_ {
                #server(#check_target)
            }
        };

        ::dogen::__rpc_export! {
            #[::dogen::__private::wasm_bindgen::prelude::wasm_bindgen(
                wasm_bindgen = ::dogen::__private::wasm_bindgen,
                wasm_bindgen_futures = ::dogen::__private::wasm_bindgen_futures,
                js_sys = ::dogen::__private::js_sys
            )]
            impl #ident {
                #[doc = #doc]
                #[wasm_bindgen(js_name = #export)]
                pub async fn __dogen_call(
                    &self,
                    method: ::std::string::String,
                    args: ::dogen::__private::wasm_bindgen::JsValue,
                ) -> ::core::result::Result<
                    ::dogen::__private::wasm_bindgen::JsValue,
                    ::dogen::__private::wasm_bindgen::JsValue,
                > {
                    ::dogen::rpc::call(&#server(#call_target), &method, args).await
                }
            }
        }
    }
}
