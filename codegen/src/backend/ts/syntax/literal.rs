//! String literals and property keys, quoted and escaped as Prettier
//! writes them.

use crate::backend::ts::doc::{Doc, text};

/// A string literal as Prettier writes it: double quotes unless the text
/// holds more double than single quotes.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    quote_into(s, &mut out);
    out
}

/// [`quote`](fn@quote), at the end of `out`.
pub fn quote_into(s: &str, out: &mut String) {
    let doubles = s.matches('"').count();
    let singles = s.matches('\'').count();
    let q = if doubles > singles { '\'' } else { '"' };
    out.push(q);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(q);
}

/// A property key: bare if it is an identifier name, quoted otherwise.
pub fn property_key(key: &str) -> Doc<'_> {
    if is_identifier_name(key) { text(key) } else { text(quote(key)) }
}

/// [`property_key`], at the end of `out`.
pub fn write_property_key(key: &str, out: &mut String) {
    if is_identifier_name(key) {
        out.push_str(key);
    } else {
        quote_into(key, out);
    }
}

/// Whether `name` can be written unquoted as a property name (reserved
/// words can: `{ default: T }`).
pub fn is_identifier_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}
