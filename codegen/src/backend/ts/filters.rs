//! Names in the generated TypeScript (heck), and the askama filters the
//! templates in `templates/ts/` use.

use std::fmt::Display;

use heck::ToLowerCamelCase;

/// The client type of trait `name`: `CounterClient`.
pub fn client_type(name: &str) -> String {
    format!("{name}Client")
}

/// The function making a client of trait `name`: `counterClient`.
pub fn client_factory(name: &str) -> String {
    client_type(name).to_lower_camel_case()
}

/// The reply table of trait `name`'s client: `counterReplies`.
pub fn replies_table(name: &str) -> String {
    format!("{}Replies", name.to_lower_camel_case())
}

/// Askama filter: `value` as a `//` comment block, one `// ` line per
/// line (`//` alone for blank lines).
#[askama::filter_fn]
pub(crate) fn line_comment(value: impl Display, _: &dyn askama::Values) -> askama::Result<String> {
    let text = value.to_string();
    let lines: Vec<String> = text
        .lines()
        .map(|l| if l.trim().is_empty() { "//".to_owned() } else { format!("// {}", l.trim_end()) })
        .collect();
    Ok(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_trait() {
        assert_eq!(client_type("Counter"), "CounterClient");
        assert_eq!(client_factory("Counter"), "counterClient");
        assert_eq!(client_factory("HTTPCache"), "httpCacheClient");
        assert_eq!(replies_table("RateLimiter"), "rateLimiterReplies");
    }
}
