//! The project's mapping tables (`[package.metadata.dogen.types]` and
//! `[package.metadata.dogen.fields]`), indexed for lookup, and which types
//! of other crates dogen or the project maps.

use crate::config::Mapping;
use crate::diagnostic::Diagnostic;
use crate::model::Shape;
use crate::wire::builtin;

use super::Resolver;

impl Resolver<'_> {
    /// Indexes the project's mapping tables; a key naming no type of the
    /// crate is an error at the entry.
    pub(super) fn read_mappings(&mut self, errors: &mut Vec<Diagnostic>) {
        let error_at = |mapping: &Mapping, message: String| {
            let mut parts = mapping.at.rsplitn(3, ':');
            let column = parts.next().and_then(|c| c.parse().ok()).unwrap_or(1);
            let line = parts.next().and_then(|l| l.parse().ok()).unwrap_or(1);
            let path = parts.next().unwrap_or_default().into();
            Diagnostic { path, line, column, message }
        };
        for mapping in &self.config.types {
            let segs: Vec<String> = mapping.key.split("::").map(|s| s.trim().to_owned()).collect();
            if segs.iter().any(String::is_empty) {
                errors.push(error_at(mapping, format!("`{}` is not a type path", mapping.key)));
                continue;
            }
            if segs[0] == "crate" && segs.len() > 1 {
                let (module, name) = (&segs[1..segs.len() - 1], &segs[segs.len() - 1]);
                match self.type_in(module, name) {
                    Some(index) => {
                        self.mapped_items.insert(index, mapping.clone());
                    }
                    None => errors.push(error_at(
                        mapping,
                        format!("`{}` names no struct, enum or type alias of this crate", mapping.key),
                    )),
                }
            } else if segs.len() > 1 {
                let key = (builtin::crate_key(&segs[0]).to_owned(), segs[segs.len() - 1].clone());
                self.mapped_external.insert(key, mapping.clone());
            } else {
                errors.push(error_at(
                    mapping,
                    format!(
                        "`{}` needs its path: `crate::module::{}` for a type of this crate, `other_crate::{}` for another crate's",
                        mapping.key, mapping.key, mapping.key
                    ),
                ));
            }
        }
        for mapping in &self.config.fields {
            let Some((owner, field)) = mapping.key.rsplit_once('.') else { continue };
            let owner: Vec<String> =
                owner.split("::").map(|s| s.trim().to_owned()).skip_while(|s| s == "crate").collect();
            self.mapped_fields.insert((owner, field.trim().to_owned()), mapping.clone());
        }
    }

    /// Whether dogen or the project maps `krate::name`.
    pub(super) fn knows(&self, krate: &str, name: &str) -> bool {
        if self.mapped_external.contains_key(&(krate.to_owned(), name.to_owned())) {
            return true;
        }
        let unit: syn::Type = syn::parse_quote!(());
        let shape = |_: &syn::Type| Ok(Shape::Unit);
        builtin::external(krate, name, &[&unit, &unit], &shape, self.config).is_some()
    }
}
