//! What the crate's `Cargo.toml` tells dogen: the features of the build
//! whose `cfg` dogen evaluates, the features of dependencies that change a
//! mapped type's serde form, and the project's own type mappings, from
//! `[package.metadata.dogen]`:
//!
//! ```toml
//! [package.metadata.dogen]
//! # The build dogen types (default: the crate's default features).
//! features = ["worker"]
//!
//! [package.metadata.dogen.types]
//! # A type dogen cannot see through, by its path: its TypeScript type.
//! "crate::money::Money" = "string"
//! "geo::Point" = { ts = "GeoPoint", import = "./geo" }
//!
//! [package.metadata.dogen.fields]
//! # A field with hand-written serialization (`with`, `serialize_with`, ..).
//! "crate::Event.at" = "number"
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::cfg::Build;
use crate::diagnostic::{Diagnostic, line_col};

/// The crate's settings for dogen.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The `Cargo.toml` they were read from, if any.
    pub manifest: Option<PathBuf>,
    /// The build `cfg` is evaluated for.
    pub build: Build,
    /// Features enabled on dependencies in `Cargo.toml`, by dependency name
    /// (the name the crate uses).
    pub dependency_features: BTreeMap<String, BTreeSet<String>>,
    /// `[package.metadata.dogen.types]`, in file order.
    pub types: Vec<Mapping>,
    /// `[package.metadata.dogen.fields]`, in file order.
    pub fields: Vec<Mapping>,
}

/// One entry of a mapping table: a Rust path (or `Type.field`) and the
/// TypeScript type that stands for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// The key as written: `crate::money::Money`, `uuid::Uuid`, `crate::Event.at`.
    pub key: String,
    /// The TypeScript type, e.g. `string` or `Temporal.Instant`.
    pub ts: String,
    /// The module to import the type's first name from (`import type {
    /// Temporal } from "<import>";`), if it needs one.
    pub import: Option<String>,
    /// Where the entry is, for messages: `Cargo.toml:12:1`.
    pub at: String,
}

impl Mapping {
    /// The name `import` brings in: the type's leading identifier.
    pub fn imported_name(&self) -> Option<&str> {
        self.import.as_ref()?;
        let end = self.ts.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).unwrap_or(self.ts.len());
        Some(&self.ts[..end]).filter(|n| !n.is_empty())
    }
}

/// The metadata table dogen reads.
pub const METADATA: &str = "package.metadata.dogen";

impl Config {
    /// The settings of the crate whose root module is `root`: read from
    /// the `Cargo.toml` of the crate (`<dir>/Cargo.toml` for a root
    /// `<dir>/src/lib.rs`, else beside the root file). No manifest, no
    /// settings; a manifest dogen cannot read is an error at its place.
    pub fn for_root(root: &Path) -> (Config, Vec<Diagnostic>) {
        let dir = root.parent().unwrap_or(Path::new(""));
        let dir = if dir.file_name().is_some_and(|n| n == "src") { dir.parent().unwrap_or(dir) } else { dir };
        let manifest = dir.join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&manifest) else { return (Config::default(), Vec::new()) };
        Config::parse(&manifest, &text)
    }

    /// Reads a manifest's text: the settings, and every problem with them
    /// (an entry with a problem is left out).
    pub fn parse(manifest: &Path, text: &str) -> (Config, Vec<Diagnostic>) {
        let at = |span: Option<Range<usize>>, message: String| {
            let (line, column) = span.map(|s| line_col(text, s.start)).unwrap_or((1, 1));
            Diagnostic { path: manifest.to_path_buf(), line, column, message }
        };
        let doc = match toml_edit::Document::parse(text) {
            Ok(doc) => doc,
            Err(e) => {
                let error = at(e.span(), format!("cannot read `Cargo.toml`: {}", e.message().trim_end()));
                return (Config::default(), vec![error]);
            }
        };
        let mut config = Config { manifest: Some(manifest.to_path_buf()), ..Config::default() };
        let mut errors = Vec::new();
        // Default features, expanded through the `[features]` table.
        let table = doc.get("features").and_then(|f| f.as_table_like());
        let mut queue: Vec<String> = vec!["default".to_owned()];
        let metadata = doc
            .get("package")
            .and_then(|p| p.get("metadata"))
            .and_then(|m| m.get("dogen"))
            .and_then(|d| d.as_table_like());
        if let Some(list) = metadata.and_then(|m| m.get("features")) {
            match list.as_array() {
                Some(array) => queue = array.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
                None => {
                    errors.push(at(list.span(), format!("`{METADATA}.features` must be an array of feature names")))
                }
            }
        }
        let mut features = BTreeSet::new();
        while let Some(feature) = queue.pop() {
            if let Some((dep, dep_feature)) = feature.split_once('/') {
                let dep = dep.trim_end_matches('?');
                config.dependency_features.entry(dep.to_owned()).or_default().insert(dep_feature.to_owned());
                continue;
            }
            if feature.starts_with("dep:") || !features.insert(feature.clone()) {
                continue;
            }
            if let Some(implied) = table.and_then(|t| t.get(&feature)).and_then(|i| i.as_array()) {
                queue.extend(implied.iter().filter_map(|v| v.as_str().map(str::to_owned)));
            }
        }
        features.remove("default");
        config.build.features = features;
        for section in ["dependencies", "target"] {
            let Some(item) = doc.get(section).and_then(|d| d.as_table_like()) else { continue };
            let mut tables: Vec<&dyn toml_edit::TableLike> = Vec::new();
            if section == "dependencies" {
                tables.push(item);
            } else {
                for (_, target) in item.iter() {
                    if let Some(deps) = target.get("dependencies").and_then(|d| d.as_table_like()) {
                        tables.push(deps);
                    }
                }
            }
            for deps in tables {
                for (name, dep) in deps.iter() {
                    let listed = dep.get("features").and_then(|f| f.as_array());
                    let entry = config.dependency_features.entry(name.to_owned()).or_default();
                    entry.extend(listed.into_iter().flatten().filter_map(|v| v.as_str().map(str::to_owned)));
                }
            }
        }
        if let Some(metadata) = metadata {
            for (key, list) in [("types", &mut config.types), ("fields", &mut config.fields)] {
                let Some(item) = metadata.get(key) else { continue };
                let Some(table) = item.as_table_like() else {
                    errors.push(at(item.span(), format!("`{METADATA}.{key}` must be a table")));
                    continue;
                };
                for (name, value) in table.iter() {
                    let place = |span: Option<Range<usize>>| {
                        let (line, column) = span.map(|s| line_col(text, s.start)).unwrap_or((1, 1));
                        format!("{}:{line}:{column}", manifest.display())
                    };
                    let span = table.key(name).and_then(|k| k.span()).or_else(|| value.span());
                    let (ts, import) = if let Some(ts) = value.as_str() {
                        (Some(ts.to_owned()), None)
                    } else if let Some(entry) = value.as_table_like() {
                        let ts = entry.get("ts").and_then(|t| t.as_str()).map(str::to_owned);
                        let import = entry.get("import").and_then(|t| t.as_str()).map(str::to_owned);
                        let unknown: Vec<&str> =
                            entry.iter().map(|(k, _)| k).filter(|k| !["ts", "import"].contains(k)).collect();
                        if !unknown.is_empty() {
                            errors.push(at(
                                span.clone(),
                                format!(
                                    "unknown key `{}` in the mapping of `{name}`; expected `ts` and `import`",
                                    unknown[0]
                                ),
                            ));
                            continue;
                        }
                        (ts, import)
                    } else {
                        (None, None)
                    };
                    let Some(ts) = ts.filter(|t| !t.trim().is_empty()) else {
                        errors.push(at(
                            span,
                            format!("the mapping of `{name}` needs a TypeScript type: `\"{name}\" = \"string\"` or `{{ ts = \"..\", import = \"..\" }}`"),
                        ));
                        continue;
                    };
                    if key == "fields" && !name.contains('.') {
                        errors.push(at(
                            span,
                            format!("field mapping `{name}` must name a field: `Type.field` (e.g. `crate::Event.at`)"),
                        ));
                        continue;
                    }
                    list.push(Mapping { key: name.to_owned(), ts: ts.trim().to_owned(), import, at: place(span) });
                }
            }
        }
        (config, errors)
    }

    /// Whether the crate's own `Cargo.toml` enables `feature` on the
    /// dependency `krate` (features enabled elsewhere in the dependency
    /// graph are not seen).
    pub fn dependency_has(&self, krate: &str, feature: &str) -> bool {
        self.dependency_features.get(krate).is_some_and(|f| f.contains(feature))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_features_expand_and_metadata_is_read() {
        let text = r#"
[package]
name = "x"

[features]
default = ["a"]
a = ["b", "time/serde-human-readable"]
b = []
c = []

[dependencies]
uuid = { version = "1", features = ["serde"] }

[package.metadata.dogen.types]
"crate::Money" = "string"
"geo::Point" = { ts = "GeoPoint", import = "./geo" }

[package.metadata.dogen.fields]
"crate::Event.at" = "number"
"#;
        let (config, errors) = Config::parse(Path::new("Cargo.toml"), text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(config.build.features, ["a".to_owned(), "b".to_owned()].into());
        assert!(config.dependency_has("time", "serde-human-readable"));
        assert!(config.dependency_has("uuid", "serde"));
        assert_eq!(config.types.len(), 2);
        assert_eq!(config.types[1].imported_name(), Some("GeoPoint"));
        assert_eq!(config.types[0].imported_name(), None);
        assert_eq!(config.fields[0].key, "crate::Event.at");
        assert_eq!(config.types[0].at, "Cargo.toml:15:1");
    }

    #[test]
    fn bad_entries_are_errors_at_their_place() {
        let text =
            "[package.metadata.dogen.types]\n\"a::B\" = 3\n[package.metadata.dogen.fields]\n\"Event\" = \"number\"\n";
        let (_, errors) = Config::parse(Path::new("Cargo.toml"), text);
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(shown[0].starts_with("Cargo.toml:2:1: error: the mapping of `a::B` needs"), "{shown:?}");
        assert!(shown[1].contains("must name a field"), "{shown:?}");
    }
}
