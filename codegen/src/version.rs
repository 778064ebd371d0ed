//! Versions in step: the command line and the `dogen` crate a project
//! depends on share a wire contract (`__dogen_call`, `/__dogen/v1`, the
//! shape of generated code), so the generator refuses to write for a
//! `dogen` it is not compatible with.
//!
//! The version a crate resolves is read from its `Cargo.lock`, or its
//! workspace's (the nearest one above the crate directory). Compatibility
//! is Cargo's: the same major version, or for `0.x`, the same minor.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The crate whose version must be compatible with this generator.
pub const RUNTIME_CRATE: &str = "dogen";

/// A crate that resolves an incompatible `dogen`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The lock file that names it.
    pub lock_file: PathBuf,
    /// The version it resolves.
    pub found: String,
    /// This generator's version.
    pub ours: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` resolves `dogen` {}, but this dogen command line is {}: the code it generates would not match the crate's runtime; \
             install the command line of the same version (`cargo install dogen-cli@{}`, or `cargo install --path cli` from that dogen's source), \
             or move the crate to dogen {} (`cargo update -p dogen`, with `dogen = \"{}\"` in its Cargo.toml)",
            self.lock_file.display(),
            self.found,
            self.ours,
            self.found,
            requirement(&self.ours),
            requirement(&self.ours),
        )
    }
}

impl std::error::Error for Mismatch {}

/// Checks the `dogen` versions the crate in `crate_dir` resolves against
/// this generator's. A crate without a lock file, or whose lock has no
/// `dogen`, is not refused: there is nothing to compare.
pub fn check(crate_dir: &Path) -> Result<(), Error> {
    let Some(lock_file) = find_lock(crate_dir) else { return Ok(()) };
    let text = std::fs::read_to_string(&lock_file).map_err(Error::read(&lock_file))?;
    for found in resolved(&text, RUNTIME_CRATE) {
        if !compatible(&found, crate::VERSION) {
            return Err(Error::Version(Mismatch { lock_file, found, ours: crate::VERSION.to_owned() }));
        }
    }
    Ok(())
}

/// The nearest `Cargo.lock` in `dir` or above it.
fn find_lock(dir: &Path) -> Option<PathBuf> {
    let start = dir.canonicalize().ok()?;
    start.ancestors().map(|d| d.join("Cargo.lock")).find(|p| p.is_file())
}

/// Every version of `name` a `Cargo.lock` resolves.
pub fn resolved(lock: &str, name: &str) -> Vec<String> {
    resolved_plain(lock, name).unwrap_or_else(|| resolved_toml(lock, name))
}

/// [`resolved`], through the TOML parser: any lock TOML can write.
fn resolved_toml(lock: &str, name: &str) -> Vec<String> {
    let Ok(doc) = lock.parse::<toml_edit::DocumentMut>() else { return Vec::new() };
    let Some(packages) = doc.get("package").and_then(|p| p.as_array_of_tables()) else { return Vec::new() };
    packages
        .iter()
        .filter(|p| p.get("name").and_then(|n| n.as_str()) == Some(name))
        .filter_map(|p| p.get("version").and_then(|v| v.as_str()).map(str::to_owned))
        .collect()
}

/// [`resolved`] for a lock in the plain form Cargo writes (bare keys,
/// strings without escapes, one array element a line), read line by line
/// instead of through a TOML parser; `None` for anything else, which the
/// TOML parser then reads.
fn resolved_plain(lock: &str, name: &str) -> Option<Vec<String>> {
    /// The text of `"..."`: ASCII without quotes, backslashes or controls.
    fn string(value: &str) -> Option<&str> {
        let inner = value.strip_prefix('"')?.strip_suffix('"')?;
        inner.bytes().all(|b| (b' '..0x7f).contains(&b) && b != b'"' && b != b'\\').then_some(inner)
    }
    fn bare_key(key: &str) -> bool {
        !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    }
    if lock.contains('\r') {
        return None;
    }
    let mut found = Vec::new();
    // The keys of the table being read; `None` at the top level.
    let mut package: Option<Vec<(&str, Option<&str>)>> = None;
    let mut top: Vec<&str> = Vec::new();
    let finish = |table: Option<Vec<(&str, Option<&str>)>>, found: &mut Vec<String>| {
        let Some(table) = table else { return };
        let get = |key: &str| table.iter().find(|(k, _)| *k == key).and_then(|(_, v)| *v);
        if get("name") == Some(name)
            && let Some(version) = get("version")
        {
            found.push(version.to_owned());
        }
    };
    let mut lines = lock.split('\n');
    while let Some(line) = lines.next() {
        if line.is_empty() {
            continue;
        }
        if line.starts_with('#') {
            if line.bytes().any(|b| b.is_ascii_control() || !b.is_ascii()) {
                return None;
            }
            continue;
        }
        if line == "[[package]]" {
            finish(package.take(), &mut found);
            package = Some(Vec::new());
            continue;
        }
        let (key, value) = line.split_once(" = ")?;
        if !bare_key(key) {
            return None;
        }
        let text = if value == "[" {
            // One string a line, each followed by a comma, then `]`.
            loop {
                let element = lines.next()?;
                if element == "]" {
                    break;
                }
                string(element.trim_start_matches(' ').strip_suffix(',')?)?;
            }
            None
        } else if let Some(text) = string(value) {
            Some(text)
        } else {
            let digits = value.len() <= 18 && value.bytes().all(|b| b.is_ascii_digit());
            if !digits || value.is_empty() || (value.len() > 1 && value.starts_with('0')) {
                return None;
            }
            None
        };
        match &mut package {
            Some(table) => {
                if table.iter().any(|(k, _)| *k == key) {
                    return None;
                }
                table.push((key, text));
            }
            None => {
                if key == "package" || top.contains(&key) {
                    return None;
                }
                top.push(key);
            }
        }
    }
    finish(package, &mut found);
    Some(found)
}

/// Whether Cargo would let `a` stand in for `b`: the same major version,
/// or for `0.x` the same minor (`0.0.x` only itself).
pub fn compatible(a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (parts(a), parts(b)) else { return a == b };
    match (a, b) {
        ((0, 0, pa), (0, 0, pb)) => pa == pb,
        ((0, ma, _), (0, mb, _)) => ma == mb,
        ((ma, _, _), (mb, _, _)) => ma == mb,
    }
}

/// `1.2.3` (a pre-release or build suffix is ignored) as numbers.
fn parts(version: &str) -> Option<(u64, u64, u64)> {
    let core = version.split(['-', '+']).next()?;
    let mut numbers = core.split('.').map(|n| n.parse::<u64>().ok());
    Some((numbers.next()??, numbers.next()??, numbers.next()??))
}

/// The requirement that selects versions compatible with `version`:
/// `0.1` for `0.1.4`, `1` for `1.2.0`.
fn requirement(version: &str) -> String {
    match parts(version) {
        Some((0, 0, patch)) => format!("=0.0.{patch}"),
        Some((0, minor, _)) => format!("0.{minor}"),
        Some((major, _, _)) => major.to_string(),
        None => version.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_compatibility() {
        assert!(compatible("0.1.0", "0.1.7"));
        assert!(!compatible("0.2.0", "0.1.0"));
        assert!(compatible("1.4.0", "1.0.0"));
        assert!(!compatible("2.0.0", "1.9.9"));
        assert!(!compatible("0.0.1", "0.0.2"));
        assert!(compatible("0.1.0-alpha.1", "0.1.0"));
    }

    #[test]
    fn lock_entries() {
        let lock = "version = 4\n\n[[package]]\nname = \"dogen\"\nversion = \"0.2.0\"\n\n[[package]]\nname = \"dogen-macros\"\nversion = \"0.2.0\"\n";
        assert_eq!(resolved(lock, "dogen"), ["0.2.0"]);
        assert!(resolved("not toml [", "dogen").is_empty());
        // The plain reading agrees with the TOML parser, or leaves the lock to it.
        let workspace =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.lock")).unwrap_or_default();
        assert!(resolved_plain(&workspace, "dogen").is_some());
        for lock in [
            lock.to_owned(),
            workspace.clone(),
            format!("{lock}dependencies = [\n \"a\",\n]\n"),
            format!("{lock}name = \"dogen\"\n"),
            format!("package = 1\n{lock}"),
            format!("{lock}[metadata]\nx = 1\n"),
            format!("{lock}x = \"a\" # c\n"),
            format!("{lock}x = 01\n"),
            lock.replace('\n', "\r\n"),
            String::new(),
        ] {
            assert_eq!(resolved(&lock, "dogen"), resolved_toml(&lock, "dogen"), "{lock}");
        }
        assert_eq!(requirement("0.1.3"), "0.1");
        assert_eq!(requirement("2.1.3"), "2");
    }
}
