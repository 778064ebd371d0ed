//! The names a `use` item brings into its module, flattened from its tree.

use dogen_interface::parse::name_of;

use super::Use;

/// Every name `tree` binds, with `prefix` (the segments above it).
pub(super) fn flatten_use(tree: &syn::UseTree, prefix: &mut Vec<String>, leading_colon: bool, out: &mut Vec<Use>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(name_of(&p.ident));
            flatten_use(&p.tree, prefix, leading_colon, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let name = name_of(&n.ident);
            // `use a::b::{self}` binds `b`.
            let (bound, path) = if name == "self" {
                (prefix.last().cloned().unwrap_or_default(), prefix.clone())
            } else {
                (name.clone(), [prefix.as_slice(), &[name]].concat())
            };
            out.push(Use { name: Some(bound), path, leading_colon, span: n.ident.span() });
        }
        syn::UseTree::Rename(r) => {
            let name = name_of(&r.ident);
            let path = if name == "self" { prefix.clone() } else { [prefix.as_slice(), &[name]].concat() };
            let bound = name_of(&r.rename);
            if bound != "_" {
                out.push(Use { name: Some(bound), path, leading_colon, span: r.rename.span() });
            }
        }
        syn::UseTree::Glob(g) => {
            out.push(Use { name: None, path: prefix.clone(), leading_colon, span: g.star_token.span });
        }
        syn::UseTree::Group(g) => {
            for tree in &g.items {
                flatten_use(tree, prefix, leading_colon, out);
            }
        }
    }
}
