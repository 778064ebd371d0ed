//! The futures a generated server's dispatch is assembled from.
//!
//! `#[durable]` writes one `async` block for its server's dispatch, with
//! one `.await`, not one per method: an `async` body is a coroutine, and
//! even `cargo check` builds, lays out and proves the auto traits of every
//! coroutine's state, once per trait and per await. The block picks one
//! method's future and awaits it at its leaf of a tree of these generic
//! types, which the compiler checks once here and only monomorphises in
//! the user's crate: [`Node2`] to [`Node8`], the nodes of the balanced tree
//! that holds the one method's future a call runs (`⌈log₈ n⌉` nodes deep
//! for `n` methods), and of the same tree of their outputs.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The nodes of the tree: `NodeK` holds one of `K` futures (2 to 8), and
/// its output the same variant with that future's output.
///
/// Up to eight children a node, so that a trait of up to 64 methods is at
/// most two nodes deep, and each method's path (written twice per method
/// by the generated code: to start the call and to encode its return) is
/// short. The variants are named `__Dogen<slot><arity>` (`__DogenC3`: the
/// third of three) and all re-exported by [`nodes`], which the generated
/// code imports whole: every name carries the prefix reserved for
/// generated code, so the import hides none of the user's.
macro_rules! node {
    ($($node:ident { $($variant:ident($future:ident)),+ })+) => {$(
        #[allow(non_camel_case_types)]
        #[doc = concat!("A node of ", stringify!($node), "'s arity in the dispatch tree; see [`nodes`].")]
        pub enum $node<$($future),+> {
            $(
                #[doc = concat!("The subtree `", stringify!($variant), "`.")]
                $variant($future),
            )+
        }

        impl<$($future: Future),+> Future for $node<$($future),+> {
            type Output = $node<$($future::Output),+>;

            #[inline]
            fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
                // SAFETY: the variant's future is pinned structurally: it
                // is never moved out of the node, which has no `Drop` and
                // is `Unpin` only when every future is.
                unsafe {
                    match self.get_unchecked_mut() {
                        $($node::$variant(f) => Pin::new_unchecked(f).poll(cx).map($node::$variant),)+
                    }
                }
            }
        }
    )+};
}

node! {
    Node2 { __DogenA2(A), __DogenB2(B) }
    Node3 { __DogenA3(A), __DogenB3(B), __DogenC3(C) }
    Node4 { __DogenA4(A), __DogenB4(B), __DogenC4(C), __DogenD4(D) }
    Node5 { __DogenA5(A), __DogenB5(B), __DogenC5(C), __DogenD5(D), __DogenE5(E) }
    Node6 { __DogenA6(A), __DogenB6(B), __DogenC6(C), __DogenD6(D), __DogenE6(E), __DogenF6(F) }
    Node7 { __DogenA7(A), __DogenB7(B), __DogenC7(C), __DogenD7(D), __DogenE7(E), __DogenF7(F), __DogenG7(G) }
    Node8 {
        __DogenA8(A), __DogenB8(B), __DogenC8(C), __DogenD8(D), __DogenE8(E), __DogenF8(F), __DogenG8(G), __DogenH8(H)
    }
}

/// Every node's variants by name: `use ::dogen::__private::nodes::*;`.
pub mod nodes {
    pub use super::Node2::*;
    pub use super::Node3::*;
    pub use super::Node4::*;
    pub use super::Node5::*;
    pub use super::Node6::*;
    pub use super::Node7::*;
    pub use super::Node8::*;
}
