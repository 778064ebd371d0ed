//! Reading syn's [`Punctuated`] lists without allocating: its `iter`,
//! `first` and `last` (and what is built on them, such as
//! `Generics::type_params` and `Fields::iter`) box an iterator, one heap
//! allocation each, and the command line reads the paths, arguments and
//! fields of a crate's types tens of thousands of times.

use syn::punctuated::{Pair, Punctuated};

/// [`Punctuated::iter`], [`Punctuated::first`] and [`Punctuated::last`],
/// through [`Punctuated::pairs`], which allocates nothing.
pub trait Items<T> {
    /// The items in order, as [`Punctuated::iter`] gives them.
    fn items<'a>(&'a self) -> impl DoubleEndedIterator<Item = &'a T> + ExactSizeIterator
    where
        T: 'a;
    /// [`Punctuated::first`].
    fn first_item(&self) -> Option<&T>;
    /// [`Punctuated::last`].
    fn last_item(&self) -> Option<&T>;
}

impl<T, P> Items<T> for Punctuated<T, P> {
    fn items<'a>(&'a self) -> impl DoubleEndedIterator<Item = &'a T> + ExactSizeIterator
    where
        T: 'a,
    {
        self.pairs().map(Pair::into_value)
    }

    fn first_item(&self) -> Option<&T> {
        self.get(0)
    }

    fn last_item(&self) -> Option<&T> {
        self.len().checked_sub(1).and_then(|last| self.get(last))
    }
}

/// [`syn::Generics::type_params`], without allocating.
pub fn type_params(generics: &syn::Generics) -> impl Iterator<Item = &syn::TypeParam> {
    generics.params.items().filter_map(|p| match p {
        syn::GenericParam::Type(t) => Some(t),
        _ => None,
    })
}

/// [`syn::Fields::iter`], without allocating.
pub fn fields(fields: &syn::Fields) -> impl Iterator<Item = &syn::Field> {
    let list = match fields {
        syn::Fields::Named(f) => Some(&f.named),
        syn::Fields::Unnamed(f) => Some(&f.unnamed),
        syn::Fields::Unit => None,
    };
    list.into_iter().flat_map(|l| l.items())
}
