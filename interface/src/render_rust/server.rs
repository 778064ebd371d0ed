//! The server dispatch: `<Trait>Server<T>` and its `dogen::Dispatch` impl.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::{blame_args, server_ident};
use crate::model::{Arg, Interface, Method, Output};

/// `pub struct CounterServer<T>(pub T);` and `impl Dispatch<F> for CounterServer<T>`.
///
/// `dispatch` is one `async` block with one `.await`: an `async` body is a
/// coroutine, which even `cargo check` lowers, lays out and proves auto
/// traits for, per await, so the methods do not each get an await. The
/// block decodes the arguments and puts the method's future at its leaf of
/// a balanced tree of `dogen::__private::Node2` to `Node8`, awaits the tree,
/// whose output is the same tree of the methods' outputs, and encodes what
/// it returns: one arm per returned type (see `encode_arms`), whose
/// failure one `reply` after the arms makes the call's error. Only a method
/// that borrows an argument gets an `async` block of its own: its future
/// borrows the owned value the call decoded.
///
/// One coroutine rather than plain functions around the tree: a dispatch
/// built from closures and a future of dogen's own ran the smallest calls
/// a quarter slower than a hand-written `match` with the same instructions
/// (`tests/benches/dispatch.rs`), where the block costs an incremental
/// check 0.4 % more instructions than it did.
///
/// What the expansion costs an incremental `cargo check` after an edit
/// elsewhere is mostly its size (expanding, resolving and lowering it
/// again), so each method's part is kept to few tokens.
pub fn render_server(iface: &Interface) -> TokenStream {
    let vis = &iface.vis;
    let trait_ident = &iface.ident;
    let server = server_ident(iface);
    let doc = format!(
        " Serves [`{trait_ident}`] calls by wire name. Wrap anything that dereferences to an \
         implementation (`&T`, `Box<T>`, `Rc<T>`) and hand it to a transport or to \
         `dogen::worker::serve`."
    );
    let methods = &iface.methods;
    let count = methods.len();
    let wire_names = methods.iter().map(|m| &m.wire_name);
    let start_arms = methods.iter().enumerate().map(|(i, m)| start_arm(iface, m, i, count));
    let encode_arms = encode_arms(methods);
    // With no methods no call starts: the future's type is spelled out.
    let run_type =
        if count == 0 { quote!(: ::core::future::Pending<::core::convert::Infallible>) } else { TokenStream::new() };
    // The tree's variants by name, where there is a tree.
    let imports = if count > 1 {
        quote!(
            use ::dogen::__private::{self as __dogen, nodes::*};
        )
    } else {
        quote!(
            use ::dogen::__private as __dogen;
        )
    };
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, Copy, Default)]
        #vis struct #server<T>(pub T);

        const _: () = {
            #imports

            // The generics carry the reserved prefix: a user type may be
            // called `T`.
            impl<__DogenT, __DogenF> ::dogen::Dispatch<__DogenF> for #server<__DogenT>
            where
                __DogenT: ::core::ops::Deref,
                __DogenT::Target: #trait_ident,
                __DogenF: ::dogen::Format,
            {
                const METHODS: &'static [&'static str] = &[#(#wire_names),*];

                #[allow(unused_variables, unreachable_code)]
                fn dispatch(
                    &self,
                    __dogen_method: &str,
                    __dogen_args: &__DogenF::Value,
                ) -> impl ::core::future::Future<
                    Output = ::core::result::Result<::dogen::Reply<__DogenF::Value>, ::dogen::ProtocolError>,
                > {
                    let __dogen_this = &*self.0;
                    let __dogen_call = __dogen::Request::<__DogenF>::new(__dogen_method, __dogen_args);
                    async move {
                        let __dogen_run #run_type = match __dogen_method {
                            #(#start_arms)*
                            _ => {
                                return ::core::result::Result::Err(
                                    __dogen_call.unknown(<Self as ::dogen::Dispatch<__DogenF>>::METHODS),
                                );
                            }
                        };
                        // Bound first: as the receiver, the request would be
                        // copied before the await, into the future.
                        let __dogen_encoded = match __dogen_run.await {
                            #encode_arms
                        };
                        __dogen_call.reply(__dogen_encoded)
                    }
                }
            }
        };
    }
}

/// The most children a node of the tree has (`dogen::__private::Node8`).
const ARITY: usize = 8;

/// The variants from the root of a balanced tree of `count` leaves down to
/// leaf `index`: `__DogenB3` is the second child of a node of three. The
/// tree is as shallow as nodes of up to [`ARITY`] children allow (two
/// deep up to 64 leaves), its root has as few children as that depth
/// allows, and a node's leaves are shared out evenly, the first children
/// taking the extra ones.
fn tree_path(index: usize, count: usize) -> Vec<syn::Ident> {
    let mut path = Vec::new();
    let (mut low, mut high) = (0, count);
    while high - low > 1 {
        let leaves = high - low;
        // The most leaves a child can hold at the depth the node needs.
        let mut child = 1;
        while child * ARITY < leaves {
            child *= ARITY;
        }
        let children = leaves.div_ceil(child);
        let (size, extra) = (leaves / children, leaves % children);
        // Child `c` starts after `c` children of `size` leaves and the
        // extra leaves of those among them that take one.
        let start = |c: usize| low + c * size + c.min(extra);
        let c = (0..children).rev().find(|&c| start(c) <= index).unwrap_or(0);
        path.push(format_ident!("__Dogen{}{children}", char::from(b'A' + c as u8)));
        (low, high) = (start(c), start(c + 1));
    }
    path
}

/// `leaf` wrapped in the nodes of its path, in an expression or a
/// pattern: every leaf then has the one type of the tree.
fn tree_leaf(leaf: TokenStream, index: usize, count: usize) -> TokenStream {
    tree_path(index, count).iter().rev().fold(leaf, |inner, side| quote!(#side(#inner)))
}

/// The `match` arms of the encoding: one per way of encoding, that is per
/// returned type, fallible or not, in the order of the methods that first
/// return it. Methods that return the same type share one arm, whose
/// pattern is their leaves joined by `|`: the encoding, which the format's
/// helpers inline, is compiled once per type instead of once per method,
/// and the call still jumps straight to it. A type is the same where it is
/// spelled the same: within one trait, the same tokens name the same type.
fn encode_arms(methods: &[Method]) -> TokenStream {
    let count = methods.len();
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (index, method) in methods.iter().enumerate() {
        let key = encode_key(method);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, indices)) => indices.push(index),
            None => groups.push((key, vec![index])),
        }
    }
    groups.iter().map(|(_, indices)| encode_arm(methods, indices, count)).collect()
}

/// What decides how a method's return is encoded, as text.
fn encode_key(method: &Method) -> String {
    let output = match &method.output {
        Output::Unit => "()".to_owned(),
        Output::Value(v) => format!("value {}", v.ty.to_token_stream()),
        Output::Result { ok, err } => format!("result {} {}", ok.ty.to_token_stream(), err.ty.to_token_stream()),
    };
    format!("{} {output}", method.fallible)
}

/// One `match` arm of the encoding: encode what the call returned, at its
/// leaf of the tree, for the methods at `indices`, which return the same
/// type (spans are the first one's). A `Fallible` method's failure ends the
/// call as the `internal` error; its value is encoded like any other
/// method's.
fn encode_arm(methods: &[Method], indices: &[usize], count: usize) -> TokenStream {
    let method = &methods[indices[0]];
    // A failed `Serialize` bound is reported at the user's type: where an
    // argument of a method call fails a bound, the error points at the
    // argument and at the method's name, so both carry the type's span
    // (the returned value's binding too, which the argument names). The
    // types of a `Result` are given each with its own span.
    let (span, encode) = match &method.output {
        Output::Unit => (Span::call_site(), quote!(value)),
        Output::Value(v) => (v.ty.span(), quote_spanned!(v.ty.span()=> value)),
        Output::Result { ok, err } => {
            let ok = quote_spanned!(ok.ty.span()=> _);
            let err_span = err.ty.span();
            let err = quote_spanned!(err_span=> _);
            (err_span, quote_spanned!(err_span=> result::<#ok, #err>))
        }
    };
    let ret = Ident::new("__dogen_ret", span);
    let encode = quote_spanned!(span=> __dogen_call.#encode(&#ret));
    let encode = if method.fallible {
        quote! {
            match __dogen_outcome {
                ::core::result::Result::Ok(#ret) => #encode,
                ::core::result::Result::Err(__dogen_failure) => {
                    return ::core::result::Result::Err(__dogen_call.failed(__dogen_failure));
                }
            }
        }
    } else {
        encode
    };
    let binding = if method.fallible { quote!(__dogen_outcome) } else { ret.into_token_stream() };
    let patterns = indices.iter().map(|&index| tree_leaf(binding.clone(), index, count));
    quote! {
        #(#patterns)|* => #encode,
    }
}

/// One `match` arm of the start: decode the arguments, and start the
/// implementation's future at its leaf of the tree.
fn start_arm(iface: &Interface, method: &Method, index: usize, count: usize) -> TokenStream {
    let trait_ident = &iface.ident;
    let ident = &method.ident;
    let wire = &method.wire_name;
    let names = method.args.iter().map(|a| &a.ident);
    let pass = method.args.iter().map(|a| {
        let name = &a.ident;
        if a.borrowed.is_some() { quote!(&#name) } else { quote!(#name) }
    });
    let borrows = method.args.iter().any(|a| a.borrowed.is_some());
    let decode = if method.args.is_empty() {
        quote!(__dogen_call.no_args()?;)
    } else {
        // `args` carries the span a failed `Deserialize` bound of the
        // inferred tuple is reported at. The call infers the owned types,
        // except where an argument is lent: `&String` does not say `String`.
        let decode = Ident::new("args", blame_args(method));
        let ty = if borrows {
            let owned = method.args.iter().map(Arg::owned);
            quote!(: (#(#owned,)*))
        } else {
            TokenStream::new()
        };
        quote!(let (#(#names,)*) #ty = __dogen_call.#decode()?;)
    };
    // `Trait::method(this, ..)`: the implementation is `this`'s type, and an
    // inherent method of the same name is never the one called.
    let call = quote!(#trait_ident::#ident(__dogen_this, #(#pass),*));
    // A borrowed argument is lent from the call: the `async` block keeps
    // the owned value beside the future that borrows it.
    let call = if borrows { quote!(async move { #call.await }) } else { call };
    let leaf = tree_leaf(call, index, count);
    quote! {
        #wire => {
            #decode
            #leaf
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ARITY, tree_path};

    /// Each leaf's path, as strings.
    fn paths(count: usize) -> Vec<Vec<String>> {
        (0..count).map(|i| tree_path(i, count).iter().map(ToString::to_string).collect()).collect()
    }

    #[test]
    fn every_leaf_has_its_own_path_through_nodes_that_agree() {
        for count in 1..=130 {
            let paths = paths(count);
            for (i, path) in paths.iter().enumerate() {
                // No path is another's prefix (or equal): each leaf is
                // reached alone, and a leaf is never a node.
                for (j, other) in paths.iter().enumerate() {
                    if i != j {
                        assert!(!other.starts_with(path), "{count} leaves: {i} {path:?} and {j} {other:?}");
                    }
                }
                // Every node below the same path has one arity, and its
                // children are the first `arity` slots, all used.
                for depth in 0..path.len() {
                    let arity = &path[depth][path[depth].len() - 1..];
                    let siblings: std::collections::BTreeSet<&String> = paths
                        .iter()
                        .filter(|p| p.len() > depth && p[..depth] == path[..depth])
                        .map(|p| &p[depth])
                        .collect();
                    let arity: usize = arity.parse().unwrap();
                    assert!((2..=ARITY).contains(&arity), "{count} leaves: arity {arity}");
                    assert_eq!(siblings.len(), arity, "{count} leaves: {siblings:?} below {:?}", &path[..depth]);
                    assert!(siblings.iter().all(|s| s.ends_with(&arity.to_string())));
                }
            }
        }
    }

    #[test]
    fn the_tree_is_as_shallow_as_nodes_of_eight_allow() {
        let depth = |count: usize| paths(count).iter().map(Vec::len).max().unwrap();
        assert_eq!(depth(1), 0);
        assert_eq!(depth(2), 1);
        assert_eq!(depth(8), 1);
        assert_eq!(depth(9), 2);
        assert_eq!(depth(64), 2);
        assert_eq!(depth(65), 3);
        // 20 methods: a root of three, over 7, 7 and 6 leaves.
        assert_eq!(paths(20)[0], ["__DogenA3", "__DogenA7"]);
        assert_eq!(paths(20)[7], ["__DogenB3", "__DogenA7"]);
        assert_eq!(paths(20)[19], ["__DogenC3", "__DogenF6"]);
    }
}
