//! `dogen entry`: scan → pair each `#[dogen::object]` with its interface →
//! render the JavaScript entry module → write.

use std::path::Path;

use super::{EntryArgs, Error, Report, ts, write};
use crate::backend::OutputFile;
use crate::backend::entry::{ENTRY_FILE, EntryModule};
use crate::ctxt::Ctxt;
use crate::model::Interface;
use crate::object::{Object, is_object_attr};
use crate::scan::{Crate, TypeItem};

/// Runs `dogen entry`.
pub fn run(args: &EntryArgs) -> Result<Report, Error> {
    let root = ts::crate_root(&args.crate_dir)?;
    let (classes, file) = generate(&root, &args.module)?;
    write::replace_files(&args.out, std::slice::from_ref(&file))?;
    Ok(Report(format!("wrote {ENTRY_FILE} in `{}`: {}", args.out.display(), classes.join(", "))))
}

/// Reads the crate whose root module is `root` and renders its entry
/// module, in memory: the classes it exports, and the file. `module` is
/// wasm-bindgen's `--out-name`.
pub fn generate(root: &Path, module: &str) -> Result<(Vec<String>, OutputFile), Error> {
    if !is_module_name(module) {
        return Err(Error::BadModuleName(module.to_owned()));
    }
    let (_, api, served) = ts::load(root, |cx, krate, api| pair(cx, &api.interfaces, objects(cx, krate)))?;
    let pairs: Vec<(&Interface, &Object)> = served.iter().map(|(i, object)| (&api.interfaces[*i], object)).collect();
    if pairs.is_empty() {
        return Err(Error::NoObjects(root.to_path_buf()));
    }
    let file = EntryModule::new(module, &pairs).render_file()?;
    Ok((pairs.iter().map(|(iface, _)| iface.class.clone()).collect(), file))
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

/// Each object with the index of the interface it names (by the last
/// segment of its path), in the order of the interfaces. An object naming
/// no interface of the crate is an error, and so is an interface served by
/// two objects: the entry exports one class per name.
fn pair(cx: &Ctxt, interfaces: &[Interface], objects: Vec<Object>) -> Vec<(usize, Object)> {
    let mut pairs: Vec<(usize, Object)> = Vec::new();
    for object in objects {
        let Some(name) = object.interface.segments.last().map(|s| s.ident.clone()) else { continue };
        let Some(index) = interfaces.iter().position(|i| i.ident == name) else {
            cx.error_spanned_by(
                &object.interface,
                format!("`{}` serves `{name}`, but this crate has no `#[durable]` trait `{name}`", object.ident),
            );
            continue;
        };
        if let Some((_, first)) = pairs.iter().find(|(i, _)| interfaces[*i].class == interfaces[index].class) {
            cx.error_spanned_by(
                &object.ident,
                format!(
                    "class `{}` is already served by `{}`; one object per class",
                    interfaces[index].class, first.ident
                ),
            );
            continue;
        }
        pairs.push((index, object));
    }
    pairs.sort_by_key(|(index, _)| *index);
    pairs
}

/// Whether `name` can be wasm-bindgen's `--out-name`: a plain file stem.
fn is_module_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}
