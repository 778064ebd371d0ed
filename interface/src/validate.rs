//! Rules over a whole interface, one small function per rule. Each function
//! states the rule it checks and records a spanned error for each breach.

use std::collections::BTreeMap;

use heck::ToLowerCamelCase;

use crate::ctxt::Ctxt;
use crate::model::Interface;

/// Names a method cannot take on the wire. Durable Object stubs own some
/// (`fetch`, `connect`, `dup`, and the handlers workerd calls itself), and
/// JavaScript gives others a meaning on every object (`then` makes a stub
/// look like a promise, `constructor` and `__proto__` break the prototype).
pub const RESERVED_METHODS: &[&str] = &[
    "fetch",
    "connect",
    "alarm",
    "webSocketMessage",
    "webSocketClose",
    "webSocketError",
    "dup",
    "constructor",
    "then",
    "__proto__",
    "prototype",
    "toString",
    "toJSON",
    "valueOf",
    "toLocaleString",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
    "ctx",
    "env",
];

/// serde's tuple impls stop at 16 elements; arguments travel as one tuple.
pub const MAX_ARGS: usize = 16;

/// Runs every rule.
pub fn validate(cx: &Ctxt, iface: &Interface) {
    wire_names_are_identifiers(cx, iface);
    wire_names_are_not_reserved(cx, iface);
    wire_names_are_unique(cx, iface);
    binding_is_identifier(cx, iface);
    class_is_identifier(cx, iface);
    arity_is_bounded(cx, iface);
}

/// Every wire name is a JavaScript identifier name, so `stub.name(...)`
/// works. Reserved words are fine here (`stub.delete()` is valid), as they
/// are for property names.
fn wire_names_are_identifiers(cx: &Ctxt, iface: &Interface) {
    for m in &iface.methods {
        if !is_js_identifier_name(&m.wire_name) {
            cx.error_at(m.wire_span, not_identifier("wire name", &m.wire_name));
        }
    }
}

/// No wire name is reserved by Durable Object stubs or by JavaScript.
fn wire_names_are_not_reserved(cx: &Ctxt, iface: &Interface) {
    for m in &iface.methods {
        let wire = m.wire_name.as_str();
        if !RESERVED_METHODS.contains(&wire) {
            continue;
        }
        let reason = reserved_reason(wire);
        let rust = m.ident.to_string();
        let message = if rust == wire {
            format!("method `{wire}` is reserved: {reason}; rename it with `#[durable(rename = \"...\")]`")
        } else if rust.to_lower_camel_case() == wire {
            format!(
                "method `{rust}` has the wire name `{wire}`, which is reserved: {reason}; rename it with `#[durable(rename = \"...\")]`"
            )
        } else {
            format!("wire name `{wire}` is reserved: {reason}; choose another name")
        };
        cx.error_at(m.wire_span, message);
    }
}

/// Why a name of [`RESERVED_METHODS`] is reserved.
fn reserved_reason(name: &str) -> &'static str {
    match name {
        "fetch" | "connect" | "dup" => "every Durable Object stub has this method already",
        "alarm" | "webSocketMessage" | "webSocketClose" | "webSocketError" => {
            "workerd calls this handler on the Durable Object itself"
        }
        "then" => "a `then` method makes a stub look like a promise, so `await stub` would call it",
        "ctx" | "env" => "the generated Durable Object class keeps `ctx` and `env` as fields",
        _ => "every JavaScript object has this property already",
    }
}

/// Two methods never share a wire name (after `rename` and camelCase).
fn wire_names_are_unique(cx: &Ctxt, iface: &Interface) {
    let mut seen: BTreeMap<&str, &syn::Ident> = BTreeMap::new();
    for m in &iface.methods {
        if let Some(first) = seen.insert(&m.wire_name, &m.ident) {
            cx.error_at(
                m.wire_span,
                format!("methods `{first}` and `{}` both have the wire name `{}`", m.ident, m.wire_name),
            );
        }
    }
}

/// The binding is a JavaScript identifier name: it becomes a property of
/// `Env` (`env.delete` is valid, so reserved words are fine).
fn binding_is_identifier(cx: &Ctxt, iface: &Interface) {
    if !is_js_identifier_name(&iface.binding) {
        cx.error_at(iface.binding_span, not_identifier("binding", &iface.binding));
    }
}

/// The class is a JavaScript identifier: the entry module exports it.
fn class_is_identifier(cx: &Ctxt, iface: &Interface) {
    if !is_js_identifier(&iface.class) {
        cx.error_at(iface.class_span, not_identifier("class", &iface.class));
    }
}

/// The message for a name that [`is_js_identifier`] refuses: `what` is the
/// kind of name, e.g. `binding`.
fn not_identifier(what: &str, name: &str) -> String {
    if JS_KEYWORDS.contains(&name) {
        format!("{what} `{name}` is a JavaScript reserved word")
    } else {
        format!("{what} `{name}` is not a JavaScript identifier")
    }
}

/// A method takes at most [`MAX_ARGS`] arguments.
fn arity_is_bounded(cx: &Ctxt, iface: &Interface) {
    for m in &iface.methods {
        if m.args.len() > MAX_ARGS {
            cx.error_spanned_by(
                &m.args[MAX_ARGS].ident,
                format!("method `{}` takes more than {MAX_ARGS} arguments; group them in a struct", m.ident),
            );
        }
    }
}

/// Whether `name` is a JavaScript identifier (ASCII subset) and not a
/// reserved word: what a class or variable can be called.
pub fn is_js_identifier(name: &str) -> bool {
    is_js_identifier_name(name) && !JS_KEYWORDS.contains(&name)
}

/// Whether `name` is a JavaScript IdentifierName (ASCII subset): what a
/// property or method can be called with dot syntax, reserved words included.
pub fn is_js_identifier_name(name: &str) -> bool {
    let mut chars = name.chars();
    let head_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$');
    head_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// JavaScript's reserved words (strict mode, modules), which no class or
/// variable may be called.
pub const JS_KEYWORDS: &[&str] = &[
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
    "let",
    "static",
    "implements",
    "interface",
    "package",
    "private",
    "protected",
    "public",
    "await",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stub_and_handler_names_are_not_blamed_on_javascript() {
        let javascript = reserved_reason("toString");
        let own = ["fetch", "connect", "dup", "alarm", "webSocketMessage", "webSocketClose", "webSocketError"];
        for name in own.into_iter().chain(["then", "ctx", "env"]) {
            assert!(RESERVED_METHODS.contains(&name), "`{name}` is not reserved");
            assert_ne!(reserved_reason(name), javascript, "reason for `{name}`");
        }
        assert_ne!(reserved_reason("then"), reserved_reason("fetch"));
    }

    #[test]
    fn keywords_and_bad_characters_are_told_apart() {
        assert_eq!(not_identifier("class", "delete"), "class `delete` is a JavaScript reserved word");
        assert_eq!(not_identifier("binding", "MY-DO"), "binding `MY-DO` is not a JavaScript identifier");
        assert!(is_js_identifier("$reset_all"));
        assert!(!is_js_identifier("1Counter"));
        assert!(!is_js_identifier(""));
    }

    #[test]
    fn reserved_words_are_property_names_but_not_class_names() {
        assert!(is_js_identifier_name("delete"));
        assert!(!is_js_identifier("delete"));
        assert!(!is_js_identifier_name("get-value"));
    }
}
