//! Collects every error of one input, so all of them are reported at once.

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;

/// An error sink shared by parse and validate.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    /// A new, empty sink.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error pointing at `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.errors.borrow_mut().push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records an error at `span`.
    pub fn error_at<M: Display>(&self, span: proc_macro2::Span, message: M) {
        self.errors.borrow_mut().push(syn::Error::new(span, message));
    }

    /// Records an error syn already built.
    pub fn syn_error(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    /// Whether anything was recorded so far.
    pub fn has_errors(&self) -> bool {
        !self.errors.borrow().is_empty()
    }

    /// All errors recorded, in the order they were found.
    pub fn into_errors(self) -> Vec<syn::Error> {
        self.errors.into_inner()
    }

    /// `Ok` when nothing was recorded, else every error combined into one.
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self.into_errors().into_iter();
        match errors.next() {
            None => Ok(()),
            Some(mut first) => {
                for error in errors {
                    first.combine(error);
                }
                Err(first)
            }
        }
    }
}
