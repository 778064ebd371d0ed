//! `dogen new`: a project from zero, written all at once.

use std::path::{Path, PathBuf};

use dogen_codegen::output;
use dogen_codegen::starter::{self, DogenSource};

use super::Report;
use crate::args::NewArgs;
use crate::error::Error;

/// Runs `dogen new`.
pub fn run(args: &NewArgs) -> Result<Report, Error> {
    let name = match &args.name {
        Some(name) => name.clone(),
        None => args.dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
    };
    let source = match &args.dogen_path {
        Some(path) => DogenSource::Path(absolute(path).display().to_string()),
        None => default_source(),
    };
    let files = starter::project(&name, &source)?;
    let list: Vec<(&str, &str)> = files.iter().map(|f| (f.path, f.contents.as_str())).collect();
    output::create_tree(&args.dir, &list)?;
    let from = match &source {
        DogenSource::Path(path) => format!("dogen from `{path}`"),
        DogenSource::Version(version) => format!("dogen {version} from crates.io"),
    };
    Ok(Report(format!(
        "created `{}` ({from}): a Rust Durable Object and a TypeScript Worker calling it; next:\n  \
         cd {}\n  dogen ts --out ts\n  cd caller && npm install && npx wrangler types && npx tsc\n  \
         npm run dev",
        args.dir.display(),
        args.dir.display()
    )))
}

/// The dogen this command line was built from, when it was installed from a
/// checkout (`cargo install --path cli`) that is still there; else the
/// release of the same minor version.
fn default_source() -> DogenSource {
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join("../dogen");
    let is_dogen = std::fs::read_to_string(checkout.join("Cargo.toml"))
        .is_ok_and(|manifest| manifest.lines().any(|l| l.trim() == "name = \"dogen\""));
    match checkout.canonicalize() {
        Ok(path) if is_dogen => DogenSource::Path(path.display().to_string()),
        _ => {
            let version = env!("CARGO_PKG_VERSION");
            let minor = version.rsplit_once('.').map_or(version, |(minor, _)| minor);
            DogenSource::Version(minor.to_owned())
        }
    }
}

/// `path` made absolute: resolved where it exists, else joined to the
/// current directory with `.` and `..` taken out.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let joined = std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
