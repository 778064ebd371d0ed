//! From a crate directory to a validated [`Api`]: scan the source, build
//! the interfaces through the proc-macro's own code, follow the serde types
//! they reach, pair `#[dogen::object]` structs with their interfaces, and
//! run every rule: the front end's, then the backend's. Every error of the
//! crate is reported at once, sorted by place.

use std::path::{Path, PathBuf};

use dogen_interface::ctxt::Ctxt;
use dogen_interface::object::{Object, is_object_attr};
use dogen_interface::punct::Items as _;

use crate::backend::Backend;
use crate::config::Config;
use crate::error::Error;
use crate::model::{Api, Interface, ServedObject};
use crate::scan::{Crate, TypeItem};
use crate::wire::{resolve, validate};

/// A crate, read and validated.
#[derive(Debug)]
pub struct Loaded {
    /// The crate directory, as given.
    pub dir: PathBuf,
    /// What the scan found.
    pub krate: Crate,
    /// The interfaces, the types they reach, and the objects serving them.
    pub api: Api,
}

/// The root module of the crate in `dir`: `src/lib.rs`, else `src/main.rs`.
pub fn crate_root(dir: &Path) -> Result<PathBuf, Error> {
    if !dir.is_dir() {
        return Err(Error::MissingCrateDir(dir.to_path_buf()));
    }
    ["src/lib.rs", "src/main.rs"]
        .iter()
        .map(|p| dir.join(p))
        .find(|p| p.is_file())
        .ok_or_else(|| Error::NoRootModule(dir.to_path_buf()))
}

/// Reads the crate in `dir` (checking first that it depends on a `dogen`
/// this generator serves) and validates it for `backends`.
pub fn load(dir: &Path, backends: &[&dyn Backend]) -> Result<Loaded, Error> {
    let root = crate_root(dir)?;
    crate::version::check(dir)?;
    let (krate, api) = load_root(&root, backends)?;
    Ok(Loaded { dir: dir.to_path_buf(), krate, api })
}

/// Reads the crate whose root module is `root`, without the version check:
/// for single-file crates and tests.
pub fn load_root(root: &Path, backends: &[&dyn Backend]) -> Result<(Crate, Api), Error> {
    let (config, config_errors) = Config::for_root(root);
    let mut krate = Crate::scan(root, &config.build).map_err(Error::read(root))?;
    let cx = Ctxt::new();
    let mut config_errors = config_errors;
    let mut api = resolve::api(&cx, &mut krate, &config, &mut config_errors);
    api.objects = pair(&cx, &api.interfaces, objects(&cx, &krate));
    validate::validate(&cx, &api);
    for backend in backends {
        backend.validate(&cx, &api);
    }
    let mut diagnostics = krate.errors.clone();
    diagnostics.extend(config_errors);
    diagnostics.extend(krate.diagnostics(cx.into_errors()));
    if !diagnostics.is_empty() {
        diagnostics.sort();
        diagnostics.dedup();
        return Err(Error::Diagnostics(diagnostics));
    }
    if api.interfaces.is_empty() {
        return Err(Error::NoTraits(root.to_path_buf()));
    }
    Ok((krate, api))
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
/// path), in the order of the interfaces. An object naming no interface of
/// the crate is an error, and so is a class served by two objects: a
/// Worker exports one class per name.
fn pair(cx: &Ctxt, interfaces: &[Interface], objects: Vec<Object>) -> Vec<ServedObject> {
    let mut pairs: Vec<ServedObject> = Vec::new();
    for object in objects {
        let Some(name) = object.interface.segments.last_item().map(|s| s.ident.clone()) else { continue };
        let Some(index) = interfaces.iter().position(|i| i.ident == name) else {
            cx.error_spanned_by(
                &object.interface,
                format!("`{}` serves `{name}`, but this crate has no `#[durable]` trait `{name}`", object.ident),
            );
            continue;
        };
        if let Some(first) = pairs.iter().find(|p| interfaces[p.interface].class == interfaces[index].class) {
            cx.error_spanned_by(
                &object.ident,
                format!(
                    "class `{}` is already served by `{}`; one object per class",
                    interfaces[index].class, first.object.ident
                ),
            );
            continue;
        }
        pairs.push(ServedObject { interface: index, object });
    }
    pairs.sort_by_key(|p| p.interface);
    pairs
}
