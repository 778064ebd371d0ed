//! syn → model: reads one trait, with local reasoning only. Rules that look
//! at the whole interface live in [`crate::validate`].

use heck::{ToLowerCamelCase, ToShoutySnakeCase};
use quote::ToTokens;
use syn::spanned::Spanned;

use crate::attr::{self, MethodAttrs, TraitAttrs};
use crate::ctxt::Ctxt;
use crate::model::{Arg, Interface, Method, Output, Shape, TypeRef};
use crate::punct::Items as _;
use crate::shape::{ResultAlias, find_self, is_result, shape_of};

impl Interface {
    /// Builds the model of `item`, recording every problem in `cx`. Methods
    /// with errors are left out, so the model is always usable for further
    /// checks.
    pub fn from_syn(cx: &Ctxt, attrs: TraitAttrs, item: &syn::ItemTrait) -> Interface {
        let head = Head::new(cx, attrs, item);
        let methods = item
            .items
            .iter()
            .filter_map(|trait_item| match trait_item {
                syn::TraitItem::Fn(f) => Method::from_syn(cx, f),
                other => {
                    not_a_method(cx, other);
                    None
                }
            })
            .collect();
        head.finish(item.ident.clone(), item.vis.clone(), methods)
    }

    /// [`Interface::from_syn`] of a trait nothing else needs: its types
    /// move into the model instead of being copied (what the command line
    /// does; the proc-macro keeps its trait to emit it).
    pub fn from_syn_owned(cx: &Ctxt, attrs: TraitAttrs, item: syn::ItemTrait) -> Interface {
        let head = Head::new(cx, attrs, &item);
        let mut methods = Vec::with_capacity(item.items.len());
        for trait_item in item.items {
            match trait_item {
                syn::TraitItem::Fn(f) => methods.extend(Method::from_syn_owned(cx, f)),
                other => not_a_method(cx, &other),
            }
        }
        head.finish(item.ident, item.vis, methods)
    }
}

/// What an interface takes from its trait besides the methods.
struct Head {
    binding: String,
    binding_span: proc_macro2::Span,
    class: String,
    class_span: proc_macro2::Span,
    sqlite: bool,
    client: bool,
    docs: Vec<String>,
}

impl Head {
    fn new(cx: &Ctxt, attrs: TraitAttrs, item: &syn::ItemTrait) -> Head {
        check_trait_shape(cx, item);
        // `r#match` is called `match` everywhere but in Rust source.
        let name = name_of(&item.ident);
        let (binding, binding_span) = match attrs.binding {
            Some(b) => (b.value, b.span),
            None => (name.to_shouty_snake_case(), item.ident.span()),
        };
        let (class, class_span) = match attrs.class {
            Some(c) => (c.value, c.span),
            None => (name, item.ident.span()),
        };
        Head {
            binding,
            binding_span,
            class,
            class_span,
            sqlite: attrs.sqlite.is_none_or(|s| s.value),
            client: attrs.client.is_none_or(|c| c.value),
            docs: attr::docs(&item.attrs),
        }
    }

    fn finish(self, ident: syn::Ident, vis: syn::Visibility, methods: Vec<Method>) -> Interface {
        Interface {
            ident,
            vis,
            binding: self.binding,
            class: self.class,
            binding_span: self.binding_span,
            class_span: self.class_span,
            sqlite: self.sqlite,
            client: self.client,
            docs: self.docs,
            methods,
        }
    }
}

/// `struct Counter`: the tokens an error about an item points at.
pub(crate) fn keyword_and_name(keyword: &dyn ToTokens, name: &syn::Ident) -> proc_macro2::TokenStream {
    let mut tokens = keyword.to_token_stream();
    name.to_tokens(&mut tokens);
    tokens
}

/// A durable trait holds methods only: consts, types and macros have no
/// meaning on the wire. Points at the item's keyword and name.
fn not_a_method(cx: &Ctxt, item: &syn::TraitItem) {
    let (tokens, what) = match item {
        syn::TraitItem::Const(c) => (keyword_and_name(&c.const_token, &c.ident), "associated constants"),
        syn::TraitItem::Type(t) => (keyword_and_name(&t.type_token, &t.ident), "associated types"),
        syn::TraitItem::Macro(m) => (m.mac.path.to_token_stream(), "macro invocations"),
        other => (other.to_token_stream(), "other items"),
    };
    cx.error_spanned_by(tokens, format!("a `#[durable]` trait may contain only `async fn` methods, not {what}"));
}

/// A durable trait is not generic: its methods are called by name from
/// other languages, which cannot pick a type for it.
fn check_trait_shape(cx: &Ctxt, item: &syn::ItemTrait) {
    if !item.generics.params.is_empty() {
        cx.error_spanned_by(&item.generics, "a `#[durable]` trait cannot be generic");
    } else if let Some(where_clause) = &item.generics.where_clause {
        cx.error_spanned_by(where_clause.where_token, "a `#[durable]` trait cannot have a `where` clause");
    }
    if let Some(unsafety) = &item.unsafety {
        cx.error_spanned_by(unsafety, "a `#[durable]` trait cannot be `unsafe`");
    }
    if let Some(auto) = &item.auto_token {
        cx.error_spanned_by(auto, "a `#[durable]` trait cannot be an auto trait");
    }
}

impl Method {
    /// Builds one method, or records why it cannot be one.
    pub fn from_syn(cx: &Ctxt, f: &syn::TraitItemFn) -> Option<Method> {
        Method::build(cx, f, f.sig.output.clone(), |_, pat_type| pat_type.ty.clone())
    }

    /// [`Method::from_syn`] of a method nothing else needs: its argument
    /// and result types move into the model instead of being copied.
    pub fn from_syn_owned(cx: &Ctxt, mut f: syn::TraitItemFn) -> Option<Method> {
        let output = std::mem::replace(&mut f.sig.output, syn::ReturnType::Default);
        // Each argument's type, by position, with an empty type left in its place.
        let mut types: Vec<Option<Box<syn::Type>>> = f
            .sig
            .inputs
            .pairs_mut()
            .map(syn::punctuated::Pair::into_value)
            .map(|input| match input {
                syn::FnArg::Typed(pat_type) => {
                    // `!`, the cheapest type to build and drop, in the
                    // box the signature keeps.
                    let placeholder = syn::Type::Never(syn::TypeNever { bang_token: Default::default() });
                    Some(std::mem::replace(&mut pat_type.ty, Box::new(placeholder)))
                }
                syn::FnArg::Receiver(_) => None,
            })
            .collect();
        Method::build(cx, &f, output, |index, _| types[index].take().expect("each argument's type is taken once"))
    }

    /// [`Method::from_syn`], with the result type `output` and the type of
    /// the argument at each position given apart: copies of `f`'s, or
    /// `f`'s own, taken out of it.
    fn build(
        cx: &Ctxt,
        f: &syn::TraitItemFn,
        output: syn::ReturnType,
        mut arg_type: impl FnMut(usize, &syn::PatType) -> Box<syn::Type>,
    ) -> Option<Method> {
        let sig = &f.sig;
        let mut ok = true;
        let mut fail = |tokens: &dyn ToTokens, message: String| {
            cx.error_spanned_by(tokens.to_token_stream(), message);
            ok = false;
        };
        let name = name_of(&sig.ident);
        for attr in f.attrs.iter().filter(|a| is_cfg(a)) {
            fail(
                attr,
                format!(
                    "method `{name}` cannot be conditional (`#[{}]`): dogen reads the trait without evaluating `cfg`, so the TypeScript, the RPC entry and the Rust clients would offer it in every build; put the condition inside the method's body",
                    attr_name(attr)
                ),
            );
        }
        if sig.asyncness.is_none() {
            fail(&sig.fn_token, format!("method `{name}` must be `async fn`: Durable Object calls are asynchronous"));
        }
        if let Some(constness) = &sig.constness {
            fail(constness, format!("method `{name}` cannot be `const`"));
        }
        if let Some(unsafety) = &sig.unsafety {
            fail(unsafety, format!("method `{name}` cannot be `unsafe`"));
        }
        if let Some(abi) = &sig.abi {
            fail(abi, format!("method `{name}` cannot have an `extern` ABI"));
        }
        if let Some(variadic) = &sig.variadic {
            fail(variadic, format!("method `{name}` cannot be variadic"));
        }
        if !sig.generics.params.is_empty() {
            fail(
                &sig.generics,
                format!("method `{name}` cannot be generic: callers in other languages cannot pick its types"),
            );
        } else if let Some(where_clause) = &sig.generics.where_clause {
            fail(&where_clause.where_token, format!("method `{name}` cannot have a `where` clause"));
        }
        match sig.inputs.first_item() {
            Some(syn::FnArg::Receiver(r)) => {
                if r.colon_token.is_some() {
                    fail(r, format!("method `{name}` must take plain `&self`, not a typed `self`"));
                } else if r.reference.is_none() {
                    fail(
                        r,
                        format!("method `{name}` must take `&self`, not `self`: a Durable Object outlives each call"),
                    );
                } else if let Some(mutability) = &r.mutability {
                    fail(
                        mutability,
                        format!(
                            "method `{name}` must take `&self`, not `&mut self`: calls to a Durable Object may interleave, so keep state behind interior mutability"
                        ),
                    );
                }
            }
            _ => fail(&sig.ident, format!("method `{name}` must take `&self` as its first argument")),
        }
        let mut args = Vec::with_capacity(sig.inputs.len().saturating_sub(1));
        for (index, input) in sig.inputs.items().enumerate().skip(1) {
            match input {
                syn::FnArg::Receiver(r) => fail(r, "`self` can only be the first argument".into()),
                syn::FnArg::Typed(pat_type) if pat_type.attrs.iter().any(is_cfg) => {
                    let attr = pat_type.attrs.iter().find(|a| is_cfg(a)).expect("checked");
                    fail(
                        attr,
                        format!(
                            "an argument of method `{name}` cannot be conditional (`#[{}]`): arguments travel by position, and callers in other languages see every argument",
                            attr_name(attr)
                        ),
                    );
                }
                syn::FnArg::Typed(pat_type) => match Arg::from_syn(pat_type, arg_type(index, pat_type)) {
                    Ok(arg) => args.push(arg),
                    Err((tokens, message)) => fail(&tokens, message),
                },
            }
        }
        let (output, fallible) = match Output::from_syn(&name, output) {
            Ok(output) => output,
            Err((tokens, message)) => {
                fail(&tokens, message);
                (Output::Unit, false)
            }
        };
        let attrs = MethodAttrs::from_attrs(cx, &f.attrs);
        let (wire_name, wire_span) = match attrs.rename {
            Some(r) => (r.value, r.span),
            None => (lower_camel_case(&name), sig.ident.span()),
        };
        ok.then(|| Method {
            ident: sig.ident.clone(),
            wire_name,
            wire_span,
            docs: attr::docs(&f.attrs),
            args,
            output,
            fallible,
        })
    }
}

type Problem = (proc_macro2::TokenStream, String);

impl Arg {
    /// One `name: Type` argument, whose type is `ty` (`pat_type`'s own).
    fn from_syn(pat_type: &syn::PatType, ty: Box<syn::Type>) -> Result<Arg, Problem> {
        let ident = match &*pat_type.pat {
            syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => p.ident.clone(),
            other => {
                return Err((
                    other.to_token_stream(),
                    "argument patterns are not supported in `#[durable]` methods; use a plain name, the argument's name is part of the interface".into(),
                ));
            }
        };
        // The shape first: it bounds how deep the other walks go.
        let shape = shape_of(&ty).map_err(|m| (blame(&ty, &m), format!("argument `{ident}`: {m}")))?;
        if let Some(this) = find_self(&ty) {
            return Err((this.to_token_stream(), self_message(&format!("argument `{ident}`"))));
        }
        let borrowed = match &*ty {
            syn::Type::Reference(r) => {
                if let Some(m) = &r.mutability {
                    return Err((
                        m.to_token_stream(),
                        format!("argument `{ident}` cannot be `&mut`: it is a copy sent over the wire"),
                    ));
                }
                Some(Box::new(owned_type(&r.elem)))
            }
            _ => None,
        };
        let arg = Arg { ident, ty, borrowed, shape };
        if let Some(inner) = nested_reference(arg.owned()) {
            return Err((
                inner.to_token_stream(),
                format!(
                    "argument `{}`: a reference inside a type cannot be decoded from the wire; use an owned type (`String`, `Vec<T>`, `T`)",
                    arg.ident
                ),
            ));
        }
        Ok(arg)
    }
}

/// The first reference inside `ty` (not `ty` itself), if any.
fn nested_reference(ty: &syn::Type) -> Option<&syn::TypeReference> {
    fn inner(ty: &syn::Type) -> Option<&syn::TypeReference> {
        match ty {
            syn::Type::Reference(r) => Some(r),
            other => nested_reference(other),
        }
    }
    match ty {
        syn::Type::Paren(p) => inner(&p.elem),
        syn::Type::Group(g) => inner(&g.elem),
        syn::Type::Slice(s) => inner(&s.elem),
        syn::Type::Array(a) => inner(&a.elem),
        syn::Type::Tuple(t) => t.elems.items().find_map(inner),
        syn::Type::Path(p) => p.path.segments.items().find_map(|segment| match &segment.arguments {
            syn::PathArguments::AngleBracketed(args) => args.args.items().find_map(|arg| match arg {
                syn::GenericArgument::Type(ty) => inner(ty),
                _ => None,
            }),
            _ => None,
        }),
        _ => None,
    }
}

/// The owned type a borrowed argument decodes into: `str` → `String`,
/// `[T]` → `Vec<T>`, anything else → itself.
fn owned_type(elem: &syn::Type) -> syn::Type {
    match elem {
        // `::std::string::String` at `str`, built as parsing it would build it.
        syn::Type::Path(p) if p.qself.is_none() && p.path.is_ident("str") => {
            let span = p.path.segments[0].ident.span();
            let mut segments = syn::punctuated::Punctuated::new();
            for name in ["std", "string", "String"] {
                if !segments.is_empty() {
                    segments.push_punct(syn::Token![::](span));
                }
                segments.push_value(syn::PathSegment::from(syn::Ident::new(name, span)));
            }
            let path = syn::Path { leading_colon: Some(syn::Token![::](span)), segments };
            syn::Type::Path(syn::TypePath { qself: None, path })
        }
        syn::Type::Slice(s) => {
            let span = elem.span();
            let inner = &s.elem;
            syn::parse_quote_spanned!(span=> ::std::vec::Vec<#inner>)
        }
        other => other.clone(),
    }
}

impl Output {
    /// What a method returns as its callers see it, and whether it is
    /// written `dogen::Fallible<..>` of that.
    fn from_syn(name: &str, output: syn::ReturnType) -> Result<(Output, bool), Problem> {
        let ty = match output {
            syn::ReturnType::Default => return Ok((Output::Unit, false)),
            syn::ReturnType::Type(_, ty) => ty,
        };
        match split_fallible(&ty) {
            Ok(Some(_)) => {
                let [inner] = <[syn::Type; 1]>::try_from(into_type_arguments(*ty)).expect("`Fallible<T>` has one");
                Ok((Output::from_type(name, Box::new(inner))?, true))
            }
            Ok(None) => Ok((Output::from_type(name, ty)?, false)),
            Err(tokens) => {
                Err((tokens, format!("`Fallible` takes one type argument: `dogen::Fallible<T>` (method `{name}`)")))
            }
        }
    }

    /// The output of a method returning `ty` (after `Fallible` is taken off).
    fn from_type(name: &str, ty: Box<syn::Type>) -> Result<Output, Problem> {
        if let syn::Type::Reference(r) = &*ty {
            return Err((
                r.to_token_stream(),
                format!("method `{name}` must return an owned value: a reference cannot outlive the call"),
            ));
        }
        match is_result(&ty) {
            Ok(true) => {
                let [ok, err] = <[syn::Type; 2]>::try_from(into_type_arguments(*ty)).expect("`Result<T, E>` has two");
                Ok(Output::Result { ok: type_ref(Box::new(ok))?, err: type_ref(Box::new(err))? })
            }
            Ok(false) => {
                let value = type_ref(ty)?;
                Ok(if value.shape == Shape::Unit { Output::Unit } else { Output::Value(value) })
            }
            Err(ResultAlias) => Err((
                ty.to_token_stream(),
                "write `Result<T, E>` in full: dogen cannot see the error type of a `Result` alias".into(),
            )),
        }
    }
}

/// The type arguments of the last segment of `ty`, a path, in order (other
/// generic arguments left out), taken out of it.
fn into_type_arguments(ty: syn::Type) -> Vec<syn::Type> {
    let syn::Type::Path(p) = ty else { return Vec::new() };
    // `into_pairs`: `into_iter` copies the items into a new `Vec` first.
    match p.path.segments.into_pairs().last().map(|s| s.into_value().arguments) {
        Some(syn::PathArguments::AngleBracketed(a)) => a
            .args
            .into_pairs()
            .map(syn::punctuated::Pair::into_value)
            .filter_map(|arg| match arg {
                syn::GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// If `ty` is `Fallible<T>` (written `Fallible`, `dogen::Fallible` or
/// `::dogen::Fallible`), its `T`; `Err` with the tokens to blame for a
/// `Fallible` without exactly one type argument.
fn split_fallible(ty: &syn::Type) -> Result<Option<&syn::Type>, proc_macro2::TokenStream> {
    let syn::Type::Path(p) = ty else { return Ok(None) };
    if p.qself.is_some() {
        return Ok(None);
    }
    let segments = &p.path.segments;
    let Some(last) = segments.last_item() else { return Ok(None) };
    let ours = match segments.len() {
        1 => p.path.leading_colon.is_none(),
        2 => segments[0].ident == "dogen",
        _ => false,
    };
    if !ours || last.ident != "Fallible" {
        return Ok(None);
    }
    match &last.arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => match &args.args[0] {
            syn::GenericArgument::Type(inner) => Ok(Some(inner)),
            _ => Err(ty.to_token_stream()),
        },
        _ => Err(ty.to_token_stream()),
    }
}

fn type_ref(ty: Box<syn::Type>) -> Result<TypeRef, Problem> {
    // The shape first: it bounds how deep the other walks go.
    let shape = shape_of(&ty).map_err(|m| (blame(&ty, &m), m))?;
    if let Some(this) = find_self(&ty) {
        return Err((this.to_token_stream(), self_message("a method's result")));
    }
    if let Some(inner) = nested_reference(&ty) {
        return Err((
            inner.to_token_stream(),
            "durable methods return owned values; a reference inside the type cannot outlive the call".into(),
        ));
    }
    Ok(TypeRef { ty, shape })
}

/// Whether `attr` is `#[cfg(..)]` or `#[cfg_attr(..)]`.
fn is_cfg(attr: &syn::Attribute) -> bool {
    attr.path().is_ident("cfg") || attr.path().is_ident("cfg_attr")
}

/// `cfg` or `cfg_attr`, for messages.
fn attr_name(attr: &syn::Attribute) -> &'static str {
    if attr.path().is_ident("cfg") { "cfg" } else { "cfg_attr" }
}

/// The message for `Self` in `what`.
fn self_message(what: &str) -> String {
    format!(
        "`Self` cannot appear in {what}: it is whichever type implements the trait, which has no one wire form; name the type"
    )
}

/// The tokens an error about `ty` points at: the whole type, or for a type
/// nested too deep only its first token (printing all of it would recurse
/// as deep as the type).
pub fn blame(ty: &syn::Type, message: &str) -> proc_macro2::TokenStream {
    if message == crate::shape::too_deep() {
        let mut ty = ty;
        // The leftmost token, found without recursion.
        loop {
            ty = match ty {
                syn::Type::Paren(p) => return at(p.paren_token.span.open()),
                syn::Type::Group(g) => &g.elem,
                syn::Type::Reference(r) => return r.and_token.to_token_stream(),
                syn::Type::Slice(s) => return at(s.bracket_token.span.open()),
                syn::Type::Array(a) => return at(a.bracket_token.span.open()),
                syn::Type::Tuple(t) => return at(t.paren_token.span.open()),
                syn::Type::Path(p) => match p.path.segments.first_item() {
                    Some(s) => return s.ident.to_token_stream(),
                    None => return proc_macro2::TokenStream::new(),
                },
                _ => return proc_macro2::TokenStream::new(),
            };
        }
    }
    ty.to_token_stream()
}

/// A token at `span`, for errors that point at a place.
fn at(span: proc_macro2::Span) -> proc_macro2::TokenStream {
    proc_macro2::Ident::new("x", span).into_token_stream()
}

/// An identifier's name outside Rust source: without `r#` (`r#match` is
/// `match`). What `ident.unraw().to_string()` gives, in one allocation of
/// the name's length.
pub fn name_of(ident: &syn::Ident) -> String {
    with_name_of(ident, str::to_owned)
}

/// `f` of [`name_of`]`(ident)`, without allocating the name.
pub fn with_name_of<R>(ident: &syn::Ident, f: impl FnOnce(&str) -> R) -> R {
    let text = crate::shape::IdentText::new(ident);
    let text = text.as_str();
    f(text.strip_prefix("r#").unwrap_or(text))
}

/// heck's lowerCamelCase of `name` (`get_counter_value` →
/// `getCounterValue`): the wire name of a method, the TypeScript name of
/// an argument. Plain snake_case (lowercase ASCII letters and digits
/// between underscores), the usual Rust name, is converted directly:
/// heck's word splitting finds no other boundary in it.
pub fn lower_camel_case(name: &str) -> String {
    if !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        return name.to_lower_camel_case();
    }
    let mut out = String::with_capacity(name.len());
    for word in name.split('_').filter(|w| !w.is_empty()) {
        let mut bytes = word.bytes();
        let first = bytes.next().expect("words are not empty");
        out.push(if out.is_empty() { first } else { first.to_ascii_uppercase() } as char);
        out.push_str(&word[1..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_camel_case_is_hecks() {
        let names = [
            "a",
            "get_counter_value",
            "method_0",
            "a1b",
            "x_1_y",
            "_lead",
            "trail_",
            "two__under",
            "__",
            "",
            "r2d2_unit",
            "HTTPServer",
            "getValue",
            "with_Capital",
            "é_accent",
            "snake_2d",
            "0_start",
        ];
        for name in names {
            assert_eq!(lower_camel_case(name), name.to_lower_camel_case(), "{name}");
        }
    }
}
