//! The TypeScript backend's own rules: names its files declare, names that
//! must stay apart once they share one module, and parameter names after
//! camelCase. Each rule is one function; the front end's rules live in
//! [`crate::wire::validate`].

use std::collections::BTreeMap;

use dogen_interface::ctxt::Ctxt;
use dogen_interface::parse::{lower_camel_case, name_of, with_name_of};
use syn::ext::IdentExt as _;

use crate::model::{Api, Interface};

/// Runs every rule of the TypeScript backend.
pub fn validate(cx: &Ctxt, api: &Api) {
    trait_names_are_unique(cx, api);
    trait_names_are_free(cx, api);
    client_names_are_free(cx, api);
    parameter_names_are_unique(cx, api);
    type_names_are_free(cx, api);
    type_names_are_not_trait_names(cx, api);
    escaped_type_names_are_unique(cx, api);
}

/// A type renamed for TypeScript (`catch` → `catch_`) does not take the
/// name of another type.
fn escaped_type_names_are_unique(cx: &Ctxt, api: &Api) {
    for def in &api.types {
        let name = name_of(&def.ident);
        let escaped = super::types::type_name(&name);
        if escaped != name
            && let Some(other) = api.type_def(&escaped)
        {
            cx.error_spanned_by(
                &other.ident,
                format!("type `{escaped}` has the TypeScript name of type `{name}`, a reserved word there; rename one"),
            );
        }
    }
}

/// Two `#[durable]` traits never share a name: each is one TypeScript type.
fn trait_names_are_unique(cx: &Ctxt, api: &Api) {
    let mut seen = BTreeMap::new();
    for iface in &api.interfaces {
        if seen.insert(iface.ident.to_string(), ()).is_some() {
            cx.error_spanned_by(
                &iface.ident,
                format!("two `#[durable]` traits are named `{}`; TypeScript needs one name per trait", iface.ident),
            );
        }
    }
}

/// Names the generated files declare or use beside the traits: a trait of
/// one of these names would clash with them (`Dogen` would make the client
/// factory `dogenClient`, which client.ts defines itself).
pub const RESERVED_TRAIT_NAMES: &[&str] = &[
    "Cloudflare",
    "DogenFetcher",
    "DogenProtocolError",
    "DogenProtocolErrorKind",
    "Dogen",
    "DurableObjectNamespace",
    "DurableResult",
    "Env",
    "KINDS",
    "Omit",
    "Partial",
    "Promise",
    "Record",
    "Replies",
    "Rpc",
];

/// No trait takes a name the generated TypeScript declares or uses itself.
fn trait_names_are_free(cx: &Ctxt, api: &Api) {
    for iface in &api.interfaces {
        let name = name_of(&iface.ident);
        if RESERVED_TRAIT_NAMES.contains(&name.as_str()) {
            cx.error_spanned_by(
                &iface.ident,
                format!("trait name `{name}` is used by the generated TypeScript itself; rename the trait"),
            );
        }
    }
}

/// The fetch client of trait `X` is `XClient`: no trait has that name.
fn client_names_are_free(cx: &Ctxt, api: &Api) {
    let by_name: BTreeMap<String, &Interface> = api.interfaces.iter().map(|i| (i.ident.to_string(), i)).rev().collect();
    for iface in &api.interfaces {
        let client = format!("{}Client", iface.ident);
        if let Some(other) = by_name.get(&client) {
            cx.error_spanned_by(
                &other.ident,
                format!("trait `{client}` has the name of the fetch client of trait `{}`; rename one", iface.ident),
            );
        }
    }
}

/// Arguments keep distinct names in TypeScript, where they are camelCase.
fn parameter_names_are_unique(cx: &Ctxt, api: &Api) {
    for method in api.interfaces.iter().flat_map(|i| &i.methods).filter(|m| m.args.len() > 1) {
        // Each name so far, with the last argument that had it.
        let mut seen: Vec<(String, &syn::Ident)> = Vec::with_capacity(method.args.len());
        for arg in &method.args {
            let name = with_name_of(&arg.ident, lower_camel_case);
            match seen.iter_mut().find(|(seen, _)| *seen == name) {
                Some((_, first)) => {
                    cx.error_spanned_by(
                        &arg.ident,
                        format!("arguments `{first}` and `{}` are both `{name}` in TypeScript", arg.ident),
                    );
                    *first = &arg.ident;
                }
                None => seen.push((name, &arg.ident)),
            }
        }
    }
}

/// Type names the generated TypeScript uses itself: a user type of the same
/// name would shadow them.
pub const RESERVED_TYPE_NAMES: &[&str] =
    &["DurableResult", "Promise", "Record", "Partial", "Omit", "Rpc", "Array", "Object", "Uint8Array"];

/// No type takes a name the generated TypeScript uses itself.
fn type_names_are_free(cx: &Ctxt, api: &Api) {
    for def in &api.types {
        let name = name_of(&def.ident);
        if RESERVED_TYPE_NAMES.contains(&name.as_str()) {
            cx.error_spanned_by(
                &def.ident,
                format!("type name `{name}` is used by the generated TypeScript itself; rename the type"),
            );
        }
    }
}

/// A type and a trait never share a name: both are declared in `index.ts`.
fn type_names_are_not_trait_names(cx: &Ctxt, api: &Api) {
    let traits: BTreeMap<String, &Interface> = api.interfaces.iter().map(|i| (name_of(&i.ident), i)).rev().collect();
    for def in &api.types {
        if let Some(iface) = traits.get(&name_of(&def.ident)) {
            cx.error_spanned_by(
                &def.ident,
                format!(
                    "type `{}` has the name of the `#[durable]` trait `{}`; rename one",
                    def.ident.unraw(),
                    iface.ident
                ),
            );
        }
    }
}
