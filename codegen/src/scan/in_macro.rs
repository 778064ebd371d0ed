//! Finding a `#[durable]` trait written inside a macro call, which dogen
//! cannot expand, so the scan can say so instead of missing it silently.

/// Where a `#[durable]` (or `#[dogen::durable]`) attribute on a trait sits
/// inside macro tokens, if anywhere.
pub(super) fn durable_trait_in(tokens: proc_macro2::TokenStream) -> Option<proc_macro2::Span> {
    use proc_macro2::TokenTree;
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Punct(p) if p.as_char() == '#' => {
                if let Some(TokenTree::Group(g)) = trees.get(i + 1)
                    && g.delimiter() == proc_macro2::Delimiter::Bracket
                    && is_durable_path(g.stream())
                    && followed_by_trait(&trees[i + 2..])
                {
                    return Some(p.span());
                }
            }
            TokenTree::Group(g) => {
                if let Some(span) = durable_trait_in(g.stream()) {
                    return Some(span);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether an attribute's tokens start with `durable` or `dogen::durable`.
fn is_durable_path(tokens: proc_macro2::TokenStream) -> bool {
    use proc_macro2::TokenTree;
    let words: Vec<String> = tokens
        .into_iter()
        .take(4)
        .map(|t| match t {
            TokenTree::Ident(i) => i.to_string(),
            TokenTree::Punct(p) => p.as_char().to_string(),
            _ => String::new(),
        })
        .collect();
    matches!(words.first().map(String::as_str), Some("durable"))
        || words.iter().take(4).map(String::as_str).collect::<Vec<_>>() == ["dogen", ":", ":", "durable"]
}

/// Whether `trees`, after other attributes and a visibility, start a trait.
fn followed_by_trait(trees: &[proc_macro2::TokenTree]) -> bool {
    use proc_macro2::TokenTree;
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Punct(p) if p.as_char() == '#' => i += 2,
            TokenTree::Ident(w) if ["pub", "unsafe", "auto"].contains(&w.to_string().as_str()) => i += 1,
            TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Parenthesis => i += 1,
            TokenTree::Ident(w) => return w == "trait",
            _ => return false,
        }
    }
    false
}
