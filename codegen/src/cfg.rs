//! `#[cfg(..)]` evaluated for the build that serves the interfaces: a
//! Worker's wasm32-unknown-unknown build, with the crate's default features
//! (or the features `[package.metadata.dogen] features` names).
//!
//! Predicates about the target are known (`target_arch = "wasm32"` holds,
//! `unix` does not, `test` does not); features are known from the crate's
//! `Cargo.toml`; anything else (`debug_assertions`, `panic = ..`, custom
//! `--cfg` flags) is unknown, and the caller decides what an unknown
//! condition means.

use std::collections::BTreeSet;

/// What a `cfg` predicate says about the wasm32 build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    /// It holds.
    Yes,
    /// It does not.
    No,
    /// dogen cannot tell.
    Unknown,
}

impl Truth {
    fn not(self) -> Truth {
        match self {
            Truth::Yes => Truth::No,
            Truth::No => Truth::Yes,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

/// The build `cfg` is evaluated for.
#[derive(Debug, Clone, Default)]
pub struct Build {
    /// The features enabled on the crate.
    pub features: BTreeSet<String>,
}

/// `key = "value"` pairs of the wasm32-unknown-unknown target.
const TARGET: &[(&str, &str)] = &[
    ("target_arch", "wasm32"),
    ("target_os", "unknown"),
    ("target_family", "wasm"),
    ("target_env", ""),
    ("target_vendor", "unknown"),
    ("target_pointer_width", "32"),
    ("target_endian", "little"),
];

/// Names that are set or unset on every wasm32 build dogen serves.
const FLAGS: &[(&str, bool)] = &[
    ("wasm", false),
    ("unix", false),
    ("windows", false),
    ("test", false),
    ("doc", false),
    ("doctest", false),
    ("miri", false),
];

impl Build {
    /// Whether the `cfg` predicate `meta` (the inside of `#[cfg(..)]`) holds.
    pub fn eval(&self, meta: &syn::Meta) -> Truth {
        match meta {
            syn::Meta::Path(path) => {
                let Some(name) = path.get_ident().map(ToString::to_string) else { return Truth::Unknown };
                match FLAGS.iter().find(|(n, _)| *n == name) {
                    Some((_, true)) => Truth::Yes,
                    Some((_, false)) => Truth::No,
                    None => Truth::Unknown,
                }
            }
            syn::Meta::NameValue(nv) => {
                let Some(key) = nv.path.get_ident().map(ToString::to_string) else { return Truth::Unknown };
                let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(value), .. }) = &nv.value else {
                    return Truth::Unknown;
                };
                let value = value.value();
                if key == "feature" {
                    return if self.features.contains(&value) { Truth::Yes } else { Truth::No };
                }
                match TARGET.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) if *v == value => Truth::Yes,
                    Some(_) => Truth::No,
                    None => Truth::Unknown,
                }
            }
            syn::Meta::List(list) => {
                let Ok(items) =
                    list.parse_args_with(syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated)
                else {
                    return Truth::Unknown;
                };
                let truths = items.iter().map(|m| self.eval(m));
                if list.path.is_ident("not") {
                    return match items.len() {
                        1 => self.eval(&items[0]).not(),
                        _ => Truth::Unknown,
                    };
                }
                let (all, any) = (list.path.is_ident("all"), list.path.is_ident("any"));
                if !all && !any {
                    return Truth::Unknown;
                }
                // `all`: No wins; `any`: Yes wins; otherwise any Unknown is unknown.
                let (decisive, other) = if all { (Truth::No, Truth::Yes) } else { (Truth::Yes, Truth::No) };
                let mut unknown = false;
                for truth in truths {
                    if truth == decisive {
                        return decisive;
                    }
                    unknown |= truth == Truth::Unknown;
                }
                if unknown { Truth::Unknown } else { other }
            }
        }
    }

    /// Whether the item carrying `attrs` exists in the build: `No` as soon
    /// as one `#[cfg]` does not hold, `Unknown` if one cannot be told.
    pub fn item(&self, attrs: &[syn::Attribute]) -> Truth {
        let mut out = Truth::Yes;
        for attr in attrs.iter().filter(|a| a.path().is_ident("cfg")) {
            match attr.parse_args::<syn::Meta>().map(|m| self.eval(&m)).unwrap_or(Truth::Unknown) {
                Truth::No => return Truth::No,
                Truth::Unknown => out = Truth::Unknown,
                Truth::Yes => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(build: &Build, text: &str) -> Truth {
        build.eval(&syn::parse_str::<syn::Meta>(text).expect("a cfg predicate"))
    }

    #[test]
    fn the_wasm32_target_is_known() {
        let build = Build::default();
        assert_eq!(eval(&build, "target_arch = \"wasm32\""), Truth::Yes);
        assert_eq!(eval(&build, "not(target_arch = \"wasm32\")"), Truth::No);
        assert_eq!(eval(&build, "unix"), Truth::No);
        assert_eq!(eval(&build, "test"), Truth::No);
        assert_eq!(eval(&build, "target_family = \"wasm\""), Truth::Yes);
        assert_eq!(eval(&build, "debug_assertions"), Truth::Unknown);
    }

    #[test]
    fn features_all_and_any_combine() {
        let build = Build { features: ["a".to_owned()].into() };
        assert_eq!(eval(&build, "feature = \"a\""), Truth::Yes);
        assert_eq!(eval(&build, "feature = \"b\""), Truth::No);
        assert_eq!(eval(&build, "all(feature = \"a\", debug_assertions)"), Truth::Unknown);
        assert_eq!(eval(&build, "all(feature = \"b\", debug_assertions)"), Truth::No);
        assert_eq!(eval(&build, "any(feature = \"a\", debug_assertions)"), Truth::Yes);
        assert_eq!(eval(&build, "any(unix, windows)"), Truth::No);
        assert_eq!(eval(&build, "all()"), Truth::Yes);
    }
}
