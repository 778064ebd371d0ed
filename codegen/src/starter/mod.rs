//! A new project from zero (`dogen new`): a Rust Durable Object crate whose
//! interface is a `#[dogen::durable]` trait, kept in storage, built by
//! worker-build with `dogen entry`, and a TypeScript Worker calling it over
//! native RPC with `wrangler types` and `dogen ts` wired together.
//!
//! The files are rendered from `templates/`, which mirrors the project's
//! layout (`Cargo.toml.in` is the project's `Cargo.toml`: a file of that
//! name would make the folder a package of its own, left out of this one).

use askama::Template;

use crate::backend::RenderError;
use crate::error::Error;

/// Where the new project's `dogen` dependency comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DogenSource {
    /// A checkout of dogen: the path of its `dogen` crate.
    Path(String),
    /// A release from crates.io, by version requirement.
    Version(String),
}

impl DogenSource {
    /// The `[dependencies]` line.
    fn dependency(&self) -> String {
        match self {
            DogenSource::Path(path) => format!("dogen = {{ path = {}, features = [\"worker\"] }}", toml_string(path)),
            DogenSource::Version(version) => {
                format!("dogen = {{ version = {}, features = [\"worker\"] }}", toml_string(version))
            }
        }
    }
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One file of the project: its path relative to the project directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFile {
    /// The path, `/`-separated.
    pub path: &'static str,
    /// The whole contents.
    pub contents: String,
}

/// The fields every starter template reads.
struct Fields<'a> {
    /// The crate's and the Worker's name.
    name: &'a str,
    /// The `dogen` dependency line.
    dogen: String,
}

macro_rules! starter_files {
    ($($ty:ident: $file:literal => $path:literal;)+) => {
        $(
            #[derive(Template)]
            #[template(path = $file, escape = "none")]
            // Not every template reads every field.
            #[allow(dead_code)]
            struct $ty<'a> {
                name: &'a str,
                dogen: &'a str,
            }
        )+

        /// Renders every file of the project.
        fn render(fields: &Fields<'_>) -> Result<Vec<ProjectFile>, RenderError> {
            Ok(vec![$(
                ProjectFile {
                    path: $path,
                    contents: $ty { name: fields.name, dogen: &fields.dogen }
                        .render()
                        .map_err(|source| RenderError { file: $path, source })?,
                },
            )+])
        }
    };
}

starter_files! {
    CargoToml: "starter/templates/Cargo.toml.in" => "Cargo.toml";
    LibRs: "starter/templates/src/lib.rs" => "src/lib.rs";
    ObjectRs: "starter/templates/src/object.rs" => "src/object.rs";
    WranglerToml: "starter/templates/wrangler.toml" => "wrangler.toml";
    GitIgnore: "starter/templates/gitignore" => ".gitignore";
    Readme: "starter/templates/README.md" => "README.md";
    CallerPackage: "starter/templates/caller/package.json" => "caller/package.json";
    CallerWrangler: "starter/templates/caller/wrangler.toml" => "caller/wrangler.toml";
    CallerTsconfig: "starter/templates/caller/tsconfig.json" => "caller/tsconfig.json";
    CallerIndex: "starter/templates/caller/src/index.ts" => "caller/src/index.ts";
}

/// The project named `name`, in memory.
pub fn project(name: &str, dogen: &DogenSource) -> Result<Vec<ProjectFile>, Error> {
    check_name(name)?;
    let files = render(&Fields { name, dogen: dogen.dependency() })?;
    // Every file ends with one newline.
    Ok(files.into_iter().map(|f| ProjectFile { contents: format!("{}\n", f.contents.trim_end()), ..f }).collect())
}

/// A project's name is its crate's and its Worker's: lowercase letters,
/// digits and `-`, starting with a letter, at most 54 characters (a Worker
/// name is at most 63, and the caller adds `-caller`).
fn check_name(name: &str) -> Result<(), Error> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.ends_with('-')
        && name.len() <= 54;
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "`{name}` cannot name a project: use lowercase letters, digits and `-`, starting with a letter (it names the crate and the Worker), or pass `--name`"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_crate_and_worker_names() {
        assert!(check_name("todo-app").is_ok());
        assert!(check_name("a1").is_ok());
        for bad in ["", "Todo", "1app", "todo_app", "todo-", "a b", &"a".repeat(55)] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn paths_are_quoted_for_toml() {
        assert_eq!(
            DogenSource::Path("/x/\"y\"\\z".into()).dependency(),
            r#"dogen = { path = "/x/\"y\"\\z", features = ["worker"] }"#
        );
    }
}
