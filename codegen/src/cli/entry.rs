//! `dogen entry`: scan → pair each `#[dogen::object]` with its interface →
//! render the JavaScript entry module → write.

use super::{EntryArgs, Error, Report, ts, write};
use crate::backend::entry::{ENTRY_FILE, EntryModule};
use crate::ctxt::Ctxt;
use crate::model::Interface;
use crate::object::{Object, is_object_attr};
use crate::scan::{Crate, TypeItem};
use crate::serde::{resolve, validate};

/// Runs `dogen entry`.
pub fn run(args: &EntryArgs) -> Result<Report, Error> {
    let root = ts::crate_root(&args.crate_dir)?;
    let krate = Crate::scan(&root).map_err(|source| Error::Read { path: root.clone(), source })?;
    let cx = Ctxt::new();
    let api = resolve::api(&cx, &krate);
    validate::validate(&cx, &api);
    let objects = objects(&cx, &krate);
    let pairs = pair(&cx, &api.interfaces, &objects);
    let mut diagnostics = krate.errors.clone();
    diagnostics.extend(krate.diagnostics(cx.into_errors()));
    if !diagnostics.is_empty() {
        diagnostics.sort();
        diagnostics.dedup();
        return Err(Error::Diagnostics(diagnostics));
    }
    if pairs.is_empty() {
        return Err(Error::NoObjects(root));
    }
    if !is_module_name(&args.module) {
        return Err(Error::BadModuleName(args.module.clone()));
    }
    let file = EntryModule::new(&args.module, &pairs).render_file()?;
    write::replace_files(&args.out, std::slice::from_ref(&file))?;
    let classes: Vec<&str> = pairs.iter().map(|(iface, _)| iface.class.as_str()).collect();
    Ok(Report(format!("wrote {ENTRY_FILE} in `{}`: {}", args.out.display(), classes.join(", "))))
}

/// Every `#[dogen::object]` struct of the crate, in source order.
fn objects(cx: &Ctxt, krate: &Crate) -> Vec<Object> {
    krate
        .types
        .iter()
        .filter_map(|found| match &found.item {
            TypeItem::Struct(item) => Some(item),
            _ => None,
        })
        .flat_map(|item| {
            item.attrs.iter().filter(|a| is_object_attr(a)).filter_map(|attr| Object::from_attr(cx, attr, item))
        })
        .collect()
}

/// Each object with the interface it names (by the last segment of its
/// path). An object naming no interface of the crate is an error, and so is
/// an interface served by two objects: the entry exports one class per name.
fn pair<'a>(cx: &Ctxt, interfaces: &'a [Interface], objects: &'a [Object]) -> Vec<(&'a Interface, &'a Object)> {
    let mut pairs: Vec<(&Interface, &Object)> = Vec::new();
    for object in objects {
        let Some(name) = object.interface.segments.last().map(|s| &s.ident) else { continue };
        let Some(iface) = interfaces.iter().find(|i| &i.ident == name) else {
            cx.error_spanned_by(
                &object.interface,
                format!("`{}` serves `{name}`, but this crate has no `#[durable]` trait `{name}`", object.ident),
            );
            continue;
        };
        if let Some((_, first)) = pairs.iter().find(|(i, _)| i.class == iface.class) {
            cx.error_spanned_by(
                &object.ident,
                format!("class `{}` is already served by `{}`; one object per class", iface.class, first.ident),
            );
            continue;
        }
        pairs.push((iface, object));
    }
    // Classes in the order of the interfaces, for a stable file.
    pairs.sort_by_key(|(iface, _)| interfaces.iter().position(|i| std::ptr::eq(i, *iface)));
    pairs
}

/// Whether `name` can be wasm-bindgen's `--out-name`: a plain file stem.
fn is_module_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}
